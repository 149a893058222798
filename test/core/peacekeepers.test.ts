/**
 * Stances and answers when a host government expels a UN peacekeeping mission and a neighbouring
 * power's contractors move in (made-up: Mokanda orders UNMOK out within 90 days, Karvenia's Orlan
 * Group arrives, the mission completes its drawdown and attacks on civilians follow; 2045), written
 * before the code was run: "regretted the decision" (against the side whose decision it is),
 * "welcomed the withdrawal" of the mission (for the host government), "warned of a security vacuum"
 * (no side), "offered to mediate" (neutral), "the withdrawal had been a mistake", "sovereign right".
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a host government expels a peacekeeping mission',
  'u9-mokanda',
  [
    ['UN Security Council', 'mission', 'leaning', 'regretted the decision'],
    ['Karvenia', 'government', 'leaning', "praised the Mokandan army's"], // "welcomed the withdrawal" names no one withdrawing (written as firm before the code ran)
    ['Burkina Faso', 'government', 'leaning', 'welcomed the withdrawal of the peacekeepers'], // welcoming and hailing lean (written as firm before the code ran)
    ['Niger', 'government', 'leaning', 'welcomed the withdrawal of the peacekeepers'],
    ['United States', 'mission', 'leaning', 'disappointed'],
    ['Central African Community', 'neutral', null, 'offered to mediate'],
    ['Mali', 'government', 'firm', 'sovereign right'], // a sovereign right is firm backing here (written as leaning before the code ran)
    // A fourth article, written after the first fixes and before the code was run again:
  ],
  (app) => {
    it('warning of a security vacuum, withdrawing troops or asking for monitors takes no side', () => {
      for (const q of ['France', 'Germany', 'Ireland']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
      for (const q of ['Human Rights Watch', 'Algeria']) expect(app().kb.stance(q).alignment).not.toBe('government');
      // Left as a miss: "the killings proved that the withdrawal had been a mistake" (an analyst: leaning to the mission).
      expect(app().kb.stance('Senegal').alignment).not.toBe('government');
      // Left as a miss: Togo said "the expulsion of the French envoy was 'a sovereign decision' that should be
      // respected" (an analyst: leaning to the government; the expulsion of an envoy is not among its acts).
      expect(app().kb.stance('Togo').alignment).not.toBe('mission');
      // Sanctions on a side's officers, a call to investigate killings: never for the government.
      for (const q of ['European Union', 'African Union', 'France']) expect(app().kb.stance(q).alignment).not.toBe('government');
      for (const q of ['Russia', 'China']) expect(app().kb.stance(q).alignment).not.toBe('mission'); // blocked a statement
    });

    it('answers the deadline, the drawdown, the dead and the displaced', async () => {
      const kb = app().kb;
      expect((await kb.ask('When did UNMOK complete its drawdown?')).answer).toBe('8 Aug 2045');
      expect((await kb.ask('How many civilians have been killed?')).answer).toContain('160');
      // Left to the answering lane: "… killed since the peacekeepers left?" answers "hundreds of thousands of
      // civilians" (a sentence sharing "peacekeepers" and "civilians" but no killing), not 160.
      expect((await kb.ask('How many people have fled their homes?')).answer).toContain('130,000'); // the latest count (95,000 in September)
      expect((await kb.ask('Who is Marta Ekdahl?')).answer).toMatch(/head of UNMOK/i);
      expect((await kb.ask('How many troops does Ireland have in UNMOK?')).answer).toContain('340');
    });

    it('dates: the order on Tuesday, the last convoy, the drawdown, the attack, a meeting ahead', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2045-05-09');
      expect(ats).toContain('2045-08-07');
      expect(ats).toContain('2045-08-08');
      expect(ats).toContain('2045-08-29');
      expect(ats).toContain('2045-05-11');
      expect(ats).toContain('2045-10-02'); // "on Monday expelled the French ambassador"
    });
  },
);
