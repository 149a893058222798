/** digest(date?): the morning briefing for the newest news day (or a given one). */
import type { Briefing } from '../briefing.js';
import { shortText, sortKey, toEvents } from './timeline.js';
import type { DigestResult, Figure } from '../types.js';
import { formatWhen } from '../when.js';

const FIGURE_ORDER: Figure['kind'][] = ['deaths', 'money', 'deadline', 'count', 'percent', 'age'];

export interface DigestOptions {
  /** A news day (YYYY-MM-DD); default the newest. */
  date?: string;
  /** Only what the corpus added after this instant (ISO), e.g. since a channel's previous digest. */
  since?: string;
}

export function buildDigest(kb: Briefing, opts: DigestOptions): DigestResult {
  const newDocs = opts.since ? kb.reader.documentsIngestedAfter(opts.since) : null;
  const date = opts.date ?? (newDocs?.length ? newDocs.map((d) => d.published.slice(0, 10)).sort().pop() : undefined) ?? kb.reader.newestDay();
  const empty = { developments: [], roster: {}, figures: [], watch: [], sources: [] };
  if (!date) return { ...empty, date: null, headline: 'The corpus is empty.', text: 'The corpus is empty: add articles with `briefing ingest`.' };
  if (newDocs && newDocs.length === 0) return quietDigest(kb, date, opts.since as string);
  const docs = newDocs ?? kb.reader.documentsOn(date);
  const rows = newDocs ? kb.reader.eventsOfDocs(docs.map((d) => d.id), 5) : kb.reader.events({ from: date, to: date, limit: 5 }).rows;
  const developments = toEvents(kb, rows);
  const roster = buildRoster(kb);
  const seen = new Set<string>();
  const figures = kb.reader
    .figures(docs.map((d) => d.id))
    .filter((f) => f.kind !== 'age')
    .sort((a, b) => FIGURE_ORDER.indexOf(a.kind as Figure['kind']) - FIGURE_ORDER.indexOf(b.kind as Figure['kind']))
    .filter((f) => {
      const k = `${f.kind}:${f.value.toLowerCase()}`;
      if (seen.has(k) || seen.has(f.text)) return false;
      seen.add(k);
      seen.add(f.text);
      return true;
    })
    .slice(0, 5)
    .map((f) => ({ kind: f.kind as Figure['kind'], value: f.value, text: f.text, docId: f.docId, source: f.source, at: f.at }));
  const watchRows = kb.reader.scheduled(date, 5);
  const watchEvents = toEvents(kb, watchRows);
  const watch = watchEvents.map((e) => ({ at: e.at, text: e.text, docId: e.sources[0]?.docId, source: e.sources[0]?.source }));
  for (const f of figures.filter((x) => x.kind === 'deadline')) watch.push({ at: date, text: `Deadline: ${f.text}`, docId: f.docId, source: f.source });
  const sources = docs.map((d) => ({ docId: d.id, source: d.source, title: d.title, url: d.url }));
  const top = [...developments].sort((a, b) => b.importance - a.importance)[0];
  const headline = top ? shortText(top.text, 140) : docs.length ? `No dated developments on ${formatWhen(date)}.` : `Nothing in the corpus for ${formatWhen(date)}.`;
  developments.sort((a, b) => sortKey(a.at) - sortKey(b.at));
  const lines = [`Digest — ${formatWhen(date)}`, headline, '', 'Top developments:'];
  for (const e of developments) lines.push(`- ${formatWhen(e.at)}: ${e.text} [${e.sources.map((s) => s.source).join('; ')}]`);
  lines.push('', ...rosterLines(kb, roster));
  if (figures.length) {
    lines.push('', 'Key figures:');
    for (const f of figures) lines.push(`- ${f.text} [${f.source}]`);
  }
  if (watch.length) {
    lines.push('', 'What to watch:');
    for (const w of watch) lines.push(`- ${formatWhen(w.at)}: ${w.text}`);
  }
  lines.push('', `Sources: ${sources.map((s) => `${s.title} (${s.source})`).join('; ') || 'none'}`);
  return { date, headline, developments, roster, figures, watch, sources, text: lines.join('\n') };
}

/** Who backs which side, from the stored stances: countries, organisations and unaffiliated people. */
export function buildRoster(kb: Briefing): Record<string, string[]> {
  const roster: Record<string, string[]> = Object.fromEntries([...kb.crisis.sides.map((s) => [s.id, [] as string[]]), ['neutral', [] as string[]]]);
  for (const a of kb.actors()) {
    if (!a.alignment || (a.kind === 'person' && a.affiliation)) continue;
    roster[a.alignment]?.push(a.strength === 'leaning' ? `${a.name} (leaning)` : a.name);
  }
  return roster;
}

function rosterLines(kb: Briefing, roster: Record<string, string[]>): string[] {
  const lines = ['Who backs whom:'];
  for (const [side, names] of Object.entries(roster)) {
    const label = side === 'neutral' ? 'Neutral' : (kb.crisis.sides.find((s) => s.id === side)?.label ?? side);
    lines.push(`- ${label} (${names.length}): ${names.join(', ') || '—'}`);
  }
  return lines;
}

/** A day with nothing new says so briefly, with the roster, instead of repeating yesterday. */
function quietDigest(kb: Briefing, date: string, since: string): DigestResult {
  const roster = buildRoster(kb);
  const headline = `Nothing new in the corpus since the previous digest (${formatWhen(since)})`;
  const text = [`Digest — ${formatWhen(date)}`, headline, '', ...rosterLines(kb, roster)].join('\n');
  return { date, headline, developments: [], roster, figures: [], watch: [], sources: [], text };
}
