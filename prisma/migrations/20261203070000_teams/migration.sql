-- The Teams channel (src/channels/teams): which activities were acted on (the Bot
-- Connector retries a delivery it thinks was lost), where each conversation is (the
-- reference a proactive message needs: service URL, conversation, bot, user), and the
-- activity each notice became, so a notice is sent once and an exception's card is
-- updated in place.

CREATE TABLE "teams_activity" (
    "activity_key" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_activity_pkey" PRIMARY KEY ("activity_key")
);

CREATE TABLE "teams_conversation" (
    "conversation_id" TEXT NOT NULL,
    "user_aad_object_id" TEXT,
    "conversation_type" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_conversation_pkey" PRIMARY KEY ("conversation_id")
);
CREATE INDEX "teams_conversation_user_aad_object_id_idx" ON "teams_conversation"("user_aad_object_id");

CREATE TABLE "teams_message" (
    "idempotency_key" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "activity_id" TEXT,
    "exception_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_message_pkey" PRIMARY KEY ("idempotency_key")
);
CREATE INDEX "teams_message_exception_id_idx" ON "teams_message"("exception_id");
