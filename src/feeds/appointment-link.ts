import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../db/client.ts';
import { renderCalendar, type FeedEventRow } from './calendar.ts';
import * as plans from './plans.ts';

// One appointment as an .ics file behind an unguessable link, for confirmations.
//
// The token is the appointment id with an HMAC of it, keyed by a secret generated on
// first use and kept in the `setting` table: nothing is stored per appointment, a
// guessed or altered token fails the MAC, and every process of one installation
// agrees on the key. The link follows the appointment's reschedule chain, so the link
// in the first confirmation shows the current time (or the cancellation).

const KEY_SETTING = 'ics_link_key';
const MAC_BYTES = 16;

/** The installation's link key: read, or created once (two processes racing both read the winner's). */
async function linkKey(db: PrismaClient): Promise<Buffer> {
  await db.setting.createMany({ data: [{ key: KEY_SETTING, value: { key: randomBytes(32).toString('base64') } }], skipDuplicates: true });
  const row = await db.setting.findUniqueOrThrow({ where: { key: KEY_SETTING } });
  return Buffer.from((row.value as { key: string }).key, 'base64');
}

const idBytes = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');
const mac = (key: Buffer, id: Buffer) => createHmac('sha256', key).update('ics:appointment:').update(id).digest().subarray(0, MAC_BYTES);

/** base64url(16 id bytes + 16 MAC bytes): 43 characters. */
export function signAppointmentToken(key: Buffer, appointmentId: string): string {
  const id = idBytes(appointmentId);
  return Buffer.concat([id, mac(key, id)]).toString('base64url');
}

/** The appointment id a token was signed for, or null for anything else. */
export function verifyAppointmentToken(key: Buffer, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  const id = raw.subarray(0, 16);
  if (!timingSafeEqual(raw.subarray(16), mac(key, id))) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const appointmentIcsPath = (token: string) => `/ics/appointments/${token}.ics`;

/**
 * The confirmation's "add to calendar" link for an appointment, or null without a
 * public URL: a link to localhost in a customer's text would be worse than none.
 */
export async function appointmentCalendarUrl(db: PrismaClient, { publicUrl, appointmentId }: { publicUrl: string | undefined; appointmentId: string }): Promise<string | null> {
  if (!publicUrl) return null;
  const token = signAppointmentToken(await linkKey(db), appointmentId);
  return `${publicUrl.replace(/\/+$/, '')}${appointmentIcsPath(token)}`;
}

/** The .ics of the appointment a token names (its chain's newest), or null for a bad token or a deleted appointment. */
export async function readAppointmentIcs(db: PrismaClient, token: string): Promise<string | null> {
  const id = verifyAppointmentToken(await linkKey(db), token);
  if (!id) return null;
  const [newest] = await db.$queryRawUnsafe<Array<{ id: string }>>(plans.newestInChain(), id);
  if (!newest) return null;
  const rows = await db.$queryRawUnsafe<FeedEventRow[]>(plans.feedEvents('appointment'), newest.id, new Date(0), new Date(8.64e15));
  if (!rows.length) return null;
  return renderCalendar({ name: rows[0]!.service_name, audience: 'customer', rows });
}
