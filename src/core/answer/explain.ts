/**
 * `briefing explain`: what extraction read in an article, sentence by sentence — the actors and
 * people it found, the dates, the events, each stance claim with its cue, holder, target side,
 * strength and the rule behind it, quotes and figures. Pure: an Extraction in, a result and a view out.
 * Users need it to trust an answer; developers need it to see why a rule fired or did not.
 */
import { findDates } from '../read/dates.js';
import type { Extraction } from '../read/extract.js';
import type { CrisisConfig, Precision } from '../types.js';
import { formatWhen } from '../when.js';
import { sideLabel } from './views.js';
import type { Block, View } from './view.js';

/** An actor as explain shows it. */
export interface ExplainActor {
  id: string;
  name: string;
  kind: string;
}

/** What one sentence gave. */
export interface ExplainSentence {
  seq: number;
  kind: string;
  text: string;
  at: string | null;
  precision: Precision | null;
  actors: ExplainActor[];
  dates: { text: string; value: string; precision: string; future: boolean }[];
  events: { at: string; precision: Precision; kind: string; scheduled: boolean }[];
  claims: {
    holder: ExplainActor;
    /** The side the claim points to (null for neutral), and its label. */
    side: string | null;
    sideLabel: string;
    strength: 'firm' | 'leaning' | 'neutral';
    cue: string;
    speaker: string | null;
    why: string;
  }[];
  quotes: { text: string; speaker: string | null }[];
  figures: { kind: string; value: string }[];
}

export interface ExplainResult {
  docId: string;
  title: string;
  source: string;
  published: string;
  timezone: string;
  /** True when the article is in the corpus; false for a file explained without storing it. */
  stored: boolean;
  /** How the explanation was made when that matters ("re-read from the stored sentences"). */
  note: string | null;
  people: { id: string; name: string; affiliation: ExplainActor | null }[];
  sentences: ExplainSentence[];
  totals: { sentences: number; actors: number; people: number; claims: number; events: number; quotes: number; figures: number };
}

export interface ExplainInput {
  doc: { id: string; title: string; source: string; published: string; timezone: string };
  extraction: Extraction;
  crisis: CrisisConfig;
  /** The actor an id names (the gazetteer's), for names and kinds. */
  actor: (id: string) => { name: string; kind: string; affiliation?: string | null } | undefined;
  stored: boolean;
  note?: string | null;
}

export function buildExplanation(input: ExplainInput): ExplainResult {
  const { extraction: x, doc } = input;
  const ref = (id: string): ExplainActor => {
    const a = input.actor(id);
    return { id, name: a?.name ?? id, kind: a?.kind ?? 'unknown' };
  };
  const bySeq = <T extends { seq: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const it of list) m.set(it.seq, [...(m.get(it.seq) ?? []), it]);
    return m;
  };
  const claims = bySeq(x.claims);
  const events = bySeq(x.events);
  const quotes = bySeq(x.quotes);
  const figures = bySeq(x.figures);
  const allActors = new Set<string>();
  const sentences = x.sentences.map((s): ExplainSentence => {
    for (const a of s.actors) allActors.add(a);
    return {
      seq: s.seq,
      kind: s.kind,
      text: s.text,
      at: s.at,
      precision: s.precision,
      actors: s.actors.map(ref),
      dates: findDates(s.text, doc.published).map((d) => ({ text: s.text.slice(d.start, d.end), value: d.value, precision: d.precision, future: d.future })),
      events: (events.get(s.seq) ?? []).map((e) => ({ at: e.at, precision: e.precision, kind: e.kind, scheduled: e.scheduled })),
      claims: (claims.get(s.seq) ?? []).map((c) => ({
        holder: ref(c.actorId),
        side: c.side,
        sideLabel: c.side ? sideLabel(input.crisis, c.side) : 'no side',
        strength: c.strength,
        cue: c.cue,
        speaker: c.speaker,
        why: c.why || 'a stance cue with a holder and a side in the sentence',
      })),
      quotes: (quotes.get(s.seq) ?? []).map((q) => ({ text: q.text, speaker: q.speaker })),
      figures: (figures.get(s.seq) ?? []).map((f) => ({ kind: f.kind, value: f.value })),
    };
  });
  // The people it names: those found in this article, and those the corpus already knew.
  const people = x.people.map((p) => ({ id: p.id, name: p.name, affiliation: p.affiliation ? ref(p.affiliation) : null }));
  for (const id of allActors) {
    const a = input.actor(id);
    if (a?.kind !== 'person' || people.some((p) => p.id === id)) continue;
    people.push({ id, name: a.name, affiliation: a.affiliation ? ref(a.affiliation) : null });
  }
  return {
    docId: doc.id,
    title: doc.title,
    source: doc.source,
    published: doc.published,
    timezone: doc.timezone,
    stored: input.stored,
    note: input.note ?? null,
    people,
    sentences,
    totals: {
      sentences: sentences.length,
      actors: allActors.size,
      people: people.length,
      claims: x.claims.length,
      events: x.events.length,
      quotes: x.quotes.length,
      figures: x.figures.length,
    },
  };
}

const STRENGTH: Record<string, string> = { firm: 'backs', leaning: 'leans toward', neutral: 'no position toward' };

/** The explanation as a view: one block per sentence with what it gave (empty sentences are one line). */
export function explainView(r: ExplainResult): View {
  const blocks: Block[] = [];
  const t = r.totals;
  blocks.push({
    type: 'text',
    text: `${t.sentences} sentences: ${t.actors} actors, ${t.people} people, ${t.claims} stance claims, ${t.events} events, ${t.quotes} quotes, ${t.figures} figures.${r.note ? ` ${r.note}` : ''}`,
  });
  if (r.people.length) blocks.push({ type: 'fields', fields: [{ name: 'People', value: r.people.map((p) => `${p.name}${p.affiliation ? ` (${p.affiliation.name})` : ''}`).join(', ') }] });
  for (const s of r.sentences) {
    const lines: string[] = [];
    if (s.actors.length) lines.push(`  actors: ${s.actors.map((a) => `${a.name} [${a.kind}]`).join(', ')}`);
    if (s.dates.length) lines.push(`  dates: ${s.dates.map((d) => `"${d.text}" → ${formatWhen(d.value)}${d.future ? ' (ahead)' : ''}`).join('; ')}`);
    for (const e of s.events) lines.push(`  event: ${e.kind} at ${formatWhen(e.at)}${e.scheduled ? ' (scheduled)' : ''}`);
    for (const c of s.claims) {
      const target = c.side ? `${STRENGTH[c.strength] ?? c.strength} ${c.sideLabel}` : 'neutral';
      lines.push(`  claim: ${c.holder.name} ${target} (${c.strength}) — cue "${c.cue}"${c.speaker ? `, speaker ${c.speaker}` : ''}; why: ${c.why}`);
    }
    for (const q of s.quotes) lines.push(`  quote${q.speaker ? ` (${q.speaker})` : ''}: “${q.text}”`);
    for (const f of s.figures) lines.push(`  figure: ${f.kind} ${f.value}`);
    const when = s.at ? ` ${formatWhen(s.at)}` : '';
    blocks.push({ type: 'text', text: `#${s.seq} [${s.kind}${when}] ${s.text}${lines.length ? `\n${lines.join('\n')}` : ''}` });
  }
  return {
    kind: 'info',
    title: `Explain: ${r.title} — ${r.source}, ${formatWhen(r.published)}${r.stored ? '' : ' (not in the corpus; nothing stored)'}`,
    accent: { kind: 'info' },
    blocks,
    footer: 'What extraction read in each sentence. Stances are aggregated over all articles: see /stance.',
  };
}
