/**
 * Stances and answers in a trade war with an energy cut-off (made-up: Castrel slaps tariffs on
 * Orvenian steel, Orvenia halts gas supplies, Castrel retaliates with an asset freeze, Switzerland
 * brokers a truce; 2037), written before the code was run: an economic bloc "stood united behind" a
 * side, a supplier that "cannot be trusted" said after welcoming the truce.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a trade war and gas cut-off',
  'u6-orvenia',
  [
    ['Poland', 'castrel', 'leaning', 'condemned the gas cut-off'],
    ['Lithuania', 'castrel', 'leaning', 'condemned the gas cut-off'],
    ['Hungary', 'orvenia', 'firm', 'sided with Orvenia'],
    ['European Union', 'castrel', 'firm', 'stood united behind Castrel'], // "stood united behind X"; welcoming the truce later takes no side
    ['Serbia', 'orvenia', 'leaning', "understood Orvenia's decision"],
    ['United States', 'castrel', 'leaning', 'accused Orvenia of using energy as a weapon'],
    ['Belarus', 'orvenia', 'firm', 'a close ally of Orvenia'],
    ['United Kingdom', 'castrel', 'leaning', 'cannot be trusted'], // "welcomed the deal but said X cannot be trusted"
    ['Norway', 'castrel', 'leaning', 'raise gas deliveries to Castrel'], // energy sent to a side in a cut-off
    ['Turkey', 'neutral', null, 'urged both sides'],
    ['China', 'neutral', null, 'exercise restraint'],
    ['Germany', 'neutral', null, 'declined to take sides'],
    ['Kazakhstan', 'neutral', null, 'offered to mediate'],
  ],
  (app) => {
    it('"did not condemn the cut-off, but … energy should never be used as a weapon", companies and markets take no side', () => {
      for (const q of ['Japan', 'Velta Motors', 'Switzerland']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('answers counts, sums, dates ahead and places', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many households rely on Orvenian gas?')).answer).toContain('2.1 million');
      expect((await kb.ask("How much has the dispute cost Castrel's economy?")).answer).toContain('$1.4 billion');
      // "How much did X rise/fall?" asks for the change: "sending European gas prices up 18%", "fell 22%".
      expect((await kb.ask('How much did gas prices rise?')).answer).toContain('18%');
      expect((await kb.ask('how much did gas futures fall')).answer).toContain('22%');
      // A fall never answers a rise.
      expect((await kb.ask('How much did gas futures rise?')).answer ?? '').not.toContain('22%');
      expect((await kb.ask('When will Orvgaz resume deliveries?')).answer).toBe('29 Jan 2037');
      expect((await kb.ask('When will Castrel lift its tariffs on Orvenian steel?')).answer).toBe('1 Feb 2037');
      expect((await kb.ask('Where were the talks held?')).answer).toBe('Geneva');
      expect((await kb.ask('Who is Helena Voss?')).answer).toMatch(/prime minister/i);
    });

    it('live-blog entries at their local time; weekdays read back from publication', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2037-01-12'); // "halted gas supplies to Castrel on Monday"
      expect(ats).toContain('2037-01-14T21:15:00+01:00');
      expect(ats).toContain('2037-01-15'); // "would halt two assembly lines from Thursday" (a Wednesday blog)
      expect(ats).toContain('2037-01-25'); // "agreed on Sunday"
      expect(ats).toContain('2037-01-29'); // "resume deliveries on Thursday"
    });
  },
);
