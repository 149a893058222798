/** stance(actor): an actor's position, read from the stances materialised at ingest. */
import type { Briefing } from '../briefing.js';
import { shareNameWord } from '../text.js';
import type { ActorRef, Citation, Evidence, Precision, StanceChange, StanceResult, Strength } from '../types.js';

/** A stance's evidence sentence as an /ask citation (quoted whole: no span of it is the answer). */
export function evidenceCitation(e: Evidence): Citation {
  return { quote: e.quote, docId: e.docId, source: e.source, at: e.at, highlight: null };
}

export function answerStance(kb: Briefing, query: string): StanceResult {
  const { id, suggestions } = kb.resolve(query);
  const empty = { query, evidence: [], change: null, affiliation: null };
  if (!id) {
    return { ...empty, found: false, actor: null, alignment: null, strength: null, summary: notNamed(query, suggestions), suggestions };
  }
  const row = kb.reader.actor(id);
  const actor = kb.ref(row, id);
  const side = kb.crisis.sides.find((s) => s.id === id);
  if (side) {
    // A side is named after its leader; asked by another of its names ("Ostmark" for a state led by
    // a prime minister), the answer names the side as asked, not the person.
    if (side.leader && !shareNameWord(query, side.leader)) {
      const led = `${side.label} is one side of this crisis, led by ${side.leader}.`;
      return { ...empty, found: true, actor: { ...actor, name: side.label }, alignment: side.id, strength: 'firm', summary: led, suggestions: [] };
    }
    return { ...empty, found: true, actor, alignment: side.id, strength: 'firm', summary: `${actor.name} leads one side of this crisis: ${side.label}.`, suggestions: [] };
  }
  if (kb.gazetteer.arena.has(id)) {
    return { ...empty, found: true, actor, alignment: null, strength: null, summary: `${actor.name} is where this crisis takes place; its sides are ${kb.crisis.sides.map((s) => s.label).join(' and ')}.`, suggestions: [] };
  }
  const affId = row?.affiliation ?? null;
  const affiliation = affId ? kb.ref(kb.reader.actor(affId), affId) : null;
  let holder = id;
  let st = kb.reader.stance(id);
  let via: ActorRef | null = null;
  // A person who makes no claim of their own speaks for their country or organisation; one who
  // states neutrality keeps it.
  if (!st && affId) {
    const affSt = kb.reader.stance(affId);
    if (affSt) {
      st = affSt;
      holder = affId;
      via = affiliation;
    }
  }
  if (!st) {
    return { ...empty, found: true, actor, alignment: 'neutral', strength: null, affiliation, summary: `${actor.name} is named in the corpus, but no article states a position for ${actor.kind === 'person' ? 'them' : 'it'}.`, suggestions: [] };
  }
  const ids = JSON.parse(st.evidence) as number[];
  const rows = kb.reader.claimsIn(holder, ids);
  const evidence: Evidence[] = [];
  for (const sid of ids) {
    // Of the claims one sentence makes for this actor, prefer the one on its position that names a speaker.
    const same = rows.filter((r) => r.sentenceId === sid).sort((a, b) => Number(b.side === st?.alignment) - Number(a.side === st?.alignment) || Number(Boolean(b.speaker)) - Number(Boolean(a.speaker)));
    const j = same[0];
    if (j) evidence.push({ quote: withAntecedent(kb, sid, j.text, holder), docId: j.docId, source: j.source, at: j.at, precision: (j.precision as Precision | null) ?? null, speaker: j.speaker, side: j.side, strength: j.strength, url: j.url });
  }
  const agg = { alignment: st.alignment, strength: st.strength as Strength | null, change: st.change ? (JSON.parse(st.change) as StanceChange) : null };
  const sideLabel = (s: string) => inSentence(kb.crisis.sides.find((x) => x.id === s)?.label ?? s);
  const how = agg.alignment === 'neutral' ? 'takes no side' : agg.strength === 'firm' ? `backs ${sideLabel(agg.alignment)}` : `leans toward ${sideLabel(agg.alignment)}`;
  let summary = `${actor.name} ${how}${via ? ` (as ${via.name}, which it speaks for)` : ''}, on ${st.n_claims} statement${st.n_claims === 1 ? '' : 's'} in ${st.n_docs} article${st.n_docs === 1 ? '' : 's'}.`;
  if (agg.change) summary += ` Its position changed: ${sideLabel(agg.change.from.alignment)} (${agg.change.from.at ?? 'undated'}) → ${sideLabel(agg.change.to.alignment)} (${agg.change.to.at ?? 'undated'}).`;
  return { query, found: true, actor, alignment: agg.alignment, strength: agg.strength, summary, evidence, change: agg.change, affiliation, suggestions: [] };
  }

/** "“Rusia” is not named in the corpus; did you mean Russia?" */
export function notNamed(query: string, suggestions: readonly string[]): string {
  return `“${query}” is not named in the corpus${suggestions.length ? `; did you mean ${orList(suggestions)}?` : '.'}`;
}

function orList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** A sentence opening with a pronoun ("It did not take sides."). */
const PRONOUN_OPENING = /^\s*[“"‘]?(?:It|He|She|They|Its|His|Her|Their|The (?:group|government|ministry|country|movement|militia|bloc|organi[sz]ation|alliance|council))\b/;

/**
 * Evidence that names its actor only by a pronoun ("It did not take sides.") is shown with the
 * sentence before it, which names it ("Turkey offered to mediate … It did not take sides."): both
 * verbatim, adjacent in the article.
 */
function withAntecedent(kb: Briefing, sentenceId: number, text: string, holder: string): string {
  if (!PRONOUN_OPENING.test(text)) return text;
  const names = [kb.gazetteer.actors.get(holder)?.name ?? '', ...kb.gazetteer.aliasesOf(holder)].filter((n) => n.length >= 3);
  const namesIn = (t: string) => names.some((n) => t.toLowerCase().includes(n.toLowerCase()));
  if (namesIn(text)) return text;
  const prev = kb.reader.sentencesBefore(sentenceId, 1)[0];
  return prev && namesIn(prev.text) ? `${prev.text} ${text}` : text;
}

/** A side's label inside a sentence: "leans toward the dissolved Congress …", not "… toward The dissolved". */
export function inSentence(label: string): string {
  return label.replace(/^The\s/, 'the ');
}
