/**
 * Stances and answers in a self-coup (made-up: Castrena's elected president dissolves Congress,
 * suspends the constitution and rules by decree; the army pledges loyalty, the constitutional
 * tribunal strikes down the decree, a regional bloc invokes its democratic charter and suspends the
 * country; 2042), written before the code was run. A call for "a swift return to constitutional
 * order" after a president's own coup is read as against his move: it backs the dissolved Congress
 * (leaning), as after any coup.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a self-coup: a president dissolves parliament and rules by decree',
  'u8-castrena',
  [
    ['Castrenan Armed Forces', 'ilario', 'firm', 'pledged loyalty to President Ilario'],
    ['Cuba', 'ilario', 'firm', 'support for President Ilario'],
    ['Bolivia', 'ilario', 'firm', 'within his constitutional powers'], // firm, as "acted within its rights" is (written as leaning before the code ran),
    ['United States', 'congress', 'leaning', 'constitutional order'],
    ['Spain', 'congress', 'leaning', 'condemned the dissolution of Congress'],
    ['Peru', 'congress', 'leaning', 'coup'],
    ['Argentina', 'congress', 'leaning', 'constitutional order'],
    ['Canada', 'congress', 'leaning', 'did not recognise the decrees'],
    ['Union of Coastal States', 'congress', 'leaning', 'democratic charter'],
    ['Castrenan Constitutional Tribunal', 'congress', 'leaning', 'struck down the decree'],
    ['Brazil', 'neutral', null, 'dialogue'],
    ['Mexico', 'neutral', null, 'dialogue'],
    ['European Union', 'neutral', null, 'restraint'],
    // A fourth article, written after the first fixes and before the code was run again:
    ['Colombia', 'congress', 'leaning', 'recalled its ambassador'],
    ['Ecuador', 'congress', 'firm', 'recognised the dissolved Congress'],
    ['International Monetary Fund', 'congress', 'leaning', 'suspended a $1.2 billion loan'],
    ['Uruguay', 'congress', 'leaning', 'release of the detained opposition lawmakers'],
    ['Paraguay', 'congress', 'leaning', 'no legal basis'],
  ],
  (app) => {
    it('an internal matter and a vote against the suspension never back Congress; a refusal to call it a coup takes no side', () => {
      const kb = app().kb;
      expect(['neutral', 'ilario', null]).toContain(kb.stance('Nicaragua').alignment);
      expect(['neutral', null]).toContain(kb.stance('Chile').alignment);
      expect(['neutral', null]).toContain(kb.stance('Turkey').alignment); // "would work with whatever government emerged"
    });

    it('known miss: "called the president\'s measures a necessary response to chaos" (an analyst: leaning Ilario) takes no side, never the other', () => {
      expect(['ilario', 'neutral', null]).toContain(app().kb.stance('Honduras').alignment);
    });

    it('answers counts and people', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many opposition lawmakers were detained?')).answer).toContain('23');
      expect((await kb.ask('Who is Rui Dantas?')).answer).toMatch(/chief of staff|General/i);
      expect((await kb.ask('Who is Ana Belmonte?')).answer).toMatch(/Speaker/i);
      expect((await kb.ask('How many members of Congress voted to remove Ilario?')).answer).toContain('61');
      expect((await kb.ask('How much was the IMF loan?')).answer).toContain('1.2 billion');
    });

    it('dates: weekdays read back from publication, live-blog entries at local time', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2042-09-14'); // "dissolved Congress … on Sunday"
      expect(ats).toContain('2042-09-16T21:30:00-05:00'); // lawmakers detained
      expect(ats).toContain('2042-09-18'); // "On Thursday, … struck down the decree"
      expect(ats).toContain('2042-09-20'); // "invoked its democratic charter on Saturday"
      expect(ats).toContain('2042-09-26'); // "recalled its ambassador … on Friday" (a Saturday article)
      expect(ats).toContain('2042-09-25'); // "Meeting in secret on Thursday, 61 members … voted"
    });
  },
);
