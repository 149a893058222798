/**
 * What one stance cue is aimed at, and what it makes of its holder's position (claims.ts finds the
 * holder): the side named near the cue or one of its acts ("the coup" is the junta's), a measure
 * aimed at the country (the side in power), an election (the incumbent's), a call to restore
 * civilian rule (the ousted side), an order to the side addressed ("urged X to halt"), a release
 * (the side freed, or the captor), a pronoun standing for the side named earlier.
 */
import type { Cue } from './cues.js';
import { pronounObject, warnedAgainst } from './scope.js';
import { asked, captor, type Captors, holdsThem } from './captors.js';
import { anti, asPlace, backsActAgainst } from './aims.js';
import { acrossSeam, beforeSubject, inRelative, objectBetween, passiveDoneTo, possDoneTo } from './subjects.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import type { SideRoles } from './roles.js';
import { ACCUSED_OF, AIMED_AT, CONDITIONAL, CRITICISM_AS_THING, DONE_TO, ELECTION, ELECTION_BEFORE, OBJECTED_CALL, OBJECTION, RESOLUTION } from './shape.js';

/** "the treatment of", "the plight of": what is criticised is done to the side named next (criticism only: welcoming a treatment may praise its doer). */
/** Right before a side: "not to", "rather than", "instead of" (the act's object is elsewhere). */
const SET_APART = /(?:\bnot|\brather than|\binstead of)\s+(?:(?:to|with|for|behind|of)\s+)?(?:the\s+)?$/i;
const TREATED = /\b(?:treatment|mistreatment|ill-treatment|plight|deportations?)\s+of\s+(?:the\s+)?$/i;

/** "recalled its ambassador in X": the country the envoy was posted in is the protest's target, not a place. */
const POSTED_IN = /^\s+in\s+(?:the\s+)?$/i;
export function postedIn(text: string, cue: { end: number; text: string }, m: { start: number }): boolean {
  return /^recall/i.test(cue.text) && m.start - cue.end <= 8 && POSTED_IN.test(text.slice(cue.end, m.start));
}

/** "a request to", "calls to", "a bid to": an act asked for, not done. */
const RULING_ASKED = /\b(?:requests?|calls?|demands?|bids?|petitions?|appeals?|complaints?|challenges?|motions?|attempts?|efforts?|plans?|pressure)\s+(?:\w+\s+)?to\s+$/i;

/** What is taken away from the side named next: "the withdrawal of support for", "an end to aid to". */
const WITHDRAWN_FROM = /\b(?:withdr(?:aw|awal|awing|ew|awn)|end(?:ing)?|suspen(?:d|ded|ding|sion)|cut(?:s|ting)?|halt(?:ed|ing)?|revok(?:e|ed|ing)|loss)\s+(?:of\s+|to\s+|in\s+)?(?:(?:its|their|all|the|any|\w+['’]s)\s+)?(?:military\s+|financial\s+|political\s+|diplomatic\s+)?(?:support|aid|backing|recognition|assistance|funding|help|cooperation)\s+(?:for|to|of|with)\s+(?:the\s+)?$/i;

/** What an act makes of its holder's position toward its target. */
export type Kind = 'criticize' | 'support' | 'leaning' | 'withhold' | 'neutral';

/** A side named in the sentence, or one of its acts ("the coup") standing for the side (`act`). */
export interface Target {
  actorId: string;
  start: number;
  end: number;
  poss: boolean;
  act: boolean;
}

/** The sides' acts named in the sentence ("the coup"), outside names. */
export function actTargets(text: string, gaz: Gazetteer, mentions: Mention[]): Target[] {
  const out: Target[] = [];
  for (const { side, re } of gaz.roles.acts) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      // Part of a name ("Coup Leaders Council") is a mention, not an act.
      if (mentions.some((x) => start >= x.start && start < x.end)) continue;
      out.push({ actorId: side, start, end: start + m[0].length, poss: false, act: true });
    }
  }
  return out;
}

/** A cue's sentence as aimOf needs it: the clause around the cue and the sides named before and after it. */
export interface Scene {
  text: string;
  roles: SideRoles;
  /** Sides named in the sentence, and those with their acts, in order. */
  named: Target[];
  sideMentions: Target[];
  holdersAll: Mention[];
  arenaMentions: Mention[];
  ctxSide: string | null;
  clauseStart: number;
  clauseEnd: number;
  before: Target | undefined;
  after: Target | undefined;
  afterInClause: Target | undefined;
  /** The sides the article makes captors of people or a ship (captors.ts), read when first asked. */
  captorsOf: () => Captors;
}

/** What a cue aims at: its kind, its target, whether it is directed (the target is its object), how far it suppresses later support. */
export interface Aim {
  kind: Kind;
  target: Target | { actorId: string } | null;
  directed: boolean;
  suppressUntil?: number;
}

/** The target of one cue and what the act makes of its holder's position. */
export function aimOf(cue: Cue, s: Scene): Aim {
  const { text, roles, named, sideMentions, holdersAll, arenaMentions, ctxSide, clauseStart, clauseEnd, before, after, afterInClause, captorsOf } = s;
  let suppressUntil: number | undefined;
  // What the act is aimed at, and what it makes of the holder's position.
  let kind: Kind;
  let target: Target | { actorId: string } | null;
  let directed = true;
  switch (cue.type) {
    case 'criticize':
    case 'legit':
    case 'fraud': {
      directed = false;
      kind = 'criticize';
      // A criticism is about the side it is said of ("the general's illegitimate council"), else the one after it.
      // "condemned the detention of X": the act is done to X, so condemning it backs X.
      const doneTo = afterInClause && !afterInClause.act && (DONE_TO.test(text.slice(cue.end, afterInClause.start)) || TREATED.test(text.slice(cue.end, afterInClause.start)) || anti(text, afterInClause) || possDoneTo(text, afterInClause));
      // "Peru condemned the dissolution of Congress and recalled its ambassador": a side an earlier act of the clause was done to is no later criticism's target.
      // (DONE_TO looked for in the 50 characters before the side only: over a whole clause that end-anchored alternation is slow.)
      const victim = before && !before.act && DONE_TO.test(text.slice(Math.max(clauseStart, before.start - 50), before.start)) && !passiveDoneTo(text, clauseStart, before, cue.start);
      // "Sudan backed Abrenia (Abrenia's offer) and criticised Misrava": a coordinated verb's object follows it; the side before is the first verb's.
      const earlierObject = before && afterInClause && /^(?:['’]s?(?:\s+[\w-]+){1,3})?\s*(?:and|but)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?$/i.test(text.slice(before.end, cue.start)) && !/^\s*(?:,|and|but|the)?\s*$/i.test(text.slice(clauseStart, before.start));
      let t = doneTo ? afterInClause : ((before && !victim && !earlierObject && !acrossSeam(text, before.end, cue.start) && !beforeSubject(text, before, cue.start, holdersAll) && !inRelative(text, before, cue.start) ? before : undefined) ?? (afterInClause && !objectBetween(text, cue.end, afterInClause, holdersAll) ? afterInClause : undefined) ?? null);
      // "accused X of …", "blamed X for …": aimed at the direct object only.
      // "annulled X's re-election", "annulled the vote" (an election: the incumbent's, below): the object only.
      if (/^(?:accus|blam|h[eo]ld|attribut|annul|overturn|invalidat|nullif|str(?:uck|ik))/i.test(cue.text) || (!doneTo && cue.type === 'criticize' && /^(?:reject|express|voic|rais)/i.test(cue.text))) t = afterInClause && afterInClause.start - cue.end <= 25 ? afterInClause : null;
      // "Korvath, blamed by Britain for the attack,", "Korvath was accused by Britain of …": passive, the object is the subject.
      if (/^(?:accus|blam)/i.test(cue.text) && /^\s+by\s/i.test(text.slice(cue.end, cue.end + 5)) && before && !before.act && /^(?:\s*,\s*|\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?)$/i.test(text.slice(before.end, cue.start))) t = before;
      target = t;
      // "rejected X's request to annul the election": a ruling only asked for is nobody's.
      if (RULING_ASKED.test(text.slice(clauseStart, cue.start)) && /^(?:annul|overturn|invalidat|nullif|str(?:uck|ik))/i.test(cue.text)) return { kind: 'criticize', target: null, directed: false };
      if (cue.type === 'fraud' && !t && roles.incumbent) target = { actorId: roles.incumbent };
      // "suspended Norland", "sanctions on Norland": measures against the country aim at whoever holds power.
      const holder = roles.junta ?? roles.incumbent;
      // Only a measure aimed at the country: "sanctions on", "ties with", "aid to", "suspended Norland";
      // "intervention in Norland" names a place, not the object of the act.
      // "summoned the Brevanian ambassador": the country named inside the measure.
      if (!t && cue.type === 'criticize' && holder && arenaMentions.some((m) => (m.start >= cue.end && m.start - cue.end <= 30 && (AIMED_AT.test(text.slice(cue.end, m.start)) || postedIn(text, cue, m))) || (m.start > cue.start && m.end <= cue.end))) target = { actorId: holder };
      // "should recognize this inauguration", "rejected the results": an election is the incumbent's.
      if (!t && cue.type === 'criticize' && !roles.junta && roles.incumbent && (ELECTION.test(text.slice(cue.end, cue.end + 40)) || ELECTION_BEFORE.test(text.slice(clauseStart, cue.start)))) {
        target = { actorId: roles.incumbent };
      }
      if (doneTo || (t && t === before && !before.act && passiveDoneTo(text, clauseStart, before, cue.start))) kind = 'leaning';
      // "called the treatment of Ostreli migrants unacceptable": those treated are backed.
      if (t && t === before && !before.act && TREATED.test(text.slice(clauseStart, before.start)) && /^\s+(?:[a-z-]+\s+){0,2}(?:(?:was|were|is|are)\s+)?$/.test(text.slice(before.end, cue.start))) kind = 'leaning';
      // "objected to language blaming X", "opposed sanctions on X": resisting criticism of X backs X.
      if ((CRITICISM_AS_THING.test(cue.text) || RESOLUTION.test(text.slice(clauseStart, cue.start))) && OBJECTION.test(text.slice(clauseStart, cue.start))) kind = 'leaning';
      if (cue.type === 'legit') kind = 'support';
      break;
    }
    case 'order': {
      // "urged X to halt": aimed at the side addressed, named before the cue in its clause.
      directed = false;
      kind = 'criticize';
      target = before && !before.act ? before : pronounObject(text, clauseStart, cue.start, named, ctxSide);
      if (!warnedAgainst(text, cue, clauseStart)) target = null;
      // "rejected calls for X to resign": objecting to the order backs X.
      if (OBJECTED_CALL.test(text.slice(clauseStart, cue.start))) kind = 'leaning';
      // "demanded that X free …": as "urged X to free …" (case 'free'), a side freed is backed ("free the crew of a
      // Valkari boat"), else the order is against X only where X holds them.
      if (/(?:release|free)$/i.test(cue.text) && target) {
        const freed = named.find((m) => m.start >= cue.end && m.start <= cue.end + 40 && m.start < clauseEnd && !asPlace(text, m));
        if (freed && freed.actorId !== target.actorId) [kind, target] = [captor(text, cue.end, freed) ? 'criticize' : 'leaning', freed];
        else if (freed || !holdsThem(text, cue.end, target.actorId, roles, captorsOf)) target = null;
      }
      break;
    }
    case 'restore':
      directed = false;
      kind = 'leaning';
      target = roles.ousted ? { actorId: roles.ousted } : null;
      break;
    case 'power': {
      // "orchestrated from abroad", "a colour revolution", "help restore order": the side holding power.
      directed = false;
      kind = 'leaning';
      const holder = roles.junta ?? roles.incumbent;
      target = holder ? { actorId: holder } : null;
      break;
    }
    case 'free': {
      directed = false;
      kind = 'leaning';
      // "the release of X", "X's safety".
      const next = named.find((m) => m.start >= cue.end && m.start <= cue.end + 40 && m.start < clauseEnd && !asPlace(text, m));
      const prevPoss = [...named].reverse().find((m) => m.end <= cue.start && cue.start - m.end <= 4 && m.poss);
      target = next ?? prevPoss ?? null;
      if (next && captor(text, cue.end, next)) kind = 'criticize'; // "the release of the hostages held by X": against the captor
      // "called on X to release the ship": nobody of a side is freed, so it is an order to X, against
      // X only when X holds them ("urged Dalmarra to free the hostages" may ask a government to free
      // hostages another side holds).
      if (!target && /^to\b/i.test(cue.text) && before && !before.act && asked(text, before, cue.start) && holdsThem(text, cue.end, before.actorId, roles, captorsOf)) {
        kind = OBJECTED_CALL.test(text.slice(clauseStart, cue.start)) ? 'leaning' : 'criticize';
        target = before;
      }
      break;
    }
    case 'neutral':
      directed = false;
      kind = 'neutral';
      target = null;
      break;
    case 'withhold':
      kind = 'withhold';
      target = after ?? before ?? null;
      if (after) suppressUntil = after.end;
      break;
    case 'hedge':
    case 'soft':
      kind = 'leaning';
      target = after ?? before ?? null;
      // "upheld X's re-election": its direct object; "upheld the result": an election is the incumbent's, as
      // for "rejected the results" (below).
      if (/^uph/i.test(cue.text)) target = afterInClause && /^\s+(?:the\s+)?$/.test(text.slice(cue.end, afterInClause.start)) ? afterInClause : !roles.junta && !roles.breakaway && roles.incumbent ? { actorId: roles.incumbent } : null;
      break;
    default:
      kind = 'support';
      target = after ?? before ?? null;
  }
  if (directed && (kind === 'support' || kind === 'leaning') && target === after && backsActAgainst(text, cue.end, after, DONE_TO)) kind = 'criticize';
  // "welcomed the withdrawal of support for X", "backed an end to aid to X": backing a measure taken away from X is against X.
  if (directed && (kind === 'support' || kind === 'leaning') && target === after && after && WITHDRAWN_FROM.test(text.slice(cue.end, after.start))) kind = 'criticize';
  // "its loyalty was to the constitution, not to Ilario": a side set apart by "not" or "rather than" is not the act's object.
  if (after && target === after && SET_APART.test(text.slice(Math.max(cue.end, after.start - 24), after.start))) target = null;
  // "condemned the violence by both the junta and X's supporters": aimed at both, so at neither.
  if (!directed && kind !== 'neutral' && target && 'start' in target) {
    const t0 = target;
    const second = sideMentions.find((m) => m.start > t0.end && m.start < clauseEnd && m.actorId !== t0.actorId);
    if (second && /^[^,;]{0,40}\b(?:and|or|nor)\s+(?:the\s+|also\s+)?$/i.test(text.slice(t0.end, second.start))) kind = 'neutral';
  }
  // "stood with both Abrenia and Misrava", "congratulated X and Y on the deal": backing both sides named together is even-handed.
  if (directed && (kind === 'support' || kind === 'leaning') && target && target === after) {
    const t0 = after;
    const second = sideMentions.find((m) => m.start > t0.end && m.start < clauseEnd && m.actorId !== t0.actorId);
    if (second && /^\s*(?:and|as well as)\s+(?:the\s+|with\s+)?$/i.test(text.slice(t0.end, second.start))) kind = 'neutral';
  }
  // "condemned his flight": a possessive pronoun stands for the side named earlier, else in the passage.
  if (!directed && !target && kind !== 'neutral' && /^\s+(?:(?:on|against)\s+)?(?:his|her|him)\b/i.test(text.slice(cue.end))) {
    const earlier = [...named].reverse().find((m) => m.end <= cue.start);
    const id = earlier?.actorId ?? ctxSide;
    if (id) target = { actorId: id };
  }
  // "congratulated him on his election": the pronoun is the act's object, so a side named later is
  // not; it stands for the side named earlier in the sentence, else in the passage.
  if (directed && (/^\s+(?:him|her)\b/i.test(text.slice(cue.end)) || /\s(?:him|her)\s/i.test(cue.text))) {
    const earlier = [...named].reverse().find((m) => m.end <= cue.start);
    const id = earlier?.actorId ?? ctxSide;
    target = id ? { actorId: id } : null;
  }
  // "also sent their congratulations": congratulations always have an object; unnamed, it is the passage's side.
  if (!target && ctxSide && /^congratulat/i.test(cue.text)) target = { actorId: ctxSide };
  // "would recognise X if the commission confirmed her win": a conditional support is at most a leaning.
  if (kind === 'support' && CONDITIONAL.test(text.slice(cue.end, cue.end + 90))) kind = 'leaning';
  // A reported accusation ("accused X of arming Y") is at most a leaning of X.
  if (kind === 'support' && ACCUSED_OF.test(text.slice(clauseStart, cue.start))) kind = 'leaning';
  return { kind, target, directed, suppressUntil };
}
