import pg from 'pg';

// DROP DATABASE makes PostgreSQL run a checkpoint and waits for it: 1.3 to 7 s per
// database on this machine under load, paid by every test file in its afterAll. So a
// file only marks its database as finished (a comment on it, which takes no lock
// anyone waits for) and this dropper, in the vitest main process, drops finished
// databases in the background; the rest of the run's databases go when it stops.
// Databases carry the run's prefix, so runs sharing one server never drop each other's.

export const FINISHED = 'frontdesk test database: finished';

const IDLE_MS = 500;

export interface Dropper {
  /** Drops every database of this run that is still there, finished or not. */
  stop(): Promise<void>;
}

export async function startDropper(adminUrl: string, prefix: string): Promise<Dropper> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'frontdesk-test-dropper' });
  await client.connect();
  let stopping = false;
  let wake = () => {};
  // A failure (the server gone) ends the loop and is thrown by stop(), not left unhandled.
  let failure: { err: unknown } | null = null;
  const loop = (async () => {
    while (!stopping) {
      const dropped = await dropAll(client, prefix, { finishedOnly: true });
      if (!dropped && !stopping) await new Promise<void>((r) => ((wake = r), setTimeout(r, IDLE_MS)));
    }
  })().catch((err: unknown) => void (failure = { err }));
  return {
    async stop() {
      stopping = true;
      wake();
      try {
        await loop;
        if (failure) throw failure.err;
        await dropAll(client, prefix, { finishedOnly: false });
      } finally {
        await client.end();
      }
    },
  };
}

async function dropAll(client: pg.Client, prefix: string, opts: { finishedOnly: boolean }): Promise<number> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database
      WHERE starts_with(datname, $1) AND ($2::boolean IS FALSE OR shobj_description(oid, 'pg_database') = $3)`,
    [prefix, opts.finishedOnly, FINISHED],
  );
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  return rows.length;
}
