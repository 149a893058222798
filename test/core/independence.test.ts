/**
 * Stances and answers in a secession (made-up: the region of Ardesh declares independence from
 * Velmar after a referendum, two states recognise "the new republic", a regional bloc suspends its
 * leaders, Velmarian troops mass near the region; 2039), written before the code was run:
 * "respected the territorial integrity of X" (against secession), "recognised the new republic",
 * "took note of" (no side), a bloc suspending a region's leaders, "had no legal effect".
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a declaration of independence after a referendum',
  'u7-ardesh',
  [
    ['Russia', 'separatists', 'firm', 'recognised the new republic'],
    ['Belarus', 'separatists', 'firm', 'recognised the Republic of Ardesh'],
    ['Germany', 'central', 'leaning', 'territorial integrity of Velmar'],
    ['France', 'central', 'leaning', 'territorial integrity of Velmar'],
    ['Italy', 'central', 'leaning', 'territorial integrity of Velmar'],
    ['Inland States Union', 'central', 'leaning', "suspended Ardesh's regional leaders"],
    ['Ukraine', 'central', 'firm', 'territorial integrity of Velmar'],
    ['Serbia', 'central', 'leaning', 'would not recognise Ardesh'],
    ['Hungary', 'central', 'leaning', 'territorial integrity of Velmar'], // the relative clause ("which had earlier urged Velmar to respect the result") is background
    ['Turkey', 'neutral', null, 'dialogue'],
    ['China', 'neutral', null, 'peaceful means'],
    ['United Nations', 'neutral', null, 'restraint'],
    ['Armenia', 'neutral', null, 'internal affairs'],
    // A fourth article, written after the first fixes and before the code was run again:
    ['Nicaragua', 'separatists', 'firm', 'to recognise the Republic of Ardesh'],
    ['Kazakhstan', 'central', 'firm', "reaffirmed its support for Velmar's territorial integrity"],
    ['Azerbaijan', 'central', 'leaning', 'null and void'],
    ['Moldova', 'central', 'leaning', 'would never recognise Ardesh'],
  ],
  (app) => {
    it('a recognition only studied takes no side', () => {
      expect(['neutral', null]).toContain(app().kb.stance('Venezuela').alignment);
    });

    it('answers counts, shares and people', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many troops has Velmar moved?')).answer).toContain('12,000');
      expect((await kb.ask('What share of voters backed secession?')).answer).toContain('91.4%');
      expect((await kb.ask('how many armoured vehicles')).answer).toContain('40');
      expect((await kb.ask('Who is Dario Vesk?')).answer).toMatch(/leader/i);
      expect((await kb.ask('Who recognised the Republic of Ardesh?')).answer).toMatch(/Russia|Belarus/);
    });

    it('live-blog entries at their local time; weekdays read back from publication', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2039-06-06'); // "declared independence … on Monday"
      expect(ats).toContain('2039-06-05'); // "a day after a referendum"
      expect(ats).toContain('2039-06-08T19:15:00+03:00');
      expect(ats).toContain('2039-06-11'); // "said on Saturday" (a Sunday article)
      expect(ats).toContain('2039-06-10'); // "stopped at a checkpoint … on Friday"
      expect(ats).toContain('2039-06-14'); // "became the third country to recognise … on Tuesday"
      expect(ats).toContain('2039-06-30'); // "gave the region's leaders until June 30"
    });
  },
);
