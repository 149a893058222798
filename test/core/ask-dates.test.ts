/**
 * "When was the election?": the date that names the day of what is asked ("the October 10
 * presidential election", "the election on October 10") beats a date elsewhere in a sentence that
 * mentions it ("was sworn in on Thursday …, three weeks after an election"). Made-up crisis:
 * test/fixtures/u7-moravel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn, fixture, freshApp } from '../helpers.js';

const answer = askOn('u7-moravel', { beforeAll, afterAll });

describe('the date of what is asked', () => {
  it('is the one attached to its word', async () => {
    expect(await answer('When was the election?')).toBe('10 Oct 2038');
    expect(await answer('When was the presidential election held?')).toBe('10 Oct 2038');
  });

  it('the asked act as a verb earlier in the clause ties it too; a participle of it in another act does not', async () => {
    // "President Tomas Ilario dissolved Congress and suspended parts of the constitution on Sunday"
    // over "On Thursday, the Tribunal struck down the decree dissolving Congress".
    const castrena = freshApp(fixture('u8-castrena'));
    try {
      expect((await castrena.kb.ask('When did the president dissolve Congress?')).answer).toBe('14 Sep 2042');
    } finally {
      castrena.cleanup();
    }
  });

  it('another question on the same sentences keeps its own date', async () => {
    expect(await answer('When was Basko sworn in?')).toBe('4 Nov 2038');
  });
});
