-- The Slack channel (src/channels/slack): which Events API deliveries were acted on
-- (Slack retries an event it thinks was lost), and the message each notice became,
-- so a notice is posted once and an exception's parent message is edited in place.

CREATE TABLE "slack_event" (
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "slack_event_pkey" PRIMARY KEY ("event_id")
);

CREATE TABLE "slack_message" (
    "idempotency_key" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "ts" TEXT,
    "exception_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "slack_message_pkey" PRIMARY KEY ("idempotency_key")
);
CREATE INDEX "slack_message_exception_id_idx" ON "slack_message"("exception_id");
