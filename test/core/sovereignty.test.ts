/**
 * One line per construction taught on the disputed election, reef standoff and secession crises
 * (u7-moravel, u7-sennet, u7-ardesh), each with sentences that look alike but mean the opposite or
 * nothing: negation, a question, a condition, a call resisted, a side's own act reported by another,
 * an act done to the state rather than upholding it. Claims are read straight from extraction
 * (holder→side/strength).
 */
import { describe, expect, it } from 'vitest';
import { probeClaims, sided } from './probe.js';

const claims = (fixture: string, text: string) => probeClaims(fixture, text, '2038-05-12');

describe('constructions of a disputed presidential election (u7-moravel)', () => {
  it.each([
    ['Observers from the Organization for Security and Co-operation in Europe said they had found serious irregularities.', 'osce→dorn/leaning'], // findings against whoever holds power; the mission's organisation speaks
    ['OSCE observers reported widespread irregularities.', 'osce→dorn/leaning'],
    ['Germany said the vote had been marred by serious irregularities.', 'germany→dorn/leaning'],
    ['The European Union declined to recognise the results.', 'european-union→dorn/leaning'],
    ["Poland declined to recognise Basko's re-election.", 'poland→dorn/leaning'],
    ['Germany called for a full recount.', 'germany→dorn/leaning'],
    ['Germany demanded a recount at 40 polling stations.', 'germany→dorn/leaning'],
    ['Germany said it could not accept the results "as they stand".', 'germany→dorn/leaning'],
    ['Germany cannot accept the results, its foreign minister said.', 'germany→dorn/leaning'],
    ['The United States said the election "fell well short of international standards".', 'united-states→dorn/leaning'],
    ['Serbia said the election was an internal matter for Moravel.', 'serbia→none/neutral'],
    ['Japan said it had "serious doubts" about the credibility of the vote.', 'japan→dorn/leaning'],
    ['Iran\'s foreign ministry spokesman said the vote had been "free, fair and transparent".', 'iran→basko/leaning'], // the vote called free and fair: whoever holds power
    ['Russia declared the election free and fair.', 'russia→basko/leaning'],
    ['Germany said the vote was not free and fair.', 'germany→dorn/leaning'],
  ])('%s → %s', (sentence, claim) => {
    expect(claims('u7-moravel', sentence)).toContain(claim);
  });

  it.each([
    'Observers from the OSCE said they had found no serious irregularities.',
    'Russia said there were no major irregularities.',
    'Basko denied any serious irregularities.',
    "Germany said Basko had found serious irregularities in Dorn's strongholds.", // a side's own finding
    'Poland declined to comment on the results.',
    'Would Poland decline to recognise the results?',
    'Poland said Dorn declined to recognise the results.', // a side's own refusal, reported (read as backing Basko)
    'Russia rejected calls for a recount.', // a call resisted (read as against Basko: the wrong side)
    'Russia rejected calls for early elections.', // the same, before this round
    'Germany opposed calls for a recount.',
    'Germany dismissed opposition demands for a recount.',
    'Germany did not call for a recount.',
    'If Germany called for a recount, Basko would be furious.',
    "Dorn's campaign called for a recount.",
    'Russia did not reject the results.', // a negated rejection (read as against Basko: the wrong side)
    'Germany said Dorn could not accept the results.', // a side's own act, reported (read as backing Basko)
    'The United States said the election did not fall short of international standards.',
    'Did the election fall short of international standards?',
    'The United States said the election met international standards.',
    'Monitors from the OSCE said the vote was orderly.',
    'Japan said it had no doubts about the credibility of the vote.',
    'Japan did not have doubts about the legitimacy of the election.',
    'Germany urged the authorities to hold free and fair elections.', // demanded, not said of the vote
    'Germany asked whether the vote had been free and fair.',
    'Germany said Basko claimed the vote was free and fair.', // a side's own claim, reported
  ])('no side: %s', (sentence) => {
    expect(sided(claims('u7-moravel', sentence))).toEqual([]);
  });
});

describe('constructions of a maritime standoff (u7-sennet)', () => {
  it.each([
    ['The United States reaffirmed its treaty commitments to Duresh.', 'united-states→duresh/firm'],
    ['Japan reaffirmed its ironclad defence commitments to Duresh.', 'japan→duresh/firm'],
    ['Vietnam and Malaysia said they would begin joint patrols with Duresh.', 'malaysia→duresh/leaning'],
    ["Laos echoed Kaimora's position that the ruling was invalid.", 'laos→kaimora/leaning'],
    ["Laos shares Duresh's concerns about Kaimora's conduct.", 'laos→duresh/leaning'],
    ['The European Union urged Kaimora to abide by the ruling.', 'european-union→duresh/leaning'],
    ['Brazil called on Kaimora to comply with the arbitration award.', 'brazil→duresh/leaning'],
    ['China condemned the joint patrols with Duresh.', 'china→kaimora/leaning'], // the patrols are the criticism's object
    ["Japan respected Duresh's territorial integrity.", 'japan→duresh/leaning'],
    ['India urged Kaimora and Duresh to settle their differences peacefully.', 'india→none/neutral'],
    ['Singapore said it took no position on the sovereignty of the reefs.', 'singapore→none/neutral'],
    ['The Philippines offered to host talks between the two sides.', 'philippines→none/neutral'],
    ['The European Union urged both sides to abide by the ruling.', 'european-union→none/neutral'],
  ])('%s → %s', (sentence, claim) => {
    expect(claims('u7-sennet', sentence)).toContain(claim);
  });

  it.each([
    'The United States did not reaffirm its treaty commitments to Duresh.',
    'Will the United States reaffirm its treaty commitments to Duresh?',
    'Kaimora urged the United States to reaffirm its treaty commitments to Duresh.',
    'The United States reaffirmed its commitment to dialogue with Duresh and Kaimora.',
    'Vietnam cancelled its joint patrols with Duresh.',
    'Vietnam suspended joint naval exercises with Duresh.',
    'Vietnam refused to hold joint patrols with Duresh.',
    'Would Vietnam hold joint drills with Duresh?',
    'Kaimora warned Vietnam against joint patrols with Duresh.',
    'Vietnam said Kaimora held joint drills with Cambodia.',
    'Duresh held joint patrols with Vietnam.',
    "Laos did not echo Kaimora's position.",
    'Laos did not praise Kaimora.', // a negated softer act (read as leaning toward Kaimora)
    "Laos did not welcome Kaimora's decision.",
    "Laos said Duresh shared Kaimora's position.",
    'Laos echoed the call for calm.',
    'The European Union did not urge Kaimora to abide by the ruling.',
    'Kaimora urged Duresh to abide by the ruling.',
    'The European Union said Kaimora would abide by the ruling.',
    'Singapore supported freedom of navigation in the area.',
    "Japan said Kaimora had violated Duresh's territorial integrity.",
    "Japan did not respect Duresh's territorial integrity.",
    'Japan respected the territorial integrity of all states in the region.',
    'Cambodia said Kaimora had asserted sovereignty over the reefs.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims('u7-sennet', sentence))).toEqual([]);
  });
});

describe('a ruling the article described earlier (u7-sennet, rulings.ts)', () => {
  it.each([
    ['Kaimora deployed six more coast guard vessels on Sunday and again rejected as null and void a 2036 arbitration ruling. Laos also rejected the ruling.', 'laos→kaimora/leaning'], // with the side it went against
    ['Kaimora rejected the arbitration ruling. Japan welcomed the ruling.', 'japan→duresh/leaning'],
    ['Kaimora rejected the ruling. Cambodia and Myanmar backed the award.', 'myanmar→duresh/leaning'],
    ['The tribunal ruled in favour of Duresh. Laos rejected the ruling.', 'laos→kaimora/leaning'],
    ['The tribunal ruled against Kaimora. Japan welcomed the verdict.', 'japan→duresh/leaning'],
  ])('%s → %s', (text, claim) => {
    expect(claims('u7-sennet', text)).toContain(claim);
  });

  it.each([
    'Laos rejected the ruling. Japan welcomed the ruling.', // no ruling described
    'Kaimora rejected the ruling. Laos did not reject the ruling.',
    'Kaimora rejected the ruling. Would Laos reject the ruling?',
    'Kaimora rejected the ruling. Laos said Duresh had rejected the ruling.',
    'Kaimora rejected the ruling. Laos rejected the ruling on fishing rights.', // another ruling
    'Kaimora said it would not reject the ruling. Laos rejected the ruling.',
    'If Kaimora rejects the ruling, Laos will too. Laos rejected the ruling.',
  ])('no side: %s', (text) => {
    expect(sided(claims('u7-sennet', text))).toEqual([]);
  });
});

describe('constructions of a secession (u7-ardesh)', () => {
  it.each([
    ['Germany said it respected the territorial integrity of Velmar.', 'germany→central/leaning'], // the state is the arena: against the side breaking away
    ["Germany respects Velmar's territorial integrity.", 'germany→central/leaning'],
    ['Ukraine fully supports the sovereignty and territorial integrity of Velmar.', 'ukraine→central/firm'],
    ['China respected the independence, sovereignty and territorial integrity of Velmar.', 'china→central/leaning'],
    ['Germany urged Russia to respect the territorial integrity of Velmar.', 'germany→central/leaning'],
    ['Belarus recognised the new republic.', 'belarus→separatists/firm'], // "the new republic" is the breakaway side's
    ['Serbia refused to recognise the self-declared republic.', 'serbia→central/leaning'],
    ['Armenia said it would not interfere in internal matters of Velmar.', 'armenia→none/neutral'],
    ['Moldova said it would never recognise Ardesh.', 'moldova→central/leaning'],
    ["Kazakhstan reaffirmed its support for Velmar's territorial integrity.", 'kazakhstan→central/firm'],
    ['Russia said the referendum was free and fair.', 'russia→separatists/leaning'], // the vote is the breakaway side's act
    ['Germany condemned the massing of Velmarian troops near Ardesh.', 'germany→separatists/leaning'], // the troops of the arena are whoever holds it
    ['Germany condemned the shelling of Kelt.', 'germany→separatists/leaning'],
    ['Russia said the referendum had not been free and fair.', 'russia→central/leaning'],
    ['Germany found serious irregularities in the referendum.', 'germany→central/leaning'],
    ['Germany called for a recount of the referendum.', 'germany→central/leaning'],
    ['Germany declined to recognise the results of the referendum.', 'germany→central/leaning'],
  ])('%s → %s', (sentence, claim) => {
    expect(claims('u7-ardesh', sentence)).toContain(claim);
  });

  it.each([
    'Germany did not respect the territorial integrity of Velmar.',
    'Germany said Russia had violated the territorial integrity of Velmar.',
    'Russia said the referendum did not threaten the territorial integrity of Velmar.',
    'Would Germany respect the territorial integrity of Velmar?',
    'Germany respected the territorial integrity of Ardesh.', // the side breaking away is no state to uphold
    'Germany respected the territorial integrity of Poland.', // a country outside the crisis
    'Germany has never respected the territorial integrity of Velmar, Russia said.',
    'Turkey took note of the referendum result.',
    'Venezuela said it was "studying" a request for recognition.',
    'Moldova asked whether Russia would never recognise Ardesh?',
    'Germany said Ardesh would never recognise Velmar.', // a side's own refusal
    // Where a side breaks away, "the vote" may be its referendum or an election: with no side or act named, no side
    // (each read as against the central government, which holds power: the wrong side where the referendum was meant).
    'Russia said the vote was free and fair.',
    'Germany said the vote was neither free nor fair.',
    'Germany called for a recount.',
    'Germany rejected the results.',
    'Germany said the vote was rigged.',
    'Germany declined to recognise the results.',
    'Germany called the vote a sham.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims('u7-ardesh', sentence))).toEqual([]);
  });
});

describe('after a coup, a vote called free and fair is nobody\'s', () => {
  it('"Russia said the election had been free and fair" in a coup crisis (read as backing the junta)', () => {
    expect(sided(claims('norland', 'Russia said the election had been free and fair.'))).toEqual([]);
  });
});

describe('territorial integrity takes no side where no side breaks away', () => {
  it('"respected the territorial integrity of Moravel" in a disputed election backs nobody', () => {
    expect(sided(claims('u7-moravel', 'Germany respected the territorial integrity of Moravel.'))).toEqual([]);
  });
});

/**
 * A hunt for the wrong side on the three crises, written before the code ran on them: reported
 * speech, the other side's findings rejected, conditions, relative clauses, both sides judged
 * together. Each gives the side an analyst gives, or no side; never the other one.
 */
describe('look-alikes of the three crises: never the wrong side', () => {
  it.each([
    ['u7-moravel', 'Dorn thanked Germany for calling for a recount.', 'basko'],
    ['u7-moravel', 'Russia, unlike Germany, did not call for a recount.', 'basko'],
    ['u7-moravel', "Germany's call for a recount was rejected by Russia.", 'basko'],
    ['u7-moravel', "The Kremlin dismissed the observers' findings of serious irregularities as biased.", 'dorn'], // read as against Basko
    ['u7-moravel', "Russia rejected the OSCE's report of widespread irregularities.", 'dorn'], // read as against Basko
    ['u7-moravel', 'Russia said claims of serious irregularities were "lies".', 'dorn'], // read as against Basko (the quote hid "were lies")
    ['u7-moravel', 'If observers find serious irregularities, Germany will call for a recount.', 'basko'],
    ["u7-moravel", "Basko's spokesman said the OSCE had found no serious irregularities.", 'dorn'],
    ['u7-moravel', 'Germany, which had called for a recount, congratulated Basko on Friday.', 'dorn'],
    ['u7-moravel', 'Poland would recognise Dorn as president if the court annulled the result.', 'basko'],
    ['u7-moravel', 'The court annulled the result, and Germany welcomed the ruling.', 'basko'],
    ['u7-sennet', 'Kaimora accused Duresh of staging the resupply missions as a provocation, and Cambodia agreed.', 'duresh'],
    ['u7-sennet', 'Vietnam, which holds joint patrols with Duresh, urged both sides to show restraint.', 'kaimora'],
    ['u7-sennet', 'India said both Kaimora and Duresh had acted within their rights.', 'duresh'], // read as backing Duresh, the last named
    ['u7-sennet', 'India said both Kaimora and Duresh had acted within their rights.', 'kaimora'],
    ['u7-sennet', 'Duresh asked Australia to join the joint patrols, but Canberra declined.', 'duresh'],
    ['u7-sennet', 'Should Cambodia side with Kaimora, the bloc would split.', 'kaimora'],
    ['u7-sennet', 'Kaimora accused Vietnam of planning joint patrols with Duresh.', 'duresh'],
    ['u7-ardesh', 'Belarus, which recognised the Republic of Ardesh on Wednesday, urged Oster and Kelt to talk.', 'central'],
    ['u7-ardesh', 'Turkey neither recognised Ardesh nor condemned the referendum.', 'central'],
    ['u7-ardesh', 'Hungary urged Velmar to respect the result of the referendum.', 'central'],
    ['u7-ardesh', 'The ISU suspended Ardesh\'s leaders, a move Russia called "illegal".', 'russia→central'], // the ISU's suspension is against the separatists
    ['u7-ardesh', 'Russia accused Germany of ignoring the will of Ardesh\'s voters.', 'central'],
    ['u7-ardesh', 'Germany condemned the massing of Velmarian troops near Ardesh.', 'central'], // the side named as a place read as the target: the wrong side
    ['u7-ardesh', 'Germany condemned the violence in Kelt.', 'central'],
  ])('%s: %s (never %s)', (fixture, sentence, wrong) => {
    // `wrong` is a side (nobody may hold it) or "actor→side".
    const bad = wrong.includes('→') ? `${wrong}/` : `→${wrong}/`;
    expect(sided(claims(fixture, sentence)).filter((c) => c.includes(bad))).toEqual([]);
  });
});
