import { createOfflineProvider } from './offline.ts';
import { createOpenAIProvider } from './openai.ts';
import type { ModelProvider } from './types.ts';

export type { ModelProvider, ProviderRequest, ProviderStep, ProviderView, TokenUsage } from './types.ts';
export { ProviderError } from './types.ts';
export { createOfflineProvider, createOpenAIProvider };

export interface ProviderConfig {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL: string;
  OPENAI_TIMEOUT_MS: number;
}

/** OpenAI-compatible when a key is configured, else the deterministic offline provider. */
export function createModelProvider(config: ProviderConfig, opts: { fetch?: typeof fetch; maxRetries?: number; maxRetryWaitMs?: number } = {}): ModelProvider {
  if (!config.OPENAI_API_KEY) return createOfflineProvider();
  return createOpenAIProvider({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: opts.maxRetries,
    maxRetryWaitMs: opts.maxRetryWaitMs,
    fetch: opts.fetch,
  });
}
