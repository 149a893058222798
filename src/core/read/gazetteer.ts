/**
 * The gazetteer: every name that denotes an actor, matched in token streams by longest match.
 * Built from generic world data (countries, demonyms, capitals, seats of power, international
 * organisations) plus the crisis file (sides and their aliases, extra actors). People are added
 * as the extractor discovers them.
 */
import type { ActorKind, CrisisConfig } from '../types.js';
import { worldCountries } from './countries.js';
import { LOCATIVE, NOT_ACTORS, ORGANIZATIONS } from './data/world.js';
import { fold, slug, startsUpper, type Token, tokenize } from '../text.js';
import { type SideRoles, sideRoles } from './roles.js';
import { SurnameIndex } from './surnames.js';

export type Via = 'name' | 'demonym' | 'capital' | 'seat' | 'alias' | 'person' | 'surname';

export interface ActorDef {
  id: string;
  name: string;
  kind: ActorKind;
  /** For people: the actor they speak for. */
  affiliation?: string | null;
  aliases: string[];
}

export interface Mention {
  actorId: string;
  via: Via;
  /** Token index range [t0, t1). */
  t0: number;
  t1: number;
  start: number;
  end: number;
  poss: boolean;
}

interface AliasEntry {
  actorId: string;
  via: Via;
  /** Token keys (cased) for case-sensitive checks. */
  cased: string[];
  caseSensitive: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: AliasEntry[];
}

const NONE = '__none__';

const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** A word capitalised as written (`raw`, not a caller's re-cased `cased`) that could continue a personal name. */
/**
 * An organisation's name followed by a word for an armed group is another group's name: "the Red
 * Crescent Brigade" is a militia, not the Red Crescent; "the Red Cross Battalion" not the ICRC.
 */
const ARMED_GROUP = new Set(['brigade', 'brigades', 'battalion', 'battalions', 'army', 'front', 'militia', 'militias', 'legion', 'regiment', 'division', 'corps', 'faction', 'martyrs', 'commandos', 'guards', 'fighters']);
function namesArmedGroup(t: Token | undefined): boolean {
  return t !== undefined && ARMED_GROUP.has(t.norm) && /^\p{Lu}/u.test(t.raw);
}

function continuesName(t: Token | undefined): boolean {
  return t !== undefined && /^\p{Lu}\p{Ll}/u.test(t.raw) && !CALENDAR.test(t.norm);
}

/** A case-sensitive name as written, in capitals, or (first word) capitalised: "el-Tahir" -> "El-Tahir". */
function casedMatch(text: string, name: string, first: boolean): boolean {
  if (text === name || text === name.toUpperCase()) return true;
  return first && /^\p{Ll}/u.test(name) && text === name.charAt(0).toUpperCase() + name.slice(1);
}

function isAcronym(s: string): boolean {
  return /^[A-Z0-9.\-]{2,6}$/.test(s);
}

export class Gazetteer {
  readonly actors = new Map<string, ActorDef>();
  private readonly root: TrieNode = { next: new Map(), entries: [] };
  /** Actors that are the arena of the crisis (the country where it happens). */
  readonly arena = new Set<string>();
  /** side id -> side actor id (identical; kept for clarity). */
  readonly sideIds = new Set<string>();

  /** Given name (folded) -> the one person of that name, or null when several share it. */
  private readonly givenNames = new Map<string, string | null>();
  private readonly surnames = new SurnameIndex();
  /** What each side is (junta, ousted, incumbent) and the nouns for its acts. */
  readonly roles: SideRoles;
  /** Undo steps of what was learnt since `journal()` (null: not recording). See `undo`. */
  private steps: (() => void)[] | null = null;

  constructor(crisis: CrisisConfig) {
    this.roles = sideRoles(crisis);
    for (const n of NOT_ACTORS) this.addAlias(NONE, n, 'name', false);
    // Sides first: their aliases are matched case-insensitively ("national assembly").
    for (const side of crisis.sides) {
      this.sideIds.add(side.id);
      this.define({ id: side.id, name: side.leader ?? side.label, kind: 'side', aliases: [] });
      for (const a of side.aliases) {
        this.addAlias(side.id, a, 'alias', isAcronym(a));
        // "the junta" is also "this junta" in a quote ("Nobody should recognise this junta").
        const common = /^the\s+([a-z][\w\s'’-]*)$/.exec(a);
        if (common?.[1]) this.addAlias(side.id, `this ${common[1]}`, 'alias', false, false);
      }
    }
    // Role names ("the new government") where the crisis file does not give them itself.
    for (const g of this.roles.generic) for (const a of g.aliases) if (!this.lookup(a)) this.addAlias(g.side, a, 'alias', false);
    this.addCountries();
    for (const org of ORGANIZATIONS) {
      const id = slug(org.name);
      this.define({ id, name: org.name, kind: 'organization', aliases: [] });
      for (const a of org.aliases) this.addAlias(id, a, 'name', isAcronym(a) || a !== a.toLowerCase());
    }
    for (const extra of crisis.actors ?? []) {
      const id = slug(extra.name);
      this.define({ id, name: extra.name, kind: extra.kind ?? 'group', aliases: [] });
      for (const a of [extra.name, ...(extra.aliases ?? [])]) this.addAlias(id, a, 'alias', isAcronym(a));
      for (const d of extra.demonyms ?? []) this.addAlias(id, d, 'demonym', true);
    }
    for (const [alias, canonical] of Object.entries(crisis.aliases ?? {})) {
      const target = this.lookup(canonical) ?? this.define({ id: slug(canonical), name: canonical, kind: 'group', aliases: [] }).id;
      this.addAlias(target, alias, 'alias', false);
    }
    for (const a of crisis.arena ?? []) {
      const id = this.lookup(a);
      if (id) this.arena.add(id);
    }
    // "the Thai government", "Gabon's authorities": the side holding power, where one does.
    const power = this.roles.junta ?? this.roles.incumbent;
    if (power) {
      for (const id of this.arena) {
        for (const name of [...this.aliasesOf(id)]) {
          if (!/^\p{Lu}/u.test(name) || name.includes(' ')) continue;
          for (const what of ['government', 'authorities']) if (!this.lookup(`${name} ${what}`)) this.addAlias(power, `${name} ${what}`, 'alias', false);
        }
      }
    }
  }

  private addCountries(): void {
    for (const c of worldCountries()) {
      this.define({ id: c.id, name: c.name, kind: 'country', aliases: [] });
      for (const [alias, via, caseSensitive] of c.aliases) this.addAlias(c.id, alias, via, caseSensitive);
    }
  }

  define(def: ActorDef): ActorDef {
    const existing = this.actors.get(def.id);
    if (existing) {
      // Callers set a person's affiliation on the definition itself: keep it to put back.
      const was = existing.affiliation;
      this.steps?.push(() => {
        existing.affiliation = was;
      });
      return existing;
    }
    this.actors.set(def.id, def);
    this.steps?.push(() => this.actors.delete(def.id));
    if (def.kind === 'person') {
      this.surnames.add(def);
      const parts = def.name.split(' ');
      const given = parts.length >= 2 ? fold(parts[0] ?? '') : '';
      // A given name shared by two people names neither.
      if (given) {
        const had = this.givenNames.has(given);
        const before = this.givenNames.get(given);
        this.givenNames.set(given, had ? null : def.id);
        this.steps?.push(() => (had ? this.givenNames.set(given, before ?? null) : this.givenNames.delete(given)));
      }
    }
    return def;
  }

  /**
   * Start recording what is learnt (people defined, names added, affiliations set on definitions
   * returned by `define`), so that `undo` can forget it: an article rolled back in the store must
   * not leave its people behind for the rest of the run. `keep` stops recording and keeps it all.
   */
  journal(): void {
    this.steps = [];
  }

  keep(): void {
    this.steps = null;
  }

  undo(): void {
    const steps = this.steps ?? [];
    this.steps = null;
    for (let i = steps.length - 1; i >= 0; i--) (steps[i] as () => void)();
  }

  /** Take on a person another gazetteer knows (another thread's, another process's): name, affiliation, aliases. */
  learnPerson(p: { id: string; name: string; affiliation: string | null; aliases: string[] }): void {
    const known = this.actors.get(p.id);
    if (known && known.aliases.length === p.aliases.length && known.affiliation === p.affiliation) return;
    const def = this.define({ id: p.id, name: p.name, kind: 'person', affiliation: p.affiliation, aliases: [] });
    if (p.affiliation) def.affiliation = p.affiliation;
    for (const a of p.aliases) this.addAlias(p.id, a, a.includes(' ') ? 'person' : 'surname', true);
  }

  /** The first person defined whose surname is at most one edit from `word` (a misspelling), if any. */
  personNear(word: string): string | undefined {
    return this.surnames.near(word, this.current);
  }

  /** The people whose surname may be one edit from `word` (a superset: SurnameIndex.candidates). */
  peopleNearIds(word: string): string[] {
    return this.surnames.candidates(word, this.current).map((p) => p.id);
  }

  private readonly current = (p: { id: string }): boolean => this.actors.get(p.id) === p;

  /** The one person whose name starts with this given name, if exactly one does. */
  personByGivenName(word: string): string | undefined {
    return this.givenNames.get(word) ?? undefined;
  }

  /** Register a name for an actor. Case-sensitive names must match as written (US vs us). */
  /** `listed`: false for a variant that matches in text but is not one of the names shown. */
  addAlias(actorId: string, alias: string, via: Via, caseSensitive: boolean, listed = true): void {
    const toks = tokenize(alias);
    if (toks.length === 0) return;
    let node = this.root;
    for (const t of toks) {
      let n = node.next.get(t.norm);
      if (!n) {
        n = { next: new Map(), entries: [] };
        node.next.set(t.norm, n);
      }
      node = n;
    }
    if (node.entries.some((e) => e.actorId === actorId)) return;
    const entry = { actorId, via, cased: toks.map((t) => t.cased), caseSensitive };
    node.entries.push(entry);
    const at = node;
    this.steps?.push(() => {
      at.entries = at.entries.filter((e) => e !== entry);
    });
    const def = this.actors.get(actorId);
    if (listed && def && !def.aliases.includes(alias)) {
      def.aliases.push(alias);
      this.steps?.push(() => {
        def.aliases = def.aliases.filter((a) => a !== alias);
      });
    }
  }

  /** The actor a whole name denotes, if any (case-insensitive). */
  lookup(name: string): string | undefined {
    const toks = tokenize(name);
    let node: TrieNode | undefined = this.root;
    for (const t of toks) {
      node = node?.next.get(t.norm);
      if (!node) return undefined;
    }
    const e = node?.entries.find((x) => x.actorId !== NONE);
    return e?.actorId;
  }

  /** Longest-match mentions of known actors in a token stream. */
  match(tokens: Token[]): Mention[] {
    const out: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = this.root;
      let best: { entry: AliasEntry; end: number } | null = null;
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get((tokens[j] as Token).norm);
        if (!node) break;
        for (const e of node.entries) {
          if (e.caseSensitive && !e.cased.every((c, k) => casedMatch((tokens[i + k] as Token).cased, c, k === 0))) continue;
          // A surname followed by more of a name is someone else's name: "Mahamat Idriss Oumar".
          if (e.via === 'surname' && continuesName(tokens[j + 1])) continue;
          // Names of places and demonyms must be capitalised in text, even when matched case-insensitively.
          if (!e.caseSensitive && e.via !== 'alias' && e.actorId !== NONE && !startsUpper((tokens[i] as Token).cased)) continue;
          best = { entry: e, end: j + 1 };
          break;
        }
      }
      if (!best) {
        i++;
        continue;
      }
      if (namesArmedGroup(tokens[best.end]) && this.actors.get(best.entry.actorId)?.kind === 'organization') {
        i = best.end + 1;
        continue;
      }
      const first = tokens[i] as Token;
      const last = tokens[best.end - 1] as Token;
      const prev = tokens[i - 1];
      const isPlace = best.entry.via === 'capital' && prev !== undefined && LOCATIVE.has(prev.norm);
      if (best.entry.actorId !== NONE && !isPlace) {
        out.push({ actorId: best.entry.actorId, via: best.entry.via, t0: i, t1: best.end, start: first.start, end: last.end, poss: last.poss });
      }
      i = best.end;
    }
    return out;
  }

  isSide(id: string): boolean {
    return this.sideIds.has(id);
  }

  /** Every alias known for an actor. */
  aliasesOf(id: string): string[] {
    return this.actors.get(id)?.aliases ?? [];
  }
}
