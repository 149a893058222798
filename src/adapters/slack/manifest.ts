/**
 * The Slack app manifest, built from the static command list so Slack's slash commands can never
 * drift from commands/. `npm run slack:manifest` writes it as YAML with the small serializer below.
 */
import type { CommandSpec } from '../../../commands/command.js';

/** A YAML-able value: what the manifest is made of. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue | undefined };

export interface ManifestOptions {
  /** App and bot display name. */
  name?: string;
  /** Public host (and optional path prefix) Slack posts to, e.g. "briefing.example.org". */
  host?: string;
  /** Socket Mode: no request URLs, socket_mode_enabled true. */
  socketMode?: boolean;
  /** Register /<prefix>-stance, /<prefix>-timeline, … instead of /stance, /timeline (no clash with other apps). */
  prefix?: string;
  /** Register one command, /<single>, taking the command as its first word: `/briefing stance Russia`. */
  single?: string;
}

export const DEFAULT_HOST = 'YOUR-HOST';
/**
 * channels:history and groups:history let the digest publisher look for its own delivery marker
 * in a channel's recent messages before re-posting a digest whose post was interrupted (without
 * them such a digest is reported, not re-posted). app_mentions:read lets the bot answer
 * `@briefing stance Russia` (the app_mention event).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'channels:history', 'groups:history', 'app_mentions:read'] as const;
export const BOT_EVENTS = ['app_mention'] as const;

/** Slack's rule for a command name: lowercase letters, digits, - and _, 32 characters with the slash. */
const COMMAND_NAME = /^[a-z0-9_-]+$/;

/** Why a --prefix or --single value cannot make Slack command names, or null when it can. */
export function commandNameProblem(opts: Pick<ManifestOptions, 'prefix' | 'single'>, list: readonly CommandSpec[]): string | null {
  if (opts.prefix !== undefined && opts.single !== undefined) return 'use either --prefix or --single, not both';
  const longest = Math.max(...list.map((c) => c.name.length));
  if (opts.prefix !== undefined) {
    if (!COMMAND_NAME.test(opts.prefix)) return `--prefix "${opts.prefix}": use lowercase letters, digits, - or _ (e.g. --prefix brief)`;
    if (opts.prefix.length + 2 + longest > 32) return `--prefix "${opts.prefix}": too long; Slack command names are at most 32 characters (at most ${30 - longest} here)`;
  }
  if (opts.single !== undefined) {
    if (!COMMAND_NAME.test(opts.single)) return `--single "${opts.single}": use lowercase letters, digits, - or _ (e.g. --single briefing)`;
    if (opts.single.length + 1 > 32) return `--single "${opts.single}": too long; Slack command names are at most 32 characters`;
  }
  return null;
}

/** The slash commands to register: one per command (optionally prefixed), or one single command. */
function slashCommands(list: readonly CommandSpec[], opts: ManifestOptions, url: string | undefined): YamlValue[] {
  const at = url ? { url } : {};
  if (opts.single) {
    const hint = list.map((c) => `${c.name}${usageHint(c) ? ` ${usageHint(c)}` : ''}`).join(' | ');
    return [
      {
        command: `/${opts.single}`,
        ...at,
        description: cut(`Crisis briefing: ${list.map((c) => c.name).join(', ')}. A question alone is asked: /${opts.single} Who backs whom?`, LIMITS.commandDescription),
        usage_hint: cut(hint, LIMITS.usageHint),
        should_escape: false,
      },
    ];
  }
  return list.map((c) => {
    const hint = usageHint(c);
    return {
      command: `/${opts.prefix ? `${opts.prefix}-` : ''}${c.name}`,
      ...at,
      description: cut(c.description, LIMITS.commandDescription),
      ...(hint ? { usage_hint: cut(hint, LIMITS.usageHint) } : {}),
      should_escape: false,
    };
  });
}

/** Slack's manifest limits (characters). */
const LIMITS = { appName: 35, appDescription: 140, botName: 80, commandDescription: 2000, usageHint: 1000 };

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** "/timeline [actor:NAME] [limit:N]" -> "[actor:NAME] [limit:N]"; "" when the command takes nothing. */
export function usageHint(spec: CommandSpec): string {
  return spec.usage.replace(new RegExp(`^/${spec.name}\\b\\s*`), '').trim();
}

export function buildManifest(list: readonly CommandSpec[], opts: ManifestOptions = {}): { [key: string]: YamlValue } {
  const name = opts.name ?? 'crisis-briefing';
  const url = `https://${(opts.host ?? DEFAULT_HOST).replace(/^https?:\/\//, '').replace(/\/+$/, '')}/slack/events`;
  const socket = Boolean(opts.socketMode);
  return {
    display_information: {
      name: cut(name, LIMITS.appName),
      description: cut('A sourced briefing on the crisis: stances, timeline, digest and questions, quoted from the news.', LIMITS.appDescription),
    },
    features: {
      bot_user: { display_name: cut(name, LIMITS.botName), always_online: false },
      slash_commands: slashCommands(list, opts, socket ? undefined : url),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      // @mentions arrive as app_mention events at the same endpoint (or over the socket).
      event_subscriptions: socket ? { bot_events: [...BOT_EVENTS] } : { request_url: url, bot_events: [...BOT_EVENTS] },
      interactivity: socket ? { is_enabled: true } : { is_enabled: true, request_url: url },
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function scalar(v: string | number | boolean | null): string {
  // JSON strings are valid YAML double-quoted scalars: no quoting rules to get wrong.
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function isEmpty(v: YamlValue): boolean {
  return Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}

function lines(v: YamlValue): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      if (item === null || typeof item !== 'object' || isEmpty(item)) return [`- ${item !== null && typeof item === 'object' ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`];
      const inner = lines(item);
      return inner.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`));
    });
  }
  if (v === null || typeof v !== 'object') return [scalar(v)];
  const out: string[] = [];
  for (const [k, child] of Object.entries(v)) {
    if (child === undefined) continue;
    const key = PLAIN_KEY.test(k) ? k : JSON.stringify(k);
    if (child === null || typeof child !== 'object') out.push(`${key}: ${scalar(child)}`);
    else if (isEmpty(child)) out.push(`${key}: ${Array.isArray(child) ? '[]' : '{}'}`);
    else out.push(`${key}:`, ...lines(child).map((l) => `  ${l}`));
  }
  return out;
}

/** A tiny YAML serializer for maps, lists and scalars (strings always double-quoted). */
export function toYaml(v: YamlValue): string {
  return `${lines(v).join('\n')}\n`;
}

export function manifestYaml(list: readonly CommandSpec[], opts: ManifestOptions = {}): string {
  return `# Generated by \`npm run slack:manifest\` from commands/. Do not edit by hand.\n# Replace ${DEFAULT_HOST} with the bot's public host, then create the app at https://api.slack.com/apps.\n${toYaml(buildManifest(list, opts))}`;
}
