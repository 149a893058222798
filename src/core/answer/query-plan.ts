/**
 * How a question becomes a search: its kind, the actors it names (each by all their names), its
 * content words, the names it gives that the gazetteer does not know, and the FTS5 queries built
 * from them — every concept at once first, then any of them.
 */
import type { Briefing } from '../briefing.js';
import { isStopword, normKey, stem, tokenize } from '../text.js';
import { parseQuestion, type ParsedQuestion, type QType } from './question.js';
import { readNames } from './spelling.js';
import { variants } from './words.js';

export const QUESTION_WORDS = new Set('what who whom whose when where why how which did does do is are was were old many much long has have had happen happened say tell about according'.split(' '));

/** The period a count runs over, closing the question: "since the offensive began", "so far", "to date". */
const RUNNING = /\b(?:since\s+\S.*|so far|to date|in total|altogether)\s*\??\s*$/i;

/** Stems of the words for a war, and a span of time of one ("14 months of fighting", "three years of war"). */
const WAR = /^(?:war|conflict|fight)$/;
const WAR_WORDS = ['war', 'conflict', 'fight'];
export const WAR_SPAN = /\b(?:days|weeks|months|years|decades?)\s+of\s+(?:\w+\s+)?(?:fighting|war(?:fare)?|conflict|hostilities)\b/i;

export function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '')}"`;
}

type Tokens = ReturnType<typeof tokenize>;
type Mentions = ReturnType<Briefing['gazetteer']['match']>;

/** A question read for retrieval. */
export interface QueryPlan {
  /** The question as asked (trimmed). */
  asked: string;
  /** The question with misspelt names read as the names they are. */
  q: string;
  pq: ParsedQuestion;
  type: QType;
  toks: Tokens;
  /** Names in the question read as others ("britian" as "Britain"). */
  read?: { typed: string; as: string }[];
  /** The actors the question names, the crisis's own country left out. */
  qMentions: Mentions;
  qActors: Set<string>;
  /** Content words, beyond the actors. */
  words: Tokens;
  /** Capitalised words the gazetteer does not know: they must appear in the answer. */
  names: string[];
  /** "… since the offensive began / so far": the period a count runs over. */
  period: RegExpExecArray | null;
  /** Stems of the war words of a "how long has the war lasted" question. */
  warStems: Set<string>;
  /** Every concept ANDed (each an OR of its names or stems); and any of them ORed. */
  groups: string[];
  parts: string[];
}

export function planQuery(kb: Briefing, question: string): QueryPlan {
  const asked = question.trim();
  // Misspelt names and lower-case acronyms, read as the names they are ("britian" → Britain).
  const spelt = readNames(kb, asked, QUESTION_WORDS);
  const q = spelt.q;
  const pq = parseQuestion(q);
  const type = pq.type;
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
  if (type === 'age') groups.push('(year OR aged OR old)');
  return { asked, q, pq, type, toks, read: spelt.read, qMentions, qActors, words, names, period, warStems, groups, parts };
}
