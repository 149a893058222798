/**
 * The optional model behind /ask, built from the settings. Nothing here runs (and the SDK is not
 * even loaded) unless OPENAI_API_KEY or OPENAI_BASE_URL is set.
 */
import type { Config } from '../config.js';
import type { AnswerModel } from '../core/answer/grounding.js';
import type { Clock } from '../core/types.js';
import type { Logger } from '../log.js';

/** Sent as the key to keyless local servers (OPENAI_BASE_URL without OPENAI_API_KEY). */
export const PLACEHOLDER_KEY = 'no-key';

/** Whether the settings ask for model answers. */
export function modelEnabled(config: Config): boolean {
  return Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
}

/** The model for /ask, or undefined when no endpoint is configured (then every answer is extractive). */
export async function createAnswerModel(config: Config, deps: { log: Logger; clock?: Clock }): Promise<AnswerModel | undefined> {
  if (!modelEnabled(config)) return undefined;
  const { OpenAiAnswerModel } = await import('./openai-model.js');
  const model = new OpenAiAnswerModel({
    apiKey: config.OPENAI_API_KEY ?? PLACEHOLDER_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    dailyTokens: config.OPENAI_DAILY_TOKENS,
    clock: deps.clock ?? { now: () => new Date() },
    log: deps.log,
  });
  let where = 'the OpenAI API';
  if (config.OPENAI_BASE_URL) where = new URL(config.OPENAI_BASE_URL).origin;
  deps.log.info({ model: config.OPENAI_MODEL, endpoint: where, timeoutMs: config.OPENAI_TIMEOUT_MS, dailyTokens: config.OPENAI_DAILY_TOKENS }, 'model answers enabled for /ask (checked against the sources)');
  return model;
}
