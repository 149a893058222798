/** The made-up articles of test/fixtures/alerts and the Norland crisis they follow. */
import { join } from 'node:path';
import type { IncomingArticle } from '../../src/core/briefing.js';
import { readArticle } from '../../src/ingest/read.js';

export const NORLAND = join(import.meta.dirname, '..', 'fixtures', 'norland');
export const ALERT_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'alerts');

/** A fixture article of test/fixtures/alerts, as ingest takes it. */
export function article(name: string): IncomingArticle {
  const a = readArticle(join(ALERT_FIXTURES, name));
  return { ...a.meta, text: a.text, path: a.path };
}
