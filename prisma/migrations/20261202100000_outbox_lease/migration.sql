-- Transactional outbox for outbound SMS: a row is claimed (sending, with a lease)
-- before the provider call, so a crash leaves it recoverable instead of stuck in
-- queued; "outbox" says a message was only recorded locally (no Twilio).
ALTER TYPE "OutboundStatus" ADD VALUE 'sending' AFTER 'queued';
ALTER TYPE "OutboundStatus" ADD VALUE 'outbox';

ALTER TABLE "outbound_message"
    ADD COLUMN "claimed_until" TIMESTAMPTZ(3),
    ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "outbound_message_status_claimed_until_idx" ON "outbound_message"("status", "claimed_until");
