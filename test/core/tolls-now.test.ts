/**
 * A count that runs to now ("How many people have died?"): of the reports that answer it fully,
 * the latest wins, and a death toll counts people ("the death toll had reached 312" answers it as
 * "killed at least 214 people" does). A count qualified by an event keeps that event's report.
 * Also: a summit is a meeting. Made-up crisis: test/fixtures/kessa (floods and an aid blockade).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn } from '../helpers.js';

const answer = askOn('kessa', { beforeAll, afterAll });

describe('a toll up to now', () => {
  it('is the latest report of it', async () => {
    expect(await answer('How many people have died?')).toMatch(/\b312\b/);
    expect(await answer('How many people have been killed?')).toMatch(/\b312\b/);
    expect(await answer('What is the death toll?')).toMatch(/\b312\b/);
  });

  it('a count of one event, or in the past tense, keeps the report that names it', async () => {
    expect(await answer('How many people have died in the floods?')).toMatch(/\b214 people\b/);
    expect(await answer('How many cholera cases have been recorded?')).toMatch(/1,450/);
  });
});

describe('a summit is a meeting', () => {
  it('answers when and where a body will meet', async () => {
    expect(await answer('When will the African Union meet?')).toBe('7 Aug 2026');
    expect(await answer('Where will the African Union meet?')).toBe('Addis Ababa');
  });
});

describe('the Red Crescent', () => {
  it('is its own organisation', () => {
    expect(answer.kb().actors().map((a) => a.name)).toContain('Red Crescent');
    expect(answer.kb().actors().map((a) => a.name)).not.toContain('Red Cross');
  });
});
