/**
 * Stances and answers in a hostage crisis (made-up: the Black Ridge Brigade seizes 11 foreign
 * workers at a gold mine in Dalmarra, the government refuses to negotiate, Qatari mediators secure
 * the release of five, commandos free the rest; 2037), written before the code was run: "held X
 * responsible for the safety of the hostages", "secured the release of … hostages held by X", "had
 * the right to use all necessary means to free the hostages".
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a hostage crisis',
  'u6-dalmarra',
  [
    ['Italy', 'dalmarra', 'leaning', 'held the Black Ridge Brigade responsible for the safety of the hostages'],
    ['Canada', 'dalmarra', 'leaning', 'condemned the kidnapping'],
    ['Russia', 'dalmarra', 'firm', 'had the right to use all necessary means'],
    ['South Korea', 'dalmarra', 'leaning', 'urged the Brigade to free the remaining hostages'],
    ['African Union', 'dalmarra', 'leaning', 'condemned the kidnapping'],
    ['Qatar', 'neutral', null, 'offered to mediate'], // "secured the release of five of the hostages held by X" is no demand (it read as backing the captors)
  ],
  (app) => {
    it('a government that thanks a mediator, denies paying a ransom or sets up a task force takes no side', () => {
      for (const q of ['Japan', 'France']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('answers counts, durations, dates and who-questions', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many foreign workers were seized?')).answer).toContain('11');
      expect((await kb.ask('How many militants were killed in the raid?')).answer).toMatch(/eight/i);
      expect((await kb.ask('How long were the hostages held?')).answer).toContain('18 days');
      expect((await kb.ask('When did the gunmen storm the mine?')).answer).toBe('3 Mar 2037');
      expect((await kb.ask('Who is Omar Dessi?')).answer).toMatch(/spokesman/i);
      expect((await kb.ask('Who is Hamid Korr?')).answer).toMatch(/leader/i);
    });

    it('live-blog entries at their local time; weekdays read back from publication', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2037-03-03'); // "stormed a gold mine … on Tuesday" (a Wednesday wire)
      expect(ats).toContain('2037-03-09T19:45:00+01:00');
      expect(ats).toContain('2037-03-11'); // "flown to Doha on Wednesday night" (a Thursday wire)
      expect(ats).toContain('2037-03-21'); // the raid "before dawn on Saturday"
    });
  },
);
