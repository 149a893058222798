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

/** A batch message shows at most this many changes; the rest are counted. */
export const ALERTS_PER_MESSAGE = 5;
/**
 * And at most about this many characters, so it is one page, hence one message, on every surface
 * (the smallest page is Discord's 3,000); the first change always fits (a stored sentence is at most 2,000).
 */
export const ALERT_MESSAGE_CHARS = 2_400;

function blocksOf(a: AlertItem): Block[] {
  const head = a.text.length > 300 ? `${a.text.slice(0, 299)}…` : a.text;
  return [
    { type: 'heading', text: head },
    { type: 'quote', text: a.quote, cite: citeOf({ docId: a.docId ?? '', source: a.source, at: a.at, url: a.url }) },
  ];
}

/** Rough rendered size of an alert's blocks (text, outlet, time and labels). */
const sizeOf = (a: AlertItem) => Math.min(a.text.length, 300) + a.quote.length + a.source.length + 40;

/**
 * A batch posted to a subscribed channel: the changes, newest last, each under its one-line text
 * with the verbatim sentence, its outlet, time and the article's own link.
 */
export function alertBatchView(alerts: readonly AlertItem[], crisis: CrisisConfig): View {
  const shown: AlertItem[] = [];
  let size = 0;
  for (const a of alerts) {
    if (shown.length > 0 && (shown.length >= ALERTS_PER_MESSAGE || size + sizeOf(a) > ALERT_MESSAGE_CHARS)) break;
    shown.push(a);
    size += sizeOf(a);
  }
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
