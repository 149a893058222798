/**
 * Picking the sentences that answer: each retrieved sentence is scored by how much of the question
 * it covers (words by stem or synonym, actors by any name), held to the relevance floor, given its
 * answer span (spans.ts), and the candidates are ordered — the surest construction, the whole
 * question, a stated date, a reason, the latest report of a running count.
 */
import type { Briefing } from '../briefing.js';
import { findDates } from '../read/dates.js';
import { contentStems, fold, isStopword, stem, tokenize } from '../text.js';
import { reasonFor } from './causes.js';
import type { QueryPlan } from './query-plan.js';
import { ftsPhrase, QUESTION_WORDS, WAR_SPAN } from './query-plan.js';
import { descriptorAges } from './age-spans.js';
import { statesAct } from './doers.js';
import { type Asked, extractSpan, personNames, type Span } from './spans.js';
import { variants } from './words.js';

/** A question about what is to come: "When will the trial open?", "When is the vote due?". */
const AHEAD = /^\s*when\s+(?:will|shall|is\s+(?:\S+\s+){1,6}?(?:due|set|scheduled|expected|going)\b)/i;

/** Someone speaking in a sentence: what a "what did X say" passage needs, and a why-question may be answered by the doer's own words. */
const SPEAKS = /\b(?:says|said|told|tweeted|added|called|warned|urged|statement)\b/;
/** How news English gives a reason for an act. */
const REASON = /\b(?:because|citing|cited|accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|in (?:response|retaliation|protest)|due to|owing to|over (?:what|its|his|her|their|the)|after (?:what|it|he|she|they)|to (?:protest|prevent|stop|punish)|saying|said it (?:was|had)|on the grounds)\b/i;

/** A verb of saying or of stating a position soon after a speaker's name. */
// Its verb comes next: after its office ("'s foreign ministry"), the rest of a list it heads (", China
// and Belarus"), a day or an adverb; not "Dravonian officials named in the report", "UN sanctions".
const SPOKE_AFTER = /^(?:['’]s(?:\s+[\p{Ll}-]+){1,3})?(?:\s*,?\s*(?:and\s+)?\p{Lu}[\p{L}.'’-]*)*(?:\s+(?:on|late|early|last)\s+\p{Lu}\p{Ll}+)?(?:\s+\p{Ll}+ly)?\s+(?:\p{Ll}+ed|says|said|told|tells|wrote|spoke|denies|urges|warns|calls|insists|made|gave|took|has|had|have|is|was|were|will|would)\b/u;

/** A question word (stem) for paying. */
const PAYMENT = /^(?:pay|paid|payment)$/;
/** A payment denied, offered or to come, not made: "denied that any ransom had been paid", "offered to pay", "would not pay". */
const UNPAID = /(?:\b(?:den(?:y|ies|ied|ying)|refus\w*|never|not|no|offer\w*|agree\w*|promis\w*|pledg\w*|would|will|could|may|might|if|unless|whether)|n['’]t)\b[^.;]{0,40}\b(?:pay|paid|paying|payment)\b/i;
/** A question about a payment not (yet) made: "How much did Norway offer to pay?", "How much will Italy pay?". */
const NOT_PAID_YET = /\b(?:offer|agree|promis|pledg|would|will|could|refus|den[yi]|demand|ask|want|seek|sought)\w*/i;

/** "How many people have died / have been killed": a count up to now. */
const PRESENT_PERFECT = /\b(?:have|has)\s+(?:now\s+|so far\s+)?(?:been\s+)?\p{L}+(?:ed|en|died|fled|lost)\b/iu;
/** A count that runs to the time of its report: "have been killed", "had died", a toll, "so far", "since". */
const RUNNING_COUNT = /\b(?:have|has|had)\s+(?:now\s+|so far\s+|already\s+)?(?:been\s+)?\p{L}+(?:ed|en|died|fled|lost)\b|\btolls?\b|\bso far\b|\bto date\b|\bsince\b|\bin total\b/iu;
/** A sentence giving a death toll, and the nouns such a toll counts. */
const DEATH_TOLL = /\b(?:death|casualty|fatality)\s+tolls?\b/i;
const PEOPLE = new Set(['people', 'person', 'civilian', 'victim', 'life', 'lives']);
/** Words of a number question that say what kind of number it wants, not what it is about. */
const KIND_WORDS = new Set(['share', 'percentag', 'proportion', 'percent', 'fraction', 'number', 'total', 'figure', 'amount']);

/** "the death toll from the attack": a toll of one event, by the words naming it. */
const TOLL_FROM = /\b(?:death|casualty|fatality)\s+tolls?\s+from\s+((?:[\p{L}'’-]+\s*){1,4})/iu;
function tollOfOther(text: string, asked: Set<string>): boolean {
  const m = TOLL_FROM.exec(text);
  if (!m?.[1]) return false;
  const named = m[1].split(/\s+/).filter((w) => w && !isStopword(w.toLowerCase())).map((w) => stem(w.toLowerCase()));
  return named.length > 0 && !named.some((w) => asked.has(w) || [...asked].some((q) => q.length >= 4 && (w.startsWith(q) || q.startsWith(w))));
}

/** "the capital of France", "France's capital": a noun the question relates to an actor. */
interface Relation {
  noun: string;
  actor: string;
}

function relationOf(kb: Briefing, toks: ReturnType<typeof tokenize>): Relation | null {
  const ms = kb.gazetteer.match(toks);
  for (const m of ms) {
    const prev = toks[m.t0 - 1];
    const noun = toks[m.t0 - 2];
    if (prev?.norm === 'of' && noun && !isStopword(noun.norm) && !QUESTION_WORDS.has(noun.norm)) return { noun: stem(noun.norm), actor: m.actorId };
    const next = toks[m.t1];
    if (m.poss && next && !isStopword(next.norm) && !QUESTION_WORDS.has(next.norm)) return { noun: stem(next.norm), actor: m.actorId };
  }
  return null;
}

/** The relation's noun within three words of the actor in the sentence ("the French capital" too). */
function relationHolds(kb: Briefing, rel: Relation | null, text: string): boolean {
  if (!rel) return true;
  const toks = tokenize(text);
  const at = kb.gazetteer.match(toks).filter((m) => m.actorId === rel.actor);
  return toks.some((t, i) => stem(t.norm) === rel.noun && at.some((m) => Math.abs(i - m.t0) <= 3 || Math.abs(i - (m.t1 - 1)) <= 3));
}

export type Row = ReturnType<Briefing['reader']['search']>[number];

/** Whether any sentence of the corpus has a word starting with `prefix` (one FTS row). */
function corpusHas(kb: Briefing, prefix: string): boolean {
  try {
    return kb.reader.search(`${prefix}*`, 1, { bm25: false }).length > 0;
  } catch {
    return true;
  }
}

/** A sentence scored against the question. */
export interface Candidate {
  r: Row;
  coverage: number;
  /** Every name, actor and (for a count or a payment) event the question needs is in it. */
  ok: boolean;
  /** It passes the relevance floor: it may be the answer. */
  floor: boolean;
  span: Span | null;
  score: number;
  reason: number;
}

/** What ranking found: the candidates that may be cited, best first, and every scored sentence. */
export interface Ranked {
  /** Answers first (those passing the floor), then nearer sentences that do not, as context. */
  answers: Candidate[];
  scored: Candidate[];
  /** The actors each retrieved sentence mentions. */
  sActors: Map<number, string[]>;
}

/** Score, span and order the retrieved sentences for a question. */
export function rankSentences(kb: Briefing, plan: QueryPlan, rows: Row[]): Ranked {
  const { q, pq, type, toks, words, names, qActors, qMentions, period, warStems } = plan;
  // Words that only say what kind of number is wanted ("what share of the vote") are not topics.
  const qStems = new Set(words.map((t) => stem(t.norm)).filter((w) => !(type === 'count' && KIND_WORDS.has(w))));
  const relation = relationOf(kb, toks);
  // The period's words still tell which of a sentence's numbers is meant ("40 killed and 120 wounded since …").
  const spanStems = period ? new Set([...qStems, ...toks.filter((t) => t.start >= period.index && !isStopword(t.norm)).map((t) => stem(t.norm))]) : qStems;
  const countEvent = [...spanStems].filter((w) => !pq.noun.includes(w));
  // "How much ransom was paid?": a sum asked of a payment (the question's own word for it).
  const paidWords = pq.want === 'money' && !NOT_PAID_YET.test(q) ? countEvent.filter((w) => PAYMENT.test(w)) : [];
  const paid = paidWords.length ? paidWords : null;
  const ask: Asked = { q: pq, qStems: spanStems, qActors, names: type === 'age' || type === 'define' ? personNames(kb, qActors, pq.subject, qMentions.map((m) => q.slice(m.start, m.end))) : [], subjectStems: new Set(tokenize(pq.subject ?? '').map((t) => stem(t.norm))), event: countEvent, ahead: AHEAD.test(q), past: /^\s*when\s+(?:did|was|were|had)\b/i.test(q) && !/\b(?:due|scheduled|set|expected|supposed|planned|meant|going|slated)\b/i.test(q), stated: /^\s*when\s+(?:is|are|will|shall)\b/i.test(q), words: words.map((t) => t.raw) };
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
  const asked = type === 'other' ? /^\s*what\s+(?:did|does|do|has|have|had|will)\s+.+?\s+([a-z]{3,})\s*\??\s*$/i.exec(q)?.[1] : undefined;
  const forms = asked ? [stem(asked.toLowerCase()), ...variants(stem(asked.toLowerCase()))].filter((f) => /^[a-z]{3,}$/.test(f)) : [];
  const reports = forms.length ? new RegExp(String.raw`\b(?:${forms.join('|')})\w*\s+(?:on\s+\w+\s+|last\s+\w+\s+)?that\b`, 'i') : null;
  // "Who leads the rebels?" in a corpus where no article mentions rebels: "hedge funds led by
  // Corvid Capital" shares only the act. Who did an act to something no article names is not known.
  const unknownWords =
    type === 'who' && pq.act && !pq.role
      ? [...qStems].filter((w) => !w.startsWith(pq.act ?? '') && /^[a-z]{3,}$/.test(w) && ![w, ...variants(w)].some((x) => /^[a-z]{3,}$/.test(x) && corpusHas(kb, x)))
      : [];
  // "Does Russia support the government?" asks about Russia's own act: a sentence naming it only
  // inside a phrase ("a close partner of Moscow", "talks with Russia") does not answer it.
  const yesNoOf = type === 'other' && qActors.size === 1 && /^\s*(?:does|did|do|has|have|had|is|was|are|were|will|would)\b/i.test(q) ? [...qActors][0] : undefined;
  // "What did the UN say?" is not answered by "… would trigger 'snapback' UN sanctions": the actor
  // must be the one speaking, a verb of saying (or of stating a position) right after it.
  const saidOf = type === 'other' && qActors.size === 1 && /^\s*what\s+(?:did|does|has|have)\s+.+\s+(?:say|said|tell|told)\b/i.test(q) ? [...qActors][0] : undefined;
  const actsIn = (text: string) =>
    (yesNoOf === undefined && saidOf === undefined) ||
    kb.gazetteer
      .match(tokenize(text))
      .filter((m) => m.actorId === (yesNoOf ?? saidOf))
      .some(
        (m) =>
          !/\b(?:of|to|with|from|against|for|by|at|on|in|about|over|toward|towards|into|between|among|than)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 16), m.start)) &&
          (saidOf === undefined || SPOKE_AFTER.test(text.slice(m.end, m.end + 60))),
      );
  const asksSpeech = /\b(say|said|says|think|thinks|position|stance|react|reacted|respond|responded)\b/i.test(q);
  const scored: Candidate[] = rows.map((r) => {
    const stems = new Set(contentStems(r.text));
    const lower = r.text.toLowerCase();
    const folded = fold(lower);
    // A word hits by its stem, a longer form of it ("offer" stems shorter than "offered"), or a synonym.
    const hit = (w: string) => stems.has(w) || [...stems].some((t) => (w.length >= 3 && t.startsWith(w)) || variants(w).some((x) => t.startsWith(x)));
    // A death toll counts people: "the death toll had reached 312" answers "How many people have died?"
    // as fully as "killed at least 214 people" does, and being later, wins.
    // Over a period ("since the siege began"), a toll of one event named otherwise ("the death toll
    // from the attack") is that event's, not the running count.
    const toll = type === 'count' && DEATH_TOLL.test(r.text) && !(period && tollOfOther(r.text, spanStems));
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
    // A reason is for the act asked and what did it: "Why did the marel fall?" is not answered by
    // "The bonds … fell", so a why-question needs all its words (all but one of four or more).
    const floor =
      qStems.size === 0 ||
      (qActors.size >= 2 && actorsOk) ||
      (type === 'other'
        ? wordHits >= (asksWhy ? qStems.size - (qStems.size >= 4 ? 1 : 0) : Math.ceil(qStems.size / 2)) && relationHolds(kb, relation, r.text)
        : // "Who leads the rebels?" is not answered by "hedge funds led by Corvid Capital": who did an
          // act to what needs the what to be something the corpus speaks of at all.
          wordHits >= 1 && unknownWords.length === 0);
    // The asker's own words for an actor ("the Kremlin", not "Moscow") and, when they ask what
    // someone said, a sentence where someone speaks.
    const literal = mentionTexts.filter((m) => lower.includes(m.text)).reduce((a, m) => a + m.weight, 0);
    const speaks = asksSpeech && (SPEAKS.test(r.text) || /[“"]/.test(r.text)) ? 1 : 0;
    // "Why did X close the border?": a sentence giving a reason ("accused its neighbour of", "because", "citing").
    // "What did the court rule?": a sentence where the verb reports its content ("the Constitutional
    // Court ruled that …") over one with the word as a noun ("questioned the court ruling").
    const reason = (asksWhy && REASON.test(r.text)) || (reports !== null && reports.test(r.text)) ? 1 : 0;
    const score = coverage * 10 - r.rank + (r.kind === 'body' ? 0.5 : 0) + literal + speaks + reason;
    return { r, coverage, ok: namesOk && actorsOk && eventOk && (actorHits === 0 || actsIn(r.text)), floor, span: null, score, reason };
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
      else if (!REASON.test(s.r.text) && !(SPEAKS.test(s.r.text) && /["“]/.test(s.r.text))) s.floor = false;
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
  // Of those, a count that runs ("have been killed", a toll, "so far") before one event's count in the
  // past tense ("11 people were killed when a convoy came under fire"), however late.
  const running = (x: { r: { text: string } }) => (runningNow && RUNNING_COUNT.test(x.r.text) ? 1 : 0);
  viable.sort((a, b) => reasoned(a, b) || fitFirst(a, b) || placed(a, b) || whole(b) - whole(a) || dated(b) - dated(a) || b.reason - a.reason || running(b) - running(a) || latest(a, b) || bucket(b.score) - bucket(a.score) || when(b.r.at) - when(a.r.at) || b.score - a.score);
  // An age or a number must be stated, not guessed from a sentence that merely names the actor.
  // The floor decides whether the corpus answers at all: the best passage must pass it. Nearer
  // sentences that do not may follow it, as context for a model and as further citations.
  // "Who commands the army?" is not answered by "sanctions against army commanders": a sentence
  // that names no doer must at least state the act.
  const act = type === 'who' && !pq.role ? pq.act : undefined;
  // "When did it begin?" is not answered by a sentence about when it is still to happen.
  const aheadOnly = (s: Candidate) => Boolean(ask.past && !s.span && findDates(s.r.text, s.r.at ?? '2000-01-01').some((d) => d.future));
  const good = viable.filter((s) => (!spanTyped || s.span) && (act === undefined || s.span || statesAct(s.r.text, act)) && !aheadOnly(s));
  const passing = good.filter((s) => spanTyped || s.floor);
  return { answers: passing.length ? [...passing, ...good.filter((s) => !passing.includes(s))] : [], scored, sActors };
}
