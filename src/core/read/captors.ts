/**
 * Hostages, attributions and captors: shapes of news English found by writing a kidnapping, a
 * state-attributed cyberattack and a trade war in unseen phrasing (claims.ts and extract.ts call
 * each in one line).
 * - "the release of the hostages held by X": X is the captor, not whom the release frees, so
 *   demanding it is against X; a release "secured" or "negotiated" is a mediator's result, nobody's
 *   demand.
 * - "to free the hostages" is an order to the side named right before it only after a verb of
 *   asking ("urged X to free …"); "X had the right to use all necessary means to free the hostages"
 *   and "urged X to use force to free the hostages" are no order to X. It is against X only when
 *   the text makes X the captor (holdsThem): "the people it had detained", X "holds"/"is holding"/
 *   "kidnapped"/"seized" them or they are "held by X" anywhere in the article, the crisis file lists
 *   a taking of people or a ship among X's acts, or X holds power and those to free are in custody
 *   ("those detained", "political prisoners"). "Sweden urged Dalmarra to free the hostages" alone
 *   is no position: a government is asked to free hostages another side holds.
 * - "attributed the attack to X" blames X (its object only); with a side as its subject ("Vastland
 *   attributed …") it is that side's own act, which a reporting third party does not hold.
 * - "joined the attribution": against the side the article's last attribution named.
 * - "there was no proof that X was behind the attack" backs X (the blame inside it read against X).
 * - energy sent to a side ("would raise gas deliveries to X") leans toward it, unless negated.
 */
import type { Cue } from './cues.js';
import type { XClaim } from './extract.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import type { SideRoles } from './roles.js';
import { ASKING, coordinated } from './shape.js';
import { tokenize } from '../text.js';

type Claim = Omit<XClaim, 'seq' | 'speaker'>;

/** Between "the release of" and a side: "the hostages held by", "five foreigners kidnapped by the". */
const CAPTOR = /\b(?:held|kept|kidnapped|abducted|seized|captured|taken|detained)\s+(?:hostage\s+|captive\s+)?by\s+(?:the\s+)?$/i;

/** Whether the side named after a release cue is who holds the captives ("hostages held by X"). */
export function captor(text: string, cueEnd: number, m: { start: number }): boolean {
  return CAPTOR.test(text.slice(cueEnd, m.start));
}

/** Before "release of": a result obtained, not a demand ("secured the release of", "negotiated the release of"). */
const OBTAINED = /\b(?:secur(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|negotiat(?:e|es|ed|ing)|broker(?:s|ed|ing)?|arrang(?:e|es|ed|ing)|facilitat(?:e|es|ed|ing)|w[io]n|wins|winning)\s+(?:the\s+)?$/i;

/** A release that was secured or negotiated is nobody's demand: dropped. */
function obtainedReleases<C extends Cue>(text: string, cues: C[]): C[] {
  return cues.filter((c) => !(c.type === 'free' && /^release/i.test(c.text) && OBTAINED.test(text.slice(Math.max(0, c.start - 30), c.start))));
}

/** Right before "to free": the means of a rescue ("all necessary means to free", "force to free", "an operation to free"). */
const MEANS = /\b(?:means|force|measures|action|steps|efforts?|everything|possible|operation|raid|mission|attempts?|bid|plan|troops|forces|commandos)\s+$/i;

/**
 * "urged X to free the hostages", "urged X to respect … and to release those detained": the side
 * addressed follows a verb of asking, and the release is not the purpose of a rescue ("urged X to use
 * all necessary means to free the hostages" asks for a rescue, not a release).
 */
export function asked(text: string, addressee: { start: number }, cueStart: number): boolean {
  return ASKING.test(text.slice(Math.max(0, addressee.start - 40), addressee.start)) && !MEANS.test(text.slice(Math.max(0, cueStart - 30), cueStart));
}

/** Whom a taking holds: people or a ship. */
const CAPTIVES = String.raw`(?:hostages?|captives?|foreigners|nationals|workers|civilians|people|prisoners|detainees|tourists|journalists|crews?|sailors|fishermen|seamen|ships?|vessels?|tankers?|soldiers|miners|engineers|protesters|activists|students|citizens|them)`;
/**
 * Right after a side: it holds people or a ship ("the Brigade holds the hostages", ", which is
 * holding 14 foreigners", "has kidnapped two engineers", "took 30 workers hostage"). A passive ("was
 * seized") makes the side the one taken; "held X responsible for the hostages", "held talks with
 * workers" hold nobody.
 */
const HOLDING = new RegExp(
  String.raw`^(?:['’]s?\s+(?:[a-z]+\s+){0,2}?)?\s*,?\s*(?:(?:which|who|that)\s+)?(?:(?:still|also|now|reportedly|allegedly)\s+)?` +
    String.raw`(?:(?:is|are|was|were|has been|have been|had been)\s+(?:still\s+)?(?:holding|keeping|detaining)|(?:(?:has|have|had)\s+(?:still\s+|also\s+|now\s+)?)?(?:holds?|held|keeps?|kept|kidnapp(?:s|ed)|abduct(?:s|ed)|seiz(?:es|ed)|captur(?:es|ed)|detain(?:s|ed)|arrest(?:s|ed)|jail(?:s|ed)|imprison(?:s|ed)|took|taken))` +
    String.raw`\s+(?:(?!(?:responsible|accountable|by|for|with|to|in|on|at|from|into|over|about|talks|meetings?|rall(?:y|ies)|elections?|votes?|power|control|territory|ground)\b)\S+\s+){0,4}?${CAPTIVES}\b`,
  'i',
);
/** Right before a side: "hostages held by", "seized by the", "the kidnapping of 14 foreigners by". */
const HELD_BY = /\b(?:(?:held|kept|kidnapped|abducted|seized|captured|taken|detained|arrested|jailed|imprisoned)\s+(?:hostage\s+|captive\s+)?|(?:kidnapping|abduction|seizure|detention|capture|hostage-taking)\s+(?:of\s+[^.,;]{0,50}?\s+)?)by\s+(?:the\s+)?$/i;
/** Before a side: a holding denied, doubted or supposed ("not", "denied that", "if", "whether"). */
const NOT_STATED = /(?:\bnot|n['’]t|\bnever|\bno longer|\bden(?:y|ies|ied)(?:\s+that)?|\bif|\bwhether|\bunless)\s+(?:the\s+)?$/i;
/** Whether a sentence may name a captor: a cheap test before matching names. */
const TAKING = /\b(?:hold|held|kept|keep|kidnap|abduct|seiz|captur|detain|arrest|jail|impris|took|taken)/i;

/** The sides one sentence makes captors: "X holds the hostages", "hostages held by X"; not a question, a denial or a supposition. */
function captorsIn(text: string, sides: Mention[]): string[] {
  if (/\?\s*$/.test(text) || !TAKING.test(text)) return [];
  return sides
    .filter((m) => !NOT_STATED.test(text.slice(Math.max(0, m.start - 20), m.start)) && (HOLDING.test(text.slice(m.end, m.end + 120)) || HELD_BY.test(text.slice(Math.max(0, m.start - 90), m.start))))
    .map((m) => m.actorId);
}

/** Hostages, not people in custody or a ship: "hostages", "captives", "kidnapped", "abducted", "ransom". */
const HOSTAGE_WORDS = /\b(?:hostages?|captives?|kidnap\w*|abduct\w*|ransom)\b/i;

/** Captors an article names: side → whether it holds hostages (the sentence naming it speaks of hostages or a kidnapping). */
export type Captors = Map<string, boolean>;

/** The sides an article makes captors, over all its sentences (asked once, when a call to free people needs it). */
export function captorsOfArticle(texts: string[], gaz: Gazetteer): Captors {
  const out: Captors = new Map();
  for (const text of texts) {
    if (!TAKING.test(text)) continue;
    const hostages = HOSTAGE_WORDS.test(text);
    for (const id of captorsIn(text, gaz.match(tokenize(text)).filter((m) => gaz.isSide(m.actorId)))) out.set(id, hostages || out.get(id) === true);
  }
  return out;
}

/** After the release cue: "the people it had detained", "those they are holding" (the addressee holds them). */
const ITS_CAPTIVES = /^[^.;:]{0,60}?\b(?:it|they)\s+(?:(?:has|have|had|is|are|was|were|still|now)\s+){0,2}(?:holds?|holding|held|keeps?|keeping|kept|kidnapped|abducted|seized|captured|detained|arrested|jailed|imprisoned|took)\b/i;
/** Those to free are in the state's custody: "those (wrongfully) detained", "political prisoners", "arrested protesters". */
const CUSTODY = /^[^.;:]{0,50}?\b(?:detained|arrested|jailed|imprisoned|detainees|political prisoners)\b/i;

/**
 * Whether the side asked to free people ("urged X to free …") is the one holding them: the text
 * makes it the captor ("the people it had detained", or the article says it holds them, hostages if
 * the call names hostages), the crisis file names a taking among its acts, or it holds power and
 * those to free are in custody, with no hostage named and no other side a captor. Otherwise the call
 * says nothing of whom it is against: "Sweden urged Dalmarra to free the hostages" may ask a
 * government to free hostages another side holds.
 */
export function holdsThem(text: string, cueEnd: number, side: string, roles: SideRoles, captorsOf: () => Captors): boolean {
  const rest = text.slice(cueEnd);
  if (ITS_CAPTIVES.test(rest)) return true;
  const hostages = HOSTAGE_WORDS.test(rest.slice(0, 60));
  const listed = roles.captors.find((c) => c.side === side);
  const named = captorsOf().get(side);
  if ((listed && (listed.hostages || !hostages)) || (named !== undefined && (named || !hostages))) return true;
  const others = [...roles.captors.map((c) => c.side), ...captorsOf().keys()].filter((x) => x !== side);
  return side === (roles.junta ?? roles.incumbent) && CUSTODY.test(rest) && !HOSTAGE_WORDS.test(text) && others.length === 0;
}

/** Whether an attribution cue ("attributed the attack to") has a side as its subject ("Vastland attributed …", "Vastland has formally attributed …"). */
function sideSubject(text: string, c: Cue, sides: { start: number; end: number }[]): boolean {
  return sides.some((m) => m.end <= c.start && /^(?:['’]s?\s+(?:[a-z]+\s+){0,2}?)?\s*(?:(?:has|have|had|also|formally|publicly|officially|now|later|then|again|itself|quickly|swiftly)\s+){0,2}$/i.test(text.slice(m.end, c.start)));
}

/** An attribution or a holding responsible with a side as its subject is that side's own act: nobody else holds it ("Italy said Dalmarra held the Brigade responsible"). */
function ownAttributions<C extends Cue>(text: string, cues: C[], sides: { start: number; end: number }[]): C[] {
  return cues.filter((c) => !(c.type === 'criticize' && /^(?:attribut|h[eo]ld)/i.test(c.text) && sideSubject(text, c, sides)));
}

/** "there was no proof that", "little evidence that", "questioned whether there was any proof that", "doubted that": right before the side said to have done it. */
const NO_PROOF = /\b(?:(?:no|little|scant|not any|not a shred of)\s+(?:\w+\s+)?(?:proof|evidence|indication|sign)s?\s+(?:\w+\s+){0,2}?|(?:question(?:s|ed|ing)?|doubt(?:s|ed|ing)?|ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\s+whether\s+there\s+(?:was|is|were|had been)\s+(?:any|enough|sufficient|real)\s+(?:\w+\s+)?(?:proof|evidence)\s+|doubt(?:s|ed|ing)?\s+)that\s+(?:the\s+)?/gi;
/** After that side: "('s intelligence services) (had) carried out / was behind / was responsible for". */
const DID_IT = /^(?:['’]s?\s+(?:\w+\s+){0,2}?)?\s*(?:had\s+|has\s+|have\s+|was\s+|were\s+|is\s+|are\s+)?(?:been\s+)?(?:directly\s+)?(?:carried out|behind|responsible for|launched|staged|ordered|involved in|conducted|orchestrated)\b/i;

/**
 * "there was no proof that Korvath was behind the attack": the attribution denied backs the side
 * (the blame inside it read against that side). The denial becomes a softer act toward the side
 * named after it; a question or a hypothesis ("if there is no proof …") states nothing.
 */
function unproven<C extends Cue>(text: string, cues: C[], sides: { start: number; end: number }[]): C[] {
  // No side named, none said not to have done it: skip the scan (most sentences).
  if (sides.length === 0 || /\?\s*$/.test(text)) return cues;
  let out = cues;
  for (const m of text.matchAll(NO_PROOF)) {
    const at = (m.index ?? 0) + m[0].length;
    const side = sides.find((x) => x.start === at);
    const did = side ? DID_IT.exec(text.slice(side.end)) : null;
    if (!side || !did || /\b(?:if|whether|unless|not true)\s+(?:\w+\s+){0,3}$|(?:\bnot|n['’]t|\bnever|\bno|\bwithout)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index))) continue;
    const end = side.end + did[0].length + 60;
    out = out.filter((c) => !(c.type === 'criticize' && c.start >= at && c.start < end));
    out.push({ ...(out[0] ?? cues[0] ?? ({} as C)), type: 'soft', start: m.index ?? 0, end: at, text: m[0].trim() });
  }
  return out === cues ? cues : out.sort((a, b) => a.start - b.start);
}

/** Energy sent to a side ("would raise gas deliveries to X"), not when negated ("did not send gas to X", "will no longer supply oil to X"). */
function energyNotSent<C extends Cue>(text: string, cues: C[]): C[] {
  return cues.filter((c) => !(c.type === 'soft' && /\b(?:gas|oil|LNG|fuel|diesel|electricity|energy|coal)\b/i.test(c.text) && /(?:\bnot|n['’]t|\bnever|\bno longer|\bstop(?:s|ped)?|\bhalt(?:s|ed)?|\bcease[sd]?)\s+(?:\w+\s+){0,2}$/i.test(text.slice(Math.max(0, c.start - 30), c.start))));
}

/** The cue shapes of this module, in one pass for claims.ts. */
export function captorCues<C extends Cue>(text: string, cues: C[], sides: { start: number; end: number }[]): C[] {
  return ownAttributions(text, unproven(text, energyNotSent(text, obtainedReleases(text, cues)), sides), sides);
}

/** "attributed the attack to (a unit of) X", not negated or withheld. */
const ATTRIBUTION = /\battribut(?:e|es|ed|ing)\s+(?:the\s+|this\s+|that\s+|last\s+\w+['’]s\s+)?(?:\S+\s+){0,2}?(?:attacks?|hack|hacking|breach|cyberattacks?|cyber-?attacks?|intrusion|operation|poisoning|bombing|campaign)\s+to\b/i;
const WITHHELD = /(?:\bnot|n['’]t|\bnever|\bno|short of|declin\w+ to|refus\w+ to|yet to|without|whether|if)\s+(?:\w+\s+){0,2}$/i;

/** The side an attribution in this sentence blames ("attributed the attack to a unit of X's military intelligence"), or null. */
export function attributedSide(text: string, mentions: Mention[], gaz: Gazetteer): string | null {
  const m = ATTRIBUTION.exec(text);
  if (!m || WITHHELD.test(text.slice(Math.max(0, m.index - 30), m.index)) || /\?\s*$/.test(text)) return null;
  const end = m.index + m[0].length;
  const side = mentions.find((x) => gaz.isSide(x.actorId) && x.start >= end && x.start - end <= 30);
  return side?.actorId ?? null;
}

/** "joined the attribution", "endorsed the attribution", "backed Britain's attribution". */
const JOINED = /\b(?:join(?:s|ed|ing)?|endors(?:e|es|ed|ing)|back(?:s|ed|ing)?|support(?:s|ed|ing)?|echo(?:es|ed|ing)?|shar(?:e|es|ed|ing))\s+(?:in\s+)?(?:the|that|this|its|their|an?|\w+['’]s)\s+(?:formal\s+|public\s+)?attribution\b/i;

/** Claims of actors joining the attribution the article described earlier (`side`: whom it blamed). */
export function joinedClaims(text: string, mentions: Mention[], gaz: Gazetteer, side: string | null, already: Claim[]): Claim[] {
  if (!side) return [];
  const m = JOINED.exec(text);
  const sides = [...gaz.sideIds];
  const toward = sides.find((s) => s !== side);
  if (!m || !toward || sides.length !== 2 || WITHHELD.test(text.slice(Math.max(0, m.index - 30), m.index)) || /\?\s*$/.test(text)) return [];
  // "Britain and the Netherlands (also) joined the attribution".
  const at = text.slice(0, m.index).replace(/\s+(?:also|have|has|had|formally|publicly|quickly|later)\s*$/i, '').trimEnd().length;
  const holders = coordinated(text, mentions.filter((x) => x.end <= at && !gaz.isSide(x.actorId)), at, false);
  const why = 'joining an attribution described earlier in the article: against the side it blamed';
  return holders.filter((h) => !already.some((c) => c.actorId === h.actorId)).map((h) => ({ actorId: h.actorId, side: toward, strength: 'leaning' as const, cue: m[0], why }));
}
