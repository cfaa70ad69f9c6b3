import type { HoldRecord, SchedulingTx } from '../../engine/ports.ts';
import * as plans from './plans.ts';
import { appointmentPatch, appointmentRow, contactOf, eventRow, holdRow, json, reservationRows, toRecord, type ViewRow } from './rows.ts';
import { isUuid, loadSnapshot, type ScheduleCache } from './snapshot.ts';
import { run, type Sql } from './sql.ts';
import { refusalsTranslated } from './translate.ts';

// The operations the engine runs inside one transaction, each one or two plans.

interface HoldRow {
  id: string;
  service_id: string;
  location_id: string;
  customer_id: string | null;
  conversation_id: string | null;
  starts_at: number;
  ends_at: number;
  expires_at: number;
  res: Array<[string, string]>;
}

function toHold(h: HoldRow): HoldRecord {
  return {
    id: h.id,
    serviceId: h.service_id,
    locationId: h.location_id,
    customerId: h.customer_id,
    conversationId: h.conversation_id,
    start: new Date(h.starts_at),
    end: new Date(h.ends_at),
    expiresAt: new Date(h.expires_at),
    resourceIds: h.res.map((x) => x[0]),
    sessionKeys: [...new Set(h.res.map((x) => x[1]))],
  };
}

export function createTx(tx: Sql, cache: ScheduleCache): SchedulingTx {
  return {
    async prepareResources(resourceIds, now, serializeOn) {
      await run(tx, plans.deleteExpiredHoldsOn(), resourceIds, now.toISOString());
      if (serializeOn.length > 0) await run(tx, plans.lockSerializationKeys(), serializeOn);
    },

    loadSnapshot: (req) => loadSnapshot(cache, tx, req),

    insertAppointment: (a, reservations) =>
      refusalsTranslated(async () => {
        await run(tx, plans.insertAppointment(), appointmentRow(a), reservationRows(reservations), contactOf(a));
      }),

    insertHold: (h, reservations) =>
      refusalsTranslated(async () => {
        await run(tx, plans.insertHold(), holdRow(h), reservationRows(reservations));
      }),

    async lockHold(holdId) {
      if (!isUuid(holdId)) return null;
      const [row] = await run<HoldRow>(tx, plans.lockHold(), holdId);
      return row ? toHold(row) : null;
    },

    convertHold: (holdId, appointmentId, renames) =>
      refusalsTranslated(async () => {
        await run(tx, plans.moveHoldReservations(), holdId, appointmentId, json([...renames].map(([old, renamed]) => ({ old, new: renamed }))));
        await run(tx, plans.deleteHold(), holdId);
      }),

    async lockAppointment(appointmentId) {
      if (!isUuid(appointmentId)) return null;
      const [row] = await run<ViewRow>(tx, plans.lockAppointment(), appointmentId);
      return row ? toRecord(row) : null;
    },

    async updateAppointment(id, patch) {
      await run(tx, plans.updateAppointment(), id, appointmentPatch(patch));
    },

    async releaseReservations(appointmentId) {
      await run(tx, plans.releaseReservations(), appointmentId);
    },

    async addEvent(e) {
      await run(tx, plans.insertEvent(), eventRow(e));
    },
  };
}
