/** What the CLI's commands share: the usage error (exit 2), opening the app, flag helpers. */
import { type App, openApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { AnswerModel } from '../core/answer/grounding.js';
import { feedSettings } from '../ingest/feeds/port.js';

/** A mistake in the command line: one line on stderr and exit 2. */
export class UsageError extends Error {}

export function open(c: Config = loadConfig(), model?: AnswerModel): App {
  return openApp({ db: c.BRIEFING_DB, seedsDir: c.BRIEFING_SEEDS, defaultTimezone: c.BRIEFING_TZ, alertMinutes: c.BRIEFING_ALERT_MINUTES, model, feeds: feedSettings(c) });
}

/** A `--crisis` flag checked against the crises there are; an unknown one is a usage error. */
export function knownCrisis(app: App, id: string): string {
  if (!app.crises.has(id)) throw new UsageError(`No crisis "${id}". Crises: ${app.crises.ids().join(', ')}.`);
  return id;
}

/** Flags that were given, without the undefined ones. */
export function strip(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** `--crisis ID` on every question: which crisis to answer from (default: BRIEFING_SEEDS's). */
export const CRISIS_FLAG = ['--crisis <id>', 'the crisis to use (see `briefing crisis list`); default: the BRIEFING_SEEDS crisis'] as const;
