-- One counter for the whole scheduling configuration. Every statement that writes a
-- table feeding the scheduling rules bumps it in the same transaction, so the store can
-- keep the configuration in memory keyed by this number and a booking can be written
-- guarded by the number its decision used (see src/db/scheduling/config.ts).

-- CreateTable
CREATE TABLE "schedule_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "schedule_version_pkey" PRIMARY KEY ("id")
);

-- Exactly one row, always present.
ALTER TABLE "schedule_version" ADD CONSTRAINT "schedule_version_single_row" CHECK ("id" = 1);
INSERT INTO "schedule_version" ("id", "version") VALUES (1, 0);

-- Statement-level, so a bulk change costs one bump, and AFTER, so the bump commits or
-- rolls back with the change itself.
CREATE FUNCTION "bump_schedule_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "schedule_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "business_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "business" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "location_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "location" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "service_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "service_requirement_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_requirement" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "service_eligibility_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_eligibility" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "resource_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "resource" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "weekly_hours_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "weekly_hours" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "date_override_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "date_override" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
CREATE TRIGGER "time_off_schedule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "time_off" FOR EACH STATEMENT EXECUTE FUNCTION "bump_schedule_version"();
