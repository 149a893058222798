/**
 * Stance claims of one sentence. For each cue (backing, criticism, hedge, withholding,
 * neutrality) the holder is found by the sentence's shape: the actors before the cue in its
 * clause, lists, relative clauses ("others that recognized"), "X has joined …", a coordinated verb
 * ("withdrew its support for Y and now backs Z"), or the speaker of "X said …"; the target is a side
 * named near the cue. Criticising one side leans toward the other when there are two.
 */
import { CLAUSE_BREAK, type Cue, findCues, SPEECH } from './cues.js';
import type { XClaim } from './extract.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import type { Token } from '../text.js';

const PREPS = new Set(['with', 'to', 'from', 'against', 'for', 'of', 'in', 'on', 'by', 'at', 'over', 'about', 'between', 'into', 'toward', 'towards', 'under', 'than', 'like', 'after', 'before', 'among']);
const DETS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'embattled', 'incumbent']);

function precededByPreposition(tokens: Token[], m: Mention): boolean {
  const p1 = tokens[m.t0 - 1];
  const p2 = tokens[m.t0 - 2];
  if (!p1) return false;
  if (PREPS.has(p1.norm)) return true;
  return Boolean(p2 && DETS.has(p1.norm) && PREPS.has(p2.norm));
}

/** Stance claims of one sentence: (holder, side, strength) per cue. */
export function claimsOf(text: string, tokens: Token[], mentions: Mention[], gaz: Gazetteer, speakerId: string | null): Omit<XClaim, 'seq' | 'speaker'>[] {
  let cues = findCues(text);
  if (cues.length === 0) return [];
  // "would not recognize X and offered to mediate": declining recognition while offering to
  // mediate is withholding, not leaning toward the other side.
  if (cues.some((c) => c.type === 'neutral')) cues = cues.map((c) => (c.type === 'criticize' && /recogni/i.test(c.text) ? { ...c, type: 'withhold' } : c));
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
      if (holders.length === 0 && ci === 0 && !(directed && lastSide) && speakerId && !gaz.isSide(speakerId)) holders = speakersWith(text, holdersAll, speakerId);
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
/** The speaker and the actors listed with it: "Mexico and Uruguay said …" speaks for both. */
function speakersWith(text: string, mentions: Mention[], speakerId: string): string[] {
  const m = [...mentions].reverse().find((x) => x.actorId === speakerId);
  if (!m) return [speakerId];
  const list = coordinated(text, mentions.filter((x) => x.end <= m.end), m.end, false);
  return [...new Set([...list.map((x) => x.actorId), speakerId])];
}

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

