-- Every new exception is announced on the "exception_raised" channel with its id.
-- NOTIFY is delivered only when the inserting transaction commits (and not at all if it
-- rolls back), so a listener (src/jobs/exception-alerts.ts) can post the alert at once,
-- whichever code raised it and inside whatever transaction.
CREATE FUNCTION "notify_exception_raised"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('exception_raised', NEW."id"::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "exception_raised" AFTER INSERT ON "exception" FOR EACH ROW EXECUTE FUNCTION "notify_exception_raised"();
