/**
 * /ask on a count that runs over a period ("since the offensive began", "so far"): the period says how
 * long the count runs, not what the answer must say, so the latest report of the running count
 * answers it. A count of one event keeps its own answer. Made-up crisis: test/fixtures/tolls.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'tolls'));
});
afterAll(() => app.cleanup());

const answer = async (q: string) => (await app.kb.ask(q)).answer;

describe('ask: a running count', () => {
  it('"since the offensive began", "so far", "to date": the latest toll, not the earlier sentence that repeats the question', async () => {
    expect(await answer('How many people have been killed since the offensive began?')).toMatch(/300 people/);
    expect(await answer('How many people have been killed so far?')).toMatch(/300 people/);
    expect(await answer('how many people have been killed to date')).toMatch(/300 people/);
  });

  it('a count only one report gives is still that one; a count of one event keeps its own answer', async () => {
    expect(await answer('How many people have been wounded since the offensive began?')).toMatch(/120/);
    expect(await answer('How many people did the car bomb in Varsk kill?')).toMatch(/12 people/);
  });
});
