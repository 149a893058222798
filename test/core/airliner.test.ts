/**
 * Stances and answers after an airliner is shot down over a conflict zone (made-up: Transal Airways
 * flight TA208 is downed over the Kessar region of Tavrenia, where separatists backed by Dravonia
 * hold territory; investigators later conclude the missile came from their territory; 2041),
 * written before the code was run: "held X responsible", "demanded that X cooperate with the
 * investigation", sanctions "in response to" the findings, "called for an independent inquiry"
 * (no side), "accusations against X were politically motivated" (backs X), nationalities counted.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'an airliner shot down over a conflict zone',
  'u8-kessar',
  [
    ['Netherlands', 'tavrenia', 'leaning', 'held Dravonia responsible'],
    ['Australia', 'tavrenia', 'leaning', 'Dravonia'],
    ['European Union', 'tavrenia', 'leaning', 'sanctions on Dravonia'],
    ['Britain', 'tavrenia', 'leaning', 'froze the assets of three Dravonian officials'],
    ['Belarus', 'dravonia', 'leaning', 'politically motivated'],
    ['Joint Investigation Team', 'tavrenia', 'leaning', 'territory held by Dravonian-backed separatists'],
    ['China', 'neutral', null, 'restraint'],
    ['India', 'neutral', null, 'impartial investigation'],
    // A fourth article, written after the first fixes and before the code was run again:
    ['Canada', 'tavrenia', 'leaning', 'holding Dravonia responsible'],
    ['Ireland', 'tavrenia', 'leaning', 'expelled two Dravonian diplomats'],
    ['Serbia', 'neutral', null, 'take a position'],
    ['South Africa', 'neutral', null, 'restraint'],
  ],
  (app) => {
    it('a request to use influence, a welcomed report, a study of the findings take no side', () => {
      const kb = app().kb;
      for (const q of ['Germany', 'Japan', 'Malaysia', 'Kazakhstan']) expect(['neutral', null]).toContain(kb.stance(q).alignment);
    });

    it('known miss: a report dismissed as "a Western fabrication" (an analyst: leaning Dravonia) takes no side, never the other', () => {
      // The report's target is only said in another article ("traced the missile to separatist-held territory").
      expect(['dravonia', 'neutral', null]).toContain(app().kb.stance('Venezuela').alignment);
    });

    it('answers counts and people', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many people were on board?')).answer).toMatch(/298|283/);
      expect((await kb.ask('how many of the victims were Dutch')).answer).toContain('193');
      // A narrower group than the toll counts is not answered by the toll ("the 298 people on board"):
      // no sentence says how many Dutch nationals were killed, so the corpus does not say.
      expect((await kb.ask('How many Dutch nationals were killed?')).answer ?? '').not.toContain('298');
      expect((await kb.ask('How many bodies have been recovered?')).answer).toContain('200');
      expect((await kb.ask('How many people of interest did investigators identify?')).answer).toContain('14');
      expect((await kb.ask('Who is Claire Hadley?')).answer).toMatch(/Foreign Minister/i);
      expect((await kb.ask('How many Dravonian diplomats did Ireland expel?')).answer).toMatch(/two/i);
    });

    it('dates: weekdays read back from publication, live-blog entries at local time', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2041-07-18'); // "shot down … on Thursday" (a Friday article)
      expect(ats).toContain('2041-07-21T20:45:00+03:00'); // black boxes handed over
      expect(ats).toContain('2041-10-14'); // "concluded on Monday"
      expect(ats).toContain('2041-10-15'); // "its foreign ministry said on Tuesday" (a Wednesday article)
    });
  },
);
