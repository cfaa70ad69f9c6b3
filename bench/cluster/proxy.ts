import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny round-robin HTTP proxy: what a load balancer in front of N stateless app
// processes does, and nothing more (no stickiness, so any request may reach any
// process, a retried webhook included).

export interface Proxy {
  url: string;
  /** Requests forwarded to each upstream, in the order given. */
  counts: number[];
  close(): Promise<void>;
}

export async function startProxy(upstreams: number[]): Promise<Proxy> {
  const counts = upstreams.map(() => 0);
  let next = 0;
  const server: Server = createServer((req, res) => {
    const i = next++ % upstreams.length;
    counts[i]!++;
    const forward = request({ host: '127.0.0.1', port: upstreams[i], method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
