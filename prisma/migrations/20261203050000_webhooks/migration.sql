-- Outbound webhooks (src/webhooks): subscriptions, the events to announce, one delivery
-- per event and subscription, and every HTTP attempt of a delivery.
--
-- Events are written by triggers on the two audit trails, inside the transaction that
-- wrote the audit row: an appointment change or an exception step that commits has its
-- event, one that rolls back has none, whichever code path made it (the engine, the ops
-- core, a future job). A durable cursor over the trails could skip a row committed late
-- with an earlier timestamp; an outbox row written in the same transaction cannot be lost,
-- and its unique (source, type) key makes a second write of the same event impossible.

ALTER TYPE "ExceptionType" ADD VALUE 'webhook_failing';

CREATE TABLE "webhook_subscription" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "description" TEXT,
    "event_types" TEXT[] NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "failing_since" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_subscription_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "webhook_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" TEXT NOT NULL,
    "source_table" TEXT NOT NULL,
    "source_id" UUID NOT NULL,
    "entity_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "body" TEXT,
    "fanned_out_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "webhook_event_source_table_source_id_type_key" ON "webhook_event"("source_table", "source_id", "type");
CREATE INDEX "webhook_event_fanned_out_at_occurred_at_idx" ON "webhook_event"("fanned_out_at", "occurred_at");

CREATE TABLE "webhook_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "lease_until" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "webhook_delivery_event_id_subscription_id_key" ON "webhook_delivery"("event_id", "subscription_id");
CREATE INDEX "webhook_delivery_status_next_attempt_at_idx" ON "webhook_delivery"("status", "next_attempt_at");
CREATE INDEX "webhook_delivery_subscription_id_created_at_idx" ON "webhook_delivery"("subscription_id", "created_at");
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "webhook_attempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "delivery_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'in_flight',
    "response_status" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "webhook_attempt_delivery_id_number_key" ON "webhook_attempt"("delivery_id", "number");
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which webhook events an appointment_event row announces. A booking made confirmed is
-- both created and confirmed; a reschedule is announced once, on the new appointment
-- (its "rescheduled_in" row), not as a cancellation of the old one.
CREATE FUNCTION webhook_types_of_appointment_event(action TEXT, after JSONB) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN action = 'booked' THEN ARRAY['appointment.created', 'appointment.confirmed']
    WHEN action = 'requested' THEN ARRAY['appointment.created']
    WHEN action = 'rescheduled_in' THEN ARRAY['appointment.rescheduled']
    WHEN action = 'canceled' THEN ARRAY['appointment.canceled']
    WHEN action = 'status' AND after->>'status' IN ('confirmed', 'completed', 'no_show', 'canceled') THEN ARRAY['appointment.' || (after->>'status')]
    ELSE ARRAY[]::TEXT[]
  END
$$;

-- Which webhook events an audit_event row announces: an exception opened, or closed
-- (resolved or dismissed; the payload's status says which).
CREATE FUNCTION webhook_types_of_audit_event(entity_type TEXT, action TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN entity_type = 'exception' AND action = 'opened' THEN ARRAY['exception.raised']
    WHEN entity_type = 'exception' AND action IN ('resolved', 'dismissed') THEN ARRAY['exception.resolved']
    ELSE ARRAY[]::TEXT[]
  END
$$;

CREATE FUNCTION webhook_event_from_appointment_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "webhook_event" ("type", "source_table", "source_id", "entity_id", "occurred_at")
  SELECT t, 'appointment_event', NEW."id", NEW."appointment_id", NEW."at"
  FROM unnest(webhook_types_of_appointment_event(NEW."action", NEW."after")) AS t
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE FUNCTION webhook_event_from_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- entity_id is text in the generic trail; only exception ids (uuids) are announced.
  INSERT INTO "webhook_event" ("type", "source_table", "source_id", "entity_id", "occurred_at")
  SELECT t, 'audit_event', NEW."id", NEW."entity_id"::uuid, NEW."at"
  FROM unnest(webhook_types_of_audit_event(NEW."entity_type", NEW."action")) AS t
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "appointment_event_webhook" AFTER INSERT ON "appointment_event"
  FOR EACH ROW EXECUTE FUNCTION webhook_event_from_appointment_event();
CREATE TRIGGER "audit_event_webhook" AFTER INSERT ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION webhook_event_from_audit_event();
