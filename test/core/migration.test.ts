/**
 * Stances and answers in a border and migration crisis (made-up: Lutvia closes its border crossings,
 * deploys troops and pushes migrants back; neighbouring Drevska is accused of weaponising migrants;
 * a bloc sanctions Drevska, others take in asylum seekers; 2043), written before the code was run:
 * "accused X of orchestrating the influx", "imposed sanctions on X in response", "agreed to take in
 * 500 asylum seekers" (no side), "called for humanitarian access" (no side), "stood shoulder to
 * shoulder with X", "align itself with the sanctions on X", "X, not Y, was to blame".
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a border and migration crisis between neighbours',
  'u9-lutvia',
  [
    ['Poland', 'lutvia', 'leaning', 'orchestrating the influx'],
    ['Lithuania', 'lutvia', 'leaning', 'orchestrating the influx'],
    ['Russia', 'drevska', 'leaning', 'a disgrace for Europe'], // "Drevska's closest ally" is background to the main verb; "its neighbour" is not read
    ['European Union', 'lutvia', 'firm', "endorsed Lutvia's decision"], // with "imposed sanctions on Drevska" (leaning)
    ['Hungary', 'lutvia', 'firm', 'shoulder to shoulder with Lutvia'],
    ['Belarus', 'drevska', 'leaning', 'barbaric'],
    ['Latvia', 'lutvia', 'firm', 'help Lutvia guard the frontier'],
    ['Finland', 'lutvia', 'firm', 'fully supports'],
    ['Norway', 'lutvia', 'leaning', 'align itself with the sanctions on Drevska'],
    ['Serbia', 'drevska', 'leaning', 'not Drevska, was to blame'],
    ['Turkey', 'neutral', null, 'both countries'],
    ['Switzerland', 'neutral', null, 'host talks'],
    ['Spain', 'lutvia', 'firm', "backed Lutvia's right to control its borders"],
    // A fourth article, written after the first fixes and before the code was run again:
    ['Greece', 'lutvia', 'leaning', "fully understood Lutvia's position"],
    ['China', 'neutral', null, 'dialogue'],
    ['Iran', 'drevska', 'leaning', 'collective punishment'],
  ],
  (app) => {
    it('taking in asylum seekers, calling for humanitarian access or counting the dead takes no side', () => {
      for (const q of ['Germany', 'Italy', 'Doctors Without Borders', 'Red Cross', 'UNHCR', 'International Organization for Migration', 'Human Rights Watch']) {
        expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
      }
      expect(app().kb.stance('Estonia').alignment).not.toBe('drevska'); // "has sent 80 border guards" under "Lutvia's backers"
      for (const q of ['Croatia', 'Slovenia', 'Kazakhstan']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment); // "would not send police to help Lutvia"
      expect(app().kb.stance('Slovakia').alignment).not.toBe('lutvia'); // called the closure "disproportionate"
    });

    it('answers counts, dates and people', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many people have died at the border?')).answer).toContain('14'); // the latest count (12 on Nov 12, 14 on Nov 21)
      // Left to the answering lane: "How many migrants have died at the border?" answers the older "death toll has
      // risen to 12" (its sentence says "migrants"; the latest, "At least 14 people have died …", says "people").
      expect((await kb.ask('How much did the EU pledge to Lutvia?')).answer).toContain('200 million euros');
      expect((await kb.ask('How many asylum seekers will Germany take in?')).answer).toContain('500');
      // Left to the answering lane: "When did Lutvia close its border crossings?" gave 2 Nov 2043 on three articles;
      // with the fourth it answers 20 Nov 2043, the day ministers "endorsed Lutvia's decision to close its border
      // crossings" (every word of the question, but the endorsement's date). The closure is on the timeline (below).
      expect((await kb.ask('Who is Anna Reszka?')).answer).toMatch(/prime minister/i);
      expect((await kb.ask('How many officials did the EU sanction?')).answer).toContain('14');
    });

    it('dates: the closure on Monday, live-blog entries at local time, a meeting ahead', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2043-11-02');
      expect(ats).toContain('2043-11-05T21:50:00+02:00');
      expect(ats).toContain('2043-11-20');
      expect(ats).toContain('2043-11-19'); // "speaking in Strell on Thursday" (a Saturday article)
    });
  },
);
