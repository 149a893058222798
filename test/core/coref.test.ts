/**
 * "The group" opening a sentence stands for the one armed group or organisation the sentence before
 * named (src/core/read/coref.ts): the sentence gets that actor, so /ask finds "the Brigade" in "The
 * group … demanded a ransom of $20 million". Look-alikes where nobody is read into it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/read/extract.js';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { loadCrisis } from '../../src/ingest/seeds.js';
import { freshApp } from '../helpers.js';

const gaz = new Gazetteer(loadCrisis(join(import.meta.dirname, '..', 'fixtures', 'u6-dalmarra')));
/** The actors of the last sentence of `text` (paragraphs split on " | "). */
function lastActors(text: string): string[] {
  const x = extractDocument({ id: 'probe', source: 'Probe Wire', published: '2037-03-04', timezone: 'UTC' }, `Probe\n\n${text.replace(/ \| /g, '\n\n')}`, gaz);
  return x.sentences[x.sentences.length - 1]?.actors ?? [];
}

describe('"The group" after a sentence naming one group', () => {
  it.each([
    'Gunmen from the Black Ridge Brigade stormed a gold mine on Tuesday. | The group demanded a ransom of $20 million.',
    'Gunmen from the Black Ridge Brigade stormed a gold mine on Tuesday. The group, which has fought the government since 2031, demanded a ransom.',
    'The African Union met in Addis Ababa on Tuesday. | The organisation called for the release of the hostages.',
  ])('%s', (text) => {
    expect(lastActors(text).length).toBeGreaterThan(0);
    expect(lastActors(text)).toContain(text.includes('African Union') ? 'african-union' : 'brigade');
  });

  it.each([
    'A group of miners escaped on Tuesday. | The group demanded a ransom of $20 million.', // no group named
    'The Black Ridge Brigade and the African Union issued statements. | The group demanded a ransom.', // two: which one?
    'Korr said the hostages were safe. | The group demanded a ransom.', // a leader named, not the group
    'Dalmarra refused to negotiate. | The group demanded a ransom.',
    'Gunmen from the Black Ridge Brigade stormed a gold mine. | Officials said the group demanded a ransom.', // not opening the sentence
    'Gunmen from the Black Ridge Brigade stormed a gold mine. | Dalmarra said on Tuesday it would not pay. | The group demanded a ransom.', // not the sentence before
  ])('nobody read into it: %s', (text) => {
    expect(lastActors(text)).not.toContain('brigade');
  });
});

describe('/ask finds the group by its name (u6-dalmarra)', () => {
  let app: ReturnType<typeof freshApp>;
  beforeAll(() => {
    app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'u6-dalmarra'));
  });
  afterAll(() => app.cleanup());

  it('"How much ransom did the Brigade demand?" is answered from "The group … demanded … a ransom of $20 million"', async () => {
    const r = await app.kb.ask('How much ransom did the Brigade demand?');
    expect(r.answer).toMatch(/\$20 million/);
    expect(r.citations[0]?.quote).toMatch(/^The group, which has fought/);
  });

  it('"How many fighters did the Brigade want released?"', async () => {
    expect((await app.kb.ask('How many fighters did the Brigade want released?')).answer).toMatch(/\b40\b/);
  });

  // A demand is not a payment, and every payment the corpus mentions is denied (test/core/payments.test.ts).
  it('"How much ransom was paid?" is not in the corpus', async () => {
    expect((await app.kb.ask('How much ransom was paid?')).answer).toBeNull();
  });
});
