/** timeline(actor?, from?, to?, limit?): the most important events of a window, in time order. */
import type { Briefing } from '../briefing.js';
import type { EventRow } from '../../store/kb-read.js';
import { withoutDateline } from '../text.js';
import type { ActorRef, Precision, TimelineEvent, TimelineQuery, TimelineResult } from '../types.js';

export const DEFAULT_LIMIT = 20;
/** Sources listed per event; `sourcesTotal` counts them all (a big story has hundreds). */
export const SOURCES_PER_EVENT = 5;

export function sortKey(at: string): number {
  const iso = at.length === 4 ? `${at}-01-01` : at.length === 7 ? `${at}-01` : at;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? 0 : t;
}

/** "President X on Thursday ordered all diplomats home from the US and closed the embassy" -> its first clause, short. */
export function shortText(text: string, max = 90): string {
  const first = text.split(/(?<=[a-z])[,;:—–]\s/)[0] ?? text;
  const t = first.length < 30 ? text : first;
  return t.length <= max ? t.replace(/[.]$/, '') : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export function toEvents(kb: Briefing, rows: EventRow[]): TimelineEvent[] {
  const ids = rows.map((r) => r.id);
  const sources = kb.reader.eventSources(ids, SOURCES_PER_EVENT);
  const actors = kb.reader.eventActors(ids);
  return rows.map((r) => ({
    at: r.precision === 'month' ? r.at.slice(0, 7) : r.at,
    precision: r.precision as Precision,
    text: withoutDateline(r.text),
    actors: actors.get(r.id) ?? [],
    sources: (sources.get(r.id) ?? []).map((s) => ({ docId: s.docId, source: s.source, title: s.title, url: s.url })),
    sourcesTotal: Math.max(r.n_sources, sources.get(r.id)?.length ?? 0),
    importance: Math.round(r.importance * 100) / 100,
    kind: r.kind,
    scheduled: r.scheduled === 1,
  }));
}

export function buildTimeline(kb: Briefing, q: TimelineQuery): TimelineResult {
  const limit = q.limit ?? DEFAULT_LIMIT;
  let actorIds: string[] | undefined;
  let actor: ActorRef | null = null;
  if (q.actor) {
    const r = kb.resolve(q.actor);
    if (!r.id) return { query: q, actorFound: false, actor: null, days: [], events: [], total: 0, suggestions: r.suggestions };
    actor = kb.ref(kb.reader.actor(r.id), r.id);
    actorIds = kb.actorFamily(r.id);
  }
  const { rows, total } = kb.reader.events({ from: q.from, to: q.to, actorIds, limit });
  const events = toEvents(kb, rows).sort((a, b) => sortKey(a.at) - sortKey(b.at));
  const dayList = [...new Set(rows.map((r) => r.day))].sort();
  const counts = kb.reader.dayCounts(dayList, { actorIds });
  const days = dayList.map((day) => {
    const top = rows.filter((r) => r.day === day).sort((a, b) => b.importance - a.importance);
    const count = counts.get(day) ?? top.length;
    const shown = top.slice(0, 2).map((r) => shortText(withoutDateline(r.text)));
    const rest = count - shown.length;
    // Events known only to the month are grouped under the month, not its first day.
    const date = top.every((r) => r.precision === 'month') ? day.slice(0, 7) : day;
    return { date, summary: `${shown.join('; ')}${rest > 0 ? ` (+${rest} more)` : ''}`, count };
  });
  return { query: q, actorFound: q.actor ? true : null, actor, days, events, total };
}
