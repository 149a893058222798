/**
 * /timeline on three made-up crises nobody on the team has seen (Khalvor, Norland, Ostrel): dated
 * events in order, scheduled ones marked, no event twice, no sentence without a date of its own
 * dated by a neighbour it does not refer to, "since Friday" no date of the sentence.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortKey } from '../../src/core/answer/timeline.js';
import { freshApp } from '../helpers.js';

function open(crisis: string) {
  const box: { app?: ReturnType<typeof freshApp> } = {};
  beforeAll(() => {
    box.app = freshApp(join(import.meta.dirname, '..', 'fixtures', crisis));
  });
  afterAll(() => box.app?.cleanup());
  return () => (box.app as ReturnType<typeof freshApp>).kb.timeline({ limit: 100 }).events;
}

function wellFormed(events: { at: string; text: string; scheduled: boolean; sources: { source: string }[] }[], published: string) {
  const keys = events.map((e) => sortKey(e.at));
  expect(keys).toEqual([...keys].sort((a, b) => a - b));
  // One event once, however many outlets carry it: a sentence appears twice only for two days it
  // names ("entered the port on Saturday, and lifted the curfew on Sunday").
  const seen = events.map((e) => `${e.text}|${e.at}`);
  expect(new Set(seen).size).toBe(seen.length);
  // Anything after the last report is scheduled, and marked so.
  for (const e of events) if (e.at.slice(0, 10) > published) expect(e.scheduled, e.text).toBe(true);
}

describe('timeline on khalvor', () => {
  const events = open('khalvor');
  it('is in order, each event once, what is due marked scheduled', () => {
    const ev = events();
    wellFormed(ev, '2034-03-13');
    const due = ev.filter((e) => e.scheduled).map((e) => [e.at, e.text.slice(0, 30)]);
    expect(due).toEqual([
      ['2034-03-18', 'Inspectors will return to the '],
      ['2034-03-20', 'France, Britain and Germany co'],
    ]);
    // "Russia and China on Thursday blocked …", reported on Friday 10 March.
    expect(ev.find((e) => e.text.includes('blocked a Security Council statement'))?.at).toBe('2034-03-09');
  });
});

describe('timeline on norland', () => {
  const events = open('norland');
  it('is in order, what is due marked scheduled', () => {
    wellFormed(events(), '2031-12-19');
    expect(events().find((e) => e.text.startsWith('Elections will be held'))).toMatchObject({ at: '2032-03-03', scheduled: true });
  });
  it('"The same day, the junta closed the border." is dated by the sentence before it', () => {
    expect(events().find((e) => e.text.startsWith('The same day'))?.at).toBe('2031-12-17');
  });
  // "In a call that day" after "Weeks earlier, Finland had said …": the day is not given (not an earlier "on Sunday").
  it('"In a call that day", after "Weeks earlier …", is not dated', () => {
    expect(events().some((e) => e.text.startsWith('In a call that day'))).toBe(false);
  });
});

describe('timeline on ostrel', () => {
  const events = open('ostrel');
  it('is in order, each event once, the next meeting scheduled', () => {
    wellFormed(events(), '2035-08-19');
    expect(events().find((e) => e.text.includes('will meet again in Brussels'))).toMatchObject({ at: '2035-08-23', scheduled: true });
  });
  // "at least 11 had died … since Friday": Friday the 10th starts a period; it does not date the report of 14 August.
  it('"since Friday" starts a period; it does not date the sentence', () => {
    expect(events().find((e) => e.text.includes('about 4,300 people were stranded'))?.at).not.toBe('2035-08-10');
  });
});
