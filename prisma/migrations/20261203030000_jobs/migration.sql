-- Jobs (src/jobs): per-business quiet hours and no-show settings, the customer's own
-- time zone (quiet hours are the customer's night), and one row per reminder that fell
-- due, so every reminder is accounted for: sent, skipped or suppressed, with its reason.

CREATE TYPE "NoShowOutcome" AS ENUM ('no_show', 'completed');
CREATE TYPE "ReminderStatus" AS ENUM ('pending', 'sent', 'skipped', 'suppressed');

ALTER TABLE "business"
    ADD COLUMN "quiet_hours_start" TEXT NOT NULL DEFAULT '21:00',
    ADD COLUMN "quiet_hours_end" TEXT NOT NULL DEFAULT '08:00',
    ADD COLUMN "no_show_grace_minutes" INTEGER NOT NULL DEFAULT 15,
    ADD COLUMN "no_show_answer_minutes" INTEGER NOT NULL DEFAULT 120,
    ADD COLUMN "no_show_unanswered" "NoShowOutcome" NOT NULL DEFAULT 'completed';

ALTER TABLE "customer" ADD COLUMN "time_zone" TEXT;

CREATE TABLE "reminder_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointment_id" UUID NOT NULL,
    "offset_minutes" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "recipient" TEXT,
    "status" "ReminderStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "send_at" TIMESTAMPTZ(3) NOT NULL,
    "claimed_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notice_status" TEXT,
    "message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reminder_delivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "reminder_delivery_appointment_id_offset_minutes_channel_key" ON "reminder_delivery"("appointment_id", "offset_minutes", "channel");
CREATE INDEX "reminder_delivery_status_claimed_until_idx" ON "reminder_delivery"("status", "claimed_until");
ALTER TABLE "reminder_delivery" ADD CONSTRAINT "reminder_delivery_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
