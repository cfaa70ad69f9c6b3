import { createServer } from 'node:net';

// The commonest start failure is a taken port: main.ts and startFrontdesk check it
// before anything is created, migrated or seeded.

export const portInUse = (port: number) => new Error(`Port ${port} is already in use: stop the other program or set PORT.`);

/** Binds the port for a moment, as the HTTP server will. */
export function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(port) : err));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}
