/**
 * Turns one article into knowledge: sentences with times, actor mentions, people, stance claims,
 * events, quotes and figures. Pure: it reads the gazetteer (and adds the people it finds) and
 * returns data for the store.
 */
import { distance } from 'fastest-levenshtein';
import { CLAUSE_BREAK, type Cue, eventKind, findCues, SPEECH } from './cues.js';
import { findDates } from './dates.js';
import { findFigures } from './figures.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import { findPeople } from './people.js';
import { segment, type Sentence } from './segment.js';
import { contentStems, slug, type Token, tokenize } from './text.js';
import type { Figure, Precision } from './types.js';

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

const PREPS = new Set(['with', 'to', 'from', 'against', 'for', 'of', 'in', 'on', 'by', 'at', 'over', 'about', 'between', 'into', 'toward', 'towards', 'under', 'than', 'like', 'after', 'before', 'among']);
const DETS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'embattled', 'incumbent']);
const PRONOUN_START = /^(?:["“]?\s*)(?:He|She|They|It|His|Her|Their|The (?:statement|ministry|leader|official|spokesman|spokeswoman|government|department|president|minister|chief|envoy|\p{Lu}\w+ leader))\b/u;
const QUOTE_RE = /[“"]([^”"]{8,})[”"]|‘([^’]{12,})’/g;

function dayOf(at: string): string {
  return at.slice(0, 10);
}

/** Person ids registered so far, by surname, for fuzzy resolution of misspelt surnames. */
function fuzzyPerson(gaz: Gazetteer, word: string): string | undefined {
  if (word.length < 5) return undefined;
  for (const a of gaz.actors.values()) {
    if (a.kind !== 'person') continue;
    const sur = a.name.split(' ').pop() ?? '';
    if (sur.length >= 5 && sur[0] === word[0] && distance(sur.toLowerCase(), word.toLowerCase()) <= 1) return a.id;
  }
  return undefined;
}

export function extractDocument(meta: DocMeta, text: string, gaz: Gazetteer): Extraction {
  const sents = segment(text, meta.published, meta.timezone);
  const pubDay = meta.published.slice(0, 10);
  const out: Extraction = { sentences: [], claims: [], events: [], quotes: [], figures: [], people: [] };
  const people = new Map<string, XPerson>();
  let ctxSubject: string | null = null;
  let ctxEntry = -2;
  let ctxPara = -1;
  const seenEntryLead = new Set<number>();
  let ledeTaken = false;

  const actorOf = (id: string) => gaz.actors.get(id);
  const isArena = (id: string) => gaz.arena.has(id);
  const affiliationOf = (id: string): string | null => {
    const a = actorOf(id);
    return a?.kind === 'person' ? (a.affiliation ?? null) : null;
  };

  for (const s of sents) {
    if (s.entry !== ctxEntry) {
      ctxEntry = s.entry;
      ctxSubject = null;
    }
    if (s.entry < 0 && s.para !== ctxPara) ctxSubject = s.pos === 0 ? null : ctxSubject;
    ctxPara = s.para;
    const tokens = tokenize(s.text);
    let mentions = dedupe(gaz.match(tokens));

    // People: register them, with the affiliation the title gives or the context's actor.
    const found = findPeople(tokens, mentions, (id) => gaz.isSide(id));
    for (const p of found) {
      const existing = gaz.lookup(p.name);
      let id = existing && actorOf(existing)?.kind === 'person' ? existing : undefined;
      if (existing && !id) continue; // the name is a known non-person actor
      const parts = p.name.split(' ');
      id ??= fuzzyPerson(gaz, parts[parts.length - 1] ?? '') ?? slug(p.name);
      const ctxActor = ctxSubject ? (actorOf(ctxSubject)?.kind === 'person' ? affiliationOf(ctxSubject) : ctxSubject) : null;
      const ctxCountry = ctxActor && !gaz.isSide(ctxActor) && !isArena(ctxActor) ? ctxActor : null;
      const arenaTitle = p.affiliation !== null && isArena(p.affiliation);
      const aff = p.affiliation && !arenaTitle ? p.affiliation : null;
      const def = gaz.define({ id, name: p.name, kind: 'person', affiliation: aff ?? (arenaTitle ? null : ctxCountry), aliases: [] });
      if (aff && def.affiliation !== aff && !people.get(id)?.explicit) def.affiliation = aff;
      gaz.addAlias(id, p.name, 'person', true);
      if (parts.length >= 2) gaz.addAlias(id, parts[parts.length - 1] as string, 'surname', true);
      if (parts.length >= 3) gaz.addAlias(id, parts.slice(-2).join(' '), 'surname', true);
      const prev = people.get(id);
      people.set(id, { id, name: def.name, affiliation: def.affiliation ?? null, explicit: Boolean(aff) || Boolean(prev?.explicit), aliases: def.aliases });
    }
    // A misspelt surname before a speech verb ("Mogherini says" after "Federica Mogherni").
    const t0 = tokens[0];
    let aliased = false;
    if (t0 && /^\p{Lu}/u.test(t0.raw) && !mentions.some((m) => m.t0 === 0) && /^(?:said|says|told|added|tweeted|warned)$/.test(tokens[1]?.norm ?? '')) {
      const pid = fuzzyPerson(gaz, t0.cased);
      if (pid) {
        gaz.addAlias(pid, t0.raw, 'surname', true);
        aliased = true;
      }
    }
    if (found.length || aliased) mentions = dedupe(gaz.match(tokens));

    const nonArena = mentions.filter((m) => !isArena(m.actorId));
    const actorIds = [...new Set(nonArena.map((m) => m.actorId))];
    const at = s.entryAt ?? pubDay;
    const precision: Precision = s.entryAt ? 'minute' : 'day';
    out.sentences.push({ ...s, at, precision, actors: actorIds });

    // Who is speaking: the actor before a speech verb, or the context subject for "He said".
    const speakerId: string | null = findSpeaker(s.text, tokens, nonArena, gaz) ?? (PRONOUN_START.test(s.text) ? ctxSubject : null);
    const speakerName = speakerId ? (actorOf(speakerId)?.name ?? null) : null;

    if (s.kind === 'body' || s.kind === 'dek' || s.kind === 'caption') {
      for (const q of s.text.matchAll(QUOTE_RE)) {
        const qt = (q[1] ?? q[2] ?? '').trim();
        if (qt.split(/\s+/).length >= 3) out.quotes.push({ seq: s.seq, text: qt, speakerId, speaker: speakerName });
      }
      for (const c of claimsOf(s.text, tokens, nonArena, gaz, speakerId)) {
        const person = actorOf(c.actorId)?.kind === 'person' ? c.actorId : null;
        const speaker = person ? (actorOf(person)?.name ?? null) : speakerId && affiliationOf(speakerId) === c.actorId ? speakerName : null;
        out.claims.push({ ...c, seq: s.seq, speaker });
        const aff = person ? affiliationOf(person) : null;
        if (aff && !gaz.isSide(aff) && !isArena(aff)) out.claims.push({ ...c, actorId: aff, seq: s.seq, speaker });
      }
    }

    // Subject for the next sentence's pronouns: the speaker, else the first actor near the start.
    const lead = nonArena.find((m) => m.t0 <= 4);
    ctxSubject = speakerId ?? lead?.actorId ?? ctxSubject;

    if (s.kind === 'body') {
      for (const f of findFigures(s.text)) out.figures.push({ seq: s.seq, kind: f.kind, value: f.value, at, day: dayOf(at) });
      for (const ev of eventsOf(s, tokens, actorIds, meta, seenEntryLead, ledeTaken)) {
        if (s.entry < 0) ledeTaken = true;
        out.events.push(ev);
      }
    }
  }
  out.people = [...people.values()];
  return out;
}

/** "Organization of American States (OAS)": one mention, not two. */
function dedupe(ms: Mention[]): Mention[] {
  return ms.filter((m, i) => {
    const prev = ms[i - 1];
    return !(prev && prev.actorId === m.actorId && m.start - prev.end <= 3);
  });
}

function findSpeaker(text: string, tokens: Token[], mentions: Mention[], gaz: Gazetteer): string | null {
  SPEECH.lastIndex = 0;
  for (const m of text.matchAll(SPEECH)) {
    const at = m.index ?? 0;
    // The nearest actor ending before the verb, within a few words.
    const before = mentions.filter((x) => x.end <= at && at - x.end < 40 && !gaz.isSide(x.actorId));
    const pick = before[before.length - 1];
    if (pick) return pick.actorId;
    const after = mentions.find((x) => x.start >= at + m[0].length && x.start - (at + m[0].length) < 3 && !gaz.isSide(x.actorId));
    if (after) return after.actorId;
  }
  void tokens;
  return null;
}

function precededByPreposition(tokens: Token[], m: Mention): boolean {
  const p1 = tokens[m.t0 - 1];
  const p2 = tokens[m.t0 - 2];
  if (!p1) return false;
  if (PREPS.has(p1.norm)) return true;
  return Boolean(p2 && DETS.has(p1.norm) && PREPS.has(p2.norm));
}

/** Stance claims of one sentence: (holder, side, strength) per cue. */
function claimsOf(text: string, tokens: Token[], mentions: Mention[], gaz: Gazetteer, speakerId: string | null): Omit<XClaim, 'seq' | 'speaker'>[] {
  const cues = findCues(text);
  if (cues.length === 0) return [];
  const sides = [...gaz.sideIds];
  const boundaries: number[] = [0];
  for (const m of text.matchAll(SPEECH)) boundaries.push((m.index ?? 0) + m[0].length);
  for (const m of text.matchAll(CLAUSE_BREAK)) boundaries.push((m.index ?? 0) + m[0].length);
  const sideMentions = mentions.filter((m) => gaz.isSide(m.actorId));
  const holdersAll = mentions.filter((m) => !gaz.isSide(m.actorId));
  const out: Omit<XClaim, 'seq' | 'speaker'>[] = [];
  let prevEnd = 0;
  let suppressUntil = -1;
  let prevHolders: string[] = [];
  const emit = (cue: Cue, holders: string[], target: Mention | null) => {
    prevHolders = holders;
    for (const h of holders) {
      if (cue.type === 'neutral') out.push({ actorId: h, side: null, strength: 'neutral', cue: cue.text });
      else if (!target) continue;
      else if (cue.type === 'criticize') {
        const other = sides.length === 2 ? sides.find((x) => x !== target.actorId) : undefined;
        if (other) out.push({ actorId: h, side: other, strength: 'leaning', cue: cue.text });
      } else if (cue.type === 'withhold') out.push({ actorId: h, side: target.actorId, strength: 'neutral', cue: cue.text });
      else if (cue.type === 'hedge' || cue.type === 'soft') out.push({ actorId: h, side: target.actorId, strength: 'leaning', cue: cue.text });
      else out.push({ actorId: h, side: target.actorId, strength: 'firm', cue: cue.text });
    }
  };
  cues.forEach((cue: Cue, ci) => {
    const clauseStart = Math.max(...boundaries.filter((b) => b <= cue.start));
    const clauseEndCands = boundaries.filter((b) => b > cue.end);
    const clauseEnd = clauseEndCands.length ? Math.min(...clauseEndCands) : text.length;
    const ws = Math.max(prevEnd, clauseStart);
    prevEnd = cue.end;
    if (cue.type === 'ignore') return;
    if (cue.start < suppressUntil && (cue.type === 'support' || cue.type === 'legit' || cue.type === 'ally' || cue.type === 'soft')) return;
    // Target side: the first side named after the cue in its clause, else the nearest before it.
    const after = sideMentions.find((m) => m.start >= cue.end && m.start < clauseEnd + 80);
    const before = [...sideMentions].reverse().find((m) => m.end <= cue.start && m.end > clauseStart - 1);
    // A criticism is about the side it is said of ("the general's illegitimate council"), else the one after it.
    const afterInClause = after && after.start < clauseEnd ? after : undefined;
    let target = cue.type === 'criticize' || cue.type === 'legit' ? (before ?? afterInClause ?? null) : (after ?? before ?? null);
    if (cue.type === 'withhold' && after) suppressUntil = after.end;
    let holders: string[] = [];
    if (cue.type === 'ally') {
      holders = holdersAll.filter((m) => m.start >= clauseStart && m.end <= clauseEnd).map((m) => m.actorId);
      target = sideMentions.find((m) => m.start >= clauseStart && m.end <= clauseEnd) ?? null;
    } else {
      // A side named between the holder and a directed cue is the one acting ("protests that support X").
      const inWindow = mentions.filter((m) => m.start >= ws && m.end <= cue.start);
      const lastSide = [...inWindow].reverse().find((m) => gaz.isSide(m.actorId));
      const directed = cue.type !== 'criticize' && cue.type !== 'legit' && cue.type !== 'neutral';
      // "X withdrew its support for Y and now backs Z": a coordinated verb keeps X as holder.
      if (directed && lastSide && inWindow[inWindow.length - 1] === lastSide) {
        if (prevHolders.length && /^[\s,]*(?:and|but)\s+(?:now\s+|also\s+|then\s+|instead\s+)?$/i.test(text.slice(lastSide.end, cue.start))) {
          emit(cue, prevHolders, target);
        }
        return;
      }
      let from = directed && lastSide ? lastSide.end : ws;
      // In a relative clause ("protests that support X") the holder is the clause's head noun.
      if (directed) {
        const rel = relativeHead(text, from, cue.start);
        if (rel !== null) {
          const head = holdersAll.filter((m) => m.end <= rel.at && m.start >= from);
          const listed = coordinated(text, head, rel.at, rel.generic);
          if (listed.length === 0) return;
          const joined = /\bjoin(?:s|ed|ing)?\b/i.exec(text.slice(from, listed[0]?.start ?? rel.at));
          const subjects = joined ? holdersAll.filter((m) => m.start >= from && m.end <= from + joined.index && !precededByPreposition(tokens, m)) : [];
          holders = [...subjects, ...listed].map((m) => m.actorId);
          from = Number.POSITIVE_INFINITY;
        }
      }
      if (from !== Number.POSITIVE_INFINITY) holders = holdersAll.filter((m) => m.start >= from && m.end <= cue.start && !precededByPreposition(tokens, m)).map((m) => m.actorId);
      else holders ??= [];
      if (holders.length === 0 && ci === 0 && !(directed && lastSide) && speakerId && !gaz.isSide(speakerId)) holders = [speakerId];
    }
    holders = [...new Set(holders)].filter((h) => !gaz.isSide(h) && !gaz.arena.has(h));
    if (holders.length === 0) return;
    emit(cue, holders, target);
  });
  return out;
}

const GENERIC_HEADS = /\b(?:others|countries|nations|governments|states|leaders|members|allies|powers)\s*$/i;

/** The last relative pronoun between `from` and `to`, and whether its head is a generic plural ("others that"). */
function relativeHead(text: string, from: number, to: number): { at: number; generic: boolean } | null {
  const seg = text.slice(from, to);
  let last: RegExpExecArray | null = null;
  const re = /\b(?:that|which|who)\b/gi;
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    const before = text.slice(Math.max(0, from - 40), from + m.index);
    // "said (on Thursday) that ..." introduces speech, not a relative clause.
    if (/\b(?:said|says|say|told|tweeted|clear|so|such|is|was|believes?|believed|announced|added|hopes?|warned|insisted|noted|stated)\b(?:\s+[\w’']+){0,3}\s*$/i.test(before)) continue;
    last = m;
  }
  if (!last) return null;
  const at = from + last.index;
  return { at, generic: GENERIC_HEADS.test(text.slice(from, at).trimEnd()) };
}

/** The actors listed right before position `at` ("the U.S., Canada and others that ..."). */
function coordinated(text: string, mentions: Mention[], at: number, generic: boolean): Mention[] {
  const out: Mention[] = [];
  let pos = at;
  if (generic) pos = text.slice(0, at).replace(GENERIC_HEADS, '').replace(/\s*(?:,|and|or)?\s*$/i, '').length;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i] as Mention;
    const gap = text.slice(m.end, pos);
    if (!/^[\s,]*(?:(?:and|or|as well as)\s+)?(?:the\s+)?$/i.test(gap) && !(out.length === 0 && /^\s*$/.test(gap))) break;
    out.unshift(m);
    pos = m.start;
    pos = text.slice(0, pos).replace(/(?:the\s+)$/i, '').length;
  }
  return out;
}

/**
 * The events a sentence reports. A live-blog entry's lead is an event at the entry's minute; when
 * it announces something for a later day (a meeting "on Saturday") that is a second, scheduled event.
 */
function eventsOf(s: Sentence, tokens: Token[], actors: string[], meta: DocMeta, seenEntryLead: Set<number>, ledeTaken: boolean): XEvent[] {
  const kind = eventKind(s.text);
  if (!kind) return [];
  const pubDay = meta.published.slice(0, 10);
  const dates = findDates(s.text, meta.published).filter((d) => d.precision === 'day' || d.precision === 'month');
  const explicit = dates.find((d) => d.precision === 'day') ?? dates[0];
  const isEntryLead = s.entry >= 0 && !seenEntryLead.has(s.entry);
  if (isEntryLead) seenEntryLead.add(s.entry);
  const isLede = s.entry < 0 && !ledeTaken && s.pos === 0;
  const otherDay = explicit && explicit.value !== pubDay;
  // In a live blog every entry's lead is an event; other sentences only when they date another day.
  if (!isEntryLead && !isLede && !explicit) return [];
  if (!isEntryLead && !isLede && !otherDay && kind.weight < 2) return [];
  if (actors.length === 0 && kind.weight < 3 && !isEntryLead) return [];
  const sig = [...new Set([...contentStems(tokens), ...actors.map((a) => `@${a}`)])];
  const weight = kind.weight + (isEntryLead || isLede ? 1 : 0);
  const make = (at: string, precision: Precision, scheduled: boolean): XEvent => ({
    seq: s.seq,
    at,
    precision,
    day: precision === 'month' ? `${at.slice(0, 7)}-01` : dayOf(at),
    text: s.text,
    kind: kind.kind,
    weight,
    scheduled,
    actors,
    sig,
  });
  const out: XEvent[] = [];
  // An entry's lead is reported at the entry's minute, whatever background date it mentions.
  if (s.entryAt && (isEntryLead || !explicit || explicit.value === s.entryAt.slice(0, 10))) out.push(make(s.entryAt, 'minute', false));
  const sameDay = explicit && s.entryAt && explicit.value === s.entryAt.slice(0, 10);
  if (explicit && !sameDay && (explicit.future || !isEntryLead)) out.push(make(explicit.value, explicit.precision, explicit.future));
  if (out.length === 0) out.push(make(pubDay, 'day', false));
  return out;
}
