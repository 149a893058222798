/**
 * Probing extraction with one sentence (or a few) against a made-up crisis of test/fixtures: the
 * claims it gives, as "holder→side/strength". A fixture's gazetteer is built once per test file
 * (each file has its own copy of this module) and keeps what earlier probes taught it, as an ingest would.
 */
import { join } from 'node:path';
import { extractDocument } from '../../src/core/read/extract.js';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { loadCrisis } from '../../src/ingest/seeds.js';

const gazetteers = new Map<string, Gazetteer>();

export function fixtureGazetteer(fixture: string): Gazetteer {
  let gaz = gazetteers.get(fixture);
  if (!gaz) {
    gaz = new Gazetteer(loadCrisis(join(import.meta.dirname, '..', 'fixtures', fixture)));
    gazetteers.set(fixture, gaz);
  }
  return gaz;
}

/** The extraction of a probe text (after a headline), published on `published` (the fixture's era). */
export function probe(fixture: string, text: string, published: string) {
  return extractDocument({ id: 'probe', source: 'Probe Wire', published, timezone: 'UTC' }, `Probe\n\n${text}`, fixtureGazetteer(fixture));
}

/** The claims of a probe text as "holder→side/strength". */
export function probeClaims(fixture: string, text: string, published: string): string[] {
  return probe(fixture, text, published).claims.map((c) => `${c.actorId}→${c.side ?? 'none'}/${c.strength}`);
}

/** The claims that take a side (firm or leaning). */
export const sided = (cs: string[]) => cs.filter((c) => /\/(?:firm|leaning)$/.test(c));
