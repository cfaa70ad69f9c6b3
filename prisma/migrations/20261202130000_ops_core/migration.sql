-- The ops core (src/ops): an exception lifecycle open → assigned → resolved, or
-- dismissed; one open exception per type and subject; and a generic audit trail.

-- "acknowledged" meant someone had picked the exception up: that is "assigned" now.
ALTER TYPE "ExceptionStatus" RENAME VALUE 'acknowledged' TO 'assigned';
ALTER TYPE "ExceptionStatus" ADD VALUE 'dismissed';

-- What the exception is about, so a second raise for the same thing finds the first.
-- Existing rows get the subject the raise function would have given them.
ALTER TABLE "exception" ADD COLUMN "subject" TEXT;
UPDATE "exception" SET "subject" = coalesce(
  'key:' || ("details"->>'dedupeKey'),
  'appointment:' || "appointment_id"::text,
  'conversation:' || "conversation_id"::text,
  'customer:' || "customer_id"::text,
  'exception:' || "id"::text
);
ALTER TABLE "exception" ALTER COLUMN "subject" SET NOT NULL;
ALTER TABLE "exception" ADD COLUMN "assigned_at" TIMESTAMPTZ(3);
ALTER TABLE "exception" ADD COLUMN "closed_by" TEXT;
ALTER TABLE "exception" ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "exception_type_subject_idx" ON "exception"("type", "subject");
CREATE INDEX "exception_assignee_user_id_idx" ON "exception"("assignee_user_id");

CREATE TABLE "audit_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_event_entity_type_entity_id_at_idx" ON "audit_event"("entity_type", "entity_id", "at");
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");
