/**
 * Stances and answers in a maritime standoff between two states (made-up: Sorvana seizes a Tiralian
 * ship near the disputed Pellan Islands, 2030), written for these constructions only: both sides are
 * states, third countries summon ambassadors, call for freedom of navigation, offer mediation, and
 * vote at the UN.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a maritime standoff between two states',
  'pellan',
  [
    ['Philippines', 'tiralia', 'firm', 'expressed solidarity with Tiralia'],
    ['Vietnam', 'tiralia', 'leaning', 'the seizure was a violation of international law'],
    ['Cambodia', 'sorvana', 'firm', "backed Sorvana's claim"],
    ['United States', 'tiralia', 'leaning', 'called on Sorvana to release'], // "called on X to release …": an order to X
    ['Australia', 'tiralia', 'leaning', 'urging Sorvana to hand back the ship'], // "urging X to hand back"
    ['New Zealand', 'tiralia', 'leaning', 'urging Sorvana to hand back the ship'],
    ['Russia', 'sorvana', 'firm', 'had acted within its rights'], // "X acted within its rights"
    ['Germany', 'tiralia', 'leaning', 'summoned the Sorvanan ambassador'],
    ['European Union', 'tiralia', 'leaning', 'urged Sorvana to return the ship'], // "welcomed the release of the crew" aims at no side
    ['United Nations', 'tiralia', 'leaning', 'resolution calling on Sorvana to release'], // a resolution calling on X to …
    ['Malaysia', 'tiralia', 'leaning', 'lodged a formal protest with Sorvana'], // a formal protest lodged with X
    ['Ghana', 'tiralia', 'leaning', 'completely unjustified'], // X's acts "unjustified"
    ['Peru', 'tiralia', 'leaning', 'warned Sorvana against any further escalation'], // warning X against escalation
    ['Thailand', 'tiralia', 'firm', 'the islands belong to Tiralia'], // territory said to belong to X; ", and X said" holds its clause
    ['Mexico', 'tiralia', 'leaning', 'an act of piracy'], // calling X's act piracy
    ['Nigeria', 'sorvana', 'firm', 'sovereign right'], // "…, while X said": the subject of the clause's speech verb
    ['Italy', 'sorvana', 'leaning', 'fully understands'], // understanding X's position
    ['Greece', 'tiralia', 'leaning', 'criticised the seizure'], // criticising X's act
    ['Belarus', 'sorvana', 'leaning', 'voted against the resolution'], // a vote on "the resolution" the article described earlier (calling on Sorvana to release …)
    ['Iran', 'sorvana', 'leaning', 'voted against the resolution'],
    ['Cuba', 'sorvana', 'leaning', 'vote against any resolution condemning Sorvana'], // resisting a resolution against X backs X
    ['Chile', 'tiralia', 'leaning', 'back a resolution urging Sorvana to hand back the ship'], // backing a resolution: its own act says the side
    ['Singapore', 'tiralia', 'leaning', 'protested to Sorvana'], // protesting to X
    ['United Kingdom', 'tiralia', 'firm', 'committed to defending Tiralia'], // committed to defending X
    ['Laos', 'sorvana', 'leaning', 'a provocation'], // X's acts called a provocation
    ['Myanmar', 'sorvana', 'firm', 'the seizure was justified'], // X's act called justified
    ['Canada', 'tiralia', 'leaning', 'Canada condemned the seizure'],
    ['Fiji', 'tiralia', 'leaning', 'and Fiji followed suit'], // "X did …, and Y followed suit" in one sentence
    ['France', 'tiralia', 'leaning', 'but urged Sorvana to hand back the ship'], // "X said … but urged": X holds the second act too
    ['Japan', 'neutral', null, 'urged both sides to exercise restraint'], // a call for freedom of navigation names no one
    ['China', 'neutral', null, 'offered to mediate'],
    ['Turkey', 'neutral', null, 'offering to mediate'], // the speaker of a quote, after it, holds the act after "said,"
    ['South Korea', 'neutral', null, 'peaceful settlement'],
  ],
  (app) => {
    it('abstaining in a vote, or brokering talks, takes no side', () => {
      for (const q of ['India', 'Brazil', 'South Africa', 'Indonesia']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('"Chinese-built frigates" is an origin, not China acting', () => {
      expect(app().kb.stance('China')).toMatchObject({ alignment: 'neutral', strength: null });
      expect(app().kb.stance('China').evidence.map((e) => e.quote).join(' ')).not.toContain('Chinese-built');
    });

    it('a ship named with "the" is not a person ("the Corran Star arrived home")', () => {
      expect(app().kb.stance('Corran Star').found).toBe(false);
    });

    it('answers counts, dates and who-questions from the articles, and nothing else', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many crew members were on the ship?')).answer).toContain('23');
      expect((await kb.ask('When will Tiralia and Sorvana hold talks on fishing rights?')).answer).toBe('5 Oct 2030');
      expect((await kb.ask('When did Sorvana free the crew?')).answer).toBe('20 Sep 2030');
      expect((await kb.ask('Who is Petra Lang?')).answer).toMatch(/foreign minister/i);
      expect((await kb.ask('What is the capital of France?')).answer).toBeNull();
    });

    it('"arrived on Saturday, a day after Sorvana freed them": the freeing is an event of the day before', () => {
      const events = app().kb.timeline({ limit: 100 }).events;
      expect(events.some((e) => e.at === '2030-09-20' && e.text.includes('a day after Sorvana freed them'))).toBe(true);
    });

    it('live-blog entries are dated in local time, and a weekday in a wire is read back from publication', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2030-09-16T18:45:00+08:00');
      expect(ats).toContain('2030-09-16T12:00:00+08:00');
      expect(ats.some((a) => a.startsWith('2030-09-14'))).toBe(true);
    });
  },
);
