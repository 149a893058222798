/**
 * digest(date?): the morning briefing for the newest news day (or a given one), in five sections
 * with headings: Top developments, Who backs whom, Key figures, What to watch, Sources. Everything
 * is as of the digest's date: a digest of day D shows the positions, figures and scheduled events
 * known from articles published by D, never what came later.
 */
import type { Briefing } from '../briefing.js';
import { shortText, sortKey, toEvents } from './timeline.js';
import type { DocScope } from '../../store/kb-read.js';
import type { DigestResult, Figure } from '../types.js';
import { formatWhen } from '../when.js';

const FIGURE_ORDER: Figure['kind'][] = ['deaths', 'money', 'deadline', 'count', 'percent'];
/** Articles listed under a digest; `sourcesTotal` counts them all (a busy news day has hundreds). */
export const DIGEST_SOURCES = 20;

/** The section headings, in order (views and adapters use the same names). */
export const DIGEST_SECTIONS = ['Top developments', 'Who backs whom', 'Key figures', 'What to watch', 'Sources'] as const;

/** What a section says when it has nothing for this day (every section is always shown). */
export const EMPTY_SECTION: Record<(typeof DIGEST_SECTIONS)[number], string> = {
  'Top developments': 'No dated developments on this day.',
  'Who backs whom': 'No positions stated yet.',
  'Key figures': 'No figures (deaths, money, deadlines, counts) reported on this day.',
  'What to watch': 'Nothing scheduled from this day on.',
  Sources: 'No articles on this day.',
};

export interface DigestOptions {
  /** A news day (YYYY-MM-DD); default the newest. */
  date?: string;
  /** Only what the corpus added after this instant (ISO), e.g. since a channel's previous digest. */
  since?: string;
}

export function buildDigest(kb: Briefing, opts: DigestOptions): DigestResult {
  // Every read below is bounded by the digest's window (its news day, or what arrived since), and
  // the lists it shows are capped, so a digest costs the same on a small corpus and a huge one.
  const fresh = opts.since ? kb.reader.ingestedAfter(opts.since) : null;
  const date = opts.date ?? (fresh?.count ? fresh.newestDay : null) ?? kb.reader.newestDay();
  const empty = { developments: [], roster: {}, figures: [], watch: [], sources: [], sourcesTotal: 0 };
  if (!date) return { ...empty, date: null, headline: 'The corpus is empty.', text: 'The corpus is empty: add articles with `briefing ingest`.' };
  if (fresh && fresh.count === 0) return quietDigest(kb, date, opts.since as string);
  const scope: DocScope = opts.since ? { since: opts.since } : { day: date };
  const docs = opts.since ? kb.reader.documentsIngestedAfter(opts.since, DIGEST_SOURCES) : kb.reader.documentsOn(date, DIGEST_SOURCES);
  const docsTotal = fresh ? fresh.count : kb.reader.countOn(date);
  let rows = opts.since ? kb.reader.eventsIngestedAfter(opts.since, 5) : kb.reader.events({ from: date, to: date, limit: 5 }).rows;
  // A day whose articles only look back ("two weeks on", "on Thursday" in Saturday's paper): what
  // they reported, each at its own date, rather than nothing.
  if (rows.length === 0 && !opts.since && docsTotal > 0) rows = kb.reader.eventsReportedOn(date, 5);
  const developments = toEvents(kb, rows);
  const roster = buildRoster(kb, date);
  const figures = keyFigures(kb, scope, 5);
  // What was scheduled, as known from articles published by the digest's date.
  const watchRows = kb.reader.scheduledKnownBy(date, date, 5);
  const watchEvents = toEvents(kb, watchRows);
  const watch = watchEvents.map((e) => ({ at: e.at, text: e.text, docId: e.sources[0]?.docId, source: e.sources[0]?.source }));
  for (const f of figures.filter((x) => x.kind === 'deadline')) watch.push({ at: date, text: `Deadline: ${f.text}`, docId: f.docId, source: f.source });
  const sources = docs.map((d) => ({ docId: d.id, source: d.source, title: d.title, url: d.url, published: d.published }));
  const top = [...developments].sort((a, b) => b.importance - a.importance)[0];
  const headline = top ? shortText(top.text, 140) : docsTotal ? `No dated developments on ${formatWhen(date)}.` : `Nothing in the corpus for ${formatWhen(date)}.`;
  developments.sort((a, b) => sortKey(a.at) - sortKey(b.at));
  const section = (name: (typeof DIGEST_SECTIONS)[number], items: string[]) => ['', name, ...(items.length ? items : [EMPTY_SECTION[name]])];
  const lines = [
    `Digest — ${formatWhen(date)}`,
    headline,
    ...section(
      'Top developments',
      developments.map((e) => `- ${formatWhen(e.at)}: ${e.text} [${e.sources.map((s) => s.source).join('; ')}${more(e.sourcesTotal, e.sources.length)}]`),
    ),
    ...section('Who backs whom', rosterItems(kb, roster)),
    ...section(
      'Key figures',
      figures.map((f) => `- ${f.text} [${f.source}]`),
    ),
    ...section(
      'What to watch',
      watch.map((w) => `- ${formatWhen(w.at)}: ${w.text}`),
    ),
    ...section(
      'Sources',
      [...sources.map((s) => `- ${s.title} (${s.source}, ${formatWhen(s.published)})`), ...(docsTotal > sources.length ? [`- and ${docsTotal - sources.length} more`] : [])],
    ),
  ];
  return { date, headline, developments, roster, figures, watch, sources, sourcesTotal: Math.max(docsTotal, sources.length), text: lines.join('\n') };
}

/** "; +12 more" when a list shows `shown` of `total`. */
function more(total: number, shown: number): string {
  return total > shown ? `; +${total - shown} more` : '';
}

/**
 * The digest's key figures: by kind (deaths first), oldest first within a kind, one per value and
 * sentence. Read kind by kind, lazily, stopping at `n`: a busy day has thousands of figures.
 */
function keyFigures(kb: Briefing, scope: DocScope, n: number): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<string>();
  for (const kind of FIGURE_ORDER) {
    for (const f of kb.reader.figures(scope, kind)) {
      const k = `${f.kind}:${f.value.toLowerCase()}`;
      if (seen.has(k) || seen.has(f.text)) continue;
      seen.add(k);
      seen.add(f.text);
      out.push({ kind: f.kind as Figure['kind'], value: f.value, text: f.text, docId: f.docId, source: f.source, at: f.at });
      if (out.length >= n) return out; // leaving the loop ends the statement's iteration
    }
  }
  return out;
}

/**
 * Who backs which side: countries, organisations and unaffiliated people. With `asOf` (a day),
 * the positions as of that day, from the position histories materialised at ingest (one indexed
 * read); an actor with no statement by then is left out.
 */
export function buildRoster(kb: Briefing, asOf?: string): Record<string, string[]> {
  const roster: Record<string, string[]> = Object.fromEntries([...kb.crisis.sides.map((s) => [s.id, [] as string[]]), ['neutral', [] as string[]]]);
  const then = asOf ? new Map(kb.reader.stancesAsOf(asOf).map((s) => [s.actor_id, s])) : null;
  for (const a of kb.actors()) {
    const s = then ? then.get(a.id) : a;
    const alignment = s?.alignment ?? null;
    if (!alignment || (a.kind === 'person' && a.affiliation)) continue;
    roster[alignment]?.push(s?.strength === 'leaning' ? `${a.name} (leaning)` : a.name);
  }
  return roster;
}

function rosterItems(kb: Briefing, roster: Record<string, string[]>): string[] {
  return Object.entries(roster).map(([side, names]) => {
    const label = side === 'neutral' ? 'Neutral' : (kb.crisis.sides.find((s) => s.id === side)?.label ?? side);
    return `- ${label} (${names.length}): ${names.join(', ') || '—'}`;
  });
}

/** A day with nothing new says so briefly, with the roster, instead of repeating yesterday. */
function quietDigest(kb: Briefing, date: string, since: string): DigestResult {
  const roster = buildRoster(kb, date);
  const headline = `Nothing new in the corpus since the previous digest (${formatWhen(since)})`;
  const text = [`Digest — ${formatWhen(date)}`, headline, '', 'Who backs whom', ...rosterItems(kb, roster)].join('\n');
  return { date, headline, developments: [], roster, figures: [], watch: [], sources: [], sourcesTotal: 0, text, quiet: true };
}
