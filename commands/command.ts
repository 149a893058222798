/**
 * The platform-neutral command definition. Each command is defined once in commands/ and rendered
 * by every adapter (Discord slash commands, Slack slash commands, the terminal chat, the CLI).
 */
import type { z } from 'zod';
import type { Briefing } from '../src/core/briefing.js';
import type { Clock } from '../src/core/types.js';
import type { View } from '../src/core/answer/view.js';
import type { Syntax } from './usage.js';

export type Platform = 'discord' | 'slack' | 'terminal';

/** One typed option. `schema` validates and coerces the raw value (a string from text surfaces). */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required?: boolean;
  /** The adapter offers autocomplete from this source. */
  autocomplete?: 'actor' | 'crisis';
  /** Fixed choices, when the option has them. */
  choices?: { name: string; value: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  schema: z.ZodType<unknown>;
}

/** A digest subscription of one channel. */
export interface Subscription {
  platform: Platform;
  channelId: string;
  /** Local time HH:MM. */
  time: string;
  timezone: string;
  days: 'daily' | 'weekdays';
  createdBy: string;
  enabled: boolean;
  disabledReason: string | null;
  lastDelivered: string | null;
  /** The crisis its digest is about (null: the default crisis). */
  crisis?: string | null;
}

/** Storage of subscriptions, as the commands see it. */
export interface SubscriptionPort {
  upsert(sub: Omit<Subscription, 'enabled' | 'disabledReason' | 'lastDelivered'>): Subscription;
  remove(platform: Platform, channelId: string): boolean;
  get(platform: Platform, channelId: string): Subscription | null;
}

/** Feeds the corpus follows (src/ingest/feeds), as the /feeds command sees them. */
export interface FeedPort {
  add(url: string, addedBy: string | null): Promise<{ added: boolean; feed: import('../src/store/feeds.js').FeedRow }>;
  remove(url: string): boolean;
  list(): import('../src/store/feeds.js').FeedRow[];
}

export interface CommandContext {
  kb: Briefing;
  subscriptions: SubscriptionPort;
  clock: Clock;
  platform: Platform;
  channelId: string;
  userId: string;
  /** Whether the user may manage this channel's subscription (Manage Channels on Discord, a member on Slack). */
  canManage: boolean;
  /** Default zone for subscriptions (BRIEFING_TZ, else UTC). */
  defaultTimezone: string;
  /** How this surface types commands (usage lines, option names, references); default chat `/name key:value`. */
  syntax?: Syntax;
  /** Followed feeds, where the surface offers them. */
  feeds?: FeedPort;
  /** The deployment's crises (absent where only one is known). */
  crises?: CrisisPort;
  /** Alert subscriptions (src/store/alert-subscriptions.ts), where the surface offers them. */
  alerts?: import('../src/store/alert-subscriptions.js').AlertSubscriptionPort;
  /** BRIEFING_ALERT_MINUTES: at most one alert message per channel per this many minutes. */
  alertMinutes?: number;
}

/** One crisis as listed to users and scripts. */
export interface CrisisSummary {
  id: string;
  name: string;
  articles: number;
  feeds: number;
  lastIngestedAt: string | null;
  isDefault: boolean;
}

/** The crises of a deployment, as commands see them (src/crises.ts). */
export interface CrisisPort {
  list(): CrisisSummary[];
  /** The knowledge base and feeds of a crisis by id; null when there is none by that id. */
  open(id: string): { kb: Briefing; feeds: FeedPort } | null;
  /** The crisis a channel follows (its own choice, else the default). */
  current(platform: Platform, channelId: string): string;
  /** Make a channel follow a crisis; null when there is none by that id. */
  use(platform: Platform, channelId: string, id: string, by: string): CrisisSummary | null;
}

export interface CommandResult {
  view: View;
  /** The JSON the CLI prints with --json. */
  data?: unknown;
}

export type Input = Record<string, unknown>;

export interface SubcommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Needs `canManage`. */
  manage?: boolean;
  run(input: Input, ctx: CommandContext): Promise<CommandResult> | CommandResult;
}

export interface CommandSpec {
  name: string;
  description: string;
  /** One-line usage for text surfaces, e.g. "/timeline [actor:A] [from:D] [to:D] [limit:N]". */
  usage: string;
  /** Examples shown in /help. */
  examples?: string[];
  options: OptionSpec[];
  /** For text surfaces: the option that takes the free text left after key:value pairs. */
  rest?: string;
  /** Either run, or subcommands (the first is the default when none is named). */
  run?(input: Input, ctx: CommandContext): Promise<CommandResult> | CommandResult;
  subcommands?: SubcommandSpec[];
  /** May take longer than two seconds: chat adapters defer first. */
  slow?: boolean;
}
