/** The message of an alert batch, and the list `/alerts list` shows: each change with its evidence. */
import type { CrisisConfig } from '../types.js';
import type { Block, View } from './view.js';
import { citeOf } from './views.js';

/** An alert as views show it (src/store/alerts.ts AlertRow has these fields). */
export interface AlertItem {
  at: string;
  kind: string;
  actor: string | null;
  text: string;
  quote: string;
  source: string;
  url: string | null;
  docId: string | null;
}

/** A batch message shows at most this many changes (one message on every surface); the rest are counted. */
export const ALERTS_PER_MESSAGE = 5;

function blocksOf(a: AlertItem): Block[] {
  return [
    { type: 'heading', text: a.text },
    { type: 'quote', text: a.quote, cite: citeOf({ docId: a.docId ?? '', source: a.source, at: a.at, url: a.url }) },
  ];
}

/**
 * A batch posted to a subscribed channel: the changes, newest last, each under its one-line text
 * with the verbatim sentence, its outlet, time and the article's own link.
 */
export function alertBatchView(alerts: readonly AlertItem[], crisis: CrisisConfig): View {
  const shown = alerts.slice(0, ALERTS_PER_MESSAGE);
  const rest = alerts.length - shown.length;
  const blocks = shown.flatMap(blocksOf);
  if (rest > 0) blocks.push({ type: 'text', text: `${rest} more change${rest === 1 ? '' : 's'}: /alerts list shows them all.` });
  return {
    kind: 'info',
    title: alerts.length === 1 ? `Alert: ${crisis.name}` : `${alerts.length} alerts: ${crisis.name}`,
    accent: { kind: 'info' },
    blocks,
    footer: 'Stance-change alerts · /alerts status',
  };
}

/** `/alerts list`: the newest changes detected (the CLI's --json has them all). */
export function alertListView(alerts: readonly AlertItem[], total: number, limit: number): View {
  const shown = alerts.slice(-limit);
  return {
    kind: 'info',
    title: total ? `Changes detected (${total})` : 'No changes detected yet',
    accent: { kind: 'info' },
    lead: total > shown.length ? `The newest ${shown.length}.` : undefined,
    blocks: shown.length ? shown.flatMap(blocksOf) : [{ type: 'text', text: 'Alerts appear when an ingest changes a position, raises a death toll or adds a scheduled event.' }],
    ephemeral: true,
  };
}
