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
  if (!r.found || !r.actor) {
    return {
      kind: 'stance',
      title: `“${r.query}” is not in the corpus`,
      accent: { kind: 'neutral' },
      lead: r.summary,
      blocks: r.suggestions.length ? [{ type: 'text', text: `Did you mean: ${r.suggestions.join(', ')}?` }] : [],
      ephemeral: true,
    };
  }
  const label = r.alignment === 'neutral' ? 'Neutral' : `${r.strength === 'firm' ? 'Backs' : 'Leans toward'} ${sideLabel(crisis, r.alignment)}`;
  const blocks: Block[] = [];
  if (r.change) {
    blocks.push({
      type: 'text',
      text: `Changed: ${sideLabel(crisis, r.change.from.alignment)} (${r.change.from.strength ?? 'neutral'}, ${formatWhen(r.change.from.at)}) → ${sideLabel(crisis, r.change.to.alignment)} (${r.change.to.strength ?? 'neutral'}, ${formatWhen(r.change.to.at)})`,
    });
  }
  blocks.push(...r.evidence.map(quoteBlock));
  if (r.evidence.length === 0) blocks.push({ type: 'text', text: 'No sentence in the corpus states a position for this actor.' });
  return {
    kind: 'stance',
    title: `${r.actor.name}: ${label}`,
    accent: accentFor(crisis, r.alignment),
    lead: r.summary,
    blocks,
    footer: r.affiliation ? `Speaks for ${r.affiliation.name}` : undefined,
  };
}

function eventLine(e: TimelineEvent): Block {
  return {
    type: 'line',
    when: formatWhen(e.at),
    text: e.scheduled ? `(scheduled) ${e.text}` : e.text,
    cites: e.sources.map((s) => ({ docId: s.docId, source: s.source, at: null, when: '', url: s.url ?? null })),
  };
}

export function timelineView(r: TimelineResult): View {
  if (r.actorFound === false) {
    return {
      kind: 'timeline',
      title: `“${r.query.actor}” is not in the corpus`,
      accent: { kind: 'neutral' },
      blocks: [{ type: 'text', text: 'Try /actors for the names the corpus knows.' }],
      ephemeral: true,
    };
  }
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

export function digestView(r: DigestResult, crisis: CrisisConfig): View {
  if (!r.date) {
    return { kind: 'digest', title: 'Digest', accent: { kind: 'info' }, lead: r.headline, blocks: [] };
  }
  const blocks: Block[] = [{ type: 'heading', text: 'Top developments' }, ...r.developments.map(eventLine)];
  blocks.push({
    type: 'fields',
    fields: [...crisis.sides.map((s) => s.id), 'neutral'].map((id) => {
      const names = r.roster[id] ?? [];
      return { name: `${id === 'neutral' ? 'Neutral' : sideLabel(crisis, id)} (${names.length})`, value: names.join(', ') || '—' };
    }),
  });
  if (r.figures.length) {
    blocks.push({ type: 'heading', text: 'Key figures' });
    for (const f of r.figures) blocks.push({ type: 'quote', text: f.text, cite: citeOf(f) });
  }
  if (r.watch.length) {
    blocks.push({ type: 'heading', text: 'What to watch' });
    for (const w of r.watch) blocks.push({ type: 'line', when: formatWhen(w.at), text: w.text, cites: w.source && w.docId ? [{ docId: w.docId, source: w.source, at: null, when: '' }] : [] });
  }
  return {
    kind: 'digest',
    title: `Digest — ${formatWhen(r.date)}`,
    accent: { kind: 'info' },
    lead: r.headline,
    blocks,
    footer: `Sources: ${r.sources.map((s) => s.source).join('; ')}`,
  };
}

export function askView(r: AskResult): View {
  const blocks: Block[] = r.citations.map((c) => ({
    type: 'quote',
    text: c.quote,
    cite: citeOf(c),
    highlight: c.highlight ? [c.highlight] : undefined,
  }));
  if (r.note) blocks.push({ type: 'text', text: r.note });
  // Near passages are labelled as such, after the "not in the corpus" lead: never the answer.
  if (r.answer === null && r.closest?.length) {
    blocks.push({ type: 'heading', text: 'Closest passages (they do not answer the question)' });
    for (const c of r.closest) blocks.push({ type: 'quote', text: c.quote, cite: citeOf(c) });
  }
  return {
    kind: 'ask',
    title: r.question,
    accent: r.answer ? { kind: 'info' } : { kind: 'neutral' },
    lead: r.answer ?? 'Not in the corpus: no article here answers that.',
    blocks,
    footer: r.mode === 'llm' ? 'Answer written by a model and checked against the quotes' : 'Extractive answer: quoted from the corpus',
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
