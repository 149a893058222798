/**
 * The reason a sentence gives for an act (src/core/answer/causes.ts): only a reason tied to the
 * act by a construction that states one, never a sentence that merely mentions both.
 */
import { describe, expect, it } from 'vitest';
import { causeOf, reasonFor } from '../../src/core/answer/causes.js';

/** The cause of the act `act` (a verbatim part of the sentence). */
function cause(sentence: string, act: string) {
  const start = sentence.indexOf(act);
  if (start < 0) throw new Error(`"${act}" is not in "${sentence}"`);
  return causeOf(sentence, start, start + act.length);
}

describe('the reason a sentence gives for an act', () => {
  it.each([
    ['Valkar expelled four Ostrel diplomats on Monday in retaliation for the seizure of its patrol boat.', 'expelled four Ostrel diplomats on Monday', 'In retaliation for', 'the seizure of its patrol boat'],
    ['After Ostrel seized the patrol boat, Valkar expelled four diplomats.', 'expelled four diplomats', 'After', 'Ostrel seized the patrol boat'],
    ['Hours after the border post was shelled, Valkar recalled its ambassador.', 'recalled its ambassador', 'After', 'the border post was shelled'],
    ['The seizure of the boat prompted Valkar to expel four diplomats.', 'expel four diplomats', 'Because of', 'The seizure of the boat'],
    ['Ostrel seized the boat on Friday, leading Valkar to expel four diplomats.', 'expel four diplomats', 'Because', 'Ostrel seized the boat on Friday'],
    ['Valkar expelled four diplomats, citing espionage.', 'expelled four diplomats', 'Citing', 'espionage'],
    ['Valkar expelled four diplomats because they had spied on its navy, the ministry said.', 'expelled four diplomats', 'Because', 'they had spied on its navy'],
    ['Valkar expelled four diplomats over the poisoning of a defector.', 'expelled four diplomats', 'Over', 'the poisoning of a defector'],
    ['The union suspended Castrena in response to the dissolution of parliament.', 'suspended Castrena', 'In response to', 'the dissolution of parliament'],
    ['Dock workers walked out to protest the new port fees.', 'walked out', 'In protest at', 'the new port fees'],
    ['The column turned back 200 kilometres from the capital to avoid "spilling blood."', 'turned back', 'To avoid', 'spilling blood'],
    ['Valkar closed the crossing in order to stop the smuggling of fuel.', 'closed the crossing', 'To stop', 'the smuggling of fuel'],
  ])('%s', (sentence, act, tie, reason) => {
    expect(cause(sentence, act)).toEqual({ tie, cause: reason });
  });

  it.each([
    // A time, not a reason.
    ['Valkar expelled four diplomats over the weekend.', 'expelled four diplomats'],
    ['Valkar expelled four diplomats after midnight.', 'expelled four diplomats'],
    ['Valkar expelled four diplomats after two weeks of talks.', 'expelled four diplomats'],
    // "to" before a place or a noun is no purpose.
    ['Valkar moved troops to the border.', 'moved troops'],
    // Both named, no reason tied to the act.
    ['Valkar expelled four diplomats and said the talks were over.', 'expelled four diplomats'],
    ['Valkar expelled four diplomats; Ostrel seized a second boat.', 'expelled four diplomats'],
    // Words before "after" that are not a time: the sentence's subject and verb.
    ['Protesters gathered after Friday prayers, and the police fired tear gas.', 'fired tear gas'],
    // The reason belongs to another act of the sentence.
    ['After the talks collapsed, Ostrel seized a boat, and Valkar expelled four diplomats.', 'expelled four diplomats'],
  ])('no reason: %s', (sentence, act) => {
    expect(cause(sentence, act)).toBeNull();
  });
});

describe('the reason for the act a why-question asks about', () => {
  it.each([
    [
      'Why did Maduro expel US diplomats?',
      'After the U.S. and others announced their support for Guaido, Maduro fired back late Wednesday by breaking relations with the U.S. and ordering its diplomats to leave.',
      'After',
      'the U.S. and others announced their support for Guaido',
    ],
    [
      'Why did Maduro expel US diplomats?',
      'U.S. President Donald Trump on Wednesday recognized National Assembly leader Juan Guaido as Venezuela’s interim president, leading President Nicolas Maduro to demand that all U.S. diplomats leave the country in 72 hours.',
      'Because',
      'U.S. President Donald Trump on Wednesday recognized National Assembly leader Juan Guaido as Venezuela’s interim president',
    ],
    ['Why did Valkar expel the diplomats?', 'Valkar expelled four Ostrel diplomats on Monday in retaliation for the seizure of its patrol boat.', 'In retaliation for', 'the seizure of its patrol boat'],
    ['Why has the Reval Union recalled its ambassador?', 'The Reval Union recalled its ambassador from Ostmark on Friday, citing "a campaign of lies" about the pipeline.', 'Citing', 'a campaign of lies'],
  ])('%s — %s', (question, sentence, tie, cause) => {
    expect(reasonFor(question, sentence)).toMatchObject({ tie, cause });
  });

  it.each([
    // Someone else's act: Ostrel seized it, Valkar only protested.
    ['Why did Valkar seize the boat?', 'After Valkar protested, Ostrel seized the boat.'],
    // The act is named, but no reason is tied to it.
    ['Why did Valkar expel the diplomats?', 'Valkar expelled four diplomats on Monday and closed its consulate in Ostrel.'],
    ['Why did Valkar expel the diplomats?', 'Valkar expelled four diplomats over the weekend.'],
    // Not a why-question.
    ['When did Valkar expel the diplomats?', 'Valkar expelled four diplomats in retaliation for the seizure.'],
  ])('no reason: %s — %s', (question, sentence) => {
    expect(reasonFor(question, sentence)).toBeNull();
  });
});
