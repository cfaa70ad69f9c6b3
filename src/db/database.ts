import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { startEmbeddedPostgres } from './embedded.ts';

export interface DatabaseHandle {
  url: string;
  /** "external" when DATABASE_URL was given, else where the embedded data lives. */
  description: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL under FRONTDESK_DATA_DIR. */
export async function openDatabase(config: Config, log: Logger, opts: { progress?: (line: string) => void } = {}): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const u = new URL(config.DATABASE_URL);
    return { url: config.DATABASE_URL, description: `external PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.FRONTDESK_DATA_DIR,
    port: config.FRONTDESK_EMBEDDED_PORT,
    database: 'frontdesk',
    log,
    progress: opts.progress,
  });
  return { ...embedded, description: `embedded PostgreSQL on port ${config.FRONTDESK_EMBEDDED_PORT}, data in ${config.FRONTDESK_DATA_DIR}` };
}
