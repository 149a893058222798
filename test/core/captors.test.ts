/**
 * One line per construction taught on the trade war, hostage and cyberattack crises (u6-orvenia,
 * u6-dalmarra, u6-vastland), each with sentences that look alike but mean the opposite or nothing:
 * negation, a question, reported speech, a side as the subject of the act, a rescue rather than a
 * release. Claims are read straight from extraction (holder→side/strength); a text may hold several
 * sentences, for acts that refer to one described earlier ("joined the attribution").
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/read/extract.js';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { loadCrisis } from '../../src/ingest/seeds.js';
import { probeClaims, sided } from './probe.js';

const claims = (fixture: string, text: string) => probeClaims(fixture, text, '2037-05-12');

describe('constructions of a trade war and energy cut-off (u6-orvenia)', () => {
  it.each([
    ['The European Union stood united behind Castrel.', 'european-union→castrel/firm'],
    ['Poland stands united behind Castrel.', 'poland→castrel/firm'],
    ['Britain said Orvenia cannot be trusted.', 'united-kingdom→castrel/leaning'],
    ['Norway said it would raise gas deliveries to Castrel by a third through the winter.', 'norway→castrel/leaning'],
    ['The United States said it would send liquefied natural gas to Castrel.', 'united-states→castrel/leaning'],
    ['The United Kingdom also welcomed the deal but said Orvenia could not be trusted as a supplier.', 'united-kingdom→castrel/leaning'], // "X welcomed … but said": X still speaks
  ])('%s → %s', (sentence, claim) => {
    expect(claims('u6-orvenia', sentence)).toContain(claim);
  });

  it.each([
    'The European Union did not stand united behind Castrel.',
    'Will the European Union stand united behind Castrel?',
    'Britain said Orvenia can be trusted.',
    'Britain asked whether Orvenia could be trusted.',
    'Orvenia said Castrel could not be trusted.', // a side's own words
    'Norway did not send gas to Castrel.',
    'Norway will no longer supply oil to Castrel.',
    'Norway refused to send gas to Castrel.',
    'Norway raised gas prices to record levels.',
    'Norway sent fuel to the Castrelian border.', // a place, not the side
    'Would Norway send gas to Castrel?',
    'If Norway raised gas deliveries to Castrel, prices would fall.',
    'Norway said Orvenia had sent gas to Castrel for years.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims('u6-orvenia', sentence))).toEqual([]);
  });
});

describe('constructions of a hostage crisis (u6-dalmarra)', () => {
  it.each([
    ['Italy held the Black Ridge Brigade responsible for the safety of the hostages.', 'italy→dalmarra/leaning'],
    ['Italy held the Dalmarran government responsible for the deaths of the hostages.', 'italy→brigade/leaning'],
    ['Japan demanded the release of the hostages held by the Brigade.', 'japan→dalmarra/leaning'], // the captor, not whom the release frees
    ['Japan demanded the release of Korr.', 'japan→brigade/leaning'], // a side freed: backing it, as before
    ['Russia said the Dalmarran government had the right to use all necessary means to free the hostages.', 'russia→dalmarra/firm'],
    ['Russia said Dalmarra had the right to use force.', 'russia→dalmarra/firm'],
    ['Britain said Dalmarra did not have the right to use force.', 'united-kingdom→brigade/leaning'],
    ['South Korea urged the Brigade to free the remaining hostages.', 'south-korea→dalmarra/leaning'],
    ['Sweden urged the Brigade in Kessa to respect the hostages and to release them.', 'sweden→dalmarra/leaning'], // a second order of the same verb of asking
    ['Canada urged the Brigade to release detained Dalmarran soldiers.', 'canada→dalmarra/leaning'], // "detained" with no captor named: those freed are backed
  ])('%s → %s', (sentence, claim) => {
    expect(claims('u6-dalmarra', sentence)).toContain(claim);
  });

  it.each([
    'Qatari mediators secured the release of five of the hostages held by the Black Ridge Brigade in Dalmarra.', // read as backing the captors
    'Qatar negotiated the release of Korr.',
    'Russia said the Dalmarran government had the right to use all necessary means to free the hostages, and Russia urged Dalmarra to use force to free them.', // "to free" after the means is a rescue, not an order to Dalmarra
    'Russia urged Dalmarra to use all necessary means to free the hostages.',
    'Italy did not hold the Brigade responsible for the kidnapping.',
    'Did Italy hold the Brigade responsible?',
    'Italy said Dalmarra held the Brigade responsible for the kidnapping.', // a side's own act, reported
    'Italy said the Brigade was holding the hostages and was responsible for their safety.',
    'Britain said Dalmarra had no right to use force.',
    'Italy said Dalmarra has also held the Brigade responsible for the kidnapping.',
    'If Dalmarra had the right to use force, it would free the hostages.',
  ])('no side, or not the wrong one: %s', (sentence) => {
    const cs = sided(claims('u6-dalmarra', sentence));
    expect(cs.filter((c) => !c.endsWith('→dalmarra/firm'))).toEqual([]);
  });
});

/** The hostage crisis with no acts in its file: whom a call to free people is against comes from the article alone. */
function claimsNoActs(text: string): string[] {
  const crisis = loadCrisis(join(import.meta.dirname, '..', 'fixtures', 'u6-dalmarra'));
  const gaz = new Gazetteer({ ...crisis, sides: crisis.sides.map(({ acts: _acts, ...side }) => side) });
  const x = extractDocument({ id: 'probe', source: 'Probe Wire', published: '2037-05-12', timezone: 'UTC' }, `Probe\n\n${text}`, gaz);
  return x.claims.map((c) => `${c.actorId}→${c.side ?? 'none'}/${c.strength}`);
}

describe('a call to free people is against the one asked only when the text makes it the captor', () => {
  it.each([
    ['Sweden urged Dalmarra to free the hostages it is holding.', 'sweden→brigade/leaning'],
    ['Sweden urged Dalmarra to release the people it had detained.', 'sweden→brigade/leaning'],
    ['The foreigners were kidnapped by Dalmarra. Sweden urged Dalmarra to free the hostages.', 'sweden→brigade/leaning'],
    ['The Brigade has held 14 foreigners since March. Sweden urged the Brigade to free them.', 'sweden→dalmarra/leaning'],
    ['The Brigade, which kidnapped 14 miners in March, said it would talk. Sweden urged the Brigade to free the hostages.', 'sweden→dalmarra/leaning'],
    ['Gunmen from the Brigade took 14 foreigners hostage. Sweden urged the Brigade to free the hostages.', 'sweden→dalmarra/leaning'],
    ['Sweden urged the Brigade to free the hostages held by Dalmarra.', 'sweden→brigade/leaning'], // the captor named after the release
    ['Sweden urged Dalmarra to release those detained.', 'sweden→brigade/leaning'], // custody, asked of the side in power, no hostage and no other captor named
  ])('%s → %s', (text, claim) => {
    expect(claimsNoActs(text)).toContain(claim);
  });

  it.each([
    'Sweden urged Dalmarra to free the hostages.', // a government asked to free hostages another side may hold
    'Sweden urged Dalmarra to free the remaining hostages immediately.',
    'Sweden called on Dalmarra to release the foreigners.',
    'Sweden urged the Brigade to free the hostages.', // no captor in the text (the crisis file, stripped here, lists the Brigade's kidnapping)
    'Dalmarra denied holding the hostages. Sweden urged Dalmarra to free the hostages.',
    'Dalmarra is not holding any foreigners. Sweden urged Dalmarra to free the hostages.',
    'Dalmarra held talks with the workers. Sweden urged Dalmarra to free the hostages.',
    'Dalmarra held the Brigade responsible for the hostages. Sweden urged Dalmarra to free the hostages.',
    'Is Dalmarra holding the hostages? Sweden urged Dalmarra to free the hostages.',
    'If Dalmarra holds the hostages, it must free them. Sweden urged Dalmarra to free the hostages.',
    'Dalmarran soldiers were seized by the Brigade. Sweden urged Dalmarra to free the hostages.', // Dalmarra's soldiers are the ones taken
    'Dalmarra is holding 30 suspected Brigade members. Sweden urged Dalmarra to free the hostages.', // holds people, not the hostages
    'The Brigade said Dalmarra was holding its fighters. Sweden urged Dalmarra to free the hostages.',
    'Sweden did not urge Dalmarra to free the hostages.',
    'Did Sweden urge Dalmarra to free the hostages?',
    'Sweden said it would urge Dalmarra to free the hostages if talks failed.',
    'Sweden urged Dalmarra to release the detained hostages.',
    'Sweden urged Dalmarra to help free the hostages.',
    'Sweden urged Dalmarra to do everything to free the hostages.',
    'Sweden urged the Brigade and Dalmarra to free the hostages.',
  ])('no side: %s', (text) => {
    expect(sided(claimsNoActs(text))).toEqual([]);
  });

  it('with the crisis file listing the Brigade\'s kidnapping: the Brigade is the captor, and "those detained" are no longer custody of the side in power', () => {
    expect(claims('u6-dalmarra', 'Sweden urged the Brigade to free the hostages.')).toContain('sweden→dalmarra/leaning');
    expect(sided(claims('u6-dalmarra', 'Sweden urged Dalmarra to free the hostages.'))).toEqual([]);
    expect(sided(claims('u6-dalmarra', 'Sweden urged Dalmarra to release those detained.'))).toEqual([]);
  });
});

describe('a holding responsible after a demanded release: both sides, so neither', () => {
  it('"called for the release of the hostages held by the Brigade and held Dalmarra responsible"', () => {
    expect(sided(claims('u6-dalmarra', 'Japan called for the release of the hostages held by the Brigade and held Dalmarra responsible for their safety.'))).toEqual([]);
  });
});

describe('constructions of a state-attributed cyberattack (u6-vastland)', () => {
  it.each([
    ["Britain attributed the attack to a unit of Korvath's military intelligence.", 'united-kingdom→vastland/leaning'],
    ['Vastland attributed the attack to Korvath. Britain and the Netherlands joined the attribution.', 'netherlands→vastland/leaning'], // the attribution described earlier
    ['Vastland attributed the attack to Korvath. The United States also joined the attribution.', 'united-states→vastland/leaning'],
    ['Iran said there was no proof that Korvath was behind the attack.', 'iran→korvath/leaning'], // read the wrong side (the blame inside it)
    ["Iran said there was no evidence that Korvath's intelligence services were responsible for the attack on Vastland's hospitals.", 'iran→korvath/leaning'],
    ['Iran said there was no proof that Korvath had carried out the attack.', 'iran→korvath/leaning'],
    ['Britain said there was no doubt that Korvath was behind the attack.', 'united-kingdom→vastland/leaning'],
    ['Britain said it did not doubt that Korvath was behind the attack.', 'united-kingdom→vastland/leaning'], // a doubt negated
    ['Iran questioned whether there was any proof that Korvath was behind the attack.', 'iran→korvath/leaning'], // read the wrong side
    ['Iran doubted that Korvath was behind the attack.', 'iran→korvath/leaning'],
    ['Belarus held Vastland responsible for the escalation.', 'belarus→korvath/leaning'],
  ])('%s → %s', (text, claim) => {
    expect(claims('u6-vastland', text)).toContain(claim);
  });

  it.each([
    'Britain said Vastland had attributed the attack to Korvath.', // a side's own attribution, reported
    'Britain stopped short of attributing the attack to Korvath.',
    'Britain did not attribute the attack to Korvath.',
    'Britain joined the attribution.', // no attribution described
    'Vastland stopped short of attributing the attack to Korvath. Britain joined the attribution.',
    'Vastland attributed the attack to Korvath. Britain did not join the attribution.',
    'Vastland attributed the attack to Korvath. Britain declined to join the attribution.',
    'Vastland attributed the attack to Korvath. Will Britain join the attribution?',
    'Is there no proof that Korvath was behind the attack?',
    'Iran said there was no proof that the hackers were Korvathi.',
    'If there is any proof that Korvath was behind the attack, Britain will respond.',
    "Britain said Vastland's government had formally attributed the attack to Korvath.",
    'Korvath held Vastland responsible for the escalation.',
    'Britain stopped short of naming Korvath.',
  ])('no side: %s', (text) => {
    expect(sided(claims('u6-vastland', text))).toEqual([]);
  });
});
