/** digest(date?): the morning briefing for the newest news day (or a given one). */
import type { Briefing } from './briefing.js';
import { shortText, sortKey, toEvents } from './timeline.js';
import type { DigestResult, Figure } from './types.js';
import { formatWhen } from './when.js';

const FIGURE_ORDER: Figure['kind'][] = ['deaths', 'money', 'deadline', 'count', 'percent', 'age'];

export function buildDigest(kb: Briefing, opts: { date?: string }): DigestResult {
  const date = opts.date ?? kb.reader.newestDay();
  const empty = { developments: [], roster: {}, figures: [], watch: [], sources: [] };
  if (!date) return { ...empty, date: null, headline: 'The corpus is empty.', text: 'The corpus is empty: add articles with `briefing ingest`.' };
  const docs = kb.reader.documentsOn(date);
  const { rows } = kb.reader.events({ from: date, to: date, limit: 5 });
  const developments = toEvents(kb, rows);
  const roster: Record<string, string[]> = Object.fromEntries([...kb.crisis.sides.map((s) => [s.id, [] as string[]]), ['neutral', [] as string[]]]);
  const actors = kb.actors();
  const listed = new Set<string>();
  for (const a of actors) {
    if (!a.alignment || (a.kind === 'person' && a.affiliation)) continue;
    const list = roster[a.alignment];
    if (list) {
      list.push(a.strength === 'leaning' ? `${a.name} (leaning)` : a.name);
      listed.add(a.id);
    }
  }
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
  lines.push('', 'Who backs whom:');
  for (const [side, names] of Object.entries(roster)) {
    const label = side === 'neutral' ? 'Neutral' : (kb.crisis.sides.find((s) => s.id === side)?.label ?? side);
    lines.push(`- ${label} (${names.length}): ${names.join(', ') || '—'}`);
  }
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
