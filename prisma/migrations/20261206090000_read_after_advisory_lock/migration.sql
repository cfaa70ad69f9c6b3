-- Takes a transaction-scoped advisory lock and then runs a read, in one round trip.
-- A single statement cannot do both: under READ COMMITTED its snapshot is taken
-- before it runs, so a lock granted while it runs would not let it see what the
-- previous holder committed. A VOLATILE function takes a fresh snapshot for each
-- statement it runs, so the query below sees everything committed before the lock
-- was granted. The query's rows come back as jsonb; it reads its parameters from $1
-- (`args`). Used by a conversation turn (src/conversation/store.ts readTurn).
CREATE FUNCTION "read_after_advisory_lock"(lock_key TEXT, query TEXT, args JSONB)
RETURNS SETOF JSONB LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(lock_key, 0));
  RETURN QUERY EXECUTE 'SELECT to_jsonb(q) FROM (' || query || ') AS q' USING args;
END
$$;
