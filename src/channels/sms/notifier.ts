import type { AppointmentFacts, Notice, NoticeResult, NoticeStatus, Notifier } from '../../contract/notifier.ts';
import type { PrismaClient } from '../../db/client.ts';
import type { OutboundKind, OutboundRow, SmsSender } from './outbound.ts';
import { formatWhenWithZone } from './render.ts';

// The SMS channel's Notifier: renders a Notice as one short text and sends it through
// the SMS sender, which records it in the outbox first and delivers each idempotency
// key once (and never to an opted-out number). Appointment notices are built from the
// committed record in the notice; a staff reply is sent as written, under the
// business's name so the customer knows who is writing.

/** Raised for a notice kind this channel has no wording for: it is not sent at all. */
export class UnsupportedNotice extends Error {
  override name = 'UnsupportedNotice';
}

const when = (a: AppointmentFacts) => formatWhenWithZone(a.startsAt, a.timeZone);
const callUs = (a: AppointmentFacts) => (a.contactPhone ? ` Questions? Call ${a.contactPhone}.` : '');

function need<T>(value: T | undefined, kind: string, what: string): T {
  if (value === undefined) throw new UnsupportedNotice(`A ${kind} notice needs ${what}.`);
  return value;
}

/** The SMS text for a notice; pure. */
export function renderSmsNotice(notice: Notice, businessName: string): string {
  switch (notice.kind) {
    case 'staff_reply':
      return `${businessName}: ${need(notice.text, notice.kind, 'text').trim()}`;
    case 'confirmation': {
      const a = need(notice.appointment, notice.kind, 'an appointment');
      return `${a.businessName}: your ${a.serviceName} is booked for ${when(a)} at ${a.locationName}, ${a.locationAddress}.${callUs(a)}`;
    }
    case 'reminder': {
      const a = need(notice.appointment, notice.kind, 'an appointment');
      return `${a.businessName}: reminder of your ${a.serviceName} on ${when(a)} at ${a.locationName}, ${a.locationAddress}.${callUs(a)}`;
    }
    case 'cancellation': {
      const a = need(notice.appointment, notice.kind, 'an appointment');
      return `${a.businessName}: your ${a.serviceName} on ${when(a)} is canceled.${callUs(a)}`;
    }
    default:
      throw new UnsupportedNotice(`SMS has no wording for ${notice.kind} notices yet.`);
  }
}

const OUTBOUND_KIND: Partial<Record<Notice['kind'], OutboundKind>> = {
  confirmation: 'confirmation',
  reminder: 'reminder',
  cancellation: 'notice',
  staff_reply: 'notice',
};

function noticeStatus(row: OutboundRow): NoticeStatus {
  switch (row.status) {
    case 'sent':
    case 'delivered':
      return 'sent';
    case 'outbox':
      return 'outbox';
    case 'queued':
    case 'sending':
      return 'queued';
    case 'suppressed':
      return 'suppressed';
    case 'failed':
    case 'undelivered':
      return 'failed';
  }
}

export interface SmsNotifierDeps {
  sender: SmsSender;
  db: PrismaClient;
}

export function createSmsNotifier({ sender, db }: SmsNotifierDeps): Notifier {
  return {
    channel: 'sms',
    async send(notice: Notice): Promise<NoticeResult> {
      if (notice.to.channel !== 'sms') throw new UnsupportedNotice(`The SMS notifier cannot reach a ${notice.to.channel} recipient.`);
      const business = await db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { name: true } });
      const body = renderSmsNotice(notice, notice.appointment?.businessName ?? business?.name ?? 'Frontdesk');
      const { message, created } = await sender.send({
        to: notice.to.address,
        body,
        kind: OUTBOUND_KIND[notice.kind] ?? 'notice',
        idempotencyKey: notice.idempotencyKey,
        appointmentId: notice.appointment?.id ?? null,
      });
      return { messageId: message.id, status: noticeStatus(message), duplicate: !created };
    },
  };
}
