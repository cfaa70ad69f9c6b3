-- A booking from a live hold, written in ONE call: the server-side half of the fast
-- path of src/engine/scheduling/book-from-hold.ts (src/db/scheduling/commit-hold.ts).
-- It replaces five statements in a transaction (lock the hold, read a snapshot, insert
-- the appointment, move the hold's reservations, delete the hold, add the event). As
-- scheduling_book, it decides nothing: the engine built the appointment and its event
-- from its cached configuration, and this function only checks that what the decision
-- assumed still holds, else writes nothing:
--   'expired'  the hold is gone or expired by `now` (the engine answers hold_expired,
--              as its full path would);
--   'stale'    the configuration moved, or the hold is not the service and time the
--              engine decided on (the engine takes its full path, which reads both);
--   'booked'   written.
--
-- Parameters are JSON rows with the column names of src/db/scheduling/rows.ts:
--   p_guard   { version, now, hold_id, service_id, starts_at, ends_at, session_key }:
--             the hold as the decision assumed it; session_key renames the hold's own
--             session ("hold:<id>") to the appointment's id, as convertHold does
--   p_appt    the appointment row (appointmentRow); its location and customer (when
--             the request named none) are the hold's
--   p_event   its audit event (eventRow); its after.resourceIds are the hold's
--   p_contact { phone, name }: the customer found or created by phone, if any
-- Returns the outcome and, when booked, what only the database knows (the location,
-- creation time, stored intake, the customer's contact and the resources in the
-- hold's order).
CREATE FUNCTION "scheduling_book_hold"(p_guard json, p_appt json, p_event json, p_contact json)
RETURNS TABLE (outcome text, id uuid, location_id uuid, intake jsonb, created_at float8, customer_id uuid, customer_phone text,
               customer_name text, resource_ids json)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  g record;
  h record;
  k record;
  a record;
  res json;
  cu_id uuid;
  cu_phone text;
  cu_name text;
BEGIN
  SELECT * INTO g FROM json_to_record(p_guard)
    AS x(version bigint, now timestamptz, hold_id uuid, service_id uuid, starts_at timestamptz, ends_at timestamptz, session_key text);

  SELECT * INTO h FROM hold WHERE hold.id = g.hold_id FOR UPDATE;
  IF NOT FOUND OR h.expires_at <= g.now THEN
    RETURN QUERY SELECT 'expired'::text, NULL::uuid, NULL::uuid, NULL::jsonb, NULL::float8, NULL::uuid, NULL::text, NULL::text, NULL::json;
    RETURN;
  END IF;

  PERFORM 1 FROM schedule_version v WHERE v.id = 1 AND v.version = g.version;
  IF NOT FOUND OR h.service_id <> g.service_id OR h.starts_at <> g.starts_at OR h.ends_at <> g.ends_at THEN
    RETURN QUERY SELECT 'stale'::text, NULL::uuid, NULL::uuid, NULL::jsonb, NULL::float8, NULL::uuid, NULL::text, NULL::text, NULL::json;
    RETURN;
  END IF;

  SELECT coalesce(json_agg(rv.resource_id ORDER BY rv.created_at, rv.id), '[]') INTO res FROM reservation rv WHERE rv.hold_id = h.id;

  SELECT * INTO k FROM json_to_record(p_contact) AS c(phone text, name text);
  IF k.phone IS NOT NULL THEN
    INSERT INTO customer AS c (phone, name) VALUES (k.phone, k.name)
    ON CONFLICT (phone) DO UPDATE SET name = coalesce(c.name, EXCLUDED.name),
      updated_at = CASE WHEN c.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE c.updated_at END
    RETURNING c.id, c.phone, c.name INTO cu_id, cu_phone, cu_name;
  END IF;

  INSERT INTO appointment AS ap (id, service_id, location_id, customer_id, requester_user_id, starts_at, ends_at, status, channel,
                                 intake, attachments, notes, rescheduled_from_id, idempotency_key, rule_version, confirmed_at)
  SELECT x.id, x.service_id, h.location_id, coalesce(cu_id, x.customer_id, h.customer_id), x.requester_user_id, h.starts_at, h.ends_at,
         x.status, x.channel, x.intake, x.attachments, x.notes, x.rescheduled_from_id, x.idempotency_key, x.rule_version, x.confirmed_at
  FROM json_to_record(p_appt) AS x(id uuid, service_id uuid, customer_id uuid, requester_user_id uuid, status "AppointmentStatus",
         channel "Channel", intake jsonb, attachments jsonb, notes text, rescheduled_from_id uuid, idempotency_key text, rule_version int,
         confirmed_at timestamptz)
  RETURNING ap.id, ap.location_id, ap.intake, ap.created_at, ap.customer_id INTO a;

  UPDATE reservation rv SET appointment_id = a.id, hold_id = NULL,
    session_key = CASE WHEN rv.session_key = g.session_key THEN a.id::text ELSE rv.session_key END
  WHERE rv.hold_id = h.id;
  -- Its reservations are the appointment's now: nothing cascades.
  DELETE FROM hold WHERE hold.id = h.id;

  INSERT INTO appointment_event (appointment_id, actor_type, actor_id, channel, action, before, after, at)
  SELECT a.id, ev.actor_type, ev.actor_id, ev.channel, ev.action, ev.before, jsonb_set(ev.after, '{resourceIds}', res::jsonb), ev.at
  FROM json_to_record(p_event) AS ev(actor_type "ActorType", actor_id text, channel "Channel", action text, before jsonb, after jsonb, at timestamptz);

  -- A customer named by id (not by phone): its contact for the view.
  IF cu_id IS NULL AND a.customer_id IS NOT NULL THEN
    SELECT c.phone, c.name INTO cu_phone, cu_name FROM customer c WHERE c.id = a.customer_id;
  END IF;

  RETURN QUERY SELECT 'booked'::text, a.id, a.location_id, a.intake, (extract(epoch FROM a.created_at) * 1000)::float8, a.customer_id,
    cu_phone, cu_name, res;
END;
$$;
