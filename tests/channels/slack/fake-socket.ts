import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

// A local stand-in for Slack's Socket Mode endpoint: a WebSocket server (RFC 6455,
// written out here because no WebSocket server package is installed) that greets each
// connection with Slack's `hello`, lets the test send envelopes, records what the app
// sends back (its acks) and answers pings. The fake Web API's apps.connections.open
// returns its ws:// URL.

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface FakeSocketMode {
  url: string;
  /** Messages the app sent over the socket (acks: { envelope_id, payload }). */
  received: Array<Record<string, unknown>>;
  /** Resolves once an app connected and was greeted. */
  connected(): Promise<void>;
  send(envelope: object): void;
  /** Resolves with the app's ack of one envelope. */
  ackOf(envelopeId: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff]) : null;
  if (!head) throw new Error('frames over 64 KiB are not needed here');
  return Buffer.concat([head, payload]);
}

/** Splits complete client frames (always masked) off the buffer. */
function readFrames(buffer: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  while (buffer.length - at >= 2) {
    const opcode = buffer[at]! & 0x0f;
    let len = buffer[at + 1]! & 0x7f;
    let offset = at + 2;
    if (len === 126) {
      if (buffer.length < offset + 2) break;
      len = buffer.readUInt16BE(offset);
      offset += 2;
    } else if (len === 127) {
      if (buffer.length < offset + 8) break;
      len = Number(buffer.readBigUInt64BE(offset));
      offset += 8;
    }
    if (buffer.length < offset + 4 + len) break;
    const mask = buffer.subarray(offset, offset + 4);
    const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + len).map((b, i) => b ^ mask[i % 4]!));
    frames.push({ opcode, payload });
    at = offset + 4 + len;
  }
  return { frames, rest: buffer.subarray(at) };
}

export async function fakeSocketMode(): Promise<FakeSocketMode> {
  const received: Array<Record<string, unknown>> = [];
  const sockets = new Set<Duplex>();
  let greeted: () => void = () => {};
  const hello = new Promise<void>((resolve) => (greeted = resolve));
  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket: Duplex) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    let buffer: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([buffer, chunk]));
      buffer = rest;
      for (const f of frames) {
        if (f.opcode === 0x1) received.push(JSON.parse(f.payload.toString('utf8')) as Record<string, unknown>);
        else if (f.opcode === 0x9) socket.write(frame(0xa, f.payload));
        else if (f.opcode === 0x8) socket.end(frame(0x8, Buffer.alloc(0)));
      }
    });
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }))));
    greeted();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=test`;
  return {
    url,
    received,
    connected: () => hello,
    send(envelope) {
      for (const s of sockets) s.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
    },
    async ackOf(envelopeId) {
      // Generous: the machine running the suite may be busy; an ack that never comes still fails.
      for (let i = 0; i < 1200; i++) {
        const ack = received.find((m) => m.envelope_id === envelopeId);
        if (ack) return ack;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ack for ${envelopeId}; received ${JSON.stringify(received)}`);
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
