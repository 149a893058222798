/**
 * Stance aggregation: from an actor's claims to one position. Within a day the strongest evidence
 * wins (firm over leaning over neutral); across days the latest day with a position decides, and a
 * change is reported with both dates. Calls for dialogue never undo an explicit position; a later
 * day that states neutrality and nothing else ("an internal affair", "will respect the people's
 * choice", "supports neither side") does.
 */
import type { StanceChange, Strength } from '../types.js';

export interface ClaimRow {
  side: string | null;
  strength: 'firm' | 'leaning' | 'neutral';
  at: string | null;
  sentenceId: number;
  /** The words that made the claim ("internal affair"), to tell a stated neutrality from a call for calm. */
  cue?: string | null;
  /** Past background in its article ("had said …"): it yields to that day's other claims. */
  background?: number | boolean;
}

export interface Aggregate {
  alignment: string;
  strength: Strength | null;
  change: StanceChange | null;
  /** The claims that support the current position, best first. */
  support: ClaimRow[];
  /** The latest claim of the previous position, when it changed. */
  previous: ClaimRow | null;
  /**
   * The position as it stood over time: a row for the first claim's day (neutral until a position
   * is stated) and one for each day the position began or changed. The position as of day D is the
   * last row on or before D, the same as aggregating only the claims up to D.
   */
  history: { day: string; alignment: string; strength: Strength | null }[];
}

const RANK = { firm: 2, leaning: 1, neutral: 0 } as const;

function parseKey(at: string | null): number {
  if (!at) return 0;
  const t = Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * A claim's time as a number, parsed once per distinct time: the sorts below compare each claim
 * many times, and parsing in the comparator made an actor with 20,000 claims cost a second at
 * every refresh. (Claims share times: an article's claims share its date.)
 */
const parsed = new Map<string, number>();
function sortKey(c: ClaimRow): number {
  const at = c.at;
  if (!at) return 0;
  let k = parsed.get(at);
  if (k === undefined) {
    if (parsed.size >= 50_000) parsed.clear();
    k = parseKey(at);
    parsed.set(at, k);
  }
  return k;
}

/** Neutrality stated as a position, not a call on others. */
const STATED_NEUTRAL = /internal affair|domestic (?:affair|matter)|neither side|not take sides|(?:remain|stay)\w* neutral|neutrality|impartial|non-?interference|respect\w* the (?:\w+ )?(?:path|choice|will|decision|wishes|outcome)|hands-off|not (?:be )?involved/i;

function dayPosition(all: ClaimRow[]): { side: string; strength: Strength | 'neutral'; claims: ClaimRow[] } | null {
  // What an article reports as background ("had said …") gives way to what it reports as that day's news.
  const news = all.filter((c) => !c.background && (c.side || STATED_NEUTRAL.test(c.cue ?? '')));
  const claims = news.length ? all.filter((c) => !c.background) : all;
  const directed = claims.filter((c) => c.side && c.strength !== 'neutral');
  if (directed.length === 0) {
    const stated = claims.filter((c) => !c.side && c.strength === 'neutral' && c.cue && STATED_NEUTRAL.test(c.cue));
    return stated.length ? { side: 'neutral', strength: 'neutral', claims: stated } : null;
  }
  const best = Math.max(...directed.map((c) => RANK[c.strength]));
  const top = directed.filter((c) => RANK[c.strength] === best);
  // Several sides at the same strength on one day: the most evidence, then the latest.
  const bySide = new Map<string, ClaimRow[]>();
  for (const c of top) {
    const list = bySide.get(c.side as string);
    if (list) list.push(c);
    else bySide.set(c.side as string, [c]);
  }
  const latest = (list: ClaimRow[]) => list.reduce((m, c) => Math.max(m, sortKey(c)), -Infinity);
  const { side, list } = [...bySide.entries()]
    .map(([side, list]) => ({ side, list, latest: latest(list) }))
    .sort((a, b) => b.list.length - a.list.length || b.latest - a.latest)[0] as { side: string; list: ClaimRow[] };
  return { side, strength: best === 2 ? 'firm' : 'leaning', claims: list };
}

/** Neutral has no strength in answers. */
const shown = (s: Strength | 'neutral'): Strength | null => (s === 'neutral' ? null : s);

export function aggregate(claims: ClaimRow[]): Aggregate | null {
  if (claims.length === 0) return null;
  const byDay = new Map<string, ClaimRow[]>();
  for (const c of claims) {
    const day = (c.at ?? '').slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(c);
    else byDay.set(day, [c]);
  }
  const days = [...byDay.keys()].sort();
  const raw = days.map((d) => ({ day: d, pos: dayPosition(byDay.get(d) as ClaimRow[]) })).filter((x) => x.pos !== null);
  // A later day overrides when it names another side, or the same side at least as strongly:
  // criticism the day after a recognition does not weaken the recognition.
  const positions: typeof raw = [];
  for (const p of raw) {
    const last = positions[positions.length - 1];
    if (!last?.pos || !p.pos || p.pos.side !== last.pos.side || RANK[p.pos.strength] >= RANK[last.pos.strength]) positions.push(p);
    else last.pos.claims.push(...p.pos.claims);
  }
  const latestFirst = (a: ClaimRow, b: ClaimRow) => RANK[b.strength] - RANK[a.strength] || sortKey(b) - sortKey(a);
  const history: Aggregate['history'] = [];
  if (days[0] !== undefined && days[0] !== positions[0]?.day) history.push({ day: days[0], alignment: 'neutral', strength: null });
  for (const p of positions) {
    const last = history[history.length - 1];
    if (p.pos && (last?.alignment !== p.pos.side || last.strength !== shown(p.pos.strength))) history.push({ day: p.day, alignment: p.pos.side, strength: shown(p.pos.strength) });
  }
  if (positions.length === 0) {
    return { alignment: 'neutral', strength: null, change: null, support: [...claims].sort(latestFirst), previous: null, history };
  }
  const current = positions[positions.length - 1] as { day: string; pos: NonNullable<ReturnType<typeof dayPosition>> };
  let change: StanceChange | null = null;
  let previous: ClaimRow | null = null;
  for (let i = positions.length - 2; i >= 0; i--) {
    const p = positions[i] as typeof current;
    if (p.pos.side !== current.pos.side || p.pos.strength !== current.pos.strength) {
      previous = [...p.pos.claims].sort((a, b) => sortKey(b) - sortKey(a))[0] ?? null;
      const first = [...current.pos.claims].sort((a, b) => sortKey(a) - sortKey(b))[0];
      change = {
        from: { alignment: p.pos.side, strength: shown(p.pos.strength), at: previous?.at ?? p.day },
        to: { alignment: current.pos.side, strength: shown(current.pos.strength), at: first?.at ?? current.day },
      };
      break;
    }
  }
  // Evidence: today's decisive claims first, then earlier claims for the same side.
  const decisive = new Set(current.pos.claims);
  const same = claims.filter((c) => c.side === current.pos.side && c.strength !== 'neutral' && !decisive.has(c));
  return {
    alignment: current.pos.side,
    strength: shown(current.pos.strength),
    change,
    support: [...current.pos.claims.sort(latestFirst), ...same.sort(latestFirst)],
    previous,
    history,
  };
}
