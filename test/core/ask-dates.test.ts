/**
 * "When was the election?": the date that names the day of what is asked ("the October 10
 * presidential election", "the election on October 10") beats a date elsewhere in a sentence that
 * mentions it ("was sworn in on Thursday …, three weeks after an election"). Made-up crisis:
 * test/fixtures/u7-moravel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn } from '../helpers.js';

const answer = askOn('u7-moravel', { beforeAll, afterAll });

describe('the date of what is asked', () => {
  it('is the one attached to its word', async () => {
    expect(await answer('When was the election?')).toBe('10 Oct 2038');
    expect(await answer('When was the presidential election held?')).toBe('10 Oct 2038');
  });

  it('another question on the same sentences keeps its own date', async () => {
    expect(await answer('When was Basko sworn in?')).toBe('4 Nov 2038');
  });
});
