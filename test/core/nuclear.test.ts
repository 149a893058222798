/**
 * Stances and answers in a nuclear standoff (made-up: Khalvor expels the inspectors of its
 * enrichment programme, three European states threaten "snapback" sanctions, its rival Dunmere
 * threatens strikes, Oman brokers a deal; 2034), written for these constructions only: a state's
 * right to enrich, reservations about a side's threats, rejecting a side's claim, opposing strikes
 * on a side, blocking a statement that would have condemned a side.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a nuclear standoff',
  'khalvor',
  [
    ['France', 'dunmere', 'leaning', 'condemned the decision to expel the inspectors'],
    ['United Kingdom', 'dunmere', 'leaning', 'condemned the decision to expel the inspectors'],
    ['Germany', 'dunmere', 'leaning', 'condemned the decision to expel the inspectors'],
    ['Russia', 'khalvor', 'firm', 'had the right to a peaceful nuclear programme'], // X has the right to a (peaceful) nuclear programme
    ['Belarus', 'khalvor', 'firm', 'had the right to enrich uranium'],
    ['Venezuela', 'khalvor', 'firm', 'had the right to enrich uranium'],
    ['China', 'khalvor', 'leaning', 'blocked a Security Council statement that would have condemned'], // resisting a statement that would have condemned X
    ['Japan', 'dunmere', 'leaning', "considering sanctions on Khalvor's oil exports"],
    ['United States', 'dunmere', 'leaning', "freeze the assets of Khalvor's central bank"],
    ['Egypt', 'khalvor', 'leaning', "expressed reservations about Dunmere's threats"], // reservations about X's acts
    ['Turkey', 'khalvor', 'leaning', "rejected Dunmere's claim"], // rejecting X's claim
    ['Pakistan', 'khalvor', 'leaning', 'opposed any strike on Khalvori soil'], // opposing a strike on X backs X
    ['Australia', 'dunmere', 'leaning', 'travel bans on four Khalvori nuclear officials'],
    ['Oman', 'neutral', null, 'offered to mediate'],
    ['Qatar', 'neutral', null, 'urged all parties to return to the negotiating table'],
    ['India', 'neutral', null, 'stopped short of criticising Khalvor'],
    ['Brazil', 'neutral', null, 'urged both sides to exercise restraint'],
    ['European Union', 'neutral', null, 'welcomed the deal'],
  ],
  (app) => {
    it('carrying messages, "judge X by its actions", reservations about a deal, and a name before others\' measures ("UN sanctions", "a Security Council statement") take no side', () => {
      for (const q of ['Switzerland', 'Canada', 'International Atomic Energy Agency', 'United Nations', 'UN Security Council']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('answers deadlines, amounts, places and who-questions', async () => {
      const kb = app().kb;
      expect((await kb.ask('When is the deadline for Khalvor to let the inspectors back?')).answer).toBe('20 Mar 2034');
      expect((await kb.ask('How long did Khalvor give the inspectors to leave?')).answer).toContain('72 hours');
      expect((await kb.ask('When will inspectors return to the Serin enrichment plant?')).answer).toBe('18 Mar 2034');
      // "The talks were held at a palace outside the Omani capital" names no place: "talks in Muscat" answers.
      expect((await kb.ask('Where were the talks held?')).answer).toBe('Muscat');
      expect((await kb.ask('Who is Ines Morland?')).answer).toMatch(/director general/i);
    });

    it('live-blog entries at their local time; "on Monday" read back from publication', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2034-03-08T21:40:00+04:00');
      expect(ats).toContain('2034-03-08T12:00:00+04:00');
      expect(ats).toContain('2034-03-06');
      expect(ats).toContain('2034-03-13');
    });
  },
);
