import { createOfflineProvider } from './offline/provider.ts';
import type { OpenAIProviderOptions } from './openai/provider.ts';
import type { ModelProvider } from './types.ts';

export type { ModelProvider, ProviderRequest, ProviderStep, ProviderView, TokenUsage } from './types.ts';
export { ProviderError } from './types.ts';
export { createOfflineProvider };

export interface ProviderConfig {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL: string;
  OPENAI_TIMEOUT_MS: number;
}

/** OpenAI-compatible when a key is configured, else the deterministic offline provider. */
export function createModelProvider(config: ProviderConfig, opts: { fetch?: typeof fetch; maxRetries?: number; maxRetryWaitMs?: number } = {}): ModelProvider {
  if (!config.OPENAI_API_KEY) return createOfflineProvider();
  return lazyOpenAIProvider({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: opts.maxRetries,
    maxRetryWaitMs: opts.maxRetryWaitMs,
    fetch: opts.fetch,
  });
}

/**
 * The OpenAI provider, its module (and the openai SDK, ~14 MB) imported when the
 * provider is configured rather than with this file, so a process on the offline
 * provider never loads it. The import starts now; the first turn awaits it.
 */
export function lazyOpenAIProvider(opts: OpenAIProviderOptions): ModelProvider {
  const provider = import('./openai/provider.ts').then((m) => m.createOpenAIProvider(opts));
  // A failed import surfaces on the first turn, not as an unhandled rejection at start.
  provider.catch(() => undefined);
  return {
    name: `openai:${opts.model}`,
    writesOwnText: true,
    next: async (req) => (await provider).next(req),
  };
}
