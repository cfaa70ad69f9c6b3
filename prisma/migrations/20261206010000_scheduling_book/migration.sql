-- A one-to-one booking the engine decided (src/engine/scheduling/commit-blind.ts),
-- written in ONE call: the server-side half of src/db/scheduling/commit.ts. The rules
-- stay the engine's: this function decides nothing but "is the configuration still
-- the version the decision read" (else it writes nothing and returns no row), and the
-- exclusion constraint reservation_no_overlap refuses time someone else holds.
--
-- Why a function and not the one CTE statement it replaces: that statement was
-- planned afresh for each of the first executions on every connection (a 60-line plan,
-- ~1 ms each quiet, much more loaded), and its sweep of expired holds ran two DELETEs
-- on every booking, each firing reservation's statement-level busy_change trigger with
-- nothing deleted. Here the call plans in microseconds, each inner statement is planned
-- once per session, and the sweep runs only when some hold has expired.
--
-- Parameters are JSON rows with the column names of src/db/scheduling/rows.ts:
--   p_guard   { version, now, block_from, block_to }: the configuration version the
--             decision read; holds expired by `now` whose reservations touch
--             [block_from, block_to) on these resources are deleted first
--   p_appt    the appointment row (appointmentRow)
--   p_rsv     its reservations (reservationRows)
--   p_event   its audit event (eventRow)
--   p_contact { phone, name }: the customer found or created by phone, if any
-- Returns what only the database knows (creation time, stored intake, the customer's
-- contact) and how many reservations were written; no row when the version moved.
CREATE FUNCTION "scheduling_book"(p_guard json, p_appt json, p_rsv json, p_event json, p_contact json)
RETURNS TABLE (id uuid, intake jsonb, created_at float8, customer_id uuid, customer_phone text, customer_name text, reserved int)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  g record;
  k record;
  a record;
  cu_id uuid;
  cu_phone text;
  cu_name text;
  n int;
BEGIN
  SELECT * INTO g FROM json_to_record(p_guard) AS x(version bigint, now timestamptz, block_from timestamptz, block_to timestamptz);

  -- Expired holds never refuse a booking (the exclusion check ignores rows this
  -- transaction deleted); their other reservations go by cascade. '3 days' is the
  -- longest block (LONGEST_BLOCK in src/db/scheduling/snapshot.ts).
  IF EXISTS (SELECT 1 FROM hold h WHERE h.expires_at <= g.now) THEN
    WITH stale AS (
      DELETE FROM reservation rv USING hold h
      WHERE h.id = rv.hold_id AND h.expires_at <= g.now AND rv.active
        AND rv.resource_id IN (SELECT r.resource_id FROM json_to_recordset(p_rsv) AS r(resource_id uuid))
        AND rv.block_start < g.block_to AND rv.block_start > g.block_from - interval '3 days' AND rv.block_end > g.block_from
      RETURNING rv.hold_id)
    DELETE FROM hold WHERE hold.id IN (SELECT stale.hold_id FROM stale);
  END IF;

  PERFORM 1 FROM schedule_version v WHERE v.id = 1 AND v.version = g.version;
  IF NOT FOUND THEN
    RETURN;
  END IF;

  SELECT * INTO k FROM json_to_record(p_contact) AS c(phone text, name text);
  IF k.phone IS NOT NULL THEN
    INSERT INTO customer AS c (phone, name) VALUES (k.phone, k.name)
    ON CONFLICT (phone) DO UPDATE SET name = coalesce(c.name, EXCLUDED.name),
      updated_at = CASE WHEN c.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE c.updated_at END
    RETURNING c.id, c.phone, c.name INTO cu_id, cu_phone, cu_name;
  END IF;

  INSERT INTO appointment AS ap (id, service_id, location_id, customer_id, requester_user_id, starts_at, ends_at, status, channel,
                                 intake, attachments, notes, rescheduled_from_id, idempotency_key, rule_version, confirmed_at)
  SELECT x.id, x.service_id, x.location_id, coalesce(cu_id, x.customer_id), x.requester_user_id, x.starts_at, x.ends_at, x.status, x.channel,
         x.intake, x.attachments, x.notes, x.rescheduled_from_id, x.idempotency_key, x.rule_version, x.confirmed_at
  FROM json_to_record(p_appt) AS x(id uuid, service_id uuid, location_id uuid, customer_id uuid, requester_user_id uuid,
         starts_at timestamptz, ends_at timestamptz, status "AppointmentStatus", channel "Channel", intake jsonb, attachments jsonb,
         notes text, rescheduled_from_id uuid, idempotency_key text, rule_version int, confirmed_at timestamptz)
  RETURNING ap.id, ap.intake, ap.created_at, ap.customer_id INTO a;

  INSERT INTO reservation (appointment_id, resource_id, session_key, block_start, block_end)
  SELECT a.id, r.resource_id, r.session_key, r.block_start, r.block_end
  FROM json_to_recordset(p_rsv) AS r(resource_id uuid, session_key text, block_start timestamptz, block_end timestamptz);
  GET DIAGNOSTICS n = ROW_COUNT;

  INSERT INTO appointment_event (appointment_id, actor_type, actor_id, channel, action, before, after, at)
  SELECT a.id, ev.actor_type, ev.actor_id, ev.channel, ev.action, ev.before, ev.after, ev.at
  FROM json_to_record(p_event) AS ev(actor_type "ActorType", actor_id text, channel "Channel", action text, before jsonb, after jsonb, at timestamptz);

  -- A customer named by id (not by phone): its contact for the view.
  IF cu_id IS NULL AND a.customer_id IS NOT NULL THEN
    SELECT c.phone, c.name INTO cu_phone, cu_name FROM customer c WHERE c.id = a.customer_id;
  END IF;

  RETURN QUERY SELECT a.id, a.intake, (extract(epoch FROM a.created_at) * 1000)::float8, a.customer_id, cu_phone, cu_name, n;
END;
$$;
