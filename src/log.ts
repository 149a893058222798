/**
 * Structured logs (pino) to stderr, or to LOG_FILE, so stdout stays the terminal chat's and the
 * CLI's. The terminal chat logs only warnings unless LOG_LEVEL asks for more.
 *
 * Logs never carry secrets: tokens (Discord bot and interaction/webhook tokens in URLs, Slack
 * xox*-/xapp- tokens and response URLs, OpenAI keys, Authorization headers) are replaced by
 * "[redacted]" wherever they appear, in messages, fields and errors. Above debug level they never
 * carry whole message bodies either: errors are logged through a whitelist (type, message, code,
 * status, method, URL, cause) and fields that hold bodies are dropped.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

const R = '[redacted]';

// Each pattern is linear (no nested quantifiers) and anchored on a distinctive prefix.
const SECRETS: [RegExp, string][] = [
  // Discord interaction and webhook tokens: /interactions/{id}/{token}/…, /webhooks/{app}/{token}/…
  [/(\/interactions\/\d+\/)[^/\s?#"']+/g, `$1${R}`],
  [/(\/webhooks\/\d+\/)[^/\s?#"']+/g, `$1${R}`],
  // Slack response URLs and incoming webhooks are bearer secrets too.
  [/(hooks\.slack\.com\/)[^\s"']+/g, `$1${R}`],
  // Authorization values.
  [/\b(Bot|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${R}`],
  // Slack tokens, OpenAI keys, Discord bot tokens (three base64url parts).
  [/\bx(?:ox[abposr]|app)-[A-Za-z0-9-]{6,}/g, R],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, R],
  [/\b[A-Za-z0-9_-]{20,40}\.[A-Za-z0-9_-]{5,8}\.[A-Za-z0-9_-]{20,}/g, R],
];

/** A string with every token it holds replaced by "[redacted]". */
export function scrub(s: string): string {
  let out = s;
  for (const [re, to] of SECRETS) out = out.replace(re, to);
  return out;
}

/** Field names whose values are secrets, at any depth. */
const SECRET_KEY = /^(?:token|access_?token|bot_?token|app_?token|authorization|password|secret|signing_?secret|api_?key|apikey|cookie|x-slack-signature|response_url)$/i;
/** Field names that hold whole message bodies: dropped above debug level. */
const BODY_KEY = /^(?:body|rawBody|requestBody|blocks|embeds|attachments|files|payload)$/;
/** Longest string kept above debug level; a message body is longer than a log line needs. */
const MAX_STRING = 2000;

/** Errors already made safe (the hook runs before pino's serializers, which must not redo it). */
const SERIALIZED = new WeakSet<object>();

const cap = (s: string, verbose: boolean) => (verbose || s.length <= MAX_STRING ? s : `${s.slice(0, MAX_STRING)}… (${s.length} chars)`);

/**
 * An error as a log may show it: type, message, code, status, method, URL, stack and cause, all
 * scrubbed; nothing else (discord.js's requestBody, axios's config.data and headers stay out).
 */
export function serializeError(err: unknown, depth = 0, verbose = false): unknown {
  if (!err || typeof err !== 'object') return typeof err === 'string' ? cap(scrub(err), verbose) : err;
  if (SERIALIZED.has(err)) return err;
  const e = err as Record<string, unknown> & { constructor?: { name?: string } };
  const out: Record<string, unknown> = {};
  SERIALIZED.add(out);
  const str = (v: unknown) => (typeof v === 'string' ? cap(scrub(v), verbose) : undefined);
  out.type = (typeof e.name === 'string' && e.name) || e.constructor?.name || 'Error';
  for (const k of ['message', 'stack', 'url', 'method', 'reason']) if (typeof e[k] === 'string') out[k] = str(e[k]);
  for (const k of ['code', 'status', 'statusCode', 'retryAfter', 'attemptNumber', 'retriesLeft']) {
    if (typeof e[k] === 'string' || typeof e[k] === 'number') out[k] = typeof e[k] === 'string' ? str(e[k]) : e[k];
  }
  // Slack platform errors: the error code Slack gave. axios-style: where the request went.
  const data = e.data as Record<string, unknown> | undefined;
  if (data && typeof data === 'object' && typeof data.error === 'string') out.error = str(data.error);
  const config = e.config as Record<string, unknown> | undefined;
  if (config && typeof config === 'object' && typeof config.url === 'string') out.url ??= str(config.url);
  if (depth < 2) {
    if (e.cause) out.cause = serializeError(e.cause, depth + 1, verbose);
    if (e.original) out.original = serializeError(e.original, depth + 1, verbose);
  }
  return out;
}

/** A log object with secrets scrubbed, errors serialised, and (above debug) bodies dropped. */
export function scrubObject(v: unknown, verbose = false, depth = 0): unknown {
  if (typeof v === 'string') return cap(scrub(v), verbose);
  if (!v || typeof v !== 'object') return v;
  if (v instanceof Error) return serializeError(v, 0, verbose);
  if (depth >= 5) return '[deep]';
  if (Array.isArray(v)) return v.slice(0, 50).map((x) => scrubObject(x, verbose, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (SECRET_KEY.test(k)) out[k] = R;
    else if (!verbose && BODY_KEY.test(k)) out[k] = '[body omitted]';
    else if (k === 'err' || k === 'error') out[k] = x && typeof x === 'object' ? serializeError(x, 0, verbose) : scrubObject(x, verbose, depth + 1);
    else out[k] = scrubObject(x, verbose, depth + 1);
  }
  return out;
}

/** Pino's numeric level for debug: at debug and trace, bodies and long strings are kept (tokens never). */
const DEBUG = 20;

/** pino options that keep secrets and bodies out of every line (tests use them with their own streams). */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: undefined,
    // Belt and braces for the usual places a token sits; scrubbing below covers the rest.
    redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'config.headers', '*.config.headers'], censor: R },
    serializers: { err: (e: unknown) => serializeError(e), error: (e: unknown) => serializeError(e) },
    hooks: {
      logMethod(args, method, lvl) {
        const verbose = lvl <= DEBUG;
        // An error passed first is logged under `err`, as pino would.
        const safe = (args as unknown[]).map((a, i) => (i === 0 && a instanceof Error ? { err: serializeError(a, 0, verbose) } : scrubObject(a, verbose)));
        return method.apply(this, safe as Parameters<pino.LogFn>);
      },
    },
  };
}

export function createLogger(level: string = 'info', destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(loggerOptions(level), destination);
}

/** A logger writing to a file (its folder created) instead of stderr. */
export function fileLogger(level: string, file: string): Logger {
  mkdirSync(dirname(file), { recursive: true });
  return createLogger(level, pino.destination({ dest: file, sync: true }));
}

/**
 * The log level and destination for a run: LOG_FILE when set; else stderr at LOG_LEVEL, whose
 * default is `info` for chat bots and `warn` for the terminal chat (its own output is stdout, and
 * info lines on stderr would land in the middle of the conversation).
 */
export function loggerFor(settings: { LOG_LEVEL?: string; LOG_FILE?: string }, terminal: boolean): Logger {
  const level = settings.LOG_LEVEL ?? (terminal && !settings.LOG_FILE ? 'warn' : 'info');
  return settings.LOG_FILE ? fileLogger(level, settings.LOG_FILE) : createLogger(level);
}
