/** Builders of the neutral view from question results. Adapters render these; they add no facts. */
import type {
  ActorSummary,
  AskResult,
  CrisisConfig,
  DigestResult,
  Evidence,
  SourceSummary,
  StanceResult,
  TimelineEvent,
  TimelineResult,
} from '../types.js';
import type { Accent, Block, Cite, View } from './view.js';
import { formatWhen } from '../when.js';
import { EMPTY_SECTION } from './digest.js';
import { inSentence, notNamed } from './stance-answer.js';

export function sideLabel(crisis: CrisisConfig, alignment: string | null): string {
  if (!alignment) return 'unknown';
  if (alignment === 'neutral') return 'neutral';
  return crisis.sides.find((s) => s.id === alignment)?.label ?? alignment;
}

function accentFor(crisis: CrisisConfig, alignment: string | null): Accent {
  const i = crisis.sides.findIndex((s) => s.id === alignment);
  const side = crisis.sides[i];
  if (side) return { kind: 'side', side: side.id, label: side.label, index: i };
  return { kind: 'neutral' };
}

export function citeOf(e: { docId: string; source: string; at: string | null; url?: string | null }): Cite {
  return { docId: e.docId, source: e.source, at: e.at, when: formatWhen(e.at), url: e.url ?? null };
}

function quoteBlock(e: Evidence): Block {
  return { type: 'quote', text: e.quote, cite: citeOf(e), speaker: e.speaker };
}

export function stanceView(r: StanceResult, crisis: CrisisConfig): View {
  if (!r.found || !r.actor) return notNamedView('stance', r.query, r.suggestions);
  // Named with no claim of its own (strength null, no evidence) is not neutral: no side is stated.
  const unstated = r.alignment === 'neutral' && r.strength === null && r.evidence.length === 0;
  // A side itself, or its leader, has no stance to show: it is the side.
  const isSide = r.actor.kind === 'side';
  const side = sideLabel(crisis, r.alignment);
  const label = isSide
    ? r.actor.name === side ? 'One side of this crisis' : `Leads ${inSentence(side)}`
    : r.alignment === null ? 'Where this crisis takes place' : unstated ? 'No stated position' : r.alignment === 'neutral' ? 'Neutral' : `${r.strength === 'firm' ? 'Backs' : 'Leans toward'} ${inSentence(side)}`;
  const blocks: Block[] = [];
  if (r.change) {
    blocks.push({
      type: 'text',
      text: `Changed: ${sideLabel(crisis, r.change.from.alignment)} (${r.change.from.strength ?? 'neutral'}, ${formatWhen(r.change.from.at)}) → ${sideLabel(crisis, r.change.to.alignment)} (${r.change.to.strength ?? 'neutral'}, ${formatWhen(r.change.to.at)})`,
    });
  }
  blocks.push(...r.evidence.map(quoteBlock));
  if (r.evidence.length === 0 && !isSide && r.alignment !== null) blocks.push({ type: 'text', text: 'No sentence in the corpus states a position for this actor.' });
  return {
    kind: 'stance',
    title: `${r.actor.name}: ${label}`,
    accent: accentFor(crisis, r.alignment),
    lead: r.summary,
    blocks,
    footer: r.affiliation ? `Speaks for ${r.affiliation.name}` : undefined,
  };
}

/** A name the corpus does not know: said once, with the near names to try (never answered as one of them). */
function notNamedView(kind: 'stance' | 'timeline', query: string, suggestions: readonly string[]): View {
  return {
    kind,
    title: notNamed(query, suggestions),
    accent: { kind: 'neutral' },
    blocks: [{ type: 'text', text: '/actors lists every name the corpus knows.' }],
    ephemeral: true,
  };
}

function eventLine(e: TimelineEvent): Block {
  return {
    type: 'line',
    when: formatWhen(e.at),
    text: e.scheduled ? `(scheduled) ${e.text}` : e.text,
    cites: e.sources.map((s) => ({ docId: s.docId, source: s.source, at: null, when: '', url: s.url ?? null })),
    // The first sources are listed; a story many outlets carried says how many more did.
    ...(e.sourcesTotal > e.sources.length ? { more: `and ${e.sourcesTotal - e.sources.length} more` } : {}),
  };
}

export function timelineView(r: TimelineResult): View {
  if (r.actorFound === false) return notNamedView('timeline', r.query.actor ?? '', r.suggestions ?? []);
  const blocks: Block[] = [];
  for (const day of r.days) {
    blocks.push({ type: 'heading', text: `${formatWhen(day.date)} — ${day.summary}` });
    for (const e of r.events.filter((x) => x.at.slice(0, day.date.length) === day.date && (day.date.length > 7 || x.precision === 'month'))) blocks.push(eventLine(e));
  }
  const scope = [r.actor ? r.actor.name : null, r.query.from ? `from ${r.query.from}` : null, r.query.to ? `to ${r.query.to}` : null]
    .filter(Boolean)
    .join(' ');
  return {
    kind: 'timeline',
    title: `Timeline${scope ? ` — ${scope}` : ''}`,
    accent: { kind: 'info' },
    lead: r.events.length
      ? `${r.events.length} most important of ${r.total} events, in time order.`
      : 'No dated events in the corpus for this window.',
    blocks,
  };
}

/**
 * The digest as sections, each opened by a heading block (Top developments, Who backs whom, Key
 * figures, What to watch, Sources); a section with nothing for the day says so rather than
 * disappearing. A quiet day (nothing new since the previous digest) is the headline and the roster.
 */
export function digestView(r: DigestResult, crisis: CrisisConfig): View {
  if (!r.date) {
    return { kind: 'digest', title: 'Digest', accent: { kind: 'info' }, lead: r.headline, blocks: [] };
  }
  const none = (name: keyof typeof EMPTY_SECTION): Block[] => [{ type: 'text', text: EMPTY_SECTION[name] }];
  const roster: Block[] = [
    { type: 'heading', text: 'Who backs whom' },
    {
      type: 'fields',
      fields: [...crisis.sides.map((s) => s.id), 'neutral'].map((id) => {
        const names = r.roster[id] ?? [];
        return { name: `${id === 'neutral' ? 'Neutral' : sideLabel(crisis, id)} (${names.length})`, value: names.join(', ') || '—' };
      }),
    },
  ];
  const blocks: Block[] = r.quiet
    ? roster
    : [
        { type: 'heading', text: 'Top developments' },
        ...(r.developments.length ? r.developments.map(eventLine) : none('Top developments')),
        ...roster,
        { type: 'heading', text: 'Key figures' },
        ...(r.figures.length ? r.figures.map((f): Block => ({ type: 'quote', text: f.text, cite: citeOf(f) })) : none('Key figures')),
        { type: 'heading', text: 'What to watch' },
        ...(r.watch.length
          ? r.watch.map((w): Block => ({ type: 'line', when: formatWhen(w.at), text: w.text, cites: w.source && w.docId ? [{ docId: w.docId, source: w.source, at: null, when: '' }] : [] }))
          : none('What to watch')),
        { type: 'heading', text: 'Sources' },
        ...(r.sources.length
          ? r.sources.map((s): Block => ({ type: 'line', when: formatWhen(s.published ?? null), text: s.title ?? s.source, cites: [{ docId: s.docId, source: s.source, at: null, when: '', url: s.url ?? null }] }))
          : none('Sources')),
        ...(r.sourcesTotal > r.sources.length ? [{ type: 'text' as const, text: `…and ${r.sourcesTotal - r.sources.length} more articles that day (/sources lists them all).` }] : []),
      ];
  return {
    kind: 'digest',
    title: `Digest — ${formatWhen(r.date)}`,
    accent: { kind: 'info' },
    lead: r.headline,
    blocks,
    // The outlets in one line (the Sources section lists each article); none on a quiet day.
    footer: r.sources.length ? `Sources: ${[...new Set(r.sources.map((s) => s.source))].join('; ')}` : undefined,
  };
}

export function askView(r: AskResult): View {
  const blocks: Block[] = r.citations.map((c) => ({
    type: 'quote',
    text: c.quote,
    cite: citeOf(c),
    highlight: c.highlight ? [c.highlight] : undefined,
  }));
  const lead = r.answer ?? r.note ?? 'Not in the corpus: no article here answers that.';
  // Each line once: a note that only repeats the lead is not shown again.
  if (r.note && r.note !== lead) blocks.push({ type: 'text', text: r.note });
  // Near passages are labelled as such, after the "not in the corpus" lead: never the answer.
  if (r.answer === null && r.closest?.length) {
    blocks.push({ type: 'heading', text: 'Closest passages (they do not answer the question)' });
    for (const c of r.closest) blocks.push({ type: 'quote', text: c.quote, cite: citeOf(c) });
  }
  return {
    kind: 'ask',
    title: r.question,
    accent: r.answer ? { kind: 'info' } : { kind: 'neutral' },
    lead,
    blocks,
    // The footer describes the quotes; with none shown there is nothing for it to describe.
    footer: r.citations.length === 0 ? undefined : r.mode === 'llm' ? 'Answer written by a model and checked against the quotes' : 'Extractive answer: quoted from the corpus',
  };
}

export function actorsView(list: ActorSummary[], crisis: CrisisConfig): View {
  const groups = new Map<string, string[]>();
  for (const a of list) {
    if (a.kind === 'side') continue;
    const key = a.alignment ?? 'unknown';
    const arr = groups.get(key) ?? [];
    arr.push(a.name);
    groups.set(key, arr);
  }
  const order = [...crisis.sides.map((s) => s.id), 'neutral', 'unknown'];
  const fields = order
    .filter((k) => groups.has(k))
    .map((k) => {
      const names = groups.get(k) ?? [];
      const name = k === 'unknown' ? 'No stated position' : k === 'neutral' ? 'Neutral' : sideLabel(crisis, k);
      return { name: `${name} (${names.length})`, value: names.join(', ') };
    });
  return {
    kind: 'actors',
    title: `Actors in the corpus (${list.length})`,
    accent: { kind: 'info' },
    blocks: [{ type: 'fields', fields }],
    footer: 'Use /stance NAME for the evidence behind each position.',
  };
}

export function sourcesView(list: SourceSummary[]): View {
  return {
    kind: 'sources',
    title: `Sources (${list.length})`,
    accent: { kind: 'info' },
    blocks: list.map((s) => ({ type: 'text' as const, text: `${s.title} — ${s.source}, ${formatWhen(s.published)}${s.url ? ` (${s.url})` : ''}` })),
  };
}
