/**
 * Stance claims of one sentence. Each cue is an act (backing, recognising, congratulating,
 * condemning, sanctioning, demanding a release, calling for a return to civilian rule, urging
 * restraint) by a holder toward a target:
 * - the holder is found by the sentence's shape: the actors before the cue in its clause, lists,
 *   relative clauses ("others that recognized"), "X has joined …", a coordinated verb ("withdrew its
 *   support for Y and now backs Z"), the subject of an earlier act in the same clause, or the
 *   speaker of "X said …";
 * - the target (targets.ts) is a side named near the cue, or one of its acts ("the coup" is the junta's), or, for
 *   a disputed election or a call to restore civilian rule, the side whose role it concerns
 *   (src/core/read/roles.ts).
 * Criticising one side leans toward the other when there are two; criticising an act done to a side
 * ("the detention of X", "the coup against X") backs that side. A holder that aims the same act at
 * both sides in one sentence takes no side.
 */
import { CLAUSE_BREAK, type Cue, findCues, SPEECH } from './cues.js';
import { clauseSubject, objectEnd, OURS, recast } from './scope.js';
import { type Captors, captorCues } from './captors.js';
import { disputeCues, nearPlace } from './disputes.js';
import { findingCues } from './findings.js';
import { alignmentCues } from './alignments.js';
import { anti, asideAct, asPlace, attributions, judgedAccusations, objectOfEarlierAct, overthrowAfterCoup, qualifies } from './aims.js';
import type { XClaim } from './extract.js';
import { addressee, lastClauseHolders, objectBeforeAnd, setApart } from './subjects.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import type { Token } from '../text.js';
import { BACKGROUND, CALLS_FOR, CONTACT_VERB, CONVEYS, coordinated, CRITICISM_AS_THING, NOT_THE_STATE, passiveAgents, PERCEIVED, PLUPERFECT, possessorOf, precededByPreposition, relativeHead, speakersWith } from './shape.js';
import { actTargets, aimOf, type Kind, postedIn, type Target } from './targets.js';
import { allyApposition, apposed, objectRelative, possessiveAside, sideAgent, sideSubject } from './asides.js';

/** ", which", ", whom": a relative clause, maybe an object one ("the junta, which Peru backs,"). */
const RELATIVE = /,\s*(?:which|whom|who|that)\s/i;

/** What each kind of act means, for `briefing explain`. */
const WHY: Record<Kind, string> = {
  support: 'backing or recognition of the side (or an act of it) named near the cue',
  leaning: 'a softer act toward the side named near the cue (welcoming, praising, considering backing): leaning',
  criticize: 'criticism of the side (or an act of it) named near the cue, read as leaning toward the other side',
  withhold: 'withholding or declining a position toward the side named near the cue',
  neutral: 'a call for dialogue, restraint, mediation or non-interference (neutral)',
};

/** Stance claims of one sentence: (holder, side, strength) per cue. `ctxSide` is the side the passage is about; `captorsOf` gives the sides the article makes captors. */
export function claimsOf(
  text: string,
  tokens: Token[],
  mentions: Mention[],
  gaz: Gazetteer,
  speakerId: string | null,
  ctxSide: string | null = null,
  arenaMentions: Mention[] = [],
  captorsOf: () => Captors = () => new Map(),
): Omit<XClaim, 'seq' | 'speaker'>[] {
  const sidesNamed = mentions.filter((m) => gaz.isSide(m.actorId));
  // A truce only reported is nobody's call for one; welcoming a deal the sides made takes no side (scope.ts).
  let cues = recast(text, findCues(text).filter((c) => !mentions.some((m) => c.start >= m.start && c.start < m.end)));
  // Acts not made or aimed elsewhere (aims.ts, captors.ts).
  cues = findingCues(text, disputeCues(text, captorCues(text, attributions(text, judgedAccusations(text, overthrowAfterCoup(cues, gaz.roles)), sidesNamed), sidesNamed), [...mentions, ...arenaMentions], gaz), mentions, arenaMentions, gaz);
  cues = alignmentCues(text, cues, sidesNamed); // "joined the coalition", "X, not Y, was to blame" (alignments.ts)
  if (cues.length === 0) return [];
  const { roles } = gaz;
  // Where a junta is known, "coup" names its act (a target), not a criticism on its own: "the coup
  // was an internal affair" criticises nobody.
  if (roles.junta) cues = cues.filter((c) => !(c.type === 'criticize' && /^coup/i.test(c.text)));
  // "would not recognize X and offered to mediate": declining recognition while offering to
  // mediate is withholding, not leaning toward the other side.
  if (cues.some((c) => c.type === 'neutral' && /mediat|dialogue/i.test(c.text))) cues = cues.map((c) => (c.type === 'criticize' && /recogni/i.test(c.text) ? { ...c, type: 'withhold' } : c));
  // "opposed sanctions on X" is one act (resisting criticism of X), not opposing plus sanctioning.
  cues = cues.filter((c, i) => {
    const next = cues[i + 1];
    return !(c.type === 'criticize' && /^(?:oppos|reject|block|object)/i.test(c.text) && next?.type === 'criticize' && CRITICISM_AS_THING.test(next.text) && next.start - c.end < 60);
  });
  const sides = [...gaz.sideIds];
  const other = (side: string) => (sides.length === 2 ? sides.find((x) => x !== side) : undefined);
  const boundaries: number[] = [0];
  // "the results were announced" is no speech: a passive verb opens no clause.
  for (const m of text.matchAll(SPEECH)) if (!/\b(?:was|were|been|being|is|are)\s+$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 8), m.index ?? 0))) boundaries.push((m.index ?? 0) + m[0].length);
  for (const m of text.matchAll(CLAUSE_BREAK)) boundaries.push((m.index ?? 0) + m[0].length);
  // Ally appositions ("Russia, a close ally of Dunmere,", "… Brazil, an ally of Reyes."): what is named inside one
  // describes its head, so it is no other act's holder or target (asides.ts).
  const allySpans: { open: number; close: number }[] = [];
  for (const c of cues) {
    const a = c.type === 'ally' ? allyApposition(text, c, Math.max(...boundaries.filter((b) => b <= c.start))) : null;
    if (a) allySpans.push(a);
  }
  const inAside = (m: { start: number; end: number }, cue: Cue) => allySpans.some((a) => m.start > a.open && m.end <= a.close && !(a.open < cue.start && a.close >= cue.end));
  const named: Target[] = sidesNamed.map((m) => ({ actorId: m.actorId, start: m.start, end: m.end, poss: m.poss, act: false }));
  const sideMentions = [...named, ...actTargets(text, gaz, mentions)].sort((a, b) => a.start - b.start);
  // "Ghanaian students", "Nigerian protesters", "a Chinese company": a demonym before people or firms
  // names a nationality, not the state; "Russian state media", "the Ghanaian government" name the state.
  const holdersAll = mentions.filter((m) => !gaz.isSide(m.actorId) && !(m.via === 'demonym' && NOT_THE_STATE.test(text.slice(m.end, m.end + 40))) && !qualifies(text, m));
  const out: Omit<XClaim, 'seq' | 'speaker'>[] = [];
  let prevEnd = 0;
  let suppressUntil = -1;
  let prevHolders: string[] = [];
  let prevClause = -1;
  let spoken = false;
  // Sides named as a passive's agent ("blamed by X") are not the subject of the next act; the clause where a side's own act was read.
  const agentsSeen = new Set<number>();
  const relatives = RELATIVE.test(text);
  let sideOwned = -1;
  // The head of an apposition naming it an ally ("Russia, a close ally of Dunmere,"), and where the apposition closes.
  let apposHead: { ids: string[]; close: number } | null = null;
  const past = new Set<Omit<XClaim, 'seq' | 'speaker'>>();
  const push = (holders: string[], kind: Kind, side: string | null, cue: Cue) => {
    const before = out.length;
    const why = WHY[kind];
    for (const h of holders) {
      if (kind === 'neutral') out.push({ actorId: h, side: null, strength: 'neutral', cue: cue.text, why });
      else if (!side) continue;
      else if (kind === 'criticize') {
        const o = other(side);
        if (o) out.push({ actorId: h, side: o, strength: 'leaning', cue: cue.text, why });
      } else if (kind === 'withhold') out.push({ actorId: h, side, strength: 'neutral', cue: cue.text, why });
      else out.push({ actorId: h, side, strength: kind === 'support' ? 'firm' : 'leaning', cue: cue.text, why });
    }
    if (PLUPERFECT.test(text.slice(Math.max(0, cue.start - 20), cue.start)) || asideAct(text, cue)) for (const c of out.slice(before)) past.add(c);
    // "Less than a fortnight earlier, X had said …": background to the article's news of the day.
    const background = BACKGROUND.test(text.slice(0, cue.start));
    for (const c of out.slice(before)) if (background || past.has(c)) c.background = true;
  };

  cues.forEach((cue: Cue) => {
    const clauseStart = Math.max(...boundaries.filter((b) => b <= cue.start));
    const clauseEndCands = boundaries.filter((b) => b > cue.end);
    const clauseEnd = clauseEndCands.length ? Math.min(...clauseEndCands) : text.length;
    const ws = Math.max(prevEnd, clauseStart);
    prevEnd = cue.end;
    if (cue.type === 'ignore') return;
    if (cue.start < suppressUntil && (cue.type === 'support' || cue.type === 'legit' || cue.type === 'ally' || cue.type === 'soft')) return;
    // The act's object stops at the subject's next verb: "welcomed the release … and urged X" (src/core/read/scope.ts).
    const reach = objectEnd(text, cue.end, clauseEnd + 80);
    const after = sideMentions.find((m) => m.start >= cue.end && m.start < reach && !((cue.type === 'support' || cue.type === 'soft') && (asPlace(text, m) || anti(text, m))) && !(cue.type === 'criticize' && !m.act && nearPlace(text, m) && !postedIn(text, cue, m)) && !inAside(m, cue));
    // A side inside a parenthetical between the holder and the act ("X, which backs Y, condemned …") is not its target.
    const enclosed = (m: { start: number; end: number }) => /,\s*(?:which|who|whose|that)\b/i.test(text.slice(clauseStart, m.start)) && text.slice(m.end, cue.start).includes(',');
    // "Russia, Dunmere's main trading partner, condemned …": a side in an apposition to the holder is neither holder nor target (asides.ts).
    // "the defence minister, a key Dunmere ally, later … dismissing … as a coup": nor is the side an ally apposition names.
    const before = [...sideMentions].reverse().find((m) => m.end <= cue.start && m.end > clauseStart - 1 && !enclosed(m) && !apposed(text, m, clauseStart, cue.start, holdersAll) && !inAside(m, cue));
    const afterInClause = after && after.start < clauseEnd ? after : undefined;

    const aim = aimOf(cue, { text, roles, named, sideMentions, holdersAll, arenaMentions, ctxSide, clauseStart, clauseEnd, before, after, afterInClause, captorsOf });
    let { kind, target } = aim;
    const { directed } = aim;
    if (aim.suppressUntil !== undefined) suppressUntil = aim.suppressUntil;
    // "Korvath, blamed by Vastland for …", "Russia said Ostrel condemned …": a side's own act, which no one else holds
    // (asides.ts), nor its next act in the clause with no other holder named ("… called the closure unacceptable").
    const agentSide = named.length ? sideAgent(text, cue.end, named) : undefined;
    if (agentSide || (named.length && sideSubject(text, cue, named))) {
      // "Britain, blamed by Korvath for the leak, backed Vastland": the participle's subject acts next.
      const subject = agentSide && holdersAll.find((m) => m.end <= cue.start && /^\s*,\s*$/.test(text.slice(m.end, cue.start)));
      if (agentSide) agentsSeen.add(agentSide.start);
      if (subject) [prevHolders, prevClause] = [[subject.actorId], clauseStart];
      else sideOwned = clauseStart;
      return;
    }
    if (sideOwned === clauseStart && !holdersAll.some((m) => m.start >= ws && m.end <= cue.start)) return;

    // "backed calls for X to step down": the call's own order says the side, so this cue only names who holds it.
    const endorsesCall = (kind === 'support' || kind === 'leaning') && directed && CALLS_FOR.test(text.slice(cue.end));
    let holders: string[] = [];
    // "Moscow's support for the junta", "Algeria's recognition of X": the possessor holds the act the
    // noun names, whoever the sentence's subject is ("Sweden summoned Russia's ambassador over …").
    const possessor = possessorOf(text, cue, holdersAll);
    // "Bogdanov expressed Moscow's support": the subject conveys the possessor's act, and holds it too.
    const conveyed = possessor !== undefined && CONVEYS.test(text.slice(Math.max(clauseStart, possessor.start - 40), possessor.start));
    // "The coup was condemned by Ireland and Iceland": a passive act's agents hold it.
    const agents = possessor ? [] : passiveAgents(text, cue, clauseStart, holdersAll);
    // "Vastland, backed by Britain, expelled Korvathi diplomats": a passive act is aimed at its subject.
    if (agents.length && directed && target === after && before) target = before;
    // "the junta, which Peru backs,": the relative clause's subject holds the act, aimed at its head (asides.ts),
    // which is no side in "Peru, which Chile backs,".
    let relSubjects: Mention[] = [];
    let appositive = false;
    let inner = false; // the holders are named inside an ally apposition, so they are not the subject of the next act
    let head: Mention | Target | undefined;
    if (relatives && !agents.length && !possessor && cue.type !== 'ally' && RELATIVE.test(text.slice(clauseStart, cue.start))) {
      for (const m of [...sideMentions, ...holdersAll].filter((x) => x.end <= cue.start && x.start >= clauseStart).sort((a, b) => b.start - a.start)) {
        relSubjects = objectRelative(text, m, cue.start, holdersAll);
        head = m;
        if (relSubjects.length) break;
      }
    }
    if (agents.length && cue.type !== 'ally') holders = agents.map((m) => m.actorId);
    else if (relSubjects.length && head) {
      holders = relSubjects.map((m) => m.actorId);
      if (kind !== 'neutral') target = gaz.isSide(head.actorId) ? head : null;
    }
    else if (possessor && cue.type !== 'ally' && !conveyed) holders = [possessor.actorId];
    else if (cue.type === 'ally') {
      // "the army and its allies": unnamed allies are nobody's stance.
      if (/\b(?:its|their|his|her)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, cue.start - 25), cue.start))) return;
      // "widely seen as X's closest ally": a perception, at most a leaning.
      if (PERCEIVED.test(text.slice(clauseStart, cue.start))) kind = 'leaning';
      // Not an actor across ", and <…>" from the cue: "… an ally of Khalvor, and China backed Dunmere".
      const seam = (a: number, b: number) => /,\s*(?:and|but)\s/i.test(text.slice(a, b));
      holders = holdersAll.filter((m) => m.start >= clauseStart && m.end <= clauseEnd && !(m.end <= cue.start ? seam(m.end, cue.start) : seam(cue.end, m.start))).map((m) => m.actorId);
      target = named.find((m) => m.start >= clauseStart && m.end <= clauseEnd && !(m.end <= cue.start ? seam(m.end, cue.start) : seam(cue.end, m.start))) ?? null;
      // "Russia, Dunmere's ally, and China backed …": the apposition's head is the ally, of the side named inside it (asides.ts).
      const apposition = allyApposition(text, cue, clauseStart);
      const head = apposition ? coordinated(text, holdersAll.filter((m) => m.start >= clauseStart && m.end <= apposition.open), apposition.open, false) : [];
      // "Norway met Brazil, an ally of Reyes", "… in Khalvor, a close ally of Dunmere": the apposition's head is
      // no actor of the sentence's subject; only one named inside it ("Khalvor, an ally of Russia,") is the ally.
      if (apposition && !head.length) {
        holders = holdersAll.filter((m) => m.start > apposition.open && m.end <= apposition.close).map((m) => m.actorId);
        inner = true;
      }
      if (apposition && head.length) {
        holders = head.map((m) => m.actorId);
        target = named.find((m) => m.start > apposition.open && m.end <= apposition.close) ?? null;
        // "Russia, a close ally of Dunmere, backed Khalvor": the apposition describes its head; the
        // sentence's own act (its main verb) decides, as for "which had backed" (current()).
        appositive = true;
        apposHead = { ids: holders, close: apposition.close };
      }
    } else {
      // A side named between the holder and a directed cue is the one acting ("protests that support X"),
      // unless it is the object of a contact verb ("telephoned X to congratulate him").
      const inWindow = mentions.filter((m) => m.start >= ws && m.end <= cue.start);
      let lastSide = [...inWindow].reverse().find((m) => gaz.isSide(m.actorId) && !agentsSeen.has(m.start));
      // "Yanukovych's Party of Regions voted with …": a possessive side qualifies the holder after it.
      if (lastSide?.poss && inWindow.some((m) => !gaz.isSide(m.actorId) && m.start > (lastSide as Mention).end && m.start - (lastSide as Mention).end <= 4)) lastSide = undefined;
      // "X's leader, who had backed Y last year, now supports Z": a side inside the relative clause is not the one acting.
      if (lastSide && (enclosed(lastSide) || objectOfEarlierAct(text, lastSide, ws, clauseStart) || apposed(text, lastSide, clauseStart, cue.start, holdersAll) || inAside(lastSide, cue))) lastSide = undefined;
      if (lastSide && directed && (CONTACT_VERB.test(text.slice(ws, lastSide.start)) || OURS.test(text.slice(lastSide.end, cue.start)))) {
        if (!afterInClause) target = { actorId: lastSide.actorId };
        lastSide = undefined;
      }
      // "X withdrew its support for Y and now backs Z": a coordinated verb keeps X as holder.
      if (directed && lastSide && inWindow[inWindow.length - 1] === lastSide) {
        if (prevHolders.length && /^[\s,]*(?:and|but)\s+(?:now\s+|also\s+|then\s+|instead\s+)?$/i.test(text.slice(lastSide.end, cue.start))) {
          push(prevHolders, kind, target?.actorId ?? null, cue);
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
      if (from !== Number.POSITIVE_INFINITY) holders = lastClauseHolders(text, holdersAll.filter((m) => m.start >= from && m.end <= cue.start && !precededByPreposition(tokens, m) && !addressee(text, m, cue.start) && !setApart(text, m) && !objectBeforeAnd(text, m, cue.start) && !inAside(m, cue) && !possessiveAside(text, m, holdersAll))).map((m) => m.actorId);
      // "Russia, a close ally of Dunmere, and China backed Khalvor": the apposition's head is a subject of the act too.
      const first = holders.length && apposHead ? holdersAll.find((m) => m.actorId === holders[0] && m.start > (apposHead as { close: number }).close) : undefined;
      if (first && apposHead && /^,\s*and\s+(?:the\s+)?$/.test(text.slice(apposHead.close, first.start))) holders = [...apposHead.ids, ...holders];
      // A second act of the same subject in the same clause: "X condemned the coup and demanded …".
      // Its object follows the verb: "… and saluted the bravery of the people" aims at no side.
      if (holders.length === 0 && prevHolders.length && prevClause === clauseStart) {
        holders = prevHolders;
        if (directed && target && !(afterInClause && target.actorId === afterInClause.actorId)) target = null;
      }
      // The speaker holds the first act with no holder of its own in the sentence.
      if (holders.length === 0 && !spoken && !(directed && lastSide) && speakerId && !gaz.isSide(speakerId)) holders = speakersWith(text, holdersAll, speakerId);
      // "…, while Vietnam said …", "Japan called for … and urged …": the subject of the speech verb opening the clause.
      if (holders.length === 0 && !(directed && lastSide)) holders = clauseSubject(text, tokens, holdersAll, clauseStart, cue.start).map((m) => m.actorId);
    }
    if (conveyed && possessor) holders.push(possessor.actorId);
    holders = [...new Set(holders)].filter((h) => !gaz.isSide(h) && !gaz.arena.has(h));
    if (holders.length === 0) return;
    spoken = true;
    // "Cuba's support for X was regrettable", "X, backed by Y, expelled …", "X, which Y backs, …": a possessor, a
    // passive's agent or a relative clause's subject holds that act, and is not the subject of the sentence's next one.
    prevHolders = (possessor && holders.length === 1 && holders[0] === possessor.actorId) || agents.length ? [] : holders;
    // "Peru, which Chile backs, recognized X": the head is the subject of the next act.
    if (relSubjects.length) prevHolders = head && !gaz.isSide(head.actorId) ? [head.actorId] : [];
    if (inner) prevHolders = [];
    prevClause = clauseStart;
    if (endorsesCall) return;
    const pushed = out.length;
    push(holders, kind, cue.side ?? target?.actorId ?? null, cue); // "the territorial integrity of X": the state's side (disputes.ts)
    if (appositive) for (const c of out.slice(pushed)) past.add(c);
  });
  return evenHanded(current(out, past));
}

/** "X, which had backed Y, turned on him": in one sentence the pluperfect is background to the act. */
function current(claims: Omit<XClaim, 'seq' | 'speaker'>[], past: Set<Omit<XClaim, 'seq' | 'speaker'>>): Omit<XClaim, 'seq' | 'speaker'>[] {
  if (past.size === 0) return claims;
  const now = new Set(claims.filter((c) => !past.has(c)).map((c) => c.actorId));
  return claims.filter((c) => !(past.has(c) && now.has(c.actorId)));
}

/** A holder aiming the same kind of act at both sides in one sentence takes neither side. */
function evenHanded(claims: Omit<XClaim, 'seq' | 'speaker'>[]): Omit<XClaim, 'seq' | 'speaker'>[] {
  const byHolder = new Map<string, Set<string>>();
  for (const c of claims) if (c.side && c.strength === 'leaning') byHolder.set(c.actorId, (byHolder.get(c.actorId) ?? new Set()).add(c.side));
  const split = new Set([...byHolder].filter(([, s]) => s.size > 1).map(([h]) => h));
  if (split.size === 0) return claims;
  const out = claims.filter((c) => !(split.has(c.actorId) && c.strength === 'leaning'));
  for (const h of split) if (!out.some((c) => c.actorId === h)) out.push({ actorId: h, side: null, strength: 'neutral', cue: claims.find((c) => c.actorId === h)?.cue ?? '', why: 'the same act aimed at both sides: no side' });
  return out;
}
