-- When a provider is out (src/reschedule): a change to a resource that makes booked
-- appointments impossible starts a reschedule flow, one offer per affected appointment
-- (messaged → rebooked / declined / escalated). The customer notices that take a short
-- answer (a reminder's Y/R/C, an offer's 1..n) are recorded per recipient, so a reply is
-- read against the latest one, and each answer acts once.

CREATE TABLE "reschedule_flow" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resource_id" UUID NOT NULL,
    "change" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reschedule_flow_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reschedule_flow_resource_id_created_at_idx" ON "reschedule_flow"("resource_id", "created_at");

CREATE TABLE "reschedule_offer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "flow_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "options" JSONB NOT NULL DEFAULT '[]',
    "channel" TEXT,
    "address" TEXT,
    "answer_by" TIMESTAMPTZ(3),
    "messaged_at" TIMESTAMPTZ(3),
    "settled_at" TIMESTAMPTZ(3),
    "rebooked_appointment_id" UUID,
    "exception_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reschedule_offer_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reschedule_offer_flow_id_fkey" FOREIGN KEY ("flow_id") REFERENCES "reschedule_flow"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "reschedule_offer_flow_id_appointment_id_key" ON "reschedule_offer"("flow_id", "appointment_id");
CREATE INDEX "reschedule_offer_status_answer_by_idx" ON "reschedule_offer"("status", "answer_by");
CREATE INDEX "reschedule_offer_appointment_id_idx" ON "reschedule_offer"("appointment_id");

CREATE TABLE "customer_notice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "appointment_id" UUID,
    "choices" JSONB NOT NULL DEFAULT '[]',
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customer_notice_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "customer_notice_idempotency_key_key" ON "customer_notice"("idempotency_key");
CREATE INDEX "customer_notice_channel_address_sent_at_idx" ON "customer_notice"("channel", "address", "sent_at");

CREATE TABLE "notice_reply" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "notice_id" UUID NOT NULL,
    "answer" TEXT NOT NULL,
    "appointment_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notice_reply_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notice_reply_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "customer_notice"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "notice_reply_notice_id_answer_key" ON "notice_reply"("notice_id", "answer");
