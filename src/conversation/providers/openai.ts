import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatMessage } from '../state.ts';
import { ProviderError, type ModelProvider, type ProviderRequest, type ProviderStep } from './types.ts';

// The OpenAI-compatible provider (OpenAI, Azure, vLLM, Ollama…): one chat completion per
// step, tools offered from the zod-generated specs, parallel tool calls disabled so the
// orchestrator sees and guards one action at a time. Timeouts and retries are the SDK's.

export interface OpenAIProviderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** For tests: a custom fetch (the default is the global one). */
  fetch?: typeof fetch;
}

export function createOpenAIProvider(opts: OpenAIProviderOptions): ModelProvider {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs ?? 20_000,
    maxRetries: opts.maxRetries ?? 2,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  return {
    name: `openai:${opts.model}`,
    async next(req: ProviderRequest): Promise<ProviderStep> {
      let completion;
      try {
        completion = await client.chat.completions.create({
          model: opts.model,
          messages: toOpenAIMessages(req.system, req.history),
          tools: req.tools,
          tool_choice: 'auto',
          parallel_tool_calls: false,
          temperature: 0,
        });
      } catch (err) {
        throw new ProviderError(err instanceof Error ? err.message : 'model request failed', err);
      }
      const usage = completion.usage
        ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens, totalTokens: completion.usage.total_tokens }
        : undefined;
      const message = completion.choices[0]?.message;
      if (!message) throw new ProviderError('model returned no choices');
      // Even if a server ignores parallel_tool_calls, only the first call is taken: one action at a time.
      const first = message.tool_calls?.find((c) => c.type === 'function');
      if (first && first.type === 'function') {
        return { kind: 'tool', call: { id: first.id, name: first.function.name, arguments: first.function.arguments ?? '' }, usage };
      }
      return { kind: 'reply', text: (message.content ?? '').trim(), usage };
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
