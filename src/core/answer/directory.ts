/**
 * The actors a corpus names, as users reach them: resolving a typed name (aliases, people by part of
 * their name, near misses as suggestions only), autocomplete, and the roster. Names are normalised
 * once per ingest (the cache is dropped by `invalidate`), since autocomplete runs on every keystroke.
 */
import { distance } from 'fastest-levenshtein';
import type { ActorRow, KbReader } from '../../store/kb-read.js';
import type { Gazetteer } from '../read/gazetteer.js';
import { isTitleWord } from '../read/people.js';
import { fold, normKey } from '../text.js';
import { personByTitle } from './by-title.js';
import type { ActorKind, ActorRef, ActorSummary } from '../types.js';

interface CorpusIndex {
  rows: ActorRow[];
  byId: Map<string, ActorRow>;
  entries: { row: ActorRow; keys: string[]; folded: string[] }[];
}

export class ActorDirectory {
  private cache: CorpusIndex | null = null;
  private summaryCache: ActorSummary[] | null = null;

  constructor(
    private readonly reader: KbReader,
    private readonly gazetteer: Gazetteer,
  ) {}

  /** Forget what was read: the corpus or the stored positions changed. */
  invalidate(): void {
    this.cache = null;
    this.summaryCache = null;
  }

  /** The actors the corpus names, as stored. */
  rows(): ActorRow[] {
    return this.corpusIndex().rows;
  }

  /**
   * The actors the corpus names, with their names normalised once per ingest: resolution and
   * autocomplete (every keystroke) read this instead of re-parsing aliases.
   */
  private corpusIndex(): CorpusIndex {
    if (!this.cache) {
      const rows = this.reader.actors();
      const entries = rows.map((row) => {
        const names = [row.name, ...(JSON.parse(row.aliases) as string[])];
        return { row, keys: names.map((n) => normKey(n).replace(/^the /, '')), folded: names.map((n) => fold(n.toLowerCase())) };
      });
      this.cache = { rows, entries, byId: new Map(rows.map((r) => [r.id, r])) };
    }
    return this.cache;
  }

  /** An actor as answers show it: id, name and kind. */
  ref(row: ActorRow | undefined, id: string): ActorRef {
    const def = this.gazetteer.actors.get(id);
    return { id, name: row?.name ?? def?.name ?? id, kind: (row?.kind ?? def?.kind ?? 'group') as ActorKind };
  }

  /**
   * Resolve a user's name for an actor: an alias, person, demonym or seat of power the corpus
   * names, or a name stored with a corpus actor. A near miss ("Rusia") is never answered as the
   * actor it resembles: it comes back unresolved, with the near names first among the suggestions.
   */
  resolve(query: string): { id: string | null; suggestions: string[] } {
    const { byId, entries } = this.corpusIndex();
    const q = query.trim();
    const direct = this.gazetteer.lookup(q) ?? this.gazetteer.lookup(q.replace(/^the\s+/i, ''));
    if (direct && (byId.has(direct) || this.gazetteer.arena.has(direct))) return { id: direct, suggestions: [] };
    const key = normKey(q).replace(/^the /, '');
    const byPart = personByNamePart(entries, key);
    if (byPart) return { id: byPart, suggestions: [] };
    const untitled = this.withoutTitle(key, byId) ?? this.withoutOffice(key, byId) ?? this.forces(key, entries) ?? personByTitle(this.reader, this.gazetteer, key, (id) => byId.has(id));
    if (untitled) return { id: untitled, suggestions: [] };
    const near = new Map<string, { name: string; d: number; mentions: number }>();
    for (const { row: a, keys } of entries) {
      for (const nk of keys) {
        if (nk === key) return { id: a.id, suggestions: [] };
        const d = distance(key, nk);
        const max = nk.length <= 4 ? 0 : nk.length <= 6 ? 1 : 2;
        const seen = near.get(a.id);
        if (d <= max && (!seen || d < seen.d)) near.set(a.id, { name: a.name, d, mentions: a.mentions });
      }
    }
    const close = [...near.values()].sort((x, y) => x.d - y.d || y.mentions - x.mentions).map((n) => n.name);
    const suggestions = [...new Set([...close, ...this.suggest(q, 3).map((s) => s.name)])].slice(0, 3);
    return { id: null, suggestions };
  }

  /**
   * "President Dembo", "Secretary of State Kemp", "Mr Strand": a person or a side's leader asked
   * with a title the corpus does not use. Only the name after the title is looked up, and only as
   * a whole name (never a near miss): "Foreign Minister" alone, or a title before an unknown name,
   * resolves to nothing.
   */
  private withoutTitle(key: string, byId: Map<string, ActorRow>): string | null {
    const name = untitledPrefix(key);
    if (name === key) return null;
    const id = this.gazetteer.lookup(name) ?? personByNamePart(this.corpusIndex().entries, name);
    const kind = id ? (byId.get(id)?.kind ?? this.gazetteer.actors.get(id)?.kind) : undefined;
    return id && byId.has(id) && (kind === 'person' || kind === 'side') ? id : null;
  }

  /**
   * "Canada's government", "the Turkish president", "Russian foreign ministry": a state asked through
   * its government or an office of it, which speaks for it. Only a state or organisation the corpus
   * names, by a whole name or demonym; a person's office ("Strand's government") finds no one here.
   */
  private withoutOffice(key: string, byId: Map<string, ActorRow>): string | null {
    const m = OFFICE.exec(key);
    if (!m?.[1]) return null;
    const id = this.gazetteer.lookup(m[1].replace(/'s$/, '').trim());
    const kind = id ? (byId.get(id)?.kind ?? this.gazetteer.actors.get(id)?.kind) : undefined;
    return id && byId.has(id) && kind !== 'person' && kind !== 'side' ? id : null;
  }

  /**
   * "the army", "the military", "the armed forces": the one actor of the corpus that names a
   * country's armed forces ("Castrenan Armed Forces"), when there is exactly one; else no one.
   */
  private forces(key: string, entries: CorpusIndex['entries']): string | null {
    if (!FORCES.test(key)) return null;
    const hits = entries.filter((e) => e.row.kind !== 'person' && e.keys.some((k) => FORCES_NAME.test(k)));
    return hits.length === 1 ? (hits[0] as (typeof hits)[number]).row.id : null;
  }

  /** Autocomplete: corpus actors whose name or alias starts with, contains, or nearly matches the text. */
  suggest(prefix: string, limit = 25): { name: string; value: string }[] {
    const key = fold(prefix.trim().toLowerCase()).replace(/^the /, '');
    // "President Tr" also as "Tr", below what the whole text matches ("National Ass" stays the assembly).
    const untitled = untitledPrefix(key);
    const scored: { a: ActorRow; s: number }[] = [];
    for (const { row: a, folded: names } of this.corpusIndex().entries) {
      if (a.kind === 'side' && !key) continue;
      const s = Math.max(prefixScore(names, key), untitled === key ? 0 : prefixScore(names, untitled) - 0.5);
      if (s > 0) scored.push({ a, s });
    }
    scored.sort((x, y) => y.s - x.s || y.a.mentions - x.a.mentions || x.a.name.localeCompare(y.a.name));
    return scored.slice(0, limit).map(({ a }) => ({ name: a.name.slice(0, 100), value: a.name.slice(0, 100) }));
  }

  /** Every actor but the sides and the arena, with its stored position: the roster of /actors. */
  summaries(): ActorSummary[] {
    this.summaryCache ??= this.buildSummaries();
    return this.summaryCache;
  }

  private buildSummaries(): ActorSummary[] {
    const stances = new Map(this.reader.stances().map((s) => [s.actor_id, s]));
    return this.rows()
      .filter((a) => a.kind !== 'side' && !this.gazetteer.arena.has(a.id))
      .map((a) => {
        const s = stances.get(a.id);
        return {
          id: a.id,
          name: a.name,
          kind: a.kind as ActorKind,
          aliases: JSON.parse(a.aliases) as string[],
          mentions: a.mentions,
          alignment: s?.alignment ?? null,
          strength: (s?.strength as ActorSummary['strength']) ?? null,
          affiliation: a.affiliation,
        };
      });
  }

  /** Whether an article of the corpus names this actor. */
  inCorpus(id: string): boolean {
    return this.corpusIndex().byId.has(id);
  }

  /** Actor ids an actor stands for in events: itself and the people who speak for it. */
  actorFamily(id: string): string[] {
    return [id, ...this.rows().filter((a) => a.affiliation === id).map((a) => a.id)];
  }
}

/**
 * The one person in the corpus whose name holds the query as whole words ("Xi" for "Xi Jinping",
 * "Faki" for "Moussa Faki Mahamat"): how people are often called, and not a guess.
 */
/** A state's government or an office of it, after the state's name or demonym (normKey form: lower case). */
const OFFICE = /^(.+?)\s+(?:government|administration|authorities|cabinet|leadership|officials|president|prime minister|premier|chancellor|leader|foreign (?:ministry|minister|office)|ministry of foreign affairs)$/;

/** How well typed text fits an actor's names: 4 a name's start, 3 a word's, 2 inside (4+ letters), 1 a near miss, 0 none. */
function prefixScore(names: string[], key: string): number {
  if (!key) return 1;
  if (names.some((n) => n.startsWith(key))) return 4;
  if (names.some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(key)))) return 3;
  if (key.length >= 4 && names.some((n) => n.includes(key))) return 2;
  if (key.length >= 4 && names.some((n) => distance(n, key) <= (key.length <= 5 ? 1 : 2) || (key.length >= 5 && distance(n.slice(0, key.length), key) <= 1))) return 1;
  return 0;
}

/** The name after a title or form of address ("president tr" -> "tr", "secretary of state kemp" -> "kemp"); the key itself without one. */
function untitledPrefix(key: string): string {
  const words = key.split(' ');
  let i = 0;
  while (i < words.length - 1 && (isTitleWord(words[i] as string) || HONORIFICS.has(words[i] as string) || (i > 0 && words[i] === 'of'))) i++;
  return i > 0 ? words.slice(i).join(' ') : key;
}

/** A country's armed forces asked for without the country (normKey form). */
const FORCES = /^(?:army|military|armed forces|the army|the military|the armed forces)$/;
const FORCES_NAME = /\b(?:armed forces|army|military)$/;

/** Forms of address a question may put before a name. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mister', 'madam', 'dame', 'sir', 'lord', 'lady']);

function personByNamePart(entries: CorpusIndex['entries'], key: string): string | null {
  if (key.length < 2) return null;
  const padded = ` ${key} `;
  let hit: string | null = null;
  for (const { row, keys } of entries) {
    if (row.kind !== 'person') continue;
    if (!keys.some((k) => ` ${k} `.includes(padded))) continue;
    if (hit && hit !== row.id) return null;
    hit = row.id;
  }
  return hit;
}
