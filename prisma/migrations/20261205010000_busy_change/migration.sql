-- Which resources' reservations changed, by UTC day of the block start (days since the
-- epoch) and by top-level transaction id. The scheduling store keeps reservations in
-- memory per resource-day; with the pg_snapshot its copy was read at, one query finds
-- the days some transaction changed since (committed now, not visible then) and reads
-- only those again (see src/db/scheduling/busy.ts). Rows only accumulate, so writers
-- never wait on each other here.

-- CreateTable
CREATE TABLE "busy_change" (
    "xid" BIGINT NOT NULL,
    "resource_id" UUID NOT NULL,
    "day" INTEGER NOT NULL,

    CONSTRAINT "busy_change_pkey" PRIMARY KEY ("xid","resource_id","day")
);

-- Statement-level, AFTER, so a multi-row write notes each resource-day once and the
-- note commits or rolls back with the write. Cascaded deletes (a hold removed) fire it too.
CREATE FUNCTION "note_busy_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  me BIGINT := pg_current_xact_id()::text::bigint;
  noted INTEGER := 0;
  n INTEGER;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "busy_change" ("xid", "resource_id", "day")
    SELECT DISTINCT me, n."resource_id", floor(extract(epoch FROM n."block_start") / 86400)::int FROM new_rows n
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    noted := noted + n;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO "busy_change" ("xid", "resource_id", "day")
    SELECT DISTINCT me, o."resource_id", floor(extract(epoch FROM o."block_start") / 86400)::int FROM old_rows o
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    noted := noted + n;
  END IF;
  -- Notes ten million transactions old are dropped, a few at a time by one writer in
  -- 64 (a statement that changed nothing, like a booking's sweep of expired holds,
  -- costs nothing more); a reader whose copy is one million transactions old reads
  -- everything again (busy.ts STALE_XIDS). SKIP LOCKED: writers never wait for each
  -- other's pruning.
  IF noted > 0 AND me % 64 = 0 THEN
    DELETE FROM "busy_change" WHERE ctid IN (
      SELECT ctid FROM "busy_change" WHERE "xid" < me - 10000000 LIMIT 1000 FOR UPDATE SKIP LOCKED);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "reservation_busy_insert" AFTER INSERT ON "reservation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_busy_change"();
CREATE TRIGGER "reservation_busy_update" AFTER UPDATE ON "reservation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_busy_change"();
CREATE TRIGGER "reservation_busy_delete" AFTER DELETE ON "reservation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_busy_change"();
