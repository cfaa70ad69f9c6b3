import type { Prisma, PrismaClient } from '../db/client.ts';

// Every SQL statement of the webhook deliveries, one named builder each (pg-boss style):
// the flow modules say which statement runs with which data; the statement is read here.

export interface Statement {
  text: string;
  values: unknown[];
}

type Db = PrismaClient | Prisma.TransactionClient;

export const query = <T>(db: Db, s: Statement): Promise<T[]> => db.$queryRawUnsafe<T[]>(s.text, ...s.values);
export const execute = (db: Db, s: Statement): Promise<number> => db.$executeRawUnsafe(s.text, ...s.values);

export interface UnpreparedEvent {
  id: string;
  type: string;
  entityId: string;
  occurredAt: Date;
}

/** Events not yet fanned out, oldest first; locked, so dispatchers running at once split them. */
export const lockUnpreparedEvents = (p: { limit: number }): Statement => ({
  text: `SELECT id, type, entity_id AS "entityId", occurred_at AS "occurredAt"
           FROM webhook_event
          WHERE fanned_out_at IS NULL
          ORDER BY occurred_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
  values: [p.limit],
});

/**
 * One delivery per enabled subscription to the event's type that existed when the event
 * happened (a new subscription does not receive the past). Unique per event and
 * subscription: fanning out twice creates nothing new.
 */
export const insertDeliveries = (p: { eventId: string; type: string; occurredAt: Date; now: Date }): Statement => ({
  text: `INSERT INTO webhook_delivery (event_id, subscription_id, next_attempt_at)
         SELECT $1::uuid, s.id, $4::timestamptz
           FROM webhook_subscription s
          WHERE s.enabled AND $2 = ANY (s.event_types) AND s.created_at <= $3::timestamptz
         ON CONFLICT (event_id, subscription_id) DO NOTHING`,
  values: [p.eventId, p.type, p.occurredAt, p.now],
});

/** Fixes the body every attempt sends (null: the record is gone, nothing to send). */
export const markPrepared = (p: { eventId: string; body: string | null; now: Date }): Statement => ({
  text: `UPDATE webhook_event SET body = $2, fanned_out_at = $3::timestamptz WHERE id = $1::uuid`,
  values: [p.eventId, p.body, p.now],
});

/**
 * Deliveries whose lease ran out while an attempt was in flight: the process sending it
 * stopped (a crash, a kill). The attempt is recorded as interrupted and the delivery is
 * due again; its event id lets the receiver drop the copy if the first one arrived.
 */
export const releaseExpiredLeases = (p: { now: Date }): Statement => ({
  text: `WITH expired AS (
           UPDATE webhook_delivery SET lease_until = NULL
            WHERE status = 'pending' AND lease_until < $1::timestamptz
           RETURNING id
         )
         UPDATE webhook_attempt a
            SET outcome = 'interrupted', finished_at = $1::timestamptz,
                error = 'the sending process stopped before the outcome was known'
           FROM expired
          WHERE a.delivery_id = expired.id AND a.outcome = 'in_flight'
         RETURNING a.id`,
  values: [p.now],
});

/** Deliveries due now and not claimed, for enabled subscriptions. */
export const dueDeliveries = (p: { now: Date; limit: number }): Statement => ({
  text: `SELECT d.id
           FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1::timestamptz
            AND (d.lease_until IS NULL OR d.lease_until < $1::timestamptz) AND s.enabled
          ORDER BY d.next_attempt_at, d.id
          LIMIT $2`,
  values: [p.now, p.limit],
});

export interface ClaimedDelivery {
  deliveryId: string;
  attemptId: string;
  number: number;
  subscriptionId: string;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  body: string;
  startedAt: Date;
}

/**
 * Claims one due delivery for one attempt: a lease (so no other worker sends it
 * meanwhile) and the attempt's row, written before the request so an attempt cut short
 * by a crash is still on record. Two workers claiming at once: the second finds the
 * lease set when its UPDATE re-reads the row, and claims nothing.
 */
export const claimDelivery = (p: { deliveryId: string; now: Date; leaseUntil: Date }): Statement => ({
  text: `WITH claimed AS (
           UPDATE webhook_delivery d
              SET lease_until = $3::timestamptz, attempts = d.attempts + 1
             FROM webhook_subscription s
            WHERE d.id = $1::uuid AND s.id = d.subscription_id AND s.enabled
              AND d.status = 'pending' AND d.next_attempt_at <= $2::timestamptz
              AND (d.lease_until IS NULL OR d.lease_until < $2::timestamptz)
           RETURNING d.id, d.attempts, d.event_id, s.id AS subscription_id, s.url, s.secret
         ), attempt AS (
           INSERT INTO webhook_attempt (delivery_id, number, started_at)
           SELECT id, attempts, $2::timestamptz FROM claimed
           RETURNING id
         )
         SELECT c.id AS "deliveryId", (SELECT id FROM attempt) AS "attemptId", c.attempts AS number,
                c.subscription_id AS "subscriptionId", c.url, c.secret, e.id AS "eventId", e.type, e.body,
                $2::timestamptz AS "startedAt"
           FROM claimed c JOIN webhook_event e ON e.id = c.event_id`,
  values: [p.deliveryId, p.now, p.leaseUntil],
});

export const finishAttempt = (p: { attemptId: string; outcome: 'succeeded' | 'failed'; responseStatus: number | null; error: string | null; durationMs: number; now: Date }): Statement => ({
  text: `UPDATE webhook_attempt
            SET outcome = $2, response_status = $3, error = $4, duration_ms = $5, finished_at = $6::timestamptz
          WHERE id = $1::uuid`,
  values: [p.attemptId, p.outcome, p.responseStatus, p.error, p.durationMs, p.now],
});

export const markDelivered = (p: { deliveryId: string; now: Date }): Statement => ({
  text: `UPDATE webhook_delivery SET status = 'delivered', delivered_at = $2::timestamptz, lease_until = NULL WHERE id = $1::uuid`,
  values: [p.deliveryId, p.now],
});

export const scheduleRetry = (p: { deliveryId: string; at: Date }): Statement => ({
  text: `UPDATE webhook_delivery SET next_attempt_at = $2::timestamptz, lease_until = NULL WHERE id = $1::uuid AND status = 'pending'`,
  values: [p.deliveryId, p.at],
});

export const giveUpDelivery = (p: { deliveryId: string }): Statement => ({
  text: `UPDATE webhook_delivery SET status = 'failed', lease_until = NULL WHERE id = $1::uuid AND status = 'pending'`,
  values: [p.deliveryId],
});

/** A success ends the subscriber's run of failures. */
export const resetFailures = (p: { subscriptionId: string; now: Date }): Statement => ({
  text: `UPDATE webhook_subscription SET consecutive_failures = 0, failing_since = NULL, updated_at = $2::timestamptz
          WHERE id = $1::uuid AND consecutive_failures > 0`,
  values: [p.subscriptionId, p.now],
});

export interface FailureStreak {
  consecutiveFailures: number;
  failingSince: Date | null;
  url: string;
}

/** One more failure in the subscriber's run; the run starts at its first attempt's start. */
export const countFailure = (p: { subscriptionId: string; attemptStartedAt: Date; now: Date }): Statement => ({
  text: `UPDATE webhook_subscription
            SET consecutive_failures = consecutive_failures + 1,
                failing_since = coalesce(failing_since, $2::timestamptz), updated_at = $3::timestamptz
          WHERE id = $1::uuid
         RETURNING consecutive_failures AS "consecutiveFailures", failing_since AS "failingSince", url`,
  values: [p.subscriptionId, p.attemptStartedAt, p.now],
});

/** Disables an enabled subscription; returns a row only for the call that disabled it. */
export const disableSubscription = (p: { subscriptionId: string; reason: string; now: Date }): Statement => ({
  text: `UPDATE webhook_subscription SET enabled = false, disabled_at = $3::timestamptz, disabled_reason = $2, updated_at = $3::timestamptz
          WHERE id = $1::uuid AND enabled
         RETURNING id`,
  values: [p.subscriptionId, p.reason, p.now],
});

/** A disabled subscriber's pending deliveries are not sent later: they are abandoned. */
export const abandonPending = (p: { subscriptionId: string }): Statement => ({
  text: `UPDATE webhook_delivery SET status = 'abandoned', lease_until = NULL WHERE subscription_id = $1::uuid AND status = 'pending'`,
  values: [p.subscriptionId],
});
