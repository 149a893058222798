/**
 * Change detection for alerts (pure): what an ingest changed, judged the way the answers judge it.
 *
 * - Stances compare the position the stance answer gave before the refresh with the one it gives
 *   after: a first position, a change of side, firming up or softening. Precision first: the day
 *   that decided the new position must not also carry claims for another side (conflicting), and a
 *   change of side needs firm evidence or leaning evidence in two articles (weak evidence flips
 *   nothing).
 * - Figures: a figure of the same kind (a death toll; a count of the same thing) above the highest
 *   one known before, reported no earlier than it. Vague amounts ("hundreds") are not compared.
 * - Scheduled events: a new event (not another report of a known one) that lies ahead of its article.
 */
import type { Aggregate, ClaimRow } from '../answer/stance.js';

/** The kinds of change an alert reports. */
export const ALERT_KINDS = ['position', 'side', 'firmed', 'softened', 'figure', 'scheduled'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Kinds a subscription may name: each kind, `stance` (the four stance kinds) or `all`. */
export const KIND_GROUPS: Record<string, readonly AlertKind[]> = {
  all: ALERT_KINDS,
  stance: ['position', 'side', 'firmed', 'softened'],
};

/** A position as the stance answer gives it. */
export interface Position {
  alignment: string;
  strength: string | null;
}

/** A stance change, before its evidence is looked up. */
export interface StanceChangeFound {
  kind: 'position' | 'side' | 'firmed' | 'softened';
  from: Position | null;
  to: Position;
  /** The claim whose sentence is the evidence: one of the new position's, from the day it was decided. */
  evidence: ClaimRow & { docId?: string };
}

const RANK: Record<string, number> = { firm: 2, leaning: 1 };
const dayOf = (at: string | null) => (at ?? '').slice(0, 10);

/**
 * The change between the position before a refresh (null: none stored) and the aggregate after
 * it, or null when there is none worth an alert. `claims` are the actor's claims (the aggregate's input).
 */
export function stanceChange(before: Position | null, after: Aggregate, claims: readonly (ClaimRow & { docId?: string })[]): StanceChangeFound | null {
  const to: Position = { alignment: after.alignment, strength: after.strength };
  if (before && before.alignment === to.alignment && (before.strength ?? null) === (to.strength ?? null)) return null;
  const hadSide = Boolean(before && before.alignment !== 'neutral');
  const decided = after.history[after.history.length - 1];
  if (!decided) return null;
  const day = claims.filter((c) => !c.background && dayOf(c.at) === decided.day);
  const dayClaims = day.length ? day : claims.filter((c) => dayOf(c.at) === decided.day);
  const directed = dayClaims.filter((c) => c.side && c.strength !== 'neutral');
  let kind: StanceChangeFound['kind'];
  if (to.alignment === 'neutral') {
    // Only a stated neutrality undoes a position (the aggregate's rule); nothing else to report.
    if (!hadSide || directed.length > 0 || decided.alignment !== 'neutral') return null;
    kind = 'softened';
  } else {
    // Conflicting: the deciding day also has claims for another side.
    if (directed.some((c) => c.side !== to.alignment)) return null;
    if (!hadSide) kind = 'position';
    else if (before?.alignment !== to.alignment) {
      const docs = new Set(directed.filter((c) => c.side === to.alignment).map((c) => c.docId ?? String(c.sentenceId)));
      if (to.strength !== 'firm' && docs.size < 2) return null;
      kind = 'side';
    } else kind = (RANK[to.strength ?? ''] ?? 0) > (RANK[before?.strength ?? ''] ?? 0) ? 'firmed' : 'softened';
  }
  const pool = to.alignment === 'neutral' ? dayClaims.filter((c) => !c.side) : after.support;
  const evidence = pool.find((c) => dayOf(c.at) === decided.day) ?? pool[0];
  if (!evidence) return null;
  return { kind, from: before, to, evidence };
}

/** A figure as detection sees it. */
export interface FigureFact {
  id: number;
  kind: string;
  value: string;
  day: string | null;
  docId: string;
  sentenceId: number;
}

/** The highest figure known for one key (kind, and for counts what is counted). */
export interface FigureMax {
  key: string;
  amount: number;
  value: string;
  day: string | null;
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, 'a dozen': 12, 'two dozen': 24, 'three dozen': 36, 'four dozen': 48, 'five dozen': 60,
};

/** The amount a figure states, or null when it is vague ("hundreds", "dozens") or not a number. */
export function figureAmount(value: string): number | null {
  // The first amount it states: "at least 40 people were killed", "death toll rose to 40".
  const v = value.toLowerCase();
  const digits = /(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion))?\b/.exec(v);
  if (digits?.[1]) {
    const n = Number(digits[1].replace(/,/g, ''));
    return Number.isFinite(n) ? n * (digits[2] === 'million' ? 1e6 : digits[2] === 'billion' ? 1e9 : 1) : null;
  }
  let best: { at: number; n: number } | null = null;
  for (const [w, n] of Object.entries(WORDS)) {
    const m = new RegExp(`\\b${w}\\b`).exec(v);
    // The earliest, and of two at one place the longer ("two dozen" over "two").
    if (m && (!best || m.index < best.at || (m.index === best.at && n > best.n))) best = { at: m.index, n };
  }
  return best?.n ?? null;
}

/**
 * What makes two figures "of the same kind": every death toll is one; a count is one with counts of
 * the same thing ("troops", "refugees"). Money, ages, percentages and deadlines are not tolls.
 */
export function figureKey(kind: string, value: string): string | null {
  if (kind === 'deaths') return 'deaths';
  if (kind !== 'count') return null;
  const noun = /([\p{L}-]+)\s*$/u.exec(value)?.[1]?.toLowerCase();
  return noun ? `count:${noun}` : null;
}

/** A figure above the highest one known before (one per key: the highest new one). */
export interface FigureRise {
  key: string;
  from: FigureMax;
  to: FigureFact & { amount: number };
}

/**
 * The rises among `fresh` figures over the maxima known before, and the maxima after. A figure
 * reported before the known maximum's day does not rise over it (an older article ingested late).
 */
export function figureRises(known: ReadonlyMap<string, FigureMax>, fresh: Iterable<FigureFact>): { rises: FigureRise[]; maxima: Map<string, FigureMax> } {
  const maxima = new Map(known);
  const best = new Map<string, FigureFact & { amount: number }>();
  for (const f of fresh) {
    const key = figureKey(f.kind, f.value);
    const amount = key ? figureAmount(f.value) : null;
    if (!key || amount === null) continue;
    const b = best.get(key);
    if (!b || amount > b.amount || (amount === b.amount && (f.day ?? '') > (b.day ?? ''))) best.set(key, { ...f, amount });
  }
  const rises: FigureRise[] = [];
  for (const [key, f] of best) {
    const prev = known.get(key);
    if (prev && f.amount > prev.amount && (f.day ?? '') >= (prev.day ?? '') && f.day) rises.push({ key, from: prev, to: f });
    if (!prev || f.amount > prev.amount) maxima.set(key, { key, amount: f.amount, value: f.value, day: f.day });
  }
  return { rises, maxima };
}

/** A new event as detection sees it. */
export interface EventFact {
  id: number;
  day: string;
  scheduled: boolean;
  /** The day its article was published. */
  published: string;
}

/** New scheduled events that lie ahead of the article that reports them. */
export function newScheduled<T extends EventFact>(events: readonly T[]): T[] {
  return events.filter((e) => e.scheduled && e.day >= e.published.slice(0, 10));
}

/** The kinds a subscription's words name (each kind, `stance`, `all`), or the first word it does not know. */
export function parseKinds(words: readonly string[]): { kinds: AlertKind[] } | { unknown: string } {
  const out = new Set<AlertKind>();
  for (const raw of words) {
    const w = raw.trim().toLowerCase().replace(/s$/, '');
    if (!w) continue;
    const group = KIND_GROUPS[w];
    if (group) for (const k of group) out.add(k);
    else if ((ALERT_KINDS as readonly string[]).includes(w)) out.add(w as AlertKind);
    else return { unknown: raw };
  }
  return { kinds: out.size ? ALERT_KINDS.filter((k) => out.has(k)) : [...ALERT_KINDS] };
}
