-- Frontdesk initial schema.

-- btree_gist lets one exclusion constraint mix equality on ids with range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "ResourceKind" AS ENUM ('staff', 'room', 'equipment');

CREATE TYPE "RoutingStrategy" AS ENUM ('round_robin', 'least_busy', 'previous_provider', 'language_first');

CREATE TYPE "AppointmentStatus" AS ENUM ('requested', 'confirmed', 'completed', 'canceled', 'no_show');

CREATE TYPE "Channel" AS ENUM ('sms', 'slack', 'teams', 'api', 'web');

CREATE TYPE "ActorType" AS ENUM ('customer', 'user', 'system', 'model');

CREATE TYPE "ExceptionType" AS ENUM ('no_slot', 'intake_incomplete', 'provider_out', 'approval_needed', 'message_failed', 'human_requested', 'opted_out_upcoming');

CREATE TYPE "ExceptionStatus" AS ENUM ('open', 'acknowledged', 'resolved');

CREATE TYPE "Role" AS ENUM ('admin', 'manager', 'staff', 'viewer');

CREATE TYPE "OutboundStatus" AS ENUM ('queued', 'sent', 'delivered', 'failed', 'undelivered', 'suppressed');

CREATE TYPE "MessageDirection" AS ENUM ('inbound', 'outbound');

CREATE TABLE "business" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "policies" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "location" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "business_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "postal_codes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "territory" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "service" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "business_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "synonyms" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "duration_minutes" INTEGER NOT NULL,
    "buffer_before_minutes" INTEGER NOT NULL DEFAULT 0,
    "buffer_after_minutes" INTEGER NOT NULL DEFAULT 0,
    "min_notice_minutes" INTEGER NOT NULL DEFAULT 0,
    "max_horizon_days" INTEGER NOT NULL DEFAULT 60,
    "slot_step_minutes" INTEGER NOT NULL DEFAULT 15,
    "seats" INTEGER NOT NULL DEFAULT 1,
    "requires_approval" BOOLEAN NOT NULL DEFAULT false,
    "routing_strategy" "RoutingStrategy" NOT NULL DEFAULT 'round_robin',
    "intake_questions" JSONB NOT NULL DEFAULT '[]',
    "reminder_offsets_minutes" INTEGER[] NOT NULL DEFAULT ARRAY[1440, 120]::INTEGER[],
    "cancellation_window_minutes" INTEGER NOT NULL DEFAULT 1440,
    "price_cents" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "rule_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "service_requirement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "skills" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "service_requirement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "service_eligibility" (
    "service_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,

    CONSTRAINT "service_eligibility_pkey" PRIMARY KEY ("service_id", "resource_id")
);

CREATE TABLE "resource" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "location_id" UUID NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "skills" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "languages" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "max_daily_bookings" INTEGER,
    "routing_weight" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "slack_user_id" TEXT,
    "teams_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resource_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "weekly_hours" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resource_id" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_time" TEXT NOT NULL,
    "end_time" TEXT NOT NULL,

    CONSTRAINT "weekly_hours_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "date_override" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resource_id" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "start_time" TEXT NOT NULL,
    "end_time" TEXT NOT NULL,

    CONSTRAINT "date_override_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "time_off" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resource_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "time_off_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "customer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "phone" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "postal_code" TEXT,
    "opted_out" BOOLEAN NOT NULL DEFAULT false,
    "opted_out_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "email" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "slack_user_id" TEXT,
    "teams_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "api_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'admin',
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "appointment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "customer_id" UUID,
    "requester_user_id" UUID,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'confirmed',
    "channel" "Channel" NOT NULL,
    "intake" JSONB NOT NULL DEFAULT '{}',
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "rescheduled_from_id" UUID,
    "idempotency_key" TEXT,
    "rule_version" INTEGER NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "canceled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "canceled_by" TEXT,
    "late_cancel" BOOLEAN,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "hold" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "customer_id" UUID,
    "conversation_id" UUID,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hold_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reservation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resource_id" UUID NOT NULL,
    "appointment_id" UUID,
    "hold_id" UUID,
    "session_key" TEXT NOT NULL,
    "block_start" TIMESTAMPTZ(3) NOT NULL,
    "block_end" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "appointment_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointment_id" UUID NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" TEXT,
    "channel" "Channel",
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_event_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "conversation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel" "Channel" NOT NULL,
    "external_id" TEXT NOT NULL,
    "customer_id" UUID,
    "user_id" UUID,
    "state" JSONB NOT NULL DEFAULT '{}',
    "handed_off" BOOLEAN NOT NULL DEFAULT false,
    "last_message_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "conversation_id" UUID NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "role" TEXT NOT NULL,
    "text" TEXT,
    "external_id" TEXT,
    "tool_calls" JSONB,
    "tool_result" JSONB,
    "attachments" JSONB,
    "prompt_version" TEXT,
    "provider" TEXT,
    "token_usage" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "exception" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" "ExceptionType" NOT NULL,
    "status" "ExceptionStatus" NOT NULL DEFAULT 'open',
    "appointment_id" UUID,
    "conversation_id" UUID,
    "customer_id" UUID,
    "assignee_user_id" UUID,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "resolution" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "exception_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "outbound_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel" "Channel" NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "OutboundStatus" NOT NULL DEFAULT 'queued',
    "provider_message_id" TEXT,
    "segments" INTEGER,
    "error" TEXT,
    "appointment_id" UUID,
    "conversation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbound_message_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "location_business_id_idx" ON "location"("business_id");
CREATE UNIQUE INDEX "service_business_id_slug_key" ON "service"("business_id", "slug");
CREATE UNIQUE INDEX "service_requirement_service_id_kind_key" ON "service_requirement"("service_id", "kind");
CREATE INDEX "service_eligibility_resource_id_idx" ON "service_eligibility"("resource_id");
CREATE UNIQUE INDEX "resource_slack_user_id_key" ON "resource"("slack_user_id");
CREATE UNIQUE INDEX "resource_teams_user_id_key" ON "resource"("teams_user_id");
CREATE INDEX "resource_location_id_idx" ON "resource"("location_id");
CREATE INDEX "weekly_hours_resource_id_idx" ON "weekly_hours"("resource_id");
CREATE INDEX "date_override_resource_id_date_idx" ON "date_override"("resource_id", "date");
CREATE INDEX "time_off_resource_id_starts_at_idx" ON "time_off"("resource_id", "starts_at");
CREATE UNIQUE INDEX "customer_phone_key" ON "customer"("phone");
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");
CREATE UNIQUE INDEX "app_user_slack_user_id_key" ON "app_user"("slack_user_id");
CREATE UNIQUE INDEX "app_user_teams_user_id_key" ON "app_user"("teams_user_id");
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");
CREATE UNIQUE INDEX "appointment_rescheduled_from_id_key" ON "appointment"("rescheduled_from_id");
CREATE UNIQUE INDEX "appointment_idempotency_key_key" ON "appointment"("idempotency_key");
CREATE INDEX "appointment_customer_id_starts_at_idx" ON "appointment"("customer_id", "starts_at");
CREATE INDEX "appointment_status_starts_at_idx" ON "appointment"("status", "starts_at");
CREATE INDEX "appointment_starts_at_idx" ON "appointment"("starts_at");
CREATE INDEX "hold_expires_at_idx" ON "hold"("expires_at");
CREATE INDEX "reservation_resource_id_block_start_idx" ON "reservation"("resource_id", "block_start");
CREATE INDEX "reservation_appointment_id_idx" ON "reservation"("appointment_id");
CREATE INDEX "reservation_hold_id_idx" ON "reservation"("hold_id");
CREATE INDEX "appointment_event_appointment_id_at_idx" ON "appointment_event"("appointment_id", "at");
CREATE UNIQUE INDEX "conversation_channel_external_id_key" ON "conversation"("channel", "external_id");
CREATE INDEX "message_conversation_id_created_at_idx" ON "message"("conversation_id", "created_at");
CREATE UNIQUE INDEX "message_conversation_id_external_id_key" ON "message"("conversation_id", "external_id");
CREATE INDEX "exception_status_created_at_idx" ON "exception"("status", "created_at");
CREATE UNIQUE INDEX "outbound_message_idempotency_key_key" ON "outbound_message"("idempotency_key");
CREATE UNIQUE INDEX "outbound_message_provider_message_id_key" ON "outbound_message"("provider_message_id");
CREATE INDEX "outbound_message_to_created_at_idx" ON "outbound_message"("to", "created_at");

ALTER TABLE "location" ADD CONSTRAINT "location_business_id_fkey" FOREIGN KEY ("business_id") REFERENCES "business"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "service" ADD CONSTRAINT "service_business_id_fkey" FOREIGN KEY ("business_id") REFERENCES "business"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "service_requirement" ADD CONSTRAINT "service_requirement_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "service_eligibility" ADD CONSTRAINT "service_eligibility_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "service_eligibility" ADD CONSTRAINT "service_eligibility_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "resource" ADD CONSTRAINT "resource_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "weekly_hours" ADD CONSTRAINT "weekly_hours_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "date_override" ADD CONSTRAINT "date_override_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_requester_user_id_fkey" FOREIGN KEY ("requester_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_rescheduled_from_id_fkey" FOREIGN KEY ("rescheduled_from_id") REFERENCES "appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "hold" ADD CONSTRAINT "hold_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "hold" ADD CONSTRAINT "hold_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "hold" ADD CONSTRAINT "hold_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "hold" ADD CONSTRAINT "hold_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_hold_id_fkey" FOREIGN KEY ("hold_id") REFERENCES "hold"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "appointment_event" ADD CONSTRAINT "appointment_event_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "message" ADD CONSTRAINT "message_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "exception" ADD CONSTRAINT "exception_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "exception" ADD CONSTRAINT "exception_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "exception" ADD CONSTRAINT "exception_assignee_user_id_fkey" FOREIGN KEY ("assignee_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Integrity the Prisma schema language cannot express.
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_time_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "hold" ADD CONSTRAINT "hold_time_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_time_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "weekly_hours" ADD CONSTRAINT "weekly_hours_weekday_check" CHECK ("weekday" BETWEEN 1 AND 7);
ALTER TABLE "service" ADD CONSTRAINT "service_numbers_check" CHECK (
    "duration_minutes" > 0 AND "buffer_before_minutes" >= 0 AND "buffer_after_minutes" >= 0
    AND "min_notice_minutes" >= 0 AND "max_horizon_days" > 0 AND "slot_step_minutes" > 0 AND "seats" > 0);
ALTER TABLE "resource" ADD CONSTRAINT "resource_numbers_check" CHECK ("capacity" > 0 AND "routing_weight" > 0);
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_owner_check" CHECK (("appointment_id" IS NULL) <> ("hold_id" IS NULL));
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_block_check" CHECK ("block_end" > "block_start");

-- No double booking, whichever code path writes: two live reservations of one
-- resource may overlap only when they belong to the same session (seats of one
-- class). Blocks include each appointment's own buffers; ranges are half-open,
-- so a block ending 09:30 does not clash with one starting 09:30.
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_no_overlap" EXCLUDE USING gist (
    "resource_id" WITH =,
    "session_key" WITH <>,
    tstzrange("block_start", "block_end", '[)') WITH &&
) WHERE ("active");
