import type { ChatCompletion } from 'openai/resources/chat/completions';
import { ModelRequestFailed } from './failure.ts';
import type { ProviderStep, TokenUsage } from '../types.ts';

// A chat completion read as one provider step. An answer that is cut off (finish_reason
// "length"), filtered, or empty is a failed request, never a reply: half a sentence or
// half a tool call's JSON must not reach the customer or the tools.

export function readCompletion(completion: ChatCompletion): ProviderStep {
  const usage = usageOf(completion);
  const choice = completion.choices[0];
  if (!choice) throw new ModelRequestFailed('empty_answer', 'the model returned no choices');
  if (choice.finish_reason === 'length') throw new ModelRequestFailed('truncated', 'the answer was cut off at the token limit');
  if (choice.finish_reason === 'content_filter') throw new ModelRequestFailed('content_filter', 'the answer was withheld by the content filter');
  const calls = (choice.message.tool_calls ?? []).filter((c) => c.type === 'function');
  const [first, ...rest] = calls;
  // Even if a server ignores parallel_tool_calls, only the first call runs: the orchestrator
  // guards one action at a time, and the model sees its result before it asks for another.
  if (first) {
    const call = { id: first.id, name: first.function.name, arguments: first.function.arguments ?? '' };
    return { kind: 'tool', call, ...(rest.length ? { ignoredCalls: rest.map((c) => c.function.name) } : {}), usage };
  }
  const text = (choice.message.content ?? '').trim();
  if (!text) throw new ModelRequestFailed('empty_answer', 'the answer had neither text nor a tool call');
  return { kind: 'reply', text, usage };
}

function usageOf(completion: ChatCompletion): TokenUsage | undefined {
  const u = completion.usage;
  return u ? { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens, totalTokens: u.total_tokens } : undefined;
}
