/**
 * "Who …?" spans: who did an act ("Who recognized X?": the verb's subject or its agent, never an
 * actor named after the verb or a dateline), who holds a role ("Who is the British ambassador?"),
 * and how to name the one found (a state as the text names it, a person by their full name).
 */
import type { Briefing } from '../briefing.js';
import { contentStems, DATELINE, fold, shareNameWord, stem, tokenize } from '../text.js';
import { personsIn } from './names-in-text.js';
import { hasRole } from './roles.js';
import type { Asked, Span } from './spans.js';
import { variants } from './words.js';

export function whoSpan(ask: Asked, text: string, kb: Briefing): Span | null {
  const { qStems, qActors } = ask;
  // "UNITED NATIONS (Harbor Wire) — …": where the reporter files from acts in nothing.
  const filedFrom = DATELINE.exec(text)?.[0].length ?? 0;
  const ms = kb.gazetteer.match(tokenize(text)).filter((m) => m.start >= filedFrom && !qActors.has(m.actorId) && !kb.gazetteer.arena.has(m.actorId));
  const people = ms.filter((m) => kb.gazetteer.actors.get(m.actorId)?.kind === 'person');
  // A side's leader named by name ("President Elias Dembo") is a person too.
  const leaders = ask.q.role ? personsIn(kb, text).filter((p) => !people.some((m) => m.start === p.start)) : [];
  if (ask.q.role) {
    // "Who is the British ambassador?": the person next to the role ("Britain's ambassador, Helen
    // Marsh,", "President Elias Dembo"), never a country or another person further off.
    const roleAt = (m: { start: number; end: number }) => {
      const near = text.slice(Math.max(0, m.start - 40), Math.min(text.length, m.end + 40));
      return contentStems(near).some((w) => qStems.has(w));
    };
    const p = people.find(roleAt);
    if (p) return { answer: kb.gazetteer.actors.get(p.actorId)?.name ?? text.slice(p.start, p.end), start: p.start, end: p.end };
    const l = leaders.find(roleAt);
    if (!l) return null;
    // "President Anton Vesk" (a side's alias with its title) answers with the name.
    const words = text.slice(l.start, l.end).split(/\s+/);
    while (words.length > 2 && (hasRole(words[0] as string) || /^(?:Prime|Vice|Deputy|Acting|Interim|Foreign|Defen[cs]e|Interior|Finance)$/.test(words[0] as string))) words.shift();
    const name = words.join(' ');
    return { answer: name, start: l.end - name.length, end: l.end };
  }
  if (ask.q.act) {
    // Only who did the act: an actor before its verb, or its agent ("by X"); "It recognizes Y,
    // who vowed to remove X" says nothing of who recognised Y, so it names no one.
    const at = actAt(text, ask.q.act);
    // "Their commander, Idris Kalen, said": the one the act's agent noun names ("Who commands X?").
    const agentNoun = at >= 0 ? /^[\p{L}-]+(?:er|or)\s*,\s*/u.exec(text.slice(at)) : null;
    if (agentNoun) {
      // The person may be of the side asked about ("Who commands the rebels?" names their leader).
      const named = kb.gazetteer.match(tokenize(text)).find((m) => m.start === at + agentNoun[0].length && (kb.gazetteer.actors.get(m.actorId)?.kind === 'person' || namesLeader(kb, m, text)));
      if (named) return { answer: kb.gazetteer.actors.get(named.actorId)?.name ?? text.slice(named.start, named.end), start: named.start, end: named.end };
    }
    if (at >= 0) {
      // The verb's subject: the nearest actor before it with nothing but a title, an apposition,
      // adverbs or a time between ("The Reval Union on Monday vetoed"), then the list it heads
      // ("Egypt and Kenya urged"); "a patrol boat seized on Friday" has none.
      // An actor a modifier names ("a militant group based in X, the Y Brigade, claimed") is where the
      // subject is, not the subject.
      const before = ms.filter((m) => m.end <= at && !LOCATED_IN.test(text.slice(Math.max(0, m.start - 40), m.start)));
      let k = before.length - 1;
      while (k >= 0 && !SUBJECT_GAP.test(text.slice((before[k] as (typeof ms)[number]).end, at))) k--;
      while (k > 0 && /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice((before[k - 1] as (typeof ms)[number]).end, (before[k] as (typeof ms)[number]).start))) k--;
      const byWhom = ms.find((m) => m.start >= at && /^\S*\s+by\s+(?:the\s+)?$/i.test(text.slice(at, m.start)));
      // "brokered by Belmar's President Luka Sorin": the person the possessive and title lead to.
      const next = byWhom?.poss ? ms[ms.indexOf(byWhom) + 1] : undefined;
      const agent = next && kb.gazetteer.actors.get(next.actorId)?.kind === 'person' && /^['’]s?(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}\s+$/u.test(text.slice((byWhom as (typeof ms)[number]).end, next.start)) ? next : byWhom;
      const p = k >= 0 ? (titledBy(before.slice(k), text) ?? before[k]) : agent;
      if (!p) return unnamedSubject(text, at);
      // The whole list it heads: "Egypt and Kenya urged", "brokered by Turkey and Qatar".
      const list = p === before[k] || p === agent ? listFrom(ms, ms.indexOf(p), text, k >= 0 ? at : text.length) : [p];
      const last = list[list.length - 1] as typeof p;
      return { answer: joinNames(list.map((x) => actorAsWritten(kb, x, text))), start: p.start, end: last.end };
    }
    // The asked act is not in the sentence ("Who mediated the talks?" of "The Misravan delegation
    // walked out of the talks"): whoever it names did something else.
    return null;
  }
  const person = people[0] ?? titledBy(ms, text) ?? ms[0];
  if (person) return { answer: actorAsWritten(kb, person, text), start: person.start, end: person.end };
  return null;
}

/** The mentions from `i` on joined by ",", "and" or ", and" (before `limit`): a list of doers. */
function listFrom<M extends { actorId: string; start: number; end: number }>(ms: M[], i: number, text: string, limit: number): M[] {
  const out = [ms[i] as M];
  for (let j = i + 1; j < ms.length; j++) {
    const m = ms[j] as M;
    if (m.end > limit || !/^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(text.slice((out[out.length - 1] as M).end, m.start))) break;
    if (!out.some((x) => x.actorId === m.actorId)) out.push(m);
  }
  return out;
}

/** "Turkey", "Turkey and Qatar", "Egypt, Kenya and Chad". */
function joinNames(names: string[]): string {
  const u = [...new Set(names)];
  return u.length <= 1 ? (u[0] ?? '') : `${u.slice(0, -1).join(', ')} and ${u[u.length - 1]}`;
}

/**
 * The name to answer with for a mention: the actor's full name ("Dembo" -> "Elias Dembo"),
 * except a side named other than by its leader ("The Reval Union denied …"): a side's actor bears
 * its leader's name, and the act was the state's, so the answer is the side as the text names it.
 */
function actorAsWritten(kb: Briefing, m: { actorId: string; via?: string; start: number; end: number }, text: string): string {
  const written = text.slice(m.start, m.end);
  const def = kb.gazetteer.actors.get(m.actorId);
  if (!def) return written;
  if (def.kind !== 'side') return def.name;
  if (namesLeader(kb, m, text)) return def.name;
  // "The Misravan delegation walked out": the side, by its label, not the adjective.
  return m.via === 'demonym' ? (kb.crisis.sides.find((s) => s.id === m.actorId)?.label ?? written) : written;
}

/**
 * What may stand between a subject and its verb: the body a demonym names ("The Misravan
 * delegation walked out"), a possessive title ("'s prime minister"), an apposition between commas,
 * adverbs, auxiliaries and a time ("on Monday", "late Tuesday").
 */
/** Before an actor: a modifier saying where the subject is based, not who it is. */
const LOCATED_IN = /\b(?:based|headquartered|operating|active|stationed)\s+(?:in|from|out\s+of)\s+(?:the\s+)?$/i;

/**
 * A doer the corpus does not know as an actor, named right before the verb as a group with its
 * article ("…, the Red Crescent Brigade, claimed", "The Iron Guard Movement claimed"): "the" and a
 * run of two to six capitalised words.
 */
function unnamedSubject(text: string, at: number): Span | null {
  const m = /(?:^|[\s,(])([Tt]he\s+(?:\p{Lu}[\p{L}'’-]+\s+){1,5}\p{Lu}[\p{L}'’-]+)\s*,?\s*$/u.exec(text.slice(0, at));
  if (!m) return null;
  const name = m[1] as string;
  const start = text.lastIndexOf(name, at);
  return { answer: name.replace(/^The\b/, 'the'), start, end: start + name.length };
}

const SUBJECT_GAP = /^(?:\s+(?:delegation|government|negotiators|officials|authorities|team|forces|troops|army|navy|ministry|side|leadership))?(?:['’]s?(?:\s+[\p{Ll}-]+){1,3})?(?:\s*,[^,;]{1,80},)?(?:\s+(?:also|later|then|reportedly|allegedly|swiftly|quickly|formally|officially|jointly|already|again|once|never|not|itself|has|have|had|was|were|is|are|will|would|could|did|does|do|been|on|in|at|last|this|early|late|earlier|\p{Lu}\p{Ll}+|\d{1,4}(?:st|nd|rd|th)?))*\s*$/u;

/**
 * Whether the text states the act as a verb ("mediated", "commands", "is brokering"), not only as a
 * noun made from it ("army commanders", "the mediation"): a "Who …?" question with an act is answered
 * only by a sentence that names who did it, or at least says it was done.
 */
export function statesAct(text: string, act: string): boolean {
  for (const m of text.matchAll(/[\p{L}'’-]+/gu)) {
    const w = fold(m[0]).toLowerCase();
    if (w.length < 3) continue;
    const forms = [act, ...variants(act)].filter((f) => f === act || f.length >= 3);
    const f = forms.find((x) => stem(w) === x || (x.length >= 4 && w.startsWith(x)));
    if (f === undefined) continue;
    // What follows the stem makes a noun of it: "command|ers", "mediat|ion", "negotiat|ors".
    if (/^(?:e?rs?|o?rs?|t?ions?|ments?|[ae]nces?)$/.test(w.slice(f.length))) continue;
    return true;
  }
  return false;
}

/** Where a word of the stem `act` stands in the text (a verb of the question: "recogni" finds "recognizes"), or -1. */
function actAt(text: string, act: string): number {
  for (const m of text.matchAll(/[\p{L}'’-]+/gu)) {
    const w = fold(m[0]).toLowerCase();
    // A short stem ("den" of "denied") must be the word's own stem: "Denmark" is no denial.
    if (w.length >= 3 && (stem(w) === act || (act.length >= 4 && (w.startsWith(act) || variants(act).some((v) => w.startsWith(v)))))) return m.index ?? 0;
  }
  return -1;
}

/**
 * "Revalian President Dmitar Koval said …": a demonym opening a title before a named actor describes
 * that actor, who is the one who acted.
 */
function titledBy<M extends { via: string; start: number; end: number }>(ms: M[], text: string): M | undefined {
  const [first, next] = ms;
  if (!first || !next || first.via !== 'demonym') return undefined;
  return /^(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}\s+$/u.test(text.slice(first.end, next.start)) ? next : undefined;
}

/** Whether a side's mention names its leader (a word of the leader's name), not the side's other names. */
function namesLeader(kb: Briefing, m: { actorId: string; start: number; end: number }, text: string): boolean {
  const def = kb.gazetteer.actors.get(m.actorId);
  if (def?.kind !== 'side') return false;
  return shareNameWord(text.slice(m.start, m.end), def.name);
}
