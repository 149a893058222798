/**
 * Which people an article's extraction can depend on, so extraction can run ahead on several
 * threads and still give what one thread gives. Extraction reads people from the gazetteer only
 * through their names and aliases (matched word by word) and a fuzzy surname lookup (one edit
 * away). So an extraction made with one gazetteer is the one another gazetteer would give if both
 * agree on every person whose name or alias shares a word with the article, or whose surname is
 * one edit from one of its capitalised words: the fingerprint below. A mismatch means "extract
 * again"; a false mismatch costs time, never correctness. (A given name used alone is looked up
 * among people's first names: those are name words, so the same check covers it.)
 */
import type { Gazetteer } from '../core/read/gazetteer.js';
import { startsUpper, type Token, tokenize } from '../core/text.js';

/** A person as threads exchange them. */
export interface PersonDef {
  id: string;
  name: string;
  affiliation: string | null;
  aliases: string[];
}

/** The words of an article that people lookups can see: every token, and capitalised long ones. */
export interface ArticleWords {
  words: string[];
  caps: string[];
}

/**
 * The words of an article's sentences (their tokens, as extraction reads them): every extraction
 * lookup of a person starts from one of these tokens, so they are all the fingerprint needs.
 */
export function sentenceWords(tokens: readonly Token[][]): ArticleWords {
  const words = new Set<string>();
  const caps = new Set<string>();
  for (const sentence of tokens) {
    for (const t of sentence) {
      words.add(t.norm);
      if (t.cased.length >= 5 && startsUpper(t.raw)) {
        caps.add(t.norm);
        if (t.raw !== t.cased) caps.add(t.raw.toLowerCase());
      }
    }
  }
  return { words: [...words], caps: [...caps] };
}

function add(map: Map<string, string[]>, key: string, id: string): void {
  const l = map.get(key);
  if (!l) map.set(key, [id]);
  else if (!l.includes(id)) l.push(id);
}

/** An index of a gazetteer's people by word and by fuzzy surname, kept up to date by `update`. */
export class PeopleIndex {
  private readonly byWord = new Map<string, string[]>();
  private readonly order = new Map<string, number>();
  private readonly indexed = new Map<string, number>();

  constructor(private readonly gaz: Gazetteer) {
    for (const a of gaz.actors.values()) if (a.kind === 'person') this.update([a.id]);
  }

  /** Index (again) these people as the gazetteer now knows them. */
  update(ids: Iterable<string>): void {
    for (const id of ids) {
      const def = this.gaz.actors.get(id);
      if (!def || def.kind !== 'person') continue;
      if (!this.order.has(id)) {
        this.order.set(id, this.order.size);
        for (const t of tokenize(def.name)) add(this.byWord, t.norm, id);
      }
      const done = this.indexed.get(id) ?? 0;
      for (const a of def.aliases.slice(done)) for (const t of tokenize(a)) add(this.byWord, t.norm, id);
      this.indexed.set(id, def.aliases.length);
    }
  }

  /** A person's full state as extraction sees it. */
  def(id: string): PersonDef | undefined {
    const d = this.gaz.actors.get(id);
    return d ? { id: d.id, name: d.name, affiliation: d.affiliation ?? null, aliases: [...d.aliases] } : undefined;
  }

  /**
   * The state of every person the article's extraction could read, and the order of people who
   * share a word (the first one defined wins a lookup): equal fingerprints, equal extractions.
   */
  fingerprint(w: ArticleWords): string {
    const ids = new Set<string>();
    const groups: string[] = [];
    const take = (key: string, list: string[] | undefined) => {
      if (!list) return;
      for (const id of list) ids.add(id);
      if (list.length > 1) groups.push(`${key}:${[...list].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0)).join(',')}`);
    };
    for (const word of w.words) take(word, this.byWord.get(word));
    // A misspelt surname one edit away: the gazetteer's surname index (surnames.ts) gives the candidates.
    for (const c of w.caps) {
      const near = this.gaz.peopleNearIds(c);
      if (near.length) take(`~${c}`, near);
    }
    const people = [...ids].sort().map((id) => {
      const d = this.gaz.actors.get(id);
      return `${id}|${d?.name}|${d?.affiliation ?? ''}|${(d?.aliases ?? []).join('\u001f')}`;
    });
    return `${people.join('\n')}\n#${groups.sort().join('\n')}`;
  }
}

/**
 * Record which people a gazetteer defines or extends (wraps this instance's define and addAlias;
 * the class is untouched). Returns the live set of touched ids.
 */
export function trackPeople(gaz: Gazetteer): Set<string> {
  const touched = new Set<string>();
  const define = gaz.define.bind(gaz);
  const addAlias = gaz.addAlias.bind(gaz);
  gaz.define = (def) => {
    const r = define(def);
    if (r.kind === 'person') touched.add(r.id);
    return r;
  };
  gaz.addAlias = (id, alias, via, cs) => {
    addAlias(id, alias, via, cs);
    if (gaz.actors.get(id)?.kind === 'person') touched.add(id);
  };
  return touched;
}
