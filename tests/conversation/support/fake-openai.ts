import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local OpenAI-compatible server for tests: the real `openai` client talks to it over
// HTTP (baseURL), and a script decides each response from the request it received, like
// a model would. Requests are recorded so tests can check what the model was sent.
// Besides answers, a script can misbehave as real servers do: answer late (`delayMs`),
// rate-limit (`status: 429` with `retryAfter`), cut an answer off at the token limit
// (`truncateAt`, finish_reason "length"), or answer with nothing at all (`empty`).

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content?: string | null; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string; parameters: unknown; strict?: boolean } }>;
  parallel_tool_calls?: boolean;
  tool_choice?: unknown;
}

export type ScriptedReply = (
  | { tool: string; args: Record<string, unknown> | string }
  | { tools: Array<{ tool: string; args: Record<string, unknown> | string }> }
  | { text: string }
  /** An error status; `retryAfter` is sent as the Retry-After header (seconds). */
  | { status: number; retryAfter?: string }
  /** A choice with neither content nor tool calls (`noChoices`: an empty choices list). */
  | { empty: true; noChoices?: boolean }
) & {
  /** Answer only after this long (a timeout test makes it far longer than the client's timeout). */
  delayMs?: number;
  /** Cut the text (or each call's arguments) to this many characters, with finish_reason "length". */
  truncateAt?: number;
};

export interface FakeOpenAI {
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

let seq = 0;

export async function startFakeOpenAI(script: (req: ChatRequest) => ScriptedReply): Promise<FakeOpenAI> {
  const requests: ChatRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    requests.push(body);
    const r = script(body);
    if (r.delayMs) await sleep(r.delayMs, timers);
    if (res.destroyed) return;
    if ('status' in r) {
      const headers = { 'content-type': 'application/json', ...(r.retryAfter !== undefined ? { 'retry-after': r.retryAfter } : {}) };
      res.writeHead(r.status, headers).end(JSON.stringify({ error: { message: 'scripted failure', type: r.status === 429 ? 'rate_limit_exceeded' : 'server_error' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(body, r)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The chat.completion body for a scripted answer. */
function completion(body: ChatRequest, r: Exclude<ScriptedReply, { status: number }>) {
  const cut = (s: string) => (r.truncateAt === undefined ? s : s.slice(0, r.truncateAt));
  const calls = 'tools' in r ? r.tools : 'tool' in r ? [{ tool: r.tool, args: r.args }] : [];
  const message = calls.length
    ? {
        role: 'assistant',
        content: null,
        tool_calls: calls.map((c) => ({
          id: `call_${++seq}`,
          type: 'function',
          function: { name: c.tool, arguments: cut(typeof c.args === 'string' ? c.args : JSON.stringify(c.args)) },
        })),
      }
    : { role: 'assistant', content: 'text' in r ? cut(r.text) : null };
  const finish = r.truncateAt !== undefined ? 'length' : calls.length ? 'tool_calls' : 'stop';
  return {
    id: `chatcmpl-${++seq}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: 'empty' in r && r.noChoices ? [] : [{ index: 0, message, finish_reason: finish }],
    usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
  };
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/** The customer's last message in a request. */
export function lastUser(req: ChatRequest): string {
  return [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** Tool results since the customer's last message, newest last. */
export function toolResultsThisTurn(req: ChatRequest): Array<{ name: string; result: Record<string, unknown> }> {
  const out: Array<{ name: string; result: Record<string, unknown> }> = [];
  let i = req.messages.length - 1;
  while (i >= 0 && req.messages[i]!.role !== 'user') i--;
  const names = new Map<string, string>();
  for (const m of req.messages.slice(i + 1)) {
    for (const c of m.tool_calls ?? []) names.set(c.id, c.function.name);
    if (m.role === 'tool') out.push({ name: names.get(m.tool_call_id ?? '') ?? '', result: JSON.parse(m.content ?? '{}') });
  }
  return out;
}

/** The most recent result of a tool anywhere in the transcript. */
export function lastToolResult(req: ChatRequest, tool: string): Record<string, unknown> | undefined {
  const names = new Map<string, string>();
  let found: Record<string, unknown> | undefined;
  for (const m of req.messages) {
    for (const c of m.tool_calls ?? []) names.set(c.id, c.function.name);
    if (m.role === 'tool' && names.get(m.tool_call_id ?? '') === tool) found = JSON.parse(m.content ?? '{}');
  }
  return found;
}
