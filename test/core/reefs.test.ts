/**
 * Stances and answers in a maritime standoff (made-up: Kaimoran coast guard vessels fire water
 * cannon at Dureshi supply boats near the disputed Sennet Reefs, Kaimora rejects an arbitration
 * ruling as null and void, neighbours plan joint patrols with Duresh; 2039), written before the code
 * was run: "reaffirmed its treaty commitments to", joint patrols with a side, "echoed X's position",
 * "urged X to abide by the ruling", "took no position on".
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a maritime standoff over reefs',
  'u7-sennet',
  [
    ['United States', 'duresh', 'firm', 'reaffirmed its treaty commitments to Duresh'],
    ['Japan', 'duresh', 'leaning', "criticised Kaimora's"],
    ['Australia', 'duresh', 'leaning', "criticised Kaimora's"],
    ['Cambodia', 'kaimora', 'firm', 'sided with Kaimora'],
    ['Vietnam', 'duresh', 'leaning', 'joint patrols with Duresh'],
    ['Malaysia', 'duresh', 'leaning', 'joint patrols with Duresh'],
    ['United Kingdom', 'duresh', 'firm', "fully supports\" Duresh's right"],
    ['Laos', 'kaimora', 'leaning', "echoed Kaimora's position"],
    ['European Union', 'duresh', 'leaning', 'urged Kaimora to abide by the ruling'],
    ['Indonesia', 'neutral', null, 'restraint'],
    ['India', 'neutral', null, 'settle their differences peacefully'],
    ['South Korea', 'neutral', null, 'both countries'],
    ['Singapore', 'neutral', null, 'took no position'],
    // A fourth article, written after the first fixes and before the code was run again:
    ['Thailand', 'neutral', null, 'refused to take sides'],
    ['Philippines', 'neutral', null, 'offered to host talks'],
    ['New Zealand', 'duresh', 'leaning', 'accused Kaimora'],
    ['Pakistan', 'kaimora', 'leaning', 'a provocation'],
  ],
  (app) => {
    it('"supported freedom of navigation" backs nobody', () => {
      // Singapore and India supported freedom of navigation: no side (India urged both to settle).
      for (const q of ['Singapore', 'India']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
      // "Asked whether Canada would join the joint patrols, … no decision had been taken"; France "has not said whether".
      for (const q of ['Canada', 'France']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('answers counts, distances, dates ahead and people', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many crew members were injured?')).answer).toMatch(/\b(?:4|four)\b/i);
      expect((await kb.ask('How far are the reefs from Duresh?')).answer).toContain('120');
      expect((await kb.ask('When will the first joint patrol be held?')).answer).toBe('28 Mar 2039');
      expect((await kb.ask('how many coast guard vessels did kaimora deploy')).answer).toMatch(/\b(?:6|six)\b/i);
      expect((await kb.ask('Who is Oren Talvik?')).answer).toMatch(/foreign minister/i);
    });

    it('live-blog entries at their local time; weekdays read back from publication', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2039-03-13'); // "fired water cannon … on Sunday" (a Monday article)
      expect(ats).toContain('2039-03-17T18:50:00+08:00');
      expect(ats).toContain('2039-03-17T08:05:00+08:00');
      expect(ats).toContain('2039-03-20'); // "deployed six more … on Sunday"
      expect(ats).toContain('2039-03-28'); // "their first joint patrol … on March 28"
      expect(ats).toContain('2039-03-24'); // "offered to host talks … on Thursday" (a Friday article)
    });
  },
);
