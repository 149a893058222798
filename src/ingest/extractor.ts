/**
 * Speculative extraction with a gazetteer of its own: what a pool worker runs, and what the writing
 * thread runs in its spare time. It reports the people it defined or extended and a fingerprint of
 * the people the extraction could depend on (relevance.ts); the writer accepts the extraction only
 * if its own gazetteer gives the same fingerprint when the article's turn comes, else extracts
 * again, so the knowledge base is exactly what one thread would build.
 */
import { type Extraction, extractDocument, read } from '../core/read/extract.js';
import { Gazetteer } from '../core/read/gazetteer.js';
import type { CrisisConfig } from '../core/types.js';
import type { CheckedArticle } from './prepare.js';
import { type ArticleWords, PeopleIndex, type PersonDef, sentenceWords, trackPeople } from './relevance.js';

/** An extraction made ahead of its turn, with what the writer needs to check it. */
export interface Speculation {
  c: CheckedArticle;
  x: Extraction;
  /** People this extraction defined or extended, as its gazetteer now knows them. */
  changed: PersonDef[];
  words: ArticleWords;
  /** The people the extraction could read, before it ran (PeopleIndex.fingerprint). */
  fp: string;
}

export class Extractor {
  private gaz!: Gazetteer;
  private index!: PeopleIndex;
  private touched!: Set<string>;

  constructor(
    private readonly crisis: CrisisConfig,
    people: PersonDef[],
  ) {
    this.reset(people);
  }

  /** Start again from these people (after an extraction the writer rejected made some up). */
  reset(people: PersonDef[]): void {
    this.gaz = new Gazetteer(this.crisis);
    this.touched = trackPeople(this.gaz);
    this.index = new PeopleIndex(this.gaz);
    this.learn(people);
  }

  /** Take on people the writer's gazetteer defined or extended. */
  learn(people: PersonDef[]): void {
    for (const p of people) this.gaz.learnPerson(p);
    this.index.update(people.map((p) => p.id));
    this.touched.clear();
  }

  extract(c: CheckedArticle): Speculation {
    const meta = { id: c.id, source: c.source, published: c.published, timezone: c.timezone };
    // Read first: the words it finds name every person the extraction could look up.
    const pre = read(meta, c.text);
    const words = sentenceWords(pre.tokens);
    const fp = this.index.fingerprint(words);
    this.touched.clear();
    const x = extractDocument(meta, c.text, this.gaz, pre);
    this.index.update(this.touched);
    const changed = [...this.touched].map((id) => this.index.def(id)).filter((d): d is PersonDef => d !== undefined);
    this.touched.clear();
    return { c, x, changed, words, fp };
  }
}
