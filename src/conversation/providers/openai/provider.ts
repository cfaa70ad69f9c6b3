import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatMessage } from '../../state.ts';
import { readCompletion } from './answer.ts';
import { classify, retryDelay, type RetryPolicy } from './failure.ts';
import type { ModelProvider, ProviderRequest, ProviderStep } from '../types.ts';

// The OpenAI-compatible provider (OpenAI, Azure, vLLM, Ollama…): one chat completion per
// step, tools offered from the zod-generated specs, parallel tool calls disabled so the
// orchestrator sees and guards one action at a time. Each request has a timeout; failures
// worth retrying are retried a bounded number of times (failure.ts), and what still
// fails reaches the orchestrator as a ProviderError, which answers the customer safely.

export interface OpenAIProviderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Per request (config OPENAI_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Attempts after a failed one (timeout, 429, 5xx, empty answer); default 1. */
  maxRetries?: number;
  /** The longest wait before a retry, default 2 s: a 429 asking for longer is answered at once instead. */
  maxRetryWaitMs?: number;
  /** For tests: a custom fetch (the default is the global one). */
  fetch?: typeof fetch;
}

export function createOpenAIProvider(opts: OpenAIProviderOptions): ModelProvider {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs ?? 20_000,
    maxRetries: 0,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const policy: RetryPolicy = { maxRetries: opts.maxRetries ?? 1, maxWaitMs: opts.maxRetryWaitMs ?? 2000 };
  const askOnce = async (req: ProviderRequest): Promise<ProviderStep> => {
    const completion = await client.chat.completions.create({
      model: opts.model,
      messages: toOpenAIMessages(req.system, req.history),
      tools: req.tools,
      tool_choice: 'auto',
      parallel_tool_calls: false,
      temperature: 0,
    });
    return readCompletion(completion);
  };
  return {
    name: `openai:${opts.model}`,
    writesOwnText: true,
    async next(req) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await askOnce(req);
        } catch (err) {
          const failure = classify(err);
          const wait = retryDelay(failure, attempt, policy);
          if (wait === null) throw failure;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    },
  };
}

export function toOpenAIMessages(system: string, history: ChatMessage[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [{ role: 'system', content: system }];
  for (const m of history) {
    if (m.role === 'user') out.push({ role: 'user', content: m.content });
    else if (m.role === 'tool') out.push({ role: 'tool', tool_call_id: m.toolCallId, content: m.content });
    else if (m.toolCall) {
      out.push({
        role: 'assistant',
        content: m.content,
        tool_calls: [{ id: m.toolCall.id, type: 'function', function: { name: m.toolCall.name, arguments: m.toolCall.arguments } }],
      });
    } else out.push({ role: 'assistant', content: m.content ?? '' });
  }
  return out;
}
