-- Internal bookables: a service may let the requester choose its length ("Meeting room"
-- 15–240 minutes in 15-minute steps). Both bounds null means the length is fixed at
-- duration_minutes; the admin API keeps min <= duration_minutes <= max.
ALTER TABLE "service" ADD COLUMN "min_duration_minutes" INTEGER;
ALTER TABLE "service" ADD COLUMN "max_duration_minutes" INTEGER;
ALTER TABLE "service" ADD COLUMN "duration_step_minutes" INTEGER NOT NULL DEFAULT 15;
