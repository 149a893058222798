/**
 * A worker thread that extracts articles while the main thread writes the previous ones to SQLite.
 * It keeps its own gazetteer, seeded with the people the store already knows; it alone discovers
 * people during a run, so discovery happens in article order exactly as in a single thread.
 */
import { parentPort } from 'node:worker_threads';
import { type DocMeta, extractDocument } from '../core/read/extract.js';
import { Gazetteer } from '../core/read/gazetteer.js';
import type { CrisisConfig } from '../core/types.js';

export interface PersonDef {
  id: string;
  name: string;
  affiliation: string | null;
  aliases: string[];
}

export type ToWorker = { type: 'init'; crisis: CrisisConfig; people: PersonDef[] } | { type: 'extract'; seq: number; meta: DocMeta; text: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; seq: number; x: ReturnType<typeof extractDocument>; people: PersonDef[] }
  | { type: 'failed'; seq: number; error: string };

let gaz: Gazetteer | null = null;

parentPort?.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') {
    gaz = new Gazetteer(msg.crisis);
    for (const p of msg.people) {
      gaz.define({ id: p.id, name: p.name, kind: 'person', affiliation: p.affiliation, aliases: [] });
      for (const a of p.aliases) gaz.addAlias(p.id, a, a.includes(' ') ? 'person' : 'surname', true);
    }
    parentPort?.postMessage({ type: 'ready' } satisfies FromWorker);
    return;
  }
  try {
    if (!gaz) throw new Error('extract worker used before init');
    const x = extractDocument(msg.meta, msg.text, gaz);
    // The people this article names, as the worker now knows them (aliases may have grown).
    const people = x.people.map((p) => {
      const def = gaz?.actors.get(p.id);
      return { id: p.id, name: p.name, affiliation: def?.affiliation ?? p.affiliation, aliases: [...(def?.aliases ?? p.aliases)] };
    });
    parentPort?.postMessage({ type: 'done', seq: msg.seq, x, people } satisfies FromWorker);
  } catch (err) {
    parentPort?.postMessage({ type: 'failed', seq: msg.seq, error: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
  }
});
