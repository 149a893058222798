/**
 * The AnswerModel port over the openai SDK (v6): any server speaking /v1/chat/completions
 * (OpenAI, or a local llama.cpp, vLLM, Ollama...). One deadline bounds each answer, retries
 * included; expected failures come back as coded values, never as exceptions.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { AnswerModel, ModelFailure, ModelOutcome, ModelRequest } from '../core/answer/grounding.js';
import type { Clock } from '../core/types.js';
import type { Logger } from '../log.js';
import { ModelHealth, TokenBudget } from './budget.js';
import { buildMessages, parseAnswer } from './prompt.js';

export interface OpenAiModelOptions {
  /** A real key, or a placeholder for keyless local servers. */
  apiKey: string;
  /** e.g. http://127.0.0.1:8080/v1; the OpenAI API when absent. */
  baseURL?: string;
  model: string;
  /** Deadline of one answer, retries included. */
  timeoutMs: number;
  /** Retries on 408/409/429/5xx and connection errors, inside the deadline. */
  maxRetries: number;
  /** Tokens per UTC day; 0 for no limit. */
  dailyTokens: number;
  /** Cap on the answer's length in tokens. */
  maxAnswerTokens?: number;
  clock: Clock;
  log: Logger;
}

class DeadlineError extends Error {}

export class OpenAiAnswerModel implements AnswerModel {
  readonly budget: TokenBudget;
  private readonly client: OpenAI;
  private readonly health: ModelHealth;

  constructor(private readonly o: OpenAiModelOptions) {
    // Everything explicit: config.ts is the only reader of the environment, not the SDK.
    this.client = new OpenAI({
      apiKey: o.apiKey,
      baseURL: o.baseURL ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      webhookSecret: null,
      timeout: o.timeoutMs,
      maxRetries: o.maxRetries,
      logLevel: 'off',
    });
    this.budget = new TokenBudget(o.dailyTokens, o.clock);
    this.health = new ModelHealth(o.log, o.clock);
  }

  async answer(req: ModelRequest): Promise<ModelOutcome> {
    if (this.budget.exhausted()) {
      this.health.budgetExhausted(this.budget.limit);
      return { ok: false, code: 'budget' };
    }
    const messages = buildMessages(req);
    const abort = new AbortController();
    // The SDK's timeout is per attempt and its retry sleeps ignore the signal: race a deadline too.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new DeadlineError());
      }, this.o.timeoutMs);
    });
    try {
      const res = await Promise.race([
        this.client.chat.completions.create(
          { model: this.o.model, messages, temperature: 0, max_tokens: this.o.maxAnswerTokens ?? 400, response_format: { type: 'json_object' } },
          { signal: abort.signal },
        ),
        deadline,
      ]);
      const content = res.choices[0]?.message?.content ?? null;
      const used = res.usage?.total_tokens ?? estimateTokens(JSON.stringify(messages) + (content ?? ''));
      this.budget.spend(used);
      this.health.ok();
      const answer = parseAnswer(content);
      if (!answer) {
        this.o.log.debug({ finish: res.choices[0]?.finish_reason }, 'model reply was not the JSON answer asked for');
        return { ok: false, code: 'invalid' };
      }
      return { ok: true, answer };
    } catch (err) {
      const { code, detail } = classify(err);
      this.health.failed(code, detail);
      return { ok: false, code, detail };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** About four characters a token, for servers that report no usage. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function classify(err: unknown): { code: ModelFailure; detail: string } {
  if (err instanceof DeadlineError || err instanceof APIUserAbortError || err instanceof APIConnectionTimeoutError) return { code: 'timeout', detail: 'no answer before the deadline (OPENAI_TIMEOUT_MS)' };
  if (err instanceof APIConnectionError) return { code: 'unreachable', detail: `cannot connect: ${err.message}` };
  if (err instanceof APIError) {
    if (err.status === 429) return { code: 'rate_limited', detail: 'rate-limited (HTTP 429) after retries' };
    if (err.status === 401 || err.status === 403) return { code: 'error', detail: `the server refused the key (HTTP ${err.status}); check OPENAI_API_KEY` };
    if (err.status === 404) return { code: 'error', detail: 'not found (HTTP 404); check OPENAI_BASE_URL and OPENAI_MODEL' };
    if (err.status !== undefined && err.status >= 500) return { code: 'unreachable', detail: `server error (HTTP ${err.status}) after retries` };
    return { code: 'error', detail: `HTTP ${err.status ?? '?'}: ${err.message.slice(0, 200)}` };
  }
  return { code: 'error', detail: err instanceof Error ? err.message.slice(0, 200) : String(err) };
}
