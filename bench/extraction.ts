/**
 * Extraction alone, on this thread: how many megabytes of text a CPU-second reads on the synthetic
 * corpus and on news-like articles (the seeds and the test fixtures: longer sentences, more names,
 * fewer claims per byte), on the development set when ../shared/eval is beside the project (news of
 * real length, 2-4 KB an article), and how much slower it gets once a corpus has named 10,000 people
 * (a cost that grew with the corpus would make ingest superlinear).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../src/core/read/extract.js';
import { Gazetteer } from '../src/core/read/gazetteer.js';
import type { CrisisConfig } from '../src/core/types.js';
import { type CheckedArticle, checkArticle } from '../src/ingest/prepare.js';
import { loadCrisis, seedArticles } from '../src/ingest/seeds.js';
import { round } from './measure.js';
import { SYNTH_CRISIS, synthArticles } from './synth.js';

export interface ExtractionRates {
  /** MB of article text per CPU-second. */
  syntheticMBps: number;
  newsLikeMBps: number;
  newsLike: { articles: number; kbEach: number };
  /** The development set (../shared/eval beside the project), when present: real-length news written for no rule of this code. */
  devSet: { mbps: number; articles: number; kbEach: number } | null;
  /** CPU time of the news-like pass with 10,000 people known, over the same pass with none. */
  manyPeopleFactor: number;
}

interface Corpus {
  crisis: CrisisConfig;
  articles: CheckedArticle[];
}

function newsLike(root: string): Corpus[] {
  const fixtures = join(root, 'test/fixtures');
  return corpora([join(root, 'seeds'), ...(existsSync(fixtures) ? readdirSync(fixtures).map((d) => join(fixtures, d)) : [])]);
}

/** The development set's crises, if ../shared/eval is beside the project. */
function devSet(root: string): Corpus[] {
  const dir = join(root, '../shared/eval/crises');
  return existsSync(dir) ? corpora(readdirSync(dir).map((d) => join(dir, d))) : [];
}

function corpora(dirs: string[]): Corpus[] {
  return dirs
    .filter((d) => existsSync(join(d, 'crisis.json')) && existsSync(join(d, 'manifest.json')))
    .map((d) => ({ crisis: loadCrisis(d), articles: seedArticles(d).map((a, i) => checkArticle(a, i, null)) }));
}

/** Made-up people with distinct names and surnames ("Kalomi Dorvason"). */
function knownPeople(gaz: Gazetteer, n: number): void {
  const syll = ['ka', 'lo', 'mi', 'ren', 'dor', 'vas', 'tel', 'bri', 'sun', 'hal', 'qui', 'zem'];
  const word = (i: number) => {
    let s = '';
    for (let j = 0, k = i; j < 3; j++, k = Math.floor(k / syll.length)) s += syll[k % syll.length];
    return s[0]?.toUpperCase() + s.slice(1);
  };
  for (let i = 0; i < n; i++) {
    const name = `${word(i)} ${word(i * 7 + 3)}son`;
    gaz.learnPerson({ id: `person:bench-${i}`, name, affiliation: null, aliases: [name, `${word(i * 7 + 3)}son`] });
  }
}

/** Gazetteers for the corpora, knowing `people` made-up people besides. */
function gazetteers(corpora: Corpus[], people: number): Gazetteer[] {
  return corpora.map((c) => {
    const g = new Gazetteer(c.crisis);
    knownPeople(g, people);
    return g;
  });
}

/** CPU seconds and bytes of `passes` extractions of every article. */
function cpuOf(corpora: Corpus[], gaz: Gazetteer[], passes: number): { seconds: number; bytes: number } {
  let bytes = 0;
  const c0 = process.cpuUsage();
  for (let pass = 0; pass < passes; pass++) {
    corpora.forEach((c, k) => {
      for (const a of c.articles) {
        bytes += Buffer.byteLength(a.text);
        extractDocument({ id: a.id, source: a.source, published: a.published, timezone: a.timezone }, a.text, gaz[k] as Gazetteer);
      }
    });
  }
  const u = process.cpuUsage(c0);
  return { seconds: (u.user + u.system) / 1e6, bytes };
}

export function extractionRates(root: string): ExtractionRates {
  const synth = (n: number, seed: number): Corpus[] => [{ crisis: SYNTH_CRISIS, articles: [...synthArticles(n, seed)].map((a, i) => checkArticle(a, i, null)) }];
  const news = newsLike(root);
  // Warm up first: until the compiler has optimised the extraction, a pass costs several times more.
  const warm = synth(3000, 3);
  cpuOf(warm, gazetteers(warm, 0), 1);
  const plainGaz = gazetteers(news, 0);
  const crowdedGaz = gazetteers(news, 10_000);
  cpuOf(news, plainGaz, 30);
  cpuOf(news, crowdedGaz, 30);
  // New synthetic articles (people and names still to learn, as in an ingest), then the news-like
  // ones with and without 10,000 people known, interleaved.
  const fresh = synth(3000, 11);
  const synthetic = cpuOf(fresh, gazetteers(fresh, 0), 1);
  let plain = { seconds: 0, bytes: 0 };
  let crowded = 0;
  for (let round = 0; round < 4; round++) {
    const p = cpuOf(news, plainGaz, 3);
    plain = { seconds: plain.seconds + p.seconds, bytes: plain.bytes + p.bytes };
    crowded += cpuOf(news, crowdedGaz, 3).seconds;
  }
  const articles = news.reduce((n, c) => n + c.articles.length, 0);
  const dev = devSet(root);
  let devRate: ExtractionRates['devSet'] = null;
  if (dev.length) {
    const devGaz = gazetteers(dev, 0);
    cpuOf(dev, devGaz, 30);
    const d = cpuOf(dev, devGaz, 12);
    const n = dev.reduce((k, c) => k + c.articles.length, 0);
    devRate = { mbps: round(d.bytes / 1048576 / d.seconds), articles: n, kbEach: round(d.bytes / 12 / n / 1024, 1) };
  }
  return {
    devSet: devRate,
    syntheticMBps: round(synthetic.bytes / 1048576 / synthetic.seconds),
    newsLikeMBps: round(plain.bytes / 1048576 / plain.seconds),
    newsLike: { articles, kbEach: round(plain.bytes / 12 / articles / 1024, 1) },
    manyPeopleFactor: round(crowded / plain.seconds),
  };
}

export function extractionLine(r: ExtractionRates): string {
  const dev = r.devSet ? `, ${r.devSet.mbps} on the ${r.devSet.articles} articles of the development set (../shared/eval, ${r.devSet.kbEach} KB each)` : '';
  return `extraction alone, one thread: ${r.syntheticMBps} MB per CPU-second on synthetic articles, ${r.newsLikeMBps} on ${r.newsLike.articles} news-like articles (seeds and test fixtures, ${r.newsLike.kbEach} KB each)${dev}; with 10,000 people already known x${r.manyPeopleFactor} the CPU time`;
}
