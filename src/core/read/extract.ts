/**
 * Turns one article into knowledge: sentences with times, actor mentions, people, stance claims,
 * events, quotes and figures. Pure: it reads the gazetteer (and adds the people it finds) and
 * returns data for the store.
 */
import { claimsOf } from './claims.js';
import { findFigures } from './figures.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import { eventsOf } from './events.js';
import { resolutionSide, voteClaims } from './votes.js';
import { attributedSide, type Captors, captorsOfArticle, joinedClaims } from './captors.js';
import { rulingAgainst, rulingClaims } from './rulings.js';
import { groupReferent } from './coref.js';
import { registerPeople } from './register-people.js';
import { findSpeaker, speaksForContext } from './speakers.js';
import { segment, type Sentence } from './segment.js';
import { DATELINE, type Token, tokenize } from '../text.js';
import type { Figure, Precision } from '../types.js';

export interface DocMeta {
  id: string;
  source: string;
  published: string;
  timezone: string;
}

export interface XSentence extends Sentence {
  at: string | null;
  precision: Precision | null;
  actors: string[];
}
export interface XClaim {
  actorId: string;
  side: string | null;
  strength: 'firm' | 'leaning' | 'neutral';
  seq: number;
  speaker: string | null;
  cue: string;
  /** Reported as past background ("had said", "earlier"): it yields to the day's own news. */
  background?: boolean;
  /** A short, generic account of the rule that made the claim (for `briefing explain`). */
  why?: string;
}
export interface XEvent {
  seq: number;
  at: string;
  precision: Precision;
  day: string;
  text: string;
  kind: string;
  weight: number;
  scheduled: boolean;
  actors: string[];
  sig: string[];
}
export interface XQuote {
  seq: number;
  text: string;
  speakerId: string | null;
  speaker: string | null;
}
export interface XFigure {
  seq: number;
  kind: Figure['kind'];
  value: string;
  at: string | null;
  day: string;
}
export interface XPerson {
  id: string;
  name: string;
  affiliation: string | null;
  explicit: boolean;
  aliases: string[];
}
export interface Extraction {
  sentences: XSentence[];
  claims: XClaim[];
  events: XEvent[];
  quotes: XQuote[];
  figures: XFigure[];
  people: XPerson[];
}

/** Doing what the previous sentence reports: "followed suit", "issued similar statements". */
const FOLLOWED = /\b(?:followed suit|followed (?:later|soon|shortly)|(?:issued|made|released) (?:similar|identical|the same) (?:statements?|calls?|declarations?)|did the same|took the same (?:step|position|line)|said the same|echoed (?:the|that|those) (?:call|calls|statement|position))\b/i;
const QUOTE_RE = /[“"]([^”"]{8,})[”"]|‘([^’]{12,})’/g;

function dayOf(at: string): string {
  return at.slice(0, 10);
}

/** An article split into sentences and their tokens, before extraction (see `read`). */
export interface ReadArticle {
  sents: Sentence[];
  tokens: Token[][];
}

/** Split an article into sentences and tokens: what extraction reads, and all the words it can look up. */
export function read(meta: DocMeta, text: string): ReadArticle {
  const sents = segment(text, meta.published, meta.timezone);
  return { sents, tokens: sents.map((s) => tokenize(s.text)) };
}

/** `pre`: the article already read (by `read`, with the same meta and text), so it is not read twice. */
export function extractDocument(meta: DocMeta, text: string, gaz: Gazetteer, pre?: ReadArticle): Extraction {
  const sents = pre ? pre.sents : segment(text, meta.published, meta.timezone);
  const pubDay = meta.published.slice(0, 10);
  const out: Extraction = { sentences: [], claims: [], events: [], quotes: [], figures: [], people: [] };
  const people = new Map<string, XPerson>();
  let ctxSubject: string | null = null;
  // The day the last dated sentence gave, for "the same day".
  const dayAnchor: { anchor: string | undefined } = { anchor: undefined };
  // The previous sentence's claims, for "A and B followed suit".
  let prevClaims: XClaim[] = [];
  // The side the passage is about, for "congratulated him": the one side the last sentence named.
  let ctxSide: string | null = null;
  let ctxEntry = -2;
  let ctxPara = -1;
  const seenEntryLead = new Set<number>();
  let ledeTaken = false;
  // The side the last resolution the article described leans to, for later votes on "the resolution".
  let resolution: string | null = null;
  // The side the last attribution the article described blamed, for "joined the attribution" (captors.ts).
  let attributed: string | null = null;
  let ruling: string | null = null; // the side the last ruling the article described went against (rulings.ts)
  // The sides the article makes captors ("the Brigade is holding 14 foreigners"), read over every
  // sentence only when a call to free people needs it (captors.ts).
  let captors: Captors | undefined;
  const captorsOf = () => (captors ??= captorsOfArticle(sents.map((x) => x.text), gaz));
  // The sentence before, for "The group …" opening the next (coref.ts).
  let prev: { text: string; mentions: Mention[]; entry: number } = { text: '', mentions: [], entry: -2 };

  const actorOf = (id: string) => gaz.actors.get(id);
  const isArena = (id: string) => gaz.arena.has(id);
  const affiliationOf = (id: string): string | null => {
    const a = actorOf(id);
    return a?.kind === 'person' ? (a.affiliation ?? null) : null;
  };

  for (let si = 0; si < sents.length; si++) {
    const s = sents[si] as Sentence;
    if (s.entry !== ctxEntry) {
      ctxEntry = s.entry;
      ctxSubject = null;
      ctxSide = null;
    }
    if (s.entry < 0 && s.para !== ctxPara) ctxSubject = s.pos === 0 ? null : ctxSubject;
    ctxPara = s.para;
    const tokens = pre ? (pre.tokens[si] as Token[]) : tokenize(s.text);
    let mentions = dedupe(gaz.match(tokens), s.text);

    if (registerPeople(s.text, tokens, mentions, gaz, people, ctxSubject)) mentions = dedupe(gaz.match(tokens), s.text);

    // "DOHA (Lantern Wire) - …": the dateline is where the reporter files from, not an actor of the sentence.
    const placeEnd = DATELINE.exec(s.text)?.[0].length ?? 0;
    const nonArena = mentions.filter((m) => !isArena(m.actorId) && m.start >= placeEnd);
    const actorIds = [...new Set(nonArena.map((m) => m.actorId))];
    const at = s.entryAt ?? pubDay;
    const precision: Precision = s.entryAt ? 'minute' : 'day';
    // Spelled out, not `{ ...s, … }`: V8 copies a spread object several times slower (same keys, same order).
    const referent = s.entry === prev.entry && s.text.startsWith('The ') ? groupReferent(s.text, nonArena, prev.text, prev.mentions, gaz) : null;
    prev.text = s.text;
    prev.mentions = nonArena;
    prev.entry = s.entry;
    out.sentences.push({ seq: s.seq, para: s.para, kind: s.kind, text: s.text, entryAt: s.entryAt, entryLabel: s.entryLabel, entry: s.entry, pos: s.pos, at, precision, actors: referent && !actorIds.includes(referent) ? [...actorIds, referent] : actorIds });

    // Who is speaking: the actor before a speech verb, or the context subject for "He said".
    const speakerId: string | null = findSpeaker(s.text, tokens, nonArena, gaz) ?? (speaksForContext(s.text) ? ctxSubject : null);
    const speakerName = speakerId ? (actorOf(speakerId)?.name ?? null) : null;
    // "…, according to a German government spokesman": who the sentence's report comes from.
    const according = /\baccording to\s+(?:(?:a|an|the)\s+)?/i.exec(s.text);
    const attribution = according ? (nonArena.find((m) => m.start === according.index + according[0].length && !gaz.isSide(m.actorId))?.actorId ?? null) : null;

    if (s.kind === 'body' || s.kind === 'dek' || s.kind === 'caption') {
      for (const q of s.text.matchAll(QUOTE_RE)) {
        const qt = (q[1] ?? q[2] ?? '').trim();
        if (qt.split(/\s+/).length >= 3) out.quotes.push({ seq: s.seq, text: qt, speakerId, speaker: speakerName });
      }
      const before = out.claims.length;
      for (const c of claimsOf(s.text, tokens, nonArena, gaz, speakerId, ctxSide, mentions.filter((m) => isArena(m.actorId)), captorsOf)) {
        const person = actorOf(c.actorId)?.kind === 'person' ? c.actorId : null;
        const speaker = person ? (actorOf(person)?.name ?? null) : speakerId && affiliationOf(speakerId) === c.actorId ? speakerName : null;
        out.claims.push(placed(c, s.seq, speaker));
        const aff = person ? affiliationOf(person) : null;
        if (aff && !gaz.isSide(aff) && !isArena(aff)) out.claims.push(placed(c, s.seq, speaker, aff));
        // "X telephoned … to congratulate him, the Élysée said": a government reporting its own leader's act.
        const reporter = attribution ? actorOf(attribution) : speakerId ? actorOf(speakerId) : undefined;
        if (person && !aff && reporter && reporter.kind !== 'person' && !gaz.isSide(reporter.id) && !isArena(reporter.id)) out.claims.push(placed(c, s.seq, speaker, reporter.id));
        // "Dora Velk said Norland would respect …": a speaker with no known office speaks for the
        // country whose intention she reports.
        const talker = speakerId ? actorOf(speakerId) : undefined;
        if (!person && talker?.kind === 'person' && !talker.affiliation && talker.id !== c.actorId && actorOf(c.actorId)?.kind === 'country' && /\b(?:will|would|is|was|has|had)\s+(?:\w+\s+)?$/i.test(s.text.slice(0, s.text.indexOf(c.cue)))) out.claims.push(placed(c, s.seq, talker.name, talker.id));
        // "Spokesman X says France condemns …": the spokesman states the position too.
        if (!person && speakerId && speakerId !== c.actorId && affiliationOf(speakerId) === c.actorId) out.claims.push(placed(c, s.seq, speakerName, speakerId));
      }
      // "… voted against the resolution": the one the article described earlier (votes.ts).
      for (const c of voteClaims(s.text, nonArena, gaz, resolution, out.claims.slice(before))) out.claims.push(placed(c, s.seq, null));
      resolution = resolutionSide(s.text, out.claims.slice(before)) ?? resolution;
      for (const c of joinedClaims(s.text, nonArena, gaz, attributed, out.claims.slice(before))) out.claims.push(placed(c, s.seq, null));
      attributed = attributedSide(s.text, nonArena, gaz) ?? attributed;
      for (const c of rulingClaims(s.text, nonArena, gaz, ruling, out.claims.slice(before))) out.claims.push(placed(c, s.seq, null)); // "Laos also rejected the ruling" (rulings.ts)
      ruling = rulingAgainst(s.text, nonArena, gaz) ?? ruling;
      // "Latvia and Estonia issued similar statements", "A and B followed suit": the previous sentence's act, theirs too.
      // "Canada condemned the seizure, and Fiji followed suit": the act of the sentence's own first clause.
      const own = out.claims.slice(before);
      const lastAnd = own.length ? s.text.search(/,\s+and\s+[^,;]*$/) : 0;
      const inFirstClause = (c: XClaim) => {
        const at = s.text.indexOf(c.cue);
        return at >= 0 && at < lastAnd;
      };
      const follow = own.every(inFirstClause) ? FOLLOWED.exec(s.text) : null;
      const leaders = own.length ? own : prevClaims;
      if (follow && leaders.length) {
        const followers = nonArena.filter((m) => m.start >= lastAnd && m.end <= follow.index && !gaz.isSide(m.actorId) && actorOf(m.actorId)?.kind !== 'person' && !own.some((c) => c.actorId === m.actorId));
        const acts = new Map(leaders.filter((c) => c.side || c.strength === 'neutral').map((c) => [`${c.side}|${c.strength}`, c]));
        for (const f of new Set(followers.map((m) => m.actorId))) for (const c of acts.values()) out.claims.push(placed(c, s.seq, null, f, follow[0]));
      }
      prevClaims = out.claims.slice(before);
    }

    const sidesNamed = new Set(nonArena.filter((m) => gaz.isSide(m.actorId)).map((m) => m.actorId));
    if (sidesNamed.size === 1) ctxSide = [...sidesNamed][0] as string;
    else if (sidesNamed.size > 1) ctxSide = null;
    // Subject for the next sentence's pronouns: the speaker, else the first actor near the start.
    // "U.N. Secretary-General Antonio Guterres flew …": the person, not the office before the name, is the subject.
    const near = nonArena.filter((m) => m.t0 <= 6);
    const lead = near.find((m) => actorOf(m.actorId)?.kind === 'person') ?? nonArena.find((m) => m.t0 <= 4);
    ctxSubject = speakerId ?? lead?.actorId ?? ctxSubject;

    if (s.kind === 'body') {
      for (const f of findFigures(s.text)) out.figures.push({ seq: s.seq, kind: f.kind, value: f.value, at, day: dayOf(at) });
      for (const ev of eventsOf(s, tokens, actorIds, meta, seenEntryLead, ledeTaken, dayAnchor)) {
        if (s.entry < 0) ledeTaken = true;
        out.events.push(ev);
      }
    }
  }
  out.people = [...people.values()];
  return out;
}

/**
 * A sentence's claim with its place in the article. Spelled out rather than `{ ...c, … }`: every
 * claim gets the same keys in the same order, which V8 builds and reads several times faster.
 */
function placed(c: Omit<XClaim, 'seq' | 'speaker'>, seq: number, speaker: string | null, actorId = c.actorId, cue = c.cue): XClaim {
  return { actorId, side: c.side, strength: c.strength, seq, speaker, cue, background: c.background, why: c.why };
}

/** "Organization of American States (OAS)": one mention, not two. */
function dedupe(ms: Mention[], text: string): Mention[] {
  return ms.filter((m, i) => {
    const prev = ms[i - 1];
    // Only a parenthesised repeat: "TALLINN — Estonia on Monday …" is a dateline, then the subject.
    return !(prev && prev.actorId === m.actorId && /^\s*\(?\s*$/.test(text.slice(prev.end, m.start)));
  });
}
