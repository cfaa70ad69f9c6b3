-- Calendar feeds (src/feeds): a private ICS URL per staff member, room or location.
-- The URL's token is shown once; only its sha256 is kept, so a database dump does not
-- hand out working feed URLs. Revoking sets revoked_at: the URL answers 404 from then on.
CREATE TYPE "FeedSubject" AS ENUM ('resource', 'location');

CREATE TABLE "calendar_feed" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "subject_type" "FeedSubject" NOT NULL,
    "resource_id" UUID,
    "location_id" UUID,
    "token_hash" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_read_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "calendar_feed_pkey" PRIMARY KEY ("id"),
    -- Exactly the subject's own column is set.
    CONSTRAINT "calendar_feed_subject_check" CHECK (
        ("subject_type" = 'resource' AND "resource_id" IS NOT NULL AND "location_id" IS NULL) OR
        ("subject_type" = 'location' AND "location_id" IS NOT NULL AND "resource_id" IS NULL))
);

CREATE UNIQUE INDEX "calendar_feed_token_hash_key" ON "calendar_feed"("token_hash");
CREATE INDEX "calendar_feed_resource_id_idx" ON "calendar_feed"("resource_id");
CREATE INDEX "calendar_feed_location_id_idx" ON "calendar_feed"("location_id");

ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;
