import type { AppointmentFacts } from '../../contract/notifier.ts';
import type { PrismaClient } from '../../db/client.ts';
import { sendFacts } from './plans.ts';
import { reminderRecipient, type ReminderRecipient } from './recipient.ts';

// The send-time re-check of a claimed batch: every appointment in it read from the
// committed record in one query (see plans.ts sendFacts), so a batch of a hundred
// reminders costs one round trip, not a few hundred. The same facts as
// src/notices/appointment-facts.ts reads for one appointment, plus whom to remind.

export interface SendFacts {
  facts: AppointmentFacts;
  /** A later appointment replaced this one. */
  rescheduled: boolean;
  recipient: ReminderRecipient;
}

interface Row {
  id: string;
  status: string;
  channel: string;
  startsAtMs: number;
  endsAtMs: number;
  serviceName: string;
  locationName: string;
  locationAddress: string;
  timeZone: string;
  contactPhone: string | null;
  businessName: string;
  customerPhone: string | null;
  customerTimeZone: string | null;
  hasRequester: boolean;
  slackUserId: string | null;
  teamsUserId: string | null;
  rescheduled: boolean;
  staffName: string | null;
}

function toSendFacts(r: Row): SendFacts {
  return {
    rescheduled: r.rescheduled,
    recipient: reminderRecipient({
      channel: r.channel,
      timeZone: r.timeZone,
      customer: r.customerPhone === null ? null : { phone: r.customerPhone, timeZone: r.customerTimeZone },
      requester: r.hasRequester ? { slackUserId: r.slackUserId, teamsUserId: r.teamsUserId } : null,
    }),
    facts: {
      id: r.id,
      status: r.status,
      serviceName: r.serviceName,
      startsAt: new Date(r.startsAtMs),
      endsAt: new Date(r.endsAtMs),
      timeZone: r.timeZone,
      locationName: r.locationName,
      locationAddress: r.locationAddress,
      contactPhone: r.contactPhone,
      businessName: r.businessName,
      staffName: r.staffName,
    },
  };
}

/** The appointments' facts by id; an appointment that no longer exists is absent. */
export async function readSendFacts(db: PrismaClient, appointmentIds: string[]): Promise<Map<string, SendFacts>> {
  if (!appointmentIds.length) return new Map();
  const rows = await db.$queryRawUnsafe<Row[]>(sendFacts(), [...new Set(appointmentIds)]);
  return new Map(rows.map((r) => [r.id, toSendFacts(r)]));
}
