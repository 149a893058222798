/**
 * One line per construction taught on the border and migration, shipping and peacekeeping crises
 * (u9-lutvia, u9-tamrah, u9-mokanda), each with sentences that look alike but mean the opposite or
 * nothing: negation, a question, a condition, a hedge, a side's own act or claim, a possessive side, a
 * side set apart by "not", an order not given, a measure not joined. Claims are read straight from
 * extraction (holder→side/strength).
 */
import { describe, expect, it } from 'vitest';
import { probeClaims, sided } from './probe.js';

describe('constructions of a border and migration crisis (u9-lutvia)', () => {
  const claims = (text: string) => probeClaims('u9-lutvia', text, '2043-11-12');
  it.each([
    ['Serbia said Lutvia, not Drevska, was to blame for the suffering at the border.', ['serbia→drevska/leaning']], // the side set apart by "not" is not the one blamed
    ['Serbia said Lutvia was to blame.', ['serbia→drevska/leaning']],
    ['Serbia said Drevska, not Lutvia, was to blame.', ['serbia→lutvia/leaning']],
    ['Serbia sought to blame Lutvia for the deaths.', ['serbia→drevska/leaning']], // "to blame X" is still blaming X
    ['Russia called the pushbacks a disgrace.', ['russia→drevska/leaning']],
    ['Spain agreed to take in 300 asylum seekers, but said it backed Lutvia\'s right to control its borders.', ['spain→lutvia/firm']], // "X …, but said" keeps X
    ['Spain agreed to take in 300 asylum seekers, but Italy said it backed Lutvia.', ['italy→lutvia/firm']],
    ['Hungary said Lutvia had every right to protect its border.', ['hungary→lutvia/firm']],
    ['Norway said it would align itself with the sanctions on Drevska.', ['norway→lutvia/leaning']],
    ['The EU imposed sanctions on Drevska in response.', ['european-union→lutvia/leaning']],
    ['Poland accused Drevska of orchestrating the influx.', ['poland→lutvia/leaning']],
    ['Poland offered to help Lutvia protect its border.', ['poland→lutvia/firm']],
    ['Russia defended Drevska.', ['russia→drevska/firm']],
    ["Russia defended Drevska's right to control its airports.", ['russia→drevska/firm']],
    ['Poland said Drevska was using migrants as a weapon.', ['poland→lutvia/leaning']],
    ['Poland said Drevska was weaponising migrants.', ['poland→lutvia/leaning']],
    ["Poland said Drevska's government was cynically using migrants as pawns.", ['poland→lutvia/leaning']],
    ['Iran condemned what it called the EU\'s "collective punishment" of Drevska.', ['iran→drevska/leaning', 'european-union→lutvia/leaning']], // read as against Drevska (the wrong side)
  ])('%s → %j', (sentence, want) => {
    expect(sided(claims(sentence))).toEqual(want);
  });

  it.each([
    'Serbia said Drevska was not to blame for the crisis.',
    'Serbia said Lutvia was not to blame for the crisis.',
    'Serbia said it was too early to say who was to blame for the deaths.',
    'Is Lutvia to blame for the deaths?',
    'If Lutvia is to blame, Serbia said, it must pay.',
    'Lutvia said Drevska was to blame for the crisis.', // a side's own claim
    'Drevska said Lutvia alone was to blame for the deaths.',
    'Serbia said neither Lutvia nor Drevska was to blame.',
    'Serbia said Lutvia and Drevska were both to blame.',
    'Russia did not call the pushbacks a disgrace.',
    'Russia said it was a disgrace that Lutvia had closed the border.',
    'Norway said it would not align itself with the sanctions on Drevska.', // read as Norway's own sanctions
    'Norway refused to join the EU sanctions on Drevska.', // likewise
    'Norway did not support the sanctions on Drevska.',
    'Drevska said it had every right to protect its borders.',
    'Did Lutvia have the right to protect its border?',
    'Hungary said Lutvia had no right to close its border.',
    'Germany agreed to take in 500 asylum seekers.',
    'Germany agreed to take in 500 asylum seekers stranded in Drevska.',
    'Doctors Without Borders called for humanitarian access to the border zone.',
    'Lutvia deployed troops to the frontier with Drevska.',
    'Poland deployed 200 troops to the Drevskan border.',
    'Lutvian border guards pushed migrants back across the border into Drevska.',
    'Drevska is accused of weaponising migrants.',
    'Drevska accused Poland of weaponising migrants.',
    'Poland denied accusing Drevska of orchestrating the influx.',
    'Lutvia closed its border crossings with Drevska.',
    'Italy said it would take in 200 migrants; it did not say whether it supported the closure.',
    'Poland offered to help mediate.',
    'Poland offered to help Lutvia and Drevska settle their differences.',
    'Poland did not offer to help Lutvia.',
    'Russia defended itself.',
    'Observers expect Russia to defend itself against Lutvia.', // an expected act is a hedge, and aims at no side after it
    'Observers expect Poland to join the talks with Lutvia.',
    'Russia did not defend Drevska.',
    'Lutvia defended its decision.',
    'Poland said Drevska was not weaponising migrants.',
    'Drevska denied weaponising migrants.',
    'Lutvia said Drevska was using migrants as pawns.', // a side's own claim
    'Drevska said Lutvia was using migrants as pawns.',
    'Is Drevska weaponising migrants?',
    'Poland said migrants were being used as pawns.',
    'Russia warned the EU against imposing sanctions on Drevska.', // read as the EU's sanctions
  ])('no side: %s', (sentence) => {
    expect(sided(claims(sentence))).toEqual([]);
  });
});

describe('constructions of attacks on shipping in a strait (u9-tamrah)', () => {
  const claims = (text: string) => probeClaims('u9-tamrah', text, '2044-03-17');
  it.each([
    ['Japan joined the coalition.', ['japan→coalition/firm']],
    ['Japan and South Korea joined the coalition, a coalition spokesman said.', ['japan→coalition/firm', 'south-korea→coalition/firm']],
    ['Japan joined Operation Safe Passage.', ['japan→coalition/firm']],
    ['Zaravan said Japan had joined the coalition.', ['japan→coalition/firm']],
    ['The Netherlands sent a frigate to join the coalition.', ['netherlands→coalition/firm', 'netherlands→coalition/firm']], // sending a warship to a side, and joining it
    ['Greece said it would send a second frigate to the coalition.', ['greece→coalition/firm']],
    ['Denmark contributed a frigate to the coalition.', ['denmark→coalition/firm']],
    ['Japan considered joining the coalition.', ['japan→coalition/leaning']], // a join weighed: a leaning, as "considering backing"
    ['Japan may join the coalition.', ['japan→coalition/leaning']],
    ['Zaravan remains the militia\'s main patron.', ['zaravan→brigades/firm']], // a patron is an ally
    ['Zaravan, the Brigades\' main patron, denied supplying the drones.', ['zaravan→brigades/firm']],
    ['Algeria condemned the strikes on the militia.', ['algeria→brigades/leaning']], // opposing force used against a side
    ['Qatar welcomed the strikes on the Brigades.', ['qatar→coalition/leaning']],
    ['Britain condemned the attack on the tanker.', ['united-kingdom→coalition/leaning']], // the attack is the militia's act (crisis.json)
  ])('%s → %j', (sentence, want) => {
    expect(sided(claims(sentence))).toEqual(want);
  });

  it.each([
    'Japan said it would not join the coalition.',
    'Japan refused to join the coalition.',
    'Japan has not joined the coalition.',
    'Will Japan join the coalition?',
    'If Japan joined the coalition, Zaravan said, it would retaliate.',
    'Japan joined calls for the Brigades to release the crew.',
    'Japan joined the talks with the Brigades.',
    'Japan joined the Brigades\' critics.', // a possessive side is not what is joined (read as backing the Brigades)
    'Japan was invited to join the coalition.',
    'Iran said countries that joined the coalition would be targeted.', // a generic relative head (read as Iran backing the coalition: the wrong side)
    'Iran said any country joining the coalition would pay a price.',
    'Zaravan warned Japan against joining the coalition.', // warned against: nobody joined (read as Japan's join)
    'The Brigades warned Japan against joining the coalition.',
    'Japan denied it had joined the coalition.',
    'Zaravan denied being the militia\'s main patron.',
    'Is Zaravan the militia\'s main patron?',
    'Zaravan said it was not the militia\'s patron.',
    'The patron saint of sailors is Saint Nicholas.',
    'Algeria did not condemn the strikes on the militia.',
    'The Brigades condemned the strikes on the militia.',
    'The Hawkar Brigades claimed responsibility for the attack on the tanker.',
    'Zaravan is accused of arming the militia.',
    'Zaravan denied supplying the drones.',
    'Zaravan denied supplying the Brigades with drones.',
    'Britain did not condemn the attack on the tanker.',
    'Nordhav Lines suspended transits through the strait.',
    'Coalition warships escorted 9 vessels.',
    'The Netherlands sent a frigate to escort vessels.',
    'The Netherlands sent a frigate to the Strait of Tamrah.',
    'Greece said it would not send a frigate to the coalition.',
    'Denmark did not contribute a frigate to the coalition.',
    'Denmark contributed 2 million dollars to the relief effort.',
    'Algeria condemned both the attacks on shipping and the strikes on the Brigades.',
    'India urged the coalition to release the crew.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims(sentence))).toEqual([]);
  });
});

describe('constructions of a peacekeeping mission expelled (u9-mokanda)', () => {
  const claims = (text: string) => probeClaims('u9-mokanda', text, '2045-05-12');
  it.each([
    ['Burkina Faso welcomed the withdrawal of the peacekeepers.', ['burkina-faso→government/leaning']], // welcoming an act done to a side: against it
    ['Burkina Faso welcomed the departure of the peacekeepers.', ['burkina-faso→government/leaning']],
    ['Burkina Faso condemned the withdrawal of the peacekeepers.', ['burkina-faso→mission/leaning']],
    ['Burkina Faso regretted the withdrawal of the peacekeepers.', ['burkina-faso→mission/leaning']],
    ['The Security Council regretted the decision.', ['un-security-council→mission/leaning']], // "the decision" is the government's act (crisis.json)
    ['The Security Council regretted the transitional government\'s decision.', ['un-security-council→mission/leaning']],
    ['The United States said it was disappointed by the decision.', ['united-states→mission/leaning']],
    ['The United States said it was "disappointed" by the decision.', ['united-states→mission/leaning']],
    ['The United States urged the transitional government to reconsider.', ['united-states→mission/leaning']],
    ['The United States urged the transitional government to reverse its decision.', ['united-states→mission/leaning']],
    ['The United States, which did not comment last week, urged the transitional government to reconsider.', ['united-states→mission/leaning']],
    ['Mali said the expulsion of the mission had been Mokanda\'s sovereign right.', ['mali→government/firm']],
    ['Senegal called the decision a grave mistake.', ['senegal→mission/leaning']],
  ])('%s → %j', (sentence, want) => {
    expect(sided(claims(sentence))).toEqual(want);
  });

  it.each([
    'Burkina Faso did not welcome the withdrawal of the peacekeepers.',
    'Would Burkina Faso welcome the withdrawal of the peacekeepers?',
    'The transitional government welcomed the withdrawal of the peacekeepers.',
    'Burkina Faso said UNMOK welcomed the withdrawal of Karvenian contractors.',
    'The Security Council did not regret the decision.',
    'The transitional government regretted the decision of the Security Council.',
    'The Security Council regretted the loss of life.',
    'Ireland regretted its decision to withdraw.', // the holder's own decision
    'The United States said it was not disappointed by the decision.',
    'The United States did not urge the transitional government to reconsider.', // an order not given (read as against the government)
    'The United States did not urge the transitional government to withdraw.',
    'The United States never called on the transitional government to halt the expulsion.',
    'The United States stopped short of urging the transitional government to reconsider.',
    'The transitional government urged UNMOK to reconsider its patrols.',
    'The United States said the transitional government would not reconsider.',
    'The United States said it would reconsider its aid.',
    'France warned of a security vacuum in the north.',
    'Senegal did not call the decision a mistake.',
    'The transitional government called the mission a mistake.',
    'Senegal said it would be a mistake to keep the mission.',
    'Ireland said it would withdraw its 340 troops from UNMOK.',
    'The Central African Community offered to mediate between Bassako and the United Nations.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims(sentence))).toEqual([]);
  });
});

describe('a violation of a side\'s sovereignty (session 8, a border strike)', () => {
  const claims = (text: string) => probeClaims('velsund', text, '2041-10-18');
  it.each([
    // Condemning an act as a violation of X's sovereignty backs X: X is the one violated (read as against X: the wrong side).
    ["Turkey condemned the strikes as a violation of Ostmark's sovereignty and expressed solidarity with the Ostmarkian people.", ['turkey→ostmark/leaning']],
    ["Turkey condemned the violation of Ostmark's airspace.", ['turkey→ostmark/leaning']],
    ['Turkey condemned the breach of Ostmark\'s borders.', ['turkey→ostmark/leaning']],
    // X's own violation, or one by X, is against X.
    ["Turkey condemned Ostmark's violation of the ceasefire.", ['turkey→reval/leaning', 'turkey→reval/leaning']], // two cues: "condemned" and "violation of the ceasefire"
    ['Turkey condemned the violation of the truce by Ostmark.', ['turkey→reval/leaning']],
    ["Turkey accused Ostmark of a violation of the Reval Union's airspace.", ['turkey→reval/leaning']],
  ])('%s → %j', (sentence, want) => {
    expect(sided(claims(sentence))).toEqual(want);
  });
});

describe('support taken away (session 8)', () => {
  const claims = (text: string) => probeClaims('velsund', text, '2041-10-18');
  it.each([
    // Welcoming support withdrawn from X is against X (it read as backing X: a wrong side).
    ['Norway welcomed the withdrawal of support for Ostmark.', ['norway→reval/leaning']],
    ['Norway welcomed an end to military aid to the Reval Union.', ['norway→ostmark/leaning']],
    // Withdrawing one's own support or recognition backs no one.
    ['Norway withdrew its support for Ostmark.', []],
    ['Norway revoked its recognition of the Reval Union.', []],
    // A withdrawal of something else is not support taken away.
    ['Norway backed Ostmark after the withdrawal of Reval Union troops.', ['norway→ostmark/firm']],
  ])('%s → %j', (sentence, want) => {
    expect(sided(claims(sentence))).toEqual(want);
  });
});
