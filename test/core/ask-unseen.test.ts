/**
 * /ask on a made-up crisis's live reporting (Veska, 2029): a number answers only what the question
 * says happened, a toll counts what it tallies, and of several dates the one by the question's words.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'veska'));
});
afterAll(() => app.cleanup());

const ask = (q: string) => app.kb.ask(q);

describe('ask on unseen reporting', () => {
  it('"How many people have died?" is answered by the death toll, never by a count of arrests', async () => {
    const r = await ask('How many people have died?');
    expect(r.answer).toBe('death toll has risen to 23');
    expect(r.citations[0]?.quote).toContain('The death toll from four days of protests');
    expect((await ask('What is the death toll?')).answer).toContain('23');
  });

  it('a count of something the corpus does not report is not in the corpus', async () => {
    const r = await ask('How many people have been injured?');
    expect(r.answer).toBeNull();
  });

  it('a count of what happened, in other words: arrested for detained', async () => {
    expect((await ask('How many people were arrested?')).answer).toBe('more than 1,400 people');
  });

  it('of two dates in a sentence, the one by the words of the question', async () => {
    expect((await ask('When will protesters march on parliament?')).answer).toBe('13 Jan 2029');
    expect((await ask('When was the curfew imposed?')).answer).toBe('3 Jan 2029');
  });

  it('an irregular verb in the question finds its other forms: "freeze" finds "froze"', async () => {
    expect((await ask('How many accounts did the central bank freeze?')).answer).toBe('40 opposition figures');
  });

  it('"disclosed on Friday that X had met …": Friday dates the report, not the meeting, so no date is claimed', async () => {
    const r = await ask('When did Koro meet army commanders?');
    expect(r.answer).not.toBe('5 Jan 2029');
    expect(r.citations[0]?.quote).toContain('had met army commanders');
  });

  it('a range is the answer, and the count is the one the asked verb follows', async () => {
    expect((await ask('How many people have crossed into Lorna?')).answer).toBe('Between 3,000 and 5,000 people');
    // "12,000 have fled", not "300 people have been evacuated" nor the range that crossed.
    expect((await ask('How many people have fled to the hills?')).answer).toBe('12,000');
  });

  it('a percentage lost', async () => {
    expect((await ask('How much value has the currency lost?')).answer).toBe('30 percent');
  });

  it('"on Thursday, up from 17 a day earlier": one event, on Thursday; the day before is a comparison', () => {
    const t = app.kb.timeline({ limit: 100 });
    const toll = t.events.filter((e) => e.text.startsWith('The death toll'));
    expect(toll.map((e) => e.at)).toEqual(['2029-01-04']);
  });

  it('the digest lists the toll as a figure', () => {
    const d = app.kb.digest({ date: '2029-01-08' });
    expect(d.figures.map((f) => f.value)).toContain('death toll has risen to 23');
  });
});
