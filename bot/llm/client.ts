/**
 * The one LLM client: OpenAI, Azure OpenAI, or any OpenAI-compatible server (llama.cpp, vLLM,
 * Ollama…) through the `openai` package. It asks for a JSON object, keeps the call and its one
 * retry within the configured timeout (8 s at most), and logs token usage and latency, never content.
 * The package is loaded on the first call, not at start: most installations run without a model,
 * and loading it was a noticeable part of a cold start.
 */
import type OpenAI from 'openai';
import type { Config } from '../config.js';
import type { Logger } from '../kernel/log.js';

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmCompletion {
  content: string;
  usage?: { promptTokens?: number; completionTokens?: number; totalTokens?: number };
}

/** Anything that can complete a chat; tests and tools may pass their own. */
export interface ChatModel {
  /** `purpose` names the caller in logs ("answer", "translate"). */
  completeJson(messages: LlmMessage[], purpose: string): Promise<LlmCompletion>;
}

export class LlmError extends Error {
  constructor(
    readonly reason: 'timeout' | 'http' | 'connection' | 'empty',
    readonly status?: number,
  ) {
    super(`LLM call failed: ${reason}${status ? ` ${status}` : ''}`);
    this.name = 'LlmError';
  }
}

export interface LlmSettings {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  /** Set for Azure OpenAI: baseUrl is then the Azure endpoint and model the deployment name. */
  apiVersion?: string;
}

export function llmSettingsFromConfig(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS' | 'OPENAI_API_VERSION'>): LlmSettings | undefined {
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return undefined;
  return {
    apiKey: config.OPENAI_API_KEY,
    baseUrl: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: Math.min(config.OPENAI_TIMEOUT_MS, 8000),
    apiVersion: config.OPENAI_API_VERSION,
  };
}

export class OpenAiChatModel implements ChatModel {
  private client?: Promise<{ sdk: typeof import('openai'); client: OpenAI }>;

  constructor(
    private readonly settings: LlmSettings,
    private readonly logger: Logger,
  ) {}

  private connect(): Promise<{ sdk: typeof import('openai'); client: OpenAI }> {
    this.client ??= import('openai').then((sdk) => {
      const { settings } = this;
      const common = {
        // A local server needs no key, but the client insists on one.
        apiKey: settings.apiKey ?? 'no-key',
        timeout: Math.min(settings.timeoutMs, 8000),
        maxRetries: 1,
      };
      const client = settings.apiVersion
        ? new sdk.AzureOpenAI({ ...common, endpoint: settings.baseUrl, apiVersion: settings.apiVersion, deployment: settings.model })
        : new sdk.default({ ...common, baseURL: settings.baseUrl ?? 'https://api.openai.com/v1' });
      return { sdk, client };
    });
    return this.client;
  }

  async completeJson(messages: LlmMessage[], purpose: string): Promise<LlmCompletion> {
    const started = performance.now();
    const { sdk, client } = await this.connect();
    try {
      // One deadline for the call and its retry, so a slow model can never outlast the turn.
      const response = await client.chat.completions.create(
        {
          model: this.settings.model,
          messages,
          temperature: 0,
          response_format: { type: 'json_object' },
        },
        { signal: AbortSignal.timeout(Math.min(this.settings.timeoutMs, 8000)) },
      );
      const content = response.choices?.[0]?.message?.content ?? '';
      const usage = {
        promptTokens: response.usage?.prompt_tokens,
        completionTokens: response.usage?.completion_tokens,
        totalTokens: response.usage?.total_tokens,
      };
      this.logger.info({ llm: { purpose, model: this.settings.model, latencyMs: Math.round(performance.now() - started), ...usage } }, 'llm call');
      if (!content.trim()) throw new LlmError('empty');
      return { content, usage };
    } catch (err) {
      const failure = err instanceof LlmError ? err : toLlmError(err, sdk.default);
      this.logger.warn({ llm: { purpose, model: this.settings.model, latencyMs: Math.round(performance.now() - started), failure: failure.reason, status: failure.status } }, 'llm call failed');
      throw failure;
    }
  }
}

function toLlmError(err: unknown, OpenAI: typeof import('openai').default): LlmError {
  if (err instanceof OpenAI.APIConnectionTimeoutError || err instanceof OpenAI.APIUserAbortError) return new LlmError('timeout');
  if ((err as { name?: string })?.name === 'TimeoutError' || (err as { name?: string })?.name === 'AbortError') return new LlmError('timeout');
  if (err instanceof OpenAI.APIConnectionError) return new LlmError('connection');
  if (err instanceof OpenAI.APIError) return new LlmError('http', err.status);
  return new LlmError('connection');
}

/** The configured model, or undefined when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set. */
export function createChatModel(config: Config, logger: Logger): ChatModel | undefined {
  const settings = llmSettingsFromConfig(config);
  return settings ? new OpenAiChatModel(settings, logger) : undefined;
}

/** The model's reply as a JSON object: tolerates a ```json fence, nothing else. */
export function parseJsonReply(content: string): unknown {
  const trimmed = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}
