import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local OpenAI-compatible server for tests: the real `openai` client talks to it over
// HTTP (baseURL), and a script decides each response from the request it received, like
// a model would. Requests are recorded so tests can check what the model was sent.

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content?: string | null; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string; parameters: unknown; strict?: boolean } }>;
  parallel_tool_calls?: boolean;
  tool_choice?: unknown;
}

export type ScriptedReply =
  | { tool: string; args: Record<string, unknown> | string }
  | { tools: Array<{ tool: string; args: Record<string, unknown> }> }
  | { text: string }
  | { status: number };

export interface FakeOpenAI {
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

let seq = 0;

export async function startFakeOpenAI(script: (req: ChatRequest) => ScriptedReply): Promise<FakeOpenAI> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    requests.push(body);
    const r = script(body);
    if ('status' in r) {
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
      return;
    }
    const calls = 'tools' in r ? r.tools : 'tool' in r ? [{ tool: r.tool, args: r.args }] : [];
    const message = calls.length
      ? {
          role: 'assistant',
          content: null,
          tool_calls: calls.map((c) => ({
            id: `call_${++seq}`,
            type: 'function',
            function: { name: c.tool, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) },
          })),
        }
      : { role: 'assistant', content: (r as { text: string }).text };
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${seq}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message, finish_reason: calls.length ? 'tool_calls' : 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
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
