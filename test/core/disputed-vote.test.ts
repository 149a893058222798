/**
 * Stances and answers in a disputed presidential election (made-up: President Aurel Basko declares
 * victory in Moravel, his challenger Ilinca Dorn refuses to concede, observers report serious
 * irregularities, the Constitutional Court upholds the result; 2038), written before the code was
 * run: observers "found serious irregularities", "declined to recognise the results", calls for a
 * recount, "could not accept the results", "fell short of international standards", "an internal
 * matter", "took note".
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a disputed presidential election',
  'u7-moravel',
  [
    ['Russia', 'basko', 'firm', 'congratulated Basko on his re-election'],
    ['Belarus', 'basko', 'firm', 'congratulated Basko on his re-election'],
    ['China', 'basko', 'firm', 'congratulated President Basko'],
    ['Hungary', 'basko', 'firm', 'to congratulate him'],
    ['Kazakhstan', 'basko', 'firm', 'congratulated Basko on his re-election'],
    ['OSCE', 'dorn', 'leaning', 'found serious irregularities'], // observers' findings of irregularities: against whoever holds power
    ['European Union', 'dorn', 'leaning', 'declined to recognise the results'],
    ['Germany', 'dorn', 'leaning', 'recount'],
    ['Poland', 'dorn', 'leaning', "would not recognise Basko's re-election"],
    ['United States', 'dorn', 'leaning', 'fell well short of international standards'],
    ['Lithuania', 'dorn', 'leaning', 'did not recognise Basko'],
    ['Latvia', 'dorn', 'leaning', 'did not recognise Basko'],
    ['Estonia', 'dorn', 'leaning', 'did not recognise Basko'],
    ['Turkey', 'neutral', null, 'all sides'],
    ['Serbia', 'neutral', null, 'an internal matter'],
    ['Armenia', 'neutral', null, 'dialogue'],
    ['Council of Europe', 'dorn', 'leaning', 'to release everyone detained'], // an order to whoever holds the country
    // A fourth article, written after the first fixes and before the code was run again:
    ['Iran', 'basko', 'leaning', 'free, fair and transparent'], // the vote called free and fair: backing whoever holds power
    ['Japan', 'dorn', 'leaning', 'serious doubts'], // doubts about the credibility of the vote
    ['Georgia', 'neutral', null, 'sovereign choice'], // "neither congratulated X nor criticised …, saying only that it respected the choice"
  ],
  (app) => {
    it('"took note of the ruling", a court and a monitoring group never give the wrong side', () => {
      const kb = app().kb;
      for (const q of ['France', 'Civic Watch']) expect(['neutral', null]).toContain(kb.stance(q).alignment);
      // Attending an inauguration is no stated position; reporting the EU's sanctions is at most Sweden's leaning.
      expect([null, 'neutral', 'basko']).toContain(kb.stance('Venezuela').alignment);
      expect([null, 'neutral', 'dorn']).toContain(kb.stance('Sweden').alignment);
      // Upholding a result is a court's ruling, not a foreign stance; at most it leans to the winner.
      expect([null, 'neutral', 'basko']).toContain(kb.stance('Constitutional Court').alignment);
    });

    it('answers counts, shares, dates ahead and people', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many people were detained?')).answer).toContain('212');
      expect((await kb.ask('how many complaints did the court reject')).answer).toContain('37');
      expect((await kb.ask('When will Basko be sworn in?')).answer).toBe('4 Nov 2038');
      expect((await kb.ask('when was basko sworn in')).answer).toBe('4 Nov 2038');
      expect((await kb.ask('What was the turnout?')).answer).toContain('61%');
      expect((await kb.ask('Who is Tomasz Wrona?')).answer).toMatch(/foreign minister/i);
      expect((await kb.ask('Who backs Basko?')).answer).toMatch(/Russia|China|Kazakhstan|Belarus|Hungary/);
    });

    it('live-blog entries at their local time; weekdays and "the October 10 election" dated', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2038-10-11'); // "declared victory on Monday"
      expect(ats).toContain('2038-10-12T22:40:00+03:00'); // 10:40 p.m. in Tessin (EEST)
      expect(ats).toContain('2038-10-12T09:20:00+03:00');
      expect(ats).toContain('2038-10-21'); // "on Thursday upheld"
      expect(ats).toContain('2038-11-04'); // "to be sworn in … on November 4"
      expect(ats).toContain('2038-10-31'); // "marched through Tessin on Sunday" (a Thursday article)
    });
  },
);
