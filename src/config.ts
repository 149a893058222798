/**
 * The only reader of process.env. Settings are validated with zod and errors name the variable.
 * Every setting is documented in .env.example.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((s) => (s ? s : undefined));
const optionalUrl = optionalText.pipe(z.string().url('must be a URL like http://host:port/path').optional());
/** A whole number in [min, max]; empty or unset gives the default (an empty line in .env is not 0). */
const optionalInt = (min: number, max: number, def: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(def));
};

const schema = z.object({
  BRIEFING_DB: z.string().trim().min(1).default('data/briefing.db'),
  BRIEFING_SEEDS: z.string().trim().min(1).default('seeds'),
  BRIEFING_TZ: z
    .string()
    .trim()
    .default('UTC')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Paris'),
  BRIEFING_CATCHUP_HOURS: z.coerce.number().min(0).max(48).default(6),
  // on: the bot posts scheduled digests itself; off: only `npm run digest -- --post` does (your own cron).
  BRIEFING_SCHEDULER: z.enum(['on', 'off'], { message: 'use on or off' }).default('on'),
  // Time budget of one ingested file, per started megabyte: past it the file fails and the rest go in.
  BRIEFING_INGEST_BUDGET_MS: optionalInt(100, 600_000, 10_000),
  // Fault injection for tests only (see src/cli/main.ts faultHooks); leave unset.
  BRIEFING_FAULT: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalUrl,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalText.transform((s) => s ?? 'gpt-4o-mini'),
  // Deadline of one model answer, retries included; past it /ask answers extractively.
  OPENAI_TIMEOUT_MS: optionalInt(100, 120_000, 2500),
  OPENAI_MAX_RETRIES: optionalInt(0, 5, 1),
  // Tokens (prompt + completion, as the server reports them) per UTC day; 0 = no limit.
  OPENAI_DAILY_TOKENS: optionalInt(0, 1_000_000_000, 200_000),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parse settings from an environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Bad settings: ${lines.join('; ')}`);
  }
  const c = parsed.data;
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    throw new ConfigError('Bad settings: SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return c;
}
