-- Every step a person takes on an exception (its audit row) is announced on the
-- "exception_step" channel with the audit row's id, when the step's transaction commits,
-- so a listener (src/jobs/exception-alerts.ts) can refresh the alert in each ops room
-- at once, whichever surface took the step (the admin API, the dashboard, Slack, Teams).
CREATE FUNCTION "notify_exception_step"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('exception_step', NEW."id"::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "exception_step" AFTER INSERT ON "audit_event" FOR EACH ROW
  WHEN (NEW."entity_type" = 'exception' AND NEW."actor_type" = 'user')
  EXECUTE FUNCTION "notify_exception_step"();
