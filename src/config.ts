/**
 * The only reader of process.env (and of `.env`). Settings are validated with zod; every error is
 * one line naming the variable, where it came from, and what it should look like. Every setting is
 * documented in .env.example.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
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
const isZone = (tz: string) => {
  // UTC needs no check, and a cold CLI answer then skips loading ICU's zone data (~10 ms).
  if (tz === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  BRIEFING_DB: z.string().trim().min(1).default('data/briefing.db'),
  BRIEFING_SEEDS: z.string().trim().min(1).default('seeds'),
  BRIEFING_TZ: z.string().trim().default('UTC').refine(isZone, 'must be an IANA time zone such as Europe/Paris'),
  BRIEFING_CATCHUP_HOURS: z.coerce.number({ error: 'must be a number of hours from 0 to 48' }).min(0, { error: 'must be a number of hours from 0 to 48' }).max(48, { error: 'must be a number of hours from 0 to 48' }).default(6),
  // on: the bot posts scheduled digests itself; off: only `npm run digest -- --post` does (your own cron).
  BRIEFING_SCHEDULER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  // Time budget of one ingested file, per started megabyte: past it the file fails and the rest go in.
  BRIEFING_INGEST_BUDGET_MS: optionalInt(100, 600_000, 10_000),
  // Fault injection for tests only (see src/cli/main.ts faultHooks); leave unset.
  BRIEFING_FAULT: optionalText,
  // Minutes between polls of each followed feed by the running bot; 0 = the bot does not poll.
  BRIEFING_FEED_MINUTES: optionalInt(0, 1440, 15),
  // Stance-change alerts: at most one message per subscribed channel per this many minutes.
  BRIEFING_ALERT_MINUTES: optionalInt(1, 1440, 10),
  // 1 = feeds and pages may be fetched from loopback and private addresses (tests, an intranet).
  BRIEFING_FETCH_ALLOW_PRIVATE: z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.enum(['0', '1', 'true', 'false'], { message: 'use 1 or 0' }).default('0'))
    .transform((v) => v === '1' || v === 'true'),
  // Host names exempt from the private-address check, comma-separated (an internal feed server).
  BRIEFING_FETCH_ALLOW_HOSTS: optionalText.transform((s) => (s ? s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean) : [])),
  // Deadline of one fetch of a feed or a page, redirects and body included.
  BRIEFING_FETCH_TIMEOUT_MS: optionalInt(500, 120_000, 15_000),
  // Unset: info for chat bots; warn for the terminal chat, so log lines stay out of the conversation.
  LOG_LEVEL: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }).optional(),
  // Logs go to this file instead of stderr (created with its folder).
  LOG_FILE: optionalText,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(z.string().regex(/^\d{15,21}$/, 'must be the numeric Application ID from the Developer Portal').optional()),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{15,21}$/, 'must be a numeric server id (Developer Mode → right-click the server → Copy Server ID)').optional()),
  DISCORD_API_URL: optionalUrl,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
  SLACK_API_URL: optionalUrl,
  PORT: optionalInt(0, 65535, 3000),
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

/** The names of every setting (for .env checks and docs). */
export const SETTINGS: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {}

/** Where the settings came from: the environment, plus a `.env` file when there is one. */
export interface Environment {
  env: Record<string, string | undefined>;
  /** The .env file read, or null when there was none. */
  file: string | null;
  /** Settings whose value came from the file (the environment had none). */
  fromFile: Set<string>;
  /** Lines about the file worth a warning: unknown names, with the nearest known one. */
  warnings: string[];
}

/**
 * The process environment with `.env` from `cwd` underneath: a value already in the environment
 * wins over the file's. Parsed with Node's own `util.parseEnv` (the dotenv format: comments,
 * quotes, `export` prefixes). An unreadable file is a ConfigError.
 */
export function readEnvironment(opts: { cwd?: string; env?: Record<string, string | undefined>; file?: string } = {}): Environment {
  const base = opts.env ?? process.env;
  const path = opts.file ?? join(opts.cwd ?? process.cwd(), '.env');
  const env: Record<string, string | undefined> = { ...base };
  const fromFile = new Set<string>();
  const warnings: string[] = [];
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new ConfigError(`Bad settings: ${path} is not a file`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { env, file: null, fromFile, warnings };
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`Bad settings: cannot read ${path} (${(err as Error).message})`);
  }
  const parsed = parseEnv(text) as Record<string, string>;
  for (const [key, value] of Object.entries(parsed)) {
    if (!SETTINGS.includes(key)) {
      const near = closest(key, SETTINGS as string[]);
      warnings.push(`.env: unknown setting ${key} (ignored)${distance(key, near) <= 3 ? `; did you mean ${near}?` : ''}`);
    }
    if (base[key] !== undefined) continue; // the environment wins
    env[key] = value;
    fromFile.add(key);
  }
  return { env, file: path, fromFile, warnings };
}

/**
 * Parse settings. Without an argument: the environment with `.env` underneath (readEnvironment).
 * An empty value is the same as an unset one. Throws one ConfigError line naming each bad variable.
 */
export function loadConfig(env?: Record<string, string | undefined>, origin?: Pick<Environment, 'file' | 'fromFile'>): Config {
  if (!env) {
    const e = readEnvironment();
    return loadConfig(e.env, e);
  }
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => SETTINGS.includes(k) && typeof v === 'string' && v.trim() !== ''));
  const parsed = schema.safeParse(present);
  const where = (k: string) => (origin?.fromFile.has(k) ? ' in .env' : '');
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      const value = String(present[key] ?? '');
      const shown = /TOKEN|SECRET|KEY/.test(key) ? '' : ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
      return `${key}${where(key)}: ${i.message}${shown}`;
    });
    throw new ConfigError(`Bad settings: ${lines.join('; ')}`);
  }
  const c = parsed.data;
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    throw new ConfigError('Bad settings: SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return c;
}

/** For scripts: the environment with `.env` underneath, or exit 2 with the one-line reason. */
export function environmentOrExit(): Record<string, string | undefined> {
  try {
    return readEnvironment().env;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
}

/** Why a surface starts or not, for the start-up log. */
export function chatTokens(c: Config): { discord: boolean; slack: boolean } {
  return { discord: Boolean(c.DISCORD_TOKEN), slack: Boolean(c.SLACK_BOT_TOKEN) };
}
