/**
 * "When was the election?": the date that names the day of what is asked ("the October 10
 * presidential election", "the election on October 10") beats a date elsewhere in a sentence that
 * mentions it ("was sworn in on Thursday …, three weeks after an election"). Made-up crisis:
 * test/fixtures/u7-moravel.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'u7-moravel'));
});
afterAll(() => app.cleanup());

describe('the date of what is asked', () => {
  it('is the one attached to its word', async () => {
    expect((await app.kb.ask('When was the election?')).answer).toBe('10 Oct 2038');
    expect((await app.kb.ask('When was the presidential election held?')).answer).toBe('10 Oct 2038');
  });

  it('another question on the same sentences keeps its own date', async () => {
    expect((await app.kb.ask('When was Basko sworn in?')).answer).toBe('4 Nov 2038');
  });
});
