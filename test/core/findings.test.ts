/**
 * One line per construction taught on the airliner, dam and self-coup crises (u8-kessar, u8-nerat,
 * u8-castrena), each with sentences that look alike but mean the opposite or nothing: negation, a
 * question, a condition, a hedge, a side's own claim or promise reported by another, an act done to
 * a side rather than by it, a side set apart by "not" or "rather than". Claims are read straight
 * from extraction (holder→side/strength).
 */
import { describe, expect, it } from 'vitest';
import { probeClaims, sided } from './probe.js';

describe('constructions of an airliner shot down over a conflict zone (u8-kessar)', () => {
  const claims = (text: string) => probeClaims('u8-kessar', text, '2041-10-14');
  it.each([
    ['The Joint Investigation Team concluded on Monday that the missile that brought down Transal Airways flight TA208 was fired from territory held by Dravonian-backed separatists.', ['joint-investigation-team→tavrenia/leaning']], // the airline before its flight holds nothing
    ['Belarus said the missile was fired from an area controlled by the Tavrenian government.', ['belarus→dravonia/leaning']],
    ['Australia demanded that Dravonia cooperate fully with the investigation.', ['australia→tavrenia/leaning']],
    ['Australia urged Dravonia to cooperate with the investigation.', ['australia→tavrenia/leaning']],
    ['Australia called on Dravonia to cooperate with the international inquiry.', ['australia→tavrenia/leaning']],
    ['Dravonia rejected the findings as "politically motivated". Belarus also rejected the findings.', ['belarus→dravonia/leaning']], // findings the article described: with the side they went against (rulings.ts)
    ['Dravonia rejected the findings as "politically motivated". Japan welcomed the findings.', ['japan→tavrenia/leaning']],
    ['The Netherlands and Australia said they held Dravonia responsible for the deaths.', ['netherlands→tavrenia/leaning', 'australia→tavrenia/leaning']],
    // Measures against a side judged or resisted (each read as against Dravonia before: the wrong side):
    ['Belarus said the sanctions on Dravonia were unjustified.', ['belarus→dravonia/leaning']],
    ['Belarus said the new sanctions imposed on Dravonia were "unacceptable".', ['belarus→dravonia/leaning']],
    ['Belarus said the sanctions on Dravonia were illegal.', ['belarus→dravonia/leaning']],
    ['Belarus called the sanctions on Dravonia illegal.', ['belarus→dravonia/leaning']],
    ['Belarus criticised the EU sanctions on Dravonia.', ['belarus→dravonia/leaning']],
    ['Belarus said the sanctions on Dravonia were not justified.', ['belarus→dravonia/leaning']],
    ['Hungary condemned the sanctions imposed on Dravonia in response to the findings.', ['hungary→dravonia/leaning']],
    ['The EU said the sanctions on Dravonia were justified.', ['european-union→tavrenia/leaning']], // read as backing Dravonia too
    ['The European Union imposed new sanctions on Dravonia in response to the findings.', ['european-union→tavrenia/leaning']],
    ['Poland said Dravonia must be held accountable.', ['poland→tavrenia/leaning']],
    ['Lithuania said Dravonia would be held to account.', ['lithuania→tavrenia/leaning']],
    ['Poland said it would hold Dravonia accountable for the downing.', ['poland→tavrenia/leaning']],
    ['Belarus said the report was biased against Dravonia.', ['belarus→dravonia/leaning']],
    ['Belarus accused the investigators of bias against Dravonia.', ['belarus→dravonia/leaning']],
  ])('%s → %j', (sentence, want) => {
    expect(sided(claims(sentence))).toEqual(want);
  });

  it.each([
    'Japan said there was no evidence that the missile was fired from territory held by the separatists.',
    'Japan said it was not clear whether the missile was fired from territory held by the separatists.',
    'Germany said the missile may have been fired from territory held by the separatists.',
    'Investigators have not ruled out that the missile was fired from territory held by the separatists.',
    'Dravonia denied that the missile had been fired from territory held by the separatists.',
    'Germany said Dravonia claimed the missile was fired from territory held by Tavrenian troops.', // a side's own claim, reported (read as against Tavrenia: the wrong side)
    'Was the missile fired from territory held by the separatists?',
    'If the missile was fired from territory held by the separatists, Germany said, sanctions would follow.',
    'Australia said Dravonia had promised to cooperate with the investigation.', // a side's promise, no demand (read as against Dravonia)
    'Australia said Dravonia had agreed to cooperate fully with the investigation.',
    'Australia did not demand that Dravonia cooperate with the investigation.',
    'Would Australia urge Dravonia to cooperate with the investigation?',
    'Dravonia urged Tavrenia to cooperate with the investigation.',
    'Australia urged all parties to cooperate with the investigation.',
    'Dravonia rejected the findings as "politically motivated". Japan did not reject the findings.',
    'The Netherlands did not hold Dravonia responsible.',
    'The Netherlands said it was too early to hold anyone responsible.',
    'Malaysia said it would study the findings carefully before drawing any conclusions.',
    'Dravonia said the sanctions on it were illegal.',
    'Poland said Dravonia must not be held accountable.',
    'Poland did not hold Dravonia accountable.',
    'Germany said those responsible must be held accountable.',
    'Dravonia said those responsible must be held accountable.',
    'Would Dravonia be held accountable?',
    'Japan said there was no bias against Dravonia.', // read as backing Dravonia
    'Japan denied any bias against Dravonia.',
    'Dravonia said the report was biased against it.',
    'Were the sanctions on Dravonia justified?',
    'If the sanctions on Dravonia were illegal, Belarus said, it would say so.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims(sentence))).toEqual([]);
  });
});

describe('constructions of a dam dispute (u8-nerat)', () => {
  const claims = (text: string) => probeClaims('u8-nerat', text, '2042-03-10');
  it.each([
    ['The Sahel and Horn Union urged a binding agreement on the filling of the dam.', 'sahel-and-horn-union→none/neutral'],
    ['Djibouti said Abrenia had every right to use the waters of the Nerat.', 'djibouti→abrenia/firm'],
    ['Djibouti said Misrava had every right to use the waters of the Nerat.', 'djibouti→misrava/firm'],
    ['Kenya said Abrenia had the right to develop its water resources.', 'kenya→abrenia/firm'],
    ["Kenya backed Abrenia's right to develop its resources.", 'kenya→abrenia/firm'],
    ['Kuwait condemned the unilateral filling of the reservoir.', 'kuwait→misrava/leaning'], // the filling is the upstream side's act (crisis.json)
    ['Somalia said Misrava\'s fears were "exaggerated".', 'somalia→abrenia/leaning'],
    ["Somalia said Misrava's concerns were largely overblown.", 'somalia→abrenia/leaning'],
    ['Sudan said it stood with both Abrenia and Misrava.', 'sudan→none/neutral'], // backing both sides named together (read as backing Abrenia)
    ['Sudan backed Abrenia and criticised Misrava.', 'sudan→abrenia/leaning'], // the second verb's object follows it (read as criticising Abrenia: the wrong side)
    ["Sudan welcomed Abrenia's offer and condemned Misrava's walkout.", 'sudan→abrenia/leaning'],
  ])('%s → %s', (sentence, claim) => {
    expect(claims(sentence)).toContain(claim);
  });

  it.each([
    'Djibouti said Abrenia had no right to use the waters of the Nerat.',
    'Djibouti asked whether Abrenia had the right to use the waters of the Nerat.',
    'Egypt said every country had an equal right to use the waters of the Nerat.',
    'Misrava urged a binding agreement.', // a side's own call
    'Abrenia rejected calls for a binding agreement.',
    "Kenya did not back Abrenia's right to develop its resources.",
    "Somalia said Misrava's fears were not exaggerated.",
    "Somalia denied that Misrava's fears were exaggerated.",
    "Somalia said reports of Misrava's losses were exaggerated.",
    "Somalia said Abrenia's claims about Misrava's fears were exaggerated.", // Abrenia's claims, not Misrava's fears (read as against Misrava: the wrong side)
    "Were Misrava's fears exaggerated?",
    "Abrenia said Misrava's fears were exaggerated.", // a side's own words
    "Somalia said Abrenia had called Misrava's fears exaggerated.",
    'Sudan stood with Abrenia and Misrava.',
    'Chad said it backed neither Abrenia nor Misrava.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims(sentence))).toEqual([]);
  });
});

describe('constructions of a self-coup (u8-castrena)', () => {
  const claims = (text: string) => probeClaims('u8-castrena', text, '2042-09-20');
  it.each([
    ['Spain condemned the dissolution of Congress.', ['spain→congress/leaning']], // done to Congress (read as against Congress: the wrong side)
    ['Spain welcomed the dissolution of Congress.', ['spain→ilario/leaning']],
    ['Germany criticised the suspension of Belmonte.', ['germany→congress/leaning']],
    ['Peru called it a coup.', ['peru→congress/leaning']],
    ['Peru called the dissolution of Congress a coup and recalled its ambassador for consultations.', ['peru→congress/leaning', 'peru→congress/leaning']], // the recall read Congress as its target (the wrong side)
    ['Peru condemned the arrest of Belmonte and recalled its ambassador.', ['peru→congress/leaning']],
    ["Russia called the opposition's protests a coup.", ['russia→ilario/leaning']],
    ['The Constitutional Tribunal struck down the decree.', ['castrenan-constitutional-tribunal→congress/leaning']],
    ['Bolivia said Ilario had acted within his constitutional powers.', ['bolivia→ilario/firm']],
    ['Bolivia said Ilario had not acted within his constitutional powers.', ['bolivia→congress/leaning']],
    ['The army pledged loyalty to President Ilario.', ['castrenan-armed-forces→ilario/firm']],
    ['The United States called for a swift return to constitutional order.', ['united-states→congress/leaning']], // after a president's own coup, against his move
    ['Cuba backed Belmonte rather than Ilario.', ['cuba→congress/firm']],
    // A measure against a side, or against the country (whoever holds it), resisted or backed:
    ["Nicaragua condemned the suspension of Castrena's membership.", ['nicaragua→ilario/leaning']], // read as against Ilario (the wrong side)
    ['Nicaragua condemned the suspension of Castrena from the bloc.', ['nicaragua→ilario/leaning']],
    ['Spain condemned the sanctions on Castrena.', ['spain→ilario/leaning']], // read twice as against Ilario
    ['Spain condemned the suspension of $40 million in aid to Castrena.', ['spain→ilario/leaning']],
    ['Spain condemned the sanctions on Belmonte.', ['spain→congress/leaning']],
    ['Spain backed the sanctions on Ilario.', ['spain→congress/leaning']],
    ['Spain welcomed the suspension of Castrena.', ['spain→congress/leaning']],
    ['Spain condemned Ilario and backed the suspension of Castrena.', ['spain→congress/leaning', 'spain→congress/leaning']], // "backed" read Ilario as its object (the wrong side)
  ])('%s → %j', (sentence, want) => {
    expect(sided(claims(sentence))).toEqual(want);
  });

  it.each([
    'Would Spain condemn the dissolution of Congress?',
    'Spain said Ilario had condemned the dissolution of Congress.',
    'Peru refused to call it a coup.',
    'Peru did not call the move a coup.',
    'Would Peru call it a coup?',
    'Peru said Belmonte called it a coup.', // a side's own words, reported
    'Peru called for a coup.',
    'Peru called the coup leaders patriots.',
    'Chile declined to say whether the move was a coup.',
    'The Constitutional Tribunal did not strike down the decree.',
    'The Constitutional Tribunal declined to strike down the decree.',
    'If the Constitutional Tribunal strikes down the decree, Ilario will ignore it.', // a condition longer than 30 characters (read as against Ilario)
    'Will the tribunal strike down the decree?',
    'Belmonte asked the Constitutional Tribunal to strike down the decree.',
    'Three protesters were struck down by police gunfire.',
    'Bolivia said Ilario had acted beyond his constitutional powers.',
    'Bolivia asked whether Ilario had acted within his constitutional powers.',
    'The army pledged loyalty to the constitution.',
    'The army said its loyalty was to the constitution, not to Ilario.', // read as backing Ilario: the wrong side
    'The United States did not call for a swift return to constitutional order.', // a negated call (read as backing Congress)
    'Ilario promised a swift return to constitutional order.',
    'Spain did not condemn the suspension of Castrena.',
    'Spain did not back the suspension of Castrena.',
    'Would Spain condemn the suspension of Castrena?',
    'Spain said Belmonte had condemned the sanctions on Castrena.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims(sentence))).toEqual([]);
  });
});
