/**
 * ask(question): an extractive answer with citations. Retrieval is FTS5 BM25 over sentences, with
 * the question's actors expanded to all their names; the answer is a span of the best sentence
 * when the question asks for an age, a number, a date or a person, else the sentence itself.
 * A question whose named things the corpus never mentions gets "not in the corpus"; so does one
 * no sentence answers (the relevance floor), with the closest passages labelled as such.
 * Question kinds are read in question.ts, answer spans found in spans.ts. `retrieve` feeds both
 * this extractive answer and an optional model's (see grounding.ts).
 */
import type { Briefing } from '../briefing.js';
import { contentStems, fold, isStopword, normKey, stem, tokenize } from '../text.js';
import { type AnswerModel, answerWithModel, type NameLexicon } from './grounding.js';
import { reasonFor } from './causes.js';
import { parseQuestion, type QType } from './question.js';
import { type Asked, descriptorAges, extractSpan, personNames, type Span } from './spans.js';
import { readNames } from './spelling.js';
import { whoBacks } from './who-backs.js';
import { routedAnswer } from './routed.js';
import { variants } from './words.js';
import type { AskResult, Citation } from '../types.js';

/** A question about what is to come: "When will the trial open?", "When is the vote due?". */
const AHEAD = /^\s*when\s+(?:will|shall|is\s+(?:\S+\s+){1,6}?(?:due|set|scheduled|expected|going)\b)/i;
const QUESTION_WORDS = new Set('what who whom whose when where why how which did does do is are was were old many much long has have had happen happened say tell about according'.split(' '));

export type { QType } from './question.js';

/** How news English gives a reason for an act. */
/** Someone speaking in a sentence: a why-question may be answered by the doer's own words. */
const SPOKEN = /\b(?:says|said|told|stated|explained|added)\b/i;
const REASON = /\b(?:because|citing|cited|accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|in (?:response|retaliation|protest)|due to|owing to|over (?:what|its|his|her|their|the)|after (?:what|it|he|she|they)|to (?:protest|prevent|stop|punish)|saying|said it (?:was|had)|on the grounds)\b/i;
export type { Span } from './spans.js';

function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '')}"`;
}

/** Stems of the words for a war, and a span of time of one ("14 months of fighting", "three years of war"). */
const WAR = /^(?:war|conflict|fight)$/;
const WAR_WORDS = ['war', 'conflict', 'fight'];
const WAR_SPAN = /\b(?:days|weeks|months|years|decades?)\s+of\s+(?:\w+\s+)?(?:fighting|war(?:fare)?|conflict|hostilities)\b/i;

/** A question word (stem) for paying. */
const PAYMENT = /^(?:pay|paid|payment)$/;
/** A payment denied, offered or to come, not made: "denied that any ransom had been paid", "offered to pay", "would not pay". */
const UNPAID = /(?:\b(?:den(?:y|ies|ied|ying)|refus\w*|never|not|no|offer\w*|agree\w*|promis\w*|pledg\w*|would|will|could|may|might|if|unless|whether)|n['’]t)\b[^.;]{0,40}\b(?:pay|paid|paying|payment)\b/i;
/** A question about a payment not (yet) made: "How much did Norway offer to pay?", "How much will Italy pay?". */
const NOT_PAID_YET = /\b(?:offer|agree|promis|pledg|would|will|could|refus|den[yi]|demand|ask|want|seek|sought)\w*/i;

/** Words of a number question that say what kind of number it wants, not what it is about. */
/** "How many people have died / have been killed": a count up to now. */
const PRESENT_PERFECT = /\b(?:have|has)\s+(?:now\s+|so far\s+)?(?:been\s+)?\p{L}+(?:ed|en|died|fled|lost)\b/iu;
/** A sentence giving a death toll, and the nouns such a toll counts. */
const DEATH_TOLL = /\b(?:death|casualty|fatality)\s+tolls?\b/i;
const PEOPLE = new Set(['people', 'person', 'civilian', 'victim', 'life', 'lives']);
const KIND_WORDS = new Set(['share', 'percentag', 'proportion', 'percent', 'fraction', 'number', 'total', 'figure', 'amount']);

/** "the capital of France", "France's capital": a noun the question relates to an actor. */
interface Relation {
  noun: string;
  actor: string;
}

function relationOf(kb: Briefing, q: string, toks: ReturnType<typeof tokenize>): Relation | null {
  const ms = kb.gazetteer.match(toks);
  for (const m of ms) {
    const prev = toks[m.t0 - 1];
    const noun = toks[m.t0 - 2];
    if (prev?.norm === 'of' && noun && !isStopword(noun.norm) && !QUESTION_WORDS.has(noun.norm)) return { noun: stem(noun.norm), actor: m.actorId };
    const next = toks[m.t1];
    if (m.poss && next && !isStopword(next.norm) && !QUESTION_WORDS.has(next.norm)) return { noun: stem(next.norm), actor: m.actorId };
  }
  void q;
  return null;
}

/** The relation's noun within three words of the actor in the sentence ("the French capital" too). */
function relationHolds(kb: Briefing, rel: Relation | null, text: string): boolean {
  if (!rel) return true;
  const toks = tokenize(text);
  const at = kb.gazetteer.match(toks).filter((m) => m.actorId === rel.actor);
  return toks.some((t, i) => stem(t.norm) === rel.noun && at.some((m) => Math.abs(i - m.t0) <= 3 || Math.abs(i - (m.t1 - 1)) <= 3));
}

/** A retrieved sentence, ranked; `id` ("p1", "p2", ...) names it to a model and in its citations. */
export interface Passage {
  id: string;
  sentenceId: number;
  text: string;
  docId: string;
  source: string;
  at: string | null;
  /** The answer span when the question asks for an age, a number, a date or a person. */
  span: Span | null;
  /** Full names of the actors the passage mentions ("Jane Smith" for "Smith"). */
  names: string[];
}

/** What retrieval found for a question: passages best first (none when the corpus does not say). */
export interface Retrieval {
  question: string;
  type: QType;
  passages: Passage[];
  /**
   * When no passage answers: the nearest sentences, shown as such ("closest passages"), never as
   * the answer and never given to a model.
   */
  closest: Passage[];
  /** Names in the question read as others ("britian" as "Britain"); said with the answer. */
  read?: { typed: string; as: string }[];
}

/** How many passages retrieval keeps: the extractive answer cites 3, a model reads up to 6. */
const MAX_PASSAGES = 8;
const MAX_CLOSEST = 3;

/**
 * Retrieve the passages that answer a question, best first. Both the extractive answer and a
 * model's answer are built from these, so they cite the same evidence.
 */
/** The period a count runs over, closing the question: "since the offensive began", "so far", "to date". */
const RUNNING = /\b(?:since\s+\S.*|so far|to date|in total|altogether)\s*\??\s*$/i;

export function retrieve(kb: Briefing, question: string): Retrieval {
  const asked = question.trim();
  // Misspelt names and lower-case acronyms, read as the names they are ("britian" → Britain).
  const spelt = readNames(kb, asked, QUESTION_WORDS);
  const q = spelt.q;
  const pq = parseQuestion(q);
  const type = pq.type;
  const none: Retrieval = { question: asked, type, passages: [], closest: [], read: spelt.read };
  const toks = tokenize(q);
  // The crisis's own country is a place in the question, matched as words, not as an actor.
  const allMentions = kb.gazetteer.match(toks);
  const qMentions = allMentions.filter((m) => !kb.gazetteer.arena.has(m.actorId));
  const qActors = new Set(qMentions.map((m) => m.actorId));
  const covered = new Set<number>();
  for (const m of qMentions) for (let i = m.t0; i < m.t1; i++) covered.add(i);
  // "Who is the president of X?" in X's crisis: X is where, not what the sentence must say.
  if (pq.role) for (const m of allMentions) if (kb.gazetteer.arena.has(m.actorId)) for (let i = m.t0; i < m.t1; i++) covered.add(i);
  // "How many … since the offensive began / so far / to date": the period says how long the count
  // runs, not what the sentence must say; the latest report of the running count answers it.
  const period = type === 'count' ? RUNNING.exec(q) : null;
  if (period) for (const [i, t] of toks.entries()) if (t.start >= period.index) covered.add(i);
  const words = toks.filter((t, i) => !covered.has(i) && !isStopword(t.norm) && !QUESTION_WORDS.has(t.norm) && t.norm.length > 1);
  // Capitalised words the gazetteer does not know are names too: they must appear in the answer.
  const names = words.filter((t, i) => i > 0 && /^\p{Lu}/u.test(t.raw)).map((t) => t.norm);
  const terms = new Set<string>(words.map((t) => t.norm));
  const phrases: string[] = [];
  for (const id of qActors) {
    const aliases = kb.gazetteer.aliasesOf(id).slice(0, 12);
    for (const a of aliases) phrases.push(normKey(a));
  }
  for (const m of qMentions) phrases.push(normKey(q.slice(m.start, m.end)));
  const typeTerms = type === 'age' ? ['year', 'aged', 'old'] : type === 'count' ? ['least', 'more', 'than'] : [];
  // "How long has the war lasted?": a duration of war is one of fighting or conflict ("ending 14 months of fighting").
  const warStems = new Set(pq.want === 'duration' ? words.map((w) => stem(w.norm)).filter((w) => WAR.test(w)) : []);
  const alsoWar = (st: string) => (warStems.has(st) ? WAR_WORDS.filter((x) => x !== st) : []);
  const synonyms = words.flatMap((w) => [...variants(stem(w.norm)), ...alsoWar(stem(w.norm))]);
  const parts = [...new Set([...terms, ...phrases, ...typeTerms])].filter(Boolean).map(ftsPhrase);
  for (const x of synonyms) parts.push(`${x}*`);
  if (parts.length === 0) return none;
  // Unknown named actors ("Mexico" when no article names it) mean the corpus cannot answer.
  for (const id of qActors) if (!kb.inCorpus(id) && !kb.crisis.sides.some((s) => s.id === id) && !kb.gazetteer.arena.has(id)) return none;
  // First every concept of the question (each actor by any of its names, each word by its stem),
  // which keeps FTS from scoring thousands of rows on a large corpus; then any of them.
  const groups: string[] = [];
  for (const id of qActors) {
    const names = [...new Set([...kb.gazetteer.aliasesOf(id).slice(0, 12).map(normKey), ...qMentions.filter((m) => m.actorId === id).map((m) => normKey(q.slice(m.start, m.end)))])].filter(Boolean);
    if (names.length) groups.push(`(${names.map(ftsPhrase).join(' OR ')})`);
  }
  for (const w of words) {
    const st = stem(w.norm);
    const alts = [st, ...variants(st), ...alsoWar(st)].filter((x) => /^[a-z0-9]+$/.test(x) && x.length >= 3).map((x) => `${x}*`);
    groups.push(alts.length ? `(${alts.join(' OR ')})` : ftsPhrase(w.norm));
  }
  let rows: ReturnType<typeof kb.reader.search>;
  try {
    if (type === 'age') groups.push('(year OR aged OR old)');
    // A definition is one particular sentence, not the newest mention: rank those with BM25.
    rows = groups.length > 0 && type !== 'define' ? kb.reader.search(groups.join(' AND '), 60, { bm25: false }) : [];
    if (rows.length < 10) rows = kb.reader.search(parts.join(' OR '), 60);
  } catch {
    return none;
  }
  if (rows.length === 0) return none;
  // Words that only say what kind of number is wanted ("what share of the vote") are not topics.
  const qStems = new Set(words.map((t) => stem(t.norm)).filter((w) => !(type === 'count' && KIND_WORDS.has(w))));
  const relation = relationOf(kb, q, toks);
  // The period's words still tell which of a sentence's numbers is meant ("40 killed and 120 wounded since …").
  const spanStems = period ? new Set([...qStems, ...toks.filter((t) => t.start >= period.index && !isStopword(t.norm)).map((t) => stem(t.norm))]) : qStems;
  const countEvent = [...spanStems].filter((w) => !pq.noun.includes(w));
  // "How much ransom was paid?": a sum asked of a payment (the question's own word for it).
  const paidWords = pq.want === 'money' && !NOT_PAID_YET.test(q) ? countEvent.filter((w) => PAYMENT.test(w)) : [];
  const paid = paidWords.length ? paidWords : null;
  const ask: Asked = { q: pq, qStems: spanStems, qActors, names: type === 'age' || type === 'define' ? personNames(kb, qActors, pq.subject, qMentions.map((m) => q.slice(m.start, m.end))) : [], subjectStems: new Set(tokenize(pq.subject ?? '').map((t) => stem(t.norm))), event: countEvent, ahead: AHEAD.test(q), stated: /^\s*when\s+(?:is|are|will|shall)\b/i.test(q) };
  const sActors = kb.reader.sentenceActors(rows.map((r) => r.id));
  const personAliases = new Map(
    [...qActors].filter((a) => kb.gazetteer.actors.get(a)?.kind === 'person').map((a) => [a, kb.gazetteer.aliasesOf(a).filter((n) => n.length >= 4).map((n) => fold(n).toLowerCase())]),
  );
  const docsByName = new Map<string, Set<string>>();
  const nameDocs = (n: string): Set<string> => {
    let d = docsByName.get(n);
    if (!d) {
      try {
        d = new Set(kb.reader.search(ftsPhrase(n), 200, { bm25: false }).map((x) => x.docId));
      } catch {
        d = new Set();
      }
      docsByName.set(n, d);
    }
    return d;
  };
  // A side's aliases name many things (its leader, its allies, its institutions): the asker's own
  // words for it count for more than for a country known by one name.
  const mentionTexts = qMentions.map((m) => ({ text: q.slice(m.start, m.end).toLowerCase().replace(/^the /, ''), weight: kb.gazetteer.isSide(m.actorId) ? 2 : 0.5 }));
  const asksWhy = /^\s*why\b/i.test(q);
  const asksSpeech = /\b(say|said|says|think|thinks|position|stance|react|reacted|respond|responded)\b/i.test(q);
  const scored = rows.map((r) => {
    const stems = new Set(contentStems(r.text));
    const lower = r.text.toLowerCase();
    const folded = fold(lower);
    // A word hits by its stem, a longer form of it ("offer" stems shorter than "offered"), or a synonym.
    const hit = (w: string) => stems.has(w) || [...stems].some((t) => (w.length >= 3 && t.startsWith(w)) || variants(w).some((x) => t.startsWith(x)));
    // A death toll counts people: "the death toll had reached 312" answers "How many people have died?"
    // as fully as "killed at least 214 people" does, and being later, wins.
    const toll = type === 'count' && DEATH_TOLL.test(r.text);
    const wordHits = [...qStems].filter((w) => hit(w) || (warStems.has(w) && WAR_SPAN.test(r.text)) || (toll && PEOPLE.has(w))).length;
    // A number is about what the question says happened: "How many people died?" is not answered by
    // "1,400 people were detained", whatever it counts. Beyond the thing counted, one of the
    // question's own words (or a synonym) must be in the sentence.
    // A payment is not answered by a demand or an offer ("demanded a ransom of $20 million"): the sentence must say it was paid, and not deny it.
    const eventOk = paid ? paid.some(hit) && !UNPAID.test(r.text) : pq.want !== 'count' || countEvent.length === 0 || countEvent.some(hit);
    // A person counts where the sentence gives their name, even if extraction learnt it later in the article.
    const actorHits = [...qActors].filter((a) => (sActors.get(r.id) ?? []).includes(a) || (personAliases.get(a) ?? []).some((n) => folded.includes(n))).length;
    const groups = qStems.size + qActors.size;
    const coverage = groups ? (wordHits + actorHits) / groups : 0;
    // A name the question gives must be in the sentence, or in its article when the sentence has
    // every other word of the question ("the air strike on the detention centre" in the lede, the
    // centre's name in the next paragraph).
    const missing = names.filter((n) => !lower.includes(n));
    const namesOk = missing.length === 0 || (wordHits >= qStems.size - missing.length && qStems.size - missing.length >= 3 && missing.every((n) => nameDocs(n).has(r.docId)));
    const actorsOk = actorHits === qActors.size;
    // The relevance floor: most of what the question asks about, beyond the actors it names, must be
    // in the sentence ("the capital of France" is not answered by any sentence naming France).
    // A question about the sentence's own words ("what is X") needs most of them, and a relation
    // ("the capital of France") needs its two ends side by side; a question whose span says what
    // it wants (a date, a place, a person) needs one of its words.
    // A sentence naming every one of two or more actors the question names is about them ("Did
    // Norland recognise the council?" is answered by what Norland said of the council, in whatever words).
    const floor =
      qStems.size === 0 ||
      (qActors.size >= 2 && actorsOk) ||
      (type === 'other' ? wordHits >= Math.ceil(qStems.size / 2) && relationHolds(kb, relation, r.text) : wordHits >= 1);
    // The asker's own words for an actor ("the Kremlin", not "Moscow") and, when they ask what
    // someone said, a sentence where someone speaks.
    const literal = mentionTexts.filter((m) => lower.includes(m.text)).reduce((a, m) => a + m.weight, 0);
    const speaks = asksSpeech && /\b(?:says|said|told|tweeted|added|called|warned|urged|statement)\b|[“"]/.test(r.text) ? 1 : 0;
    // "Why did X close the border?": a sentence giving a reason ("accused its neighbour of", "because", "citing").
    const reason = asksWhy && REASON.test(r.text) ? 1 : 0;
    const score = coverage * 10 - r.rank + (r.kind === 'body' ? 0.5 : 0) + literal + speaks + reason;
    return { r, coverage, ok: namesOk && actorsOk && eventOk, floor, span: null as Span | null, score, reason };
  });
  // Answer spans only for the few sentences that could answer: they cost more than scoring.
  // A span-typed question (an age, a number, who someone is) is held to its span instead of the floor.
  const spanTyped = type === 'age' || type === 'count' || type === 'define';
  const viable = scored
    .filter((s) => s.ok && (s.coverage >= 0.5 || (spanTyped && s.coverage >= 0.34)))
    .sort((a, b) => b.score - a.score)
    .slice(0, type === 'define' ? 60 : 30);
  for (const s of viable) {
    s.span = extractSpan(ask, s.r.text, s.r.at, kb, s.r.id);
    if (s.span && type !== 'other') s.score += 4 + (s.span.fit ?? 0);
  }
  // "Why did X do it?": a reason a sentence ties to that act and that doer (causes.ts) is the answer.
  // Without one, a sentence answers only if it gives a reason of some kind (an accusation, "citing",
  // "because") or is someone's own word on it ("says it has suspended the route 'until …'"): a
  // sentence that only names the act ("Two days after the Legion turned back, …") is no answer.
  if (asksWhy) {
    for (const s of viable) {
      const why = reasonFor(q, s.r.text);
      if (why) s.span = { answer: `${why.tie} ${why.cause}`, start: why.start, end: why.end, reason: true };
      else if (!REASON.test(s.r.text) && !(SPOKEN.test(s.r.text) && /["“]/.test(s.r.text))) s.floor = false;
    }
  }
  // An age by a descriptor alone ("The 46-year-old …") only when no sentence ties one to the name.
  if (type === 'age' && !viable.some((v) => v.span)) viable.push(...descriptorAges(kb, ask, new Set(viable.map((v) => v.r.id))).map((d) => ({ ...d, reason: 0 })));
  // Equal evidence: the latest report wins (a death toll rises during the day).
  const when = (at: string | null) => (at ? Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at) || 0 : 0);
  const bucket = (x: number) => Math.floor(x * 2) / 2; // scores within half a point are equal evidence
  // Who someone is: the surest construction first (an apposition over a bare rank), then relevance.
  const fitFirst = (a: { span: Span | null }, b: { span: Span | null }) => (type === 'define' ? (b.span?.fit ?? 0) - (a.span?.fit ?? 0) : 0);
  // A sentence with every word of the question is better evidence than a later one with half of them.
  const whole = (x: { coverage: number }) => (x.coverage >= 1 ? 1 : 0);
  // A place question is answered by a place: "The talks were held at a palace outside the capital" has
  // every word of "Where were the talks held?" but names no place, and yields to "talks in Muscat".
  // So is "Who is the ambassador?" by a sentence naming the ambassador.
  const placed = (a: { span: Span | null }, b: { span: Span | null }) => (type === 'where' || pq.role ? (b.span ? 1 : 0) - (a.span ? 1 : 0) : 0);
  // A date the sentence states (or the one before it) beats a report's own day, of equal coverage.
  const dated = (x: { span: Span | null }) => (type === 'when' ? (x.span ? 1 + (x.span.fit ?? 0) : 0) : 0);
  // A count that runs to now ("How many people have died?", "… so far"): of complete answers, the
  // latest report, before how closely each is worded (a toll rises from report to report).
  const runningNow = type === 'count' && (period !== null || PRESENT_PERFECT.test(q));
  const latest = (a: { r: { at: string | null } }, b: { r: { at: string | null } }) => (runningNow ? when(b.r.at) - when(a.r.at) : 0);
  // A reason tied to the asked act beats a sentence that only names the act.
  const reasoned = (a: { span: Span | null }, b: { span: Span | null }) => (b.span?.reason ? 1 : 0) - (a.span?.reason ? 1 : 0);
  viable.sort((a, b) => reasoned(a, b) || fitFirst(a, b) || placed(a, b) || whole(b) - whole(a) || dated(b) - dated(a) || b.reason - a.reason || latest(a, b) || bucket(b.score) - bucket(a.score) || when(b.r.at) - when(a.r.at) || b.score - a.score);
  // An age or a number must be stated, not guessed from a sentence that merely names the actor.
  // The floor decides whether the corpus answers at all: the best passage must pass it. Nearer
  // sentences that do not may follow it, as context for a model and as further citations.
  const good = viable.filter((s) => !spanTyped || s.span);
  const passing = good.filter((s) => spanTyped || s.floor);
  const passages = toPassages(kb, passing.length ? [...passing, ...good.filter((s) => !passing.includes(s))] : [], sActors, MAX_PASSAGES);
  if (passages.length > 0) return { question: asked, type, passages, closest: [], read: spelt.read };
  // Nothing answers: the nearest sentences that share something with the question, labelled as such.
  const near = scored.filter((s) => s.coverage > 0).sort((a, b) => b.score - a.score);
  return { question: asked, type, passages: [], closest: toPassages(kb, near.map((s) => ({ ...s, span: null })), sActors, MAX_CLOSEST), read: spelt.read };
}

type Scored = { r: { id: number; text: string; docId: string; source: string; at: string | null }; span: Span | null };

function toPassages(kb: Briefing, list: Scored[], sActors: Map<number, string[]>, max: number): Passage[] {
  const passages: Passage[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    if (passages.length >= max) break;
    if (seen.has(s.r.text)) continue;
    seen.add(s.r.text);
    const names = new Set((sActors.get(s.r.id) ?? []).map((a) => kb.gazetteer.actors.get(a)?.name ?? ''));
    names.delete('');
    passages.push({ id: `p${passages.length + 1}`, sentenceId: s.r.id, text: s.r.text, docId: s.r.docId, source: s.r.source, at: s.r.at, span: s.span, names: [...names] });
  }
  return passages;
}

/** The extractive answer from retrieved passages: a span of the best one, or the sentence itself. */
export function extractiveAnswer(ret: Retrieval): AskResult {
  const best = ret.passages[0];
  if (!best) {
    const closest = ret.closest.map((p) => ({ quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: null }));
    return { question: ret.question, answer: null, citations: [], mode: 'extractive', note: NOT_IN_CORPUS, ...(closest.length ? { closest } : {}) };
  }
  const citations: Citation[] = ret.passages.slice(0, 3).map((p) => {
    const span = p === best ? best.span : null;
    return { quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: span && span.end > span.start ? [span.start, span.end] : null };
  });
  // A span that depends on an earlier sentence ("The 46-year-old…") cites that sentence second.
  const ctx = best.span?.context;
  if (ctx && !citations.some((c) => c.quote === ctx.text)) citations.splice(1, 0, { quote: ctx.text, docId: best.docId, source: best.source, at: best.at, highlight: null });
  const answer = best.span && (ret.type !== 'other' || best.span.reason) ? best.span.answer : best.text;
  const read = readNote(ret);
  return { question: ret.question, answer, citations: citations.slice(0, 3), mode: 'extractive', ...(read ? { note: read } : {}) };
}

/** "Read “britian” as “Britain”.": how the question's names were read, or null. */
function readNote(ret: Retrieval): string | null {
  return ret.read?.length ? `Read ${ret.read.map((r) => `“${r.typed}” as “${r.as}”`).join(', ')}.` : null;
}

export const NOT_IN_CORPUS = 'Not in the corpus: no article here answers that.';

/**
 * Answer a question from the corpus. With a model, the model writes the answer from the retrieved
 * passages and the grounding checks decide whether it is shown; otherwise (or when it fails) the
 * extractive answer is.
 */
export async function askQuestion(kb: Briefing, question: string, model?: AnswerModel): Promise<AskResult> {
  // "Who backs X?" about a side: the stance roster answers it, each supporter with its evidence.
  const roster = whoBacks(kb, question.trim());
  if (roster) return roster;
  const routed = routedAnswer(kb, question.trim(), { model: model !== undefined });
  if (routed) return routed;
  const ret = retrieve(kb, question);
  const extractive = extractiveAnswer(ret);
  // No passage, no request: the corpus does not say, and a model must not guess.
  if (!model || ret.passages.length === 0) return extractive;
  return answerWithModel(ret, extractive, model, nameLexicon(kb));
}

/**
 * The knowledge base's names for the grounding checks, in any case: every lower-case word that
 * is not a stopword is read as if capitalised, so "mexico" in a model's answer is Mexico
 * (acronyms still need their capitals: "us" is not the US).
 */
export function nameLexicon(kb: Briefing): NameLexicon {
  return {
    mentions(text) {
      const title = (w: string) => (w === w.toLowerCase() && !isStopword(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w);
      const toks = tokenize(text).map((t) => ({ ...t, cased: title(t.cased) }));
      return kb.gazetteer.match(toks).map((m) => ({ start: m.start, end: m.end, key: m.actorId, names: kb.gazetteer.aliasesOf(m.actorId) }));
    },
  };
}
