/**
 * The shapes of news sentences that decide who holds an act and what it is aimed at: relative
 * clauses, lists, prepositions, and the constructions that turn an act around (an act done to a
 * side, a contact verb's object, an objection to criticism, background, perception, accusation).
 * Pure text and token tests, used by claims.ts.
 */
import type { Mention } from './gazetteer.js';
import type { Token } from '../text.js';

const PREPS = new Set(['with', 'to', 'from', 'against', 'for', 'of', 'in', 'on', 'by', 'at', 'over', 'about', 'between', 'into', 'toward', 'towards', 'under', 'than', 'like', 'after', 'before', 'among']);
const DETS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'embattled', 'incumbent']);
/** An act done to the side named next: criticising it backs that side. */
export const DONE_TO = /\b(?:coup|putsch|detention|arrest|arrests|jailing|imprisonment|ouster|overthrow|removal|toppling|persecution|harassment|abduction|kidnapping|assassination|killing|killings|shooting|shootings|beating|beatings|torture|repression|intimidation|attacks?|assault|house arrest|crackdown|violence|force|shelling|bombing|bombardment|charges|trial|prosecution|expulsion|withdrawal|departure|pullout|dissolution|dissolving|disbanding|suspension|strikes?|air ?strikes?|accusations|allegations|claims|punishment|collective punishment|violations?|breach(?:es)?|infringements?)["”']?\s+(?:of|against|on|targeting|to)\s+(?:the\s+|(?:ousted|deposed|detained|jailed|elected)\s+)*$/i;
/** "telephoned X to congratulate him": X is the object of a contact verb, not the one acting. */
export const CONTACT_VERB = /\b(?:telephoned|phoned|called|rang|met(?: with)?|received|visited|hosted|thanked|welcomed|wrote to|(?:spoke|spoken|speaks|speaking) (?:with|to)|talked (?:with|to)|held talks with)\s+(?:the\s+)?$/i;
/** Resisting an act of criticism: "objected to …", "blocked …", "would not back a resolution …". */
export const OBJECTION = /\b(?:object(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|block(?:s|ed|ing)?|veto(?:es|ed|ing)?|resist(?:s|ed|ing)?|vot(?:e|es|ed|ing) against|(?:not|n['’]t) (?:back|support|endorse|approve)\w*)\b[^.;]{0,60}$/i;
/** A condition after an act: "would recognise X if …", "provided that …", "on condition that …". */
export const CONDITIONAL = /^[^.;]{0,60}?\b(?:if|unless|provided(?: that)?|on (?:the )?condition(?: that)?|as long as)\s/i;
/** "backed calls for X to step down", "supported a resolution condemning X": what is endorsed is a call or a resolution, whose own act says the side. */
export const CALLS_FOR = /^\s+(?:the\s+|growing\s+|international\s+|opposition\s+|renewed\s+)*(?:calls?|demands?|appeals?|pressure)\s+(?:for|on|that)\b|^\s+(?:(?:a|an|the|any)\s+)?(?:[\w.-]+\s+){0,2}(?:resolutions?|motions?)\b/i;
/** "rejected calls for X to resign": an objection to a call that tells X to go backs X. */
export const OBJECTED_CALL = /\b(?:reject|oppos|dismiss|resist|block|veto|refus|condemn|denounc|vot(?:e|es|ed|ing) against)\w*\s+(?:[\w-]+\s+){0,2}(?:calls?|demands?|appeals?|requests?|proposals?|pressure|attempts?|efforts?|resolutions?|motions?)\s+(?:for|on|that|by|to|(?:urging|calling (?:on|for)|demanding|asking|telling|ordering)(?: that)?)\s+[^.;]{0,40}$/i;
/** A document of the same act, resisted: "blocked a draft resolution that would have condemned X". */
export const RESOLUTION = /\b(?:resolutions?|motions?|draft|statement|declaration)\b/i;
/** An election's outcome named right before a criticism: "called the vote a farce". */
export const ELECTION_BEFORE = /\b(?:the|this|that|its|his|her|\w+['’]s)\s+(?:(?:presidential|parliamentary|general|disputed|official)\s+)?(?:election|vote|poll|ballot|results?|re-?election|inauguration)\s+(?:was\s+|is\s+)?(?:an?\s+|as\s+an?\s+)?(?:\w+\s+)?$/i;
/** An election's outcome named right after a criticism. */
export const ELECTION = /^\s+(?:the\s+|this\s+|that\s+|his\s+|its\s+)?(?:(?:presidential|election|disputed|official)\s+)?(?:inauguration|election|re-?election|vote|results?|swearing-in|victory)\b/i;
export const BACKGROUND = /\bhad\s+(?:\w+\s+){0,2}(?:said|told|warned|announced|called|urged|declared|stated|insisted|written|tweeted)\b|\b(?:earlier|previously|formerly|last (?:week|month|year))\b/i;
export const PLUPERFECT = /\bhad\s+(?:\w+\s+)?$/i;
export const PERCEIVED = /\b(?:seen|regarded|considered|viewed|described|perceived|thought of|known) as\b/i;
/** Acts reported as an accusation are not the accused's stated position. */
export const ACCUSED_OF = /\b(?:accus\w+|alleg\w+|suspected)\b[^;.]*?\bof\s+$/i;

/** A criticism named as a thing one can resist: "blaming …", "sanctions". */
export const CRITICISM_AS_THING = /ing$|^sanctions?$/i;
/** The words between a measure and the country it is aimed at: none, or a preposition of aim. */
export const AIMED_AT = /^\s*(?:(?:the|its|their|his|her)\s+)?$|\b(?:on|against|with|from|to|towards?|over|of)\s+(?:[\w,-]+\s+){0,2}$/i;
/** People and firms a demonym may describe without being the state; "Chinese-built", "Tiralian-flagged": an origin. */
export const NOT_THE_STATE = /^-(?:built|made|designed|manufactured|owned|flagged|registered|born|based)\b|^\s+(?:[a-z-]+\s+)?(?:students?|protesters?|demonstrators?|activists?|citizens?|residents?|people|nationals|workers?|migrants?|refugees?|fans?|voters?|journalists?|reporters?|companies|company|firms?|businessm[ae]n|investors?|banks?|tourists?|expatriates?|diaspora|community|communities|opposition|rebels?|volunteers?|mercenaries|fighters?|writers?|artists?|academics?|scholars?|analysts?|experts?|lawyers?|doctors?|clerics?)\b/;
/** An act named by a noun, which a possessive can hold: "X's support", "X's recognition of". */
const NOMINAL_ACT = /^(?:support|backing|recognition|endorsement|solidarity|condemnation|criticism|sanctions?)$/i;
/** Verbs that convey someone's position: "expressed Moscow's support", "reaffirmed France's backing". */
export const CONVEYS = /\b(?:express|voic|reiterat|reaffirm|convey|pledg|offer|declar|announc|confirm|underlin|stress|repeat|restat)\w*\s+(?:the\s+)?$/i;

export function precededByPreposition(tokens: Token[], m: Mention): boolean {
  const p1 = tokens[m.t0 - 1];
  const p2 = tokens[m.t0 - 2];
  if (!p1) return false;
  if (PREPS.has(p1.norm)) return true;
  return Boolean(p2 && DETS.has(p1.norm) && PREPS.has(p2.norm));
}

const GENERIC_HEADS = /\b(?:others|countries|nations|governments|states|leaders|members|allies|powers)\s*$/i;

/** The last relative pronoun between `from` and `to`, and whether its head is a generic plural ("others that"). */
export function relativeHead(text: string, from: number, to: number): { at: number; generic: boolean } | null {
  const seg = text.slice(from, to);
  let last: RegExpExecArray | null = null;
  const re = /\b(?:that|which|who)\b/gi;
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    const before = text.slice(Math.max(0, from - 40), from + m.index);
    // "said (on Thursday) that ..." introduces speech, not a relative clause.
    if (/\b(?:said|says|say|told|tweeted|clear|so|such|is|was|believes?|believed|announced|added|hopes?|warned|insisted|noted|stated|reported|reports|confirmed|disclosed|revealed|found|showed|argued|agreed|concluded)\b(?:\s+[\w’']+){0,3}\s*$/i.test(before)) continue;
    // "In the call, which took place on Monday, the president acknowledged …": a clause closed before the act.
    if (seg.slice(m.index).includes(',')) continue;
    last = m;
  }
  if (!last) return null;
  const at = from + last.index;
  return { at, generic: GENERIC_HEADS.test(text.slice(from, at).trimEnd()) };
}

/** The speaker and the actors listed with it: "Mexico and Uruguay said …" speaks for both. */
export function speakersWith(text: string, mentions: Mention[], speakerId: string): string[] {
  const m = [...mentions].reverse().find((x) => x.actorId === speakerId);
  if (!m) return [speakerId];
  const list = coordinated(text, mentions.filter((x) => x.end <= m.end), m.end, false);
  return [...new Set([...list.map((x) => x.actorId), speakerId])];
}

/** A possessive's office-holder up to a relative clause: "'s president, ", "'s foreign ministry, ". */
export const OFFICE_OF = /^['’]s?\s+(?:[\w-]+\s+){0,2}(?:president|prime minister|minister|ministry|leader|government|king|queen|emir|ambassador|envoy|spokes(?:man|woman|person)|office|chancellor|premier)\s*,?\s*$/i;

/** The actors listed right before position `at` ("the U.S., Canada and others that ..."). */
export function coordinated(text: string, mentions: Mention[], at: number, generic: boolean): Mention[] {
  const out: Mention[] = [];
  let pos = at;
  if (generic) pos = text.slice(0, at).replace(GENERIC_HEADS, '').replace(/\s*(?:,|and|or)?\s*$/i, '').length;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i] as Mention;
    const gap = text.slice(m.end, pos);
    // "Gambia's president, who …": a country's office-holder before the clause speaks for it.
    const office = out.length === 0 && m.poss && OFFICE_OF.test(gap);
    if (!office && !/^[\s,]*(?:(?:and|or|as well as)\s+)?(?:the\s+)?$/i.test(gap) && !(out.length === 0 && /^\s*$/.test(gap))) break;
    out.unshift(m);
    pos = m.start;
    pos = text.slice(0, pos).replace(/(?:the\s+)$/i, '').length;
  }
  return out;
}

/** The possessive actor right before an act named by a noun: "Moscow's support for", "Iran's continued backing of". */
export function possessorOf<M extends { start: number; end: number; poss: boolean }>(text: string, cue: { start: number; text: string }, holders: M[]): M | undefined {
  if (!NOMINAL_ACT.test(cue.text)) return undefined;
  return holders.find((m) => m.poss && m.end <= cue.start && POSSESSED.test(text.slice(m.end, cue.start)));
}
const POSSESSED = /^['’]s?\s+(?:(?:continued|military|political|financial|diplomatic|open|public|strong|firm|full|unwavering|tacit)\s+)?$/i;

/**
 * The agents of a passive act: "The coup was condemned by Ireland and Iceland", "The junta has been
 * backed by Eritrea", "Recognition of the junta was announced by Belarus". Empty when the act is not
 * passive or names no agent.
 */
export function passiveAgents<M extends { start: number; end: number }>(text: string, cue: { start: number; end: number; text: string }, clauseStart: number, holders: M[]): M[] {
  const after = text.slice(cue.end);
  let by = -1;
  if (PASSIVE_AUX.test(text.slice(clauseStart, cue.start))) {
    const m = /^\s+by\s+/i.exec(after);
    if (m) by = cue.end + m[0].length;
  } else if (NOMINAL_OPENER.test(cue.text)) {
    const m = NOMINAL_PASSIVE.exec(after);
    if (m) by = cue.end + m[0].length;
  }
  if (by < 0) return [];
  const out: M[] = [];
  let pos = by;
  for (const m of holders.filter((x) => x.start >= by).sort((a, b) => a.start - b.start)) {
    if (!/^[\s,]*(?:(?:and|or|as well as)\s+)?(?:the\s+)?$/i.test(text.slice(pos, m.start))) break;
    out.push(m);
    pos = m.end;
  }
  return out;
}
/** A verb of asking right before the one addressed: "urged", "called on", "pressed", "asked" (the addressee is asked to act, not acting). */
export const ASKING = /\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|ask(?:s|ed|ing)?|told|tell(?:s|ing)?|press(?:es|ed|ing)?|demand(?:s|ed|ing)?|appeal(?:s|ed|ing)?\s+to|implor(?:e|es|ed|ing)|order(?:s|ed|ing)?|want(?:s|ed)?|invit(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|warn(?:s|ed|ing)?|requir(?:e|es|ed|ing)|challeng(?:e|es|ed|ing)|pressur(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying))\s+(?:(?:both|all|the|its|their)\s+)?$/i;
/** "was", "were", "has been" right before a verb: a passive. */
export const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$/i;
/** A passive, or a participle in apposition: "The rebels, backed by Iran, …". */
const PASSIVE_AUX = new RegExp(`${PASSIVE_BEFORE.source}|\\w,\\s*$`, 'i');
const NOMINAL_OPENER = /^(?:recognition of|support|backing|condemnation|sanctions?|solidarity)$/i;
const NOMINAL_PASSIVE = /^[^.;]{0,80}?\b(?:was|were|has been|have been|had been|is|are)\s+(?:\w+ly\s+)?(?:announced|declared|extended|offered|given|voiced|expressed|granted|pledged|reaffirmed|imposed)\s+by\s+/i;
