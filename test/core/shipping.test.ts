/**
 * Stances and answers in attacks on shipping in a strait (made-up: the Hawkar Brigades strike
 * tankers in the Strait of Tamrah and seize a crew; Zaravan is accused of arming them and denies it;
 * a naval coalition escorts ships and strikes the militia; 2044), written before the code was run:
 * "joined the coalition", "condemned the strikes on the militia" (for the militia: opposing force
 * used against a side), "called on the militia to release the crew", "denied supplying the drones"
 * (no side), "suspended transits" (no side), "condemned both the attacks … and the strikes" (neutral).
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'attacks on shipping in a strait',
  'u9-tamrah',
  [
    ['Zaravan', 'brigades', 'firm', "the militia's main patron"], // with 'praised the "courage" of the Brigades' (leaning)
    ['United States', 'coalition', 'leaning', 'cowardly attack'],
    ['Japan', 'coalition', 'firm', 'joined the coalition'],
    ['South Korea', 'coalition', 'firm', 'joined the coalition'],
    ['Saudi Arabia', 'coalition', 'firm', 'joined the coalition'],
    ['Egypt', 'coalition', 'firm', 'joined the coalition'],
    ['Algeria', 'brigades', 'leaning', 'condemned the strikes on the militia'],
    ['Syria', 'brigades', 'leaning', 'condemned the strikes on the militia'],
    ['India', 'coalition', 'leaning', 'release the crew'],
    ['China', 'neutral', null, 'restraint'],
    ['Iraq', 'neutral', null, 'negotiated solution'],
    ['Oman', 'neutral', null, 'mediate'],
    ['Turkey', 'neutral', null, 'condemned both'],
    // A fourth article, written after the first fixes and before the code was run again:
    ['Venezuela', 'brigades', 'leaning', "hailed the Brigades' \"resistance\""],
    ['Greece', 'coalition', 'firm', 'second frigate to the coalition'],
  ],
  (app) => {
    it('shipping lines suspending transits take no side; navies escorting ships never back the militia', () => {
      for (const q of ['Nordhav Lines', 'Castell Marine', 'Pakistan']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
      expect(app().kb.stance('Oman').alignment).toBe('neutral'); // a release after its mediation is nobody's demand
      for (const q of ['Netherlands', 'United Kingdom']) expect(app().kb.stance(q).alignment).not.toBe('brigades');
    });

    it('answers crews, prices, counts and who claimed the attack', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many crew were taken hostage?')).answer).toContain('25');
      expect((await kb.ask('How much did Brent crude rise?')).answer).toContain('4%');
      expect((await kb.ask('How many ships have been diverted around the cape?')).answer).toContain('2,100');
      expect((await kb.ask('Who claimed responsibility for the attack on the tanker?')).answer).toMatch(/Hawkar Brigades/);
      expect((await kb.ask('Who is Karim Vashti?')).answer).toMatch(/foreign minister/i);
      // Left to the answering lane: "How many crew members of the Aurora Bay were released?" answers "25 crew
      // members" ("The Brigades released 12 of the 25 crew members …"), where an analyst says 12.
    });

    it('dates: the attack on Monday, live-blog entries at local time', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2044-03-14');
      expect(ats).toContain('2044-03-17T22:30:00+04:00');
      expect(ats).toContain('2044-03-17T19:15:00+04:00');
      expect(ats).toContain('2044-03-31T20:20:00+04:00');
    });
  },
);
