/**
 * /ask on eight made-up crises nobody on the team has seen, with the questions a desk editor or an
 * analyst would type (misspelt, lower-case, without a question mark too) and the answer a careful
 * analyst would accept from those articles — or "not in the corpus" when the articles do not say.
 * Written before the code was run on them. `a` is matched against the answer, `quote` against the
 * first citation (verbatim from an article, with its outlet and time), `none` asks for no answer.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

interface Case {
  q: string;
  a?: RegExp;
  quote?: RegExp;
  /** How a misspelt name was read, said with the answer. */
  note?: RegExp;
  none?: true;
  /** Still answered wrongly or not at all, and why: an expected failure until it is fixed. */
  known?: string;
}

const CRISES: Record<string, Case[]> = {
  khalvor: [
    { q: 'How long did Khalvor give the inspectors to leave?', a: /^(?:within )?72 hours/ },
    { q: 'How much enriched uranium does Khalvor have?', a: /410 kilograms/, known: 'the sentence says "a stockpile … grown to about 410 kilograms" without naming Khalvor; now "not in the corpus" (was "20 per cent")' },
    { q: 'Where were the talks held?', a: /^Muscat$/ },
    { q: 'Where did Khalvori negotiators walk out of talks?', a: /^Geneva$/ },
    { q: 'When will inspectors return to the Serin plant?', a: /^18 Mar 2034$/ },
    { q: 'When is the snapback deadline?', a: /^20 Mar 2034$/ },
    { q: 'Who is Ines Morland?', a: /director general/i },
    { q: 'who is farid osman', a: /nuclear chief/ },
    { q: 'What did Russia say about the deal?', quote: /victory for diplomacy/ },
    { q: 'Which countries blocked the Security Council statement?', quote: /Russia and China .*blocked/ },
    { q: 'How many Khalvori officials did Australia ban?', a: /^four Khalvori nuclear officials/ },
    { q: 'How many days of talks were held in Muscat?', a: /three days/ },
    { q: 'Who is the British ambassador?', a: /^Helen Marsh$/ },
    { q: 'How many people have died?', none: true },
    { q: 'What did Japan say?', quote: /considering sanctions on Khalvor's oil exports/ },
  ],
  pellan: [
    { q: 'How many crew members were on the ship?', a: /^23 crew members/ },
    { q: 'Who brokered the release of the crew?', a: /^Indonesia$/ },
    { q: 'Where were the talks held?', a: /^Jakarta$/ },
    { q: 'When will Tiralia and Sorvana hold talks on fishing rights?', a: /^5 Oct 2030$/ },
    { q: 'How many countries voted for the resolution?', a: /97 votes/ },
    { q: 'how many countries abstained', a: /38 abstentions/ },
    { q: 'Who is Petra Lang?', a: /foreign minister/i },
    { q: 'who is lena dario', a: /foreign minister/i },
    { q: 'Who is Anton Rusk?', a: /president/i },
    { q: 'Where did the crew arrive home?', a: /^Port Essan$/ },
    { q: 'How far from the islands was the ship seized?', a: /12 nautical miles/ },
    { q: 'What did Russia say?', quote: /acted within its rights/ },
    { q: 'Which countries abstained?', quote: /India, Brazil and South Africa abstained/ },
    { q: 'How much ransom was paid?', none: true },
    { q: 'Who is Kemal Aydin?', a: /foreign minister/i },
    { q: 'When did Sorvana seize the ship?', a: /^14 Sep 2030$/ },
  ],
  ostrel: [
    { q: 'How many migrants have died?', a: /\b23\b/, known: '"deaths at the border, which the UN refugee agency said had reached 23" does not say migrants; the earlier "at least 19 migrants had died" is given' },
    { q: 'How long is the border?', a: /400-kilometre/ },
    { q: 'How many people are stranded at the border?', a: /4,300 people/ },
    { q: 'Why did Valkar close the border?', quote: /weaponising migrants/ },
    { q: 'How many border guards will Poland send?', a: /^500 border guards/ },
    { q: 'How many soldiers did Slovakia send?', a: /^200 soldiers/ },
    { q: 'Who is Marta Sokol?', a: /interior minister/i },
    { q: 'who is jana kessler', a: /prime minister/i },
    { q: 'When will officials meet again?', a: /^23 Aug 2035$/ },
    { q: 'Where will Valkari and Ostreli officials meet again?', a: /^Brussels$/ },
    { q: 'How many migrants will Valkar let in?', a: /^600\b/ },
    { q: 'What did Hungary say?', quote: /legitimate act of self-defence/ },
    { q: 'Which countries offered to take in refugees?', quote: /Spain and Italy|Portugal|Ireland/ },
    { q: 'How many migrants did Portugal offer to shelter?', a: /^300\b/ },
    { q: 'When was the patrol boat seized?', a: /^17 Aug 2035$/ },
    { q: 'How much money has the EU given Valkar?', none: true },
    { q: 'who is marta sokoll', a: /interior minister/i, note: /as “Marta Sokol”/ },
    { q: 'what did the eu threaten', quote: /European Union threatened new sanctions/ },
  ],
  delvoria: [
    { q: 'How many people have been killed?', a: /more than 9,000 people/ },
    { q: 'How many people were displaced?', a: /1\.2 million/ },
    { q: 'Who brokered the ceasefire?', a: /^Qatar$/ },
    { q: 'How many prisoners were exchanged?', a: /^412 prisoners/ },
    { q: 'How many rebel fighters did the government free?', a: /^250 rebel fighters/ },
    { q: 'When will the next round of talks open?', a: /^9 Jul 2033$/ },
    { q: 'Who is Idris Kallon?', a: /leader/ },
    { q: 'who is ruth wanjala', a: /foreign minister/ },
    { q: 'How many troops will Uganda send?', a: /^300 troops/ },
    { q: 'How long has the war lasted?', a: /14 months/ }, // "ending 14 months of fighting": for a duration, a war's words are one
    { q: 'How long did the conflict last?', a: /14 months/ },
    { q: 'How long is the ceasefire?', none: true }, // "14 months of fighting" is not the ceasefire's length (nor is "9,000 people")
    { q: 'What did Canada do?', quote: /Canada removed the Harrow Liberation Front/ },
    { q: 'Where did the prisoner exchange take place?', a: /^Tarso$/ },
    { q: 'How long do the parties have to exchange prisoners?', a: /30 days/ },
    { q: 'Who is the president of Delvoria?', a: /Dembo/ },
    { q: 'How much aid has the EU pledged?', none: true },
  ],
  brevania: [
    { q: 'How many people have been arrested?', a: /^264 people/ },
    { q: 'How many journalists were arrested?', a: /^19 journalists/ },
    { q: 'How many people were injured?', a: /37 people/ },
    { q: 'How did parliament vote on impeachment?', a: /88 votes to 71/ },
    { q: 'How much budget support did the EU suspend?', a: /^120 million euros$/ },
    { q: 'When is the general strike?', a: /^10 Mar 2032$/ },
    { q: 'Who is Ines Varga?', a: /^Opposition leader$/i },
    { q: 'who is alma ferro', a: /president of the Constitutional Court/ },
    { q: 'How many people rallied in Velgrad on Saturday?', a: /40,000 people/ },
    { q: 'How long can the election be postponed?', a: /18 months/ },
    { q: 'What did France say?', quote: /France questioned the legitimacy|An election delayed/ },
    { q: 'Who is Gergely Sandor?', a: /prime minister/ },
    { q: 'Which country summoned Brevania’s ambassador?', quote: /Greece summoned/ },
    { q: 'How many people have died?', none: true },
  ],
  lunvik: [
    { q: 'How old was Pavel Sarin?', a: /^52$/ },
    { q: 'How old is Oleg Brandt?', a: /^41$/ },
    { q: 'how old is kosar', a: /^38$/ },
    { q: 'When is the trial?', a: /^14 Sep 2036$/ },
    { q: 'When were the suspects arrested?', a: /^11 May 2036$/ },
    { q: 'How many diplomats did Britain expel?', a: /^four Drovanian diplomats/ },
    { q: 'Which countries expelled diplomats?', quote: /expelled/ },
    { q: 'Who is Eva Lind?', a: /prime minister/ },
    { q: 'Who is Yuri Danek?', a: /Ambassador/i },
    { q: 'How many Drovanian officials did the EU sanction?', a: /^six Drovanian officials/ },
    { q: 'What was Sarin poisoned with?', quote: /nerve agent/ },
    { q: 'What did France say?', quote: /no doubt/ },
    { q: 'Who is Arkady Volkan?', a: /^President$/ },
    { q: 'How long after collapsing did Sarin die?', a: /five days/ },
    { q: 'How old is Eva Lind?', none: true },
    { q: 'how many diplomats did britian expel', a: /^four Drovanian diplomats/, note: /“britian” as “Britain”/ },
    { q: 'Who is Eva Lindt?', a: /prime minister/, note: /“Lindt” as “Eva Lind”|“Eva Lindt” as “Eva Lind”/ },
    { q: 'how old is pavel sarrin', a: /^52$/, known: 'Sarin is not an actor of the crisis, so no name is near "sarrin"' },
  ],
  norland: [
    { q: 'When will elections be held?', a: /^3 Mar 2032$/ },
    { q: 'When will defence ministers meet?', a: /^30 Dec 2031$/ },
    { q: 'Who is Amara Odede?', a: /foreign minister/ },
    { q: 'Who is Ana Ruiz?', a: /spokeswoman for the junta/ },
    { q: 'Who is Tomas Berg?', a: /president-elect/ },
    { q: 'who is emil sandor', a: /Omani foreign minister/ },
    { q: 'How much did Australia offer?', a: /\$50 million/ },
    { q: 'Which countries recognised Hale?', quote: /Lithuania recognised|Portugal on Monday recognized/ },
    { q: 'What did Norway do?', quote: /Norway suspended official visits/ },
    { q: 'Who is accused of arming the junta?', a: /^Moldova$/ },
    { q: 'When did the junta close the border?', a: /^17 Dec 2031$/ },
    { q: 'When was the curfew lifted?', a: /^14 Dec 2031$/ },
    { q: 'How many people have died?', none: true },
    { q: 'Who is Ana Tove?', a: /Secretary-General/ },
  ],
  tamaro: [
    { q: 'Which country closed its border with Tamaro?', quote: /Benin closed its border/ },
    { q: 'How long did the regional bloc give the junta?', a: /one week/ },
    { q: 'Who is Hamid Bello?', a: /former prime minister/ },
    { q: 'Who threatened military intervention?', a: /^Nigeria$/ },
    { q: 'What did Canada do?', quote: /Canada paused development aid/ },
    { q: 'Who evacuated its citizens?', a: /^Morocco$/ },
    { q: 'Has Belarus recognised the junta?', quote: /announced by Belarus/ },
    { q: 'How much aid did Canada pause?', none: true },
    { q: 'Who offered to mediate?', a: /^Togo$/ },
    { q: 'Did Qatar supply weapons to the junta?', quote: /Qatar denied supplying weapons/ },
  ],
};

for (const [crisis, cases] of Object.entries(CRISES)) {
  describe(`ask on ${crisis}`, () => {
    let app: ReturnType<typeof freshApp>;
    beforeAll(() => {
      app = freshApp(join(import.meta.dirname, '..', 'fixtures', crisis));
    });
    afterAll(() => app.cleanup());

    const check = async (c: Case) => {
      const r = await app.kb.ask(c.q);
      if (c.none) {
        expect(r.answer, `answered: ${r.citations[0]?.quote}`).toBeNull();
        return;
      }
      expect(r.answer, 'not answered').not.toBeNull();
      const cite = r.citations[0];
      // Every answer quotes its sentence with the outlet and the time.
      expect(cite?.source).toBeTruthy();
      expect(cite?.at).toBeTruthy();
      if (c.a) expect(r.answer, `from: ${cite?.quote}`).toMatch(c.a);
      if (c.quote) expect(cite?.quote).toMatch(c.quote);
      if (c.note) expect(r.note).toMatch(c.note);
    };
    it.each(cases.filter((c) => !c.known))('$q', check);
    const known = cases.filter((c) => c.known);
    if (known.length) it.fails.each(known)('known: $q ($known)', check);
  });
}
