/**
 * Model answers for the seed corpus: fabricated ones (each must be refused) and grounded ones
 * (each must be shown). Each cites a passage by a quote that is verbatim in it, so only the
 * answer's own text is wrong. Shared by test/llm/fabricated.test.ts and bench/stress/model.ts.
 */

import type { App } from '../../src/app.js';
import type { AskResult } from '../../src/core/types.js';
import { completion, type FakeOpenAI, passagesOf } from './fake-openai.js';

export interface ModelCase {
  question: string;
  /** Verbatim in the passage the answer cites. */
  quote: string;
  answer: string;
  /** What is wrong with it (fabricated) or what it shows (grounded). */
  kind: string;
}

const MONEY = { question: 'How much money has China given Venezuela?', quote: 'China has given Venezuela $65 billion' };
const AGE = { question: 'How old is Guaido?', quote: 'Guaido, the 35-year-old leader of the National Assembly' };
const PUTIN = { question: 'What did Putin offer Maduro?', quote: 'Putin has offered his support to embattled Venezuelan President Nicolas Maduro' };
const DIPLO = { question: 'How long did Maduro give American diplomats?', quote: 'giving American diplomats 72 hours to leave Venezuela' };
// Questions a model answers from retrieved passages ("Who backs X?" about a side is answered from
// the stance roster instead, with no model: see src/core/answer/who-backs.ts).
const TRUMP = { question: 'Which president recognized Guaido?', quote: 'Donald Trump on Wednesday recognized National Assembly leader Juan Guaido' };
const VATICAN = { question: 'What did the Vatican say?', quote: 'didn’t say if the Holy See recognized opposition leader Juan Guaido’s claim' };
const POMPEO = { question: 'What did Pompeo say about aid?', quote: 'ready to ship more than $20 million in humanitarian assistance' };
const POMPEO2 = { question: 'What did Pompeo say about aid?', quote: 'the U.S. doesn’t recognize Maduro' };
const DOZEN = { question: 'How many died in the protests?', quote: 'left at least a dozen dead' };
const SEVEN = { question: 'How many died in the protests?', quote: 'at least seven deaths were reported' };
const BRIT = { question: 'Did Britain recognize Guaido?', quote: 'Juan Guaido is “the right person”' };
const ERDOGAN = { question: 'What did Erdogan say?', quote: 'he’s shocked by U.S. President Donald Trump’s decision' };
const BACKING = { question: 'Who has voiced backing for Maduro?', quote: 'have voiced their backing for Maduro' };
const SA = { question: 'Does South Africa still recognize the Maduro government?', quote: 'South Africa still recognizes the Maduro government' };

type Base = { question: string; quote: string };
const f = (base: Base, kind: string, answer: string): ModelCase => ({ ...base, kind, answer });

/** Answers that must never be shown: each states something the cited passage does not. */
export const FABRICATED: ModelCase[] = [
  // Quotes in every style, with words the passage does not have.
  f(MONEY, 'quote ‘…’', 'China called the money ‘a gift to Venezuela’.'),
  f(MONEY, "quote '…'", "China called it 'a strategic loan'."),
  f(MONEY, 'quote «…»', 'China called it «a strategic loan».'),
  f(MONEY, 'quote `…`', 'China called it `a strategic loan`.'),
  f(MONEY, 'quote „…“', 'China called it „a strategic loan“.'),
  f(PUTIN, 'quote ‹…›', 'Putin promised Maduro ‹total protection›.'),
  f(PUTIN, 'quote ‘…’', 'Putin called Maduro ‘the only legitimate leader’.'),
  f(BRIT, 'quote ‘…’', 'Britain said Guaido is ‘the legitimate president’.'),
  f(ERDOGAN, 'quote «…»', 'Erdogan said he was « deeply shocked » by the decision.'),
  f(AGE, 'quote 「…」', 'Guaido called himself 「the people’s president」.'),
  f(TRUMP, "quote '…'", "Trump called Guaido 'the true leader' on Wednesday."),
  f(VATICAN, 'quote “…”', 'The Vatican said it “supports the opposition”.'),
  // Currency, scale and unit.
  f(MONEY, 'currency', 'China has given Venezuela 65 billion euros.'),
  f(MONEY, 'currency', 'China has given Venezuela £65 billion.'),
  f(MONEY, 'currency', 'China has given Venezuela 65 billion yuan.'),
  f(MONEY, 'currency', 'China has given Venezuela 65 billion rubles.'),
  f(MONEY, 'scale', 'China has given Venezuela $65 million.'),
  f(MONEY, 'scale', 'China has given Venezuela $65.'),
  f(MONEY, 'number', 'China has given Venezuela $6.5 billion.'),
  f(POMPEO, 'currency', 'The United States is ready to ship more than €20 million in humanitarian assistance.'),
  f(POMPEO, 'scale', 'The United States is ready to ship more than $20 billion in humanitarian assistance.'),
  f(DIPLO, 'unit', 'Maduro gave American diplomats 72 days to leave Venezuela.'),
  f(DIPLO, 'unit', 'Maduro gave American diplomats 72 minutes to leave Venezuela.'),
  f(AGE, 'unit', 'Guaido is 35 months old.'),
  f(DIPLO, 'number', 'Maduro gave American diplomats 48 hours to leave Venezuela.'),
  // A number the cited passage does not state (another passage, or the article's date).
  f(MONEY, 'number from another passage', 'China has given Venezuela $65 billion, and the United States $20 million.'),
  f(DIPLO, 'number from another passage', 'Maduro gave American diplomats 72 hours to leave Venezuela as a dozen died.'),
  f(SEVEN, 'number from another passage', 'At least a dozen deaths were reported.'),
  f(DOZEN, 'number from another passage', 'At least seven people died in the demonstrations.'),
  f(TRUMP, 'number from another passage', 'Donald Trump recognized Juan Guaido, who is 35, on Wednesday.'),
  f(AGE, 'number from the date', 'Guaido is 24.'),
  f(DOZEN, 'number from the date', 'At least 24 people died in the demonstrations.'),
  // Names, whatever their case.
  f(MONEY, 'lower-case name', 'mexico has given Venezuela $65 billion.'),
  f(MONEY, 'lower-case name', 'China has given cuba $65 billion.'),
  f(PUTIN, 'lower-case name', 'putin has offered his support to embattled president erdogan.'),
  f(DIPLO, 'lower-case name', 'maduro gave canadian diplomats 72 hours to leave.'),
  f(TRUMP, 'lower-case name', 'donald trump recognized juan guaido, as did france.'),
  f(AGE, 'lower-case name', 'Guaido, 35, leads the national assembly of colombia.'),
  f(BACKING, 'lower-case name', 'russia, china, iran, syria, cuba and mexico have voiced their backing for Maduro.'),
  f(SA, 'lower-case name', 'south africa and brazil still recognize the Maduro government.'),
  f(MONEY, 'wrong name', 'Russia has given Venezuela $65 billion.'),
  // Who did what to whom.
  f(MONEY, 'roles swapped', 'Venezuela has given China $65 billion.'),
  f(MONEY, 'roles swapped', 'Venezuela gave China $65 billion in loans.'),
  f(MONEY, 'roles swapped (passive)', 'China has been given $65 billion by Venezuela.'),
  f(PUTIN, 'roles swapped', 'Maduro has offered his support to Putin.'),
  f(PUTIN, 'roles swapped', 'Nicolas Maduro offered his support to Vladimir Putin in a phone call.'),
  f(DIPLO, 'roles swapped', 'American diplomats gave Maduro 72 hours to leave Venezuela.'),
  f(TRUMP, 'roles swapped', 'Juan Guaido on Wednesday recognized Donald Trump.'),
  f(BACKING, 'roles swapped', 'Maduro has voiced his backing for Russia, China, Iran, Syria, Cuba and Turkey.'),
  f(SA, 'roles swapped', 'Maduro still recognizes South Africa.'),
  // Negation reversed.
  f(MONEY, 'negation', 'China has not given Venezuela $65 billion.'),
  f(MONEY, 'negation', 'China never gave Venezuela $65 billion.'),
  f(PUTIN, 'negation', 'Putin has not offered his support to Maduro.'),
  f(PUTIN, 'negation', 'Putin declined to offer his support to Maduro.'),
  f(TRUMP, 'negation', 'Donald Trump did not recognize Juan Guaido on Wednesday.'),
  f(VATICAN, 'negation', 'The Holy See recognized Juan Guaido’s claim to the interim presidency, Gisotti said.'),
  f(POMPEO2, 'negation', 'Pompeo told the diplomats to stay because the U.S. recognizes Maduro.'),
  f(SA, 'negation', 'South Africa no longer recognizes the Maduro government.'),
  f(DIPLO, 'negation', 'Maduro did not give American diplomats 72 hours to leave Venezuela.'),
  f(SEVEN, 'negation', 'No deaths were reported.'),
];

/** Answers that must be shown: faithful to the cited passage, in the model's own words. */
export const GROUNDED: ModelCase[] = [
  f(MONEY, 'verbatim facts', 'China has given Venezuela $65 billion in loans, cash and investment.'),
  f(MONEY, 'currency in words', 'Venezuela received 65 billion dollars from China.'),
  f(MONEY, 'passive, same roles', 'Venezuela has been given $65 billion by China.'),
  f(AGE, 'unit in words', 'Guaido is 35 years old.'),
  f(PUTIN, 'same roles', 'Putin offered his support to Maduro in a phone call.'),
  f(PUTIN, 'date from the passage', 'On 24 January 2019, Putin offered his support to Maduro.'),
  f(DIPLO, 'same roles', 'Maduro gave American diplomats 72 hours to leave Venezuela.'),
  f(TRUMP, 'same roles', 'Donald Trump recognized Juan Guaido as interim president on Wednesday.'),
  f(VATICAN, 'hedge kept', 'The Vatican did not say whether the Holy See recognized Guaido.'),
  f(POMPEO2, 'negation kept', 'Pompeo told the diplomats to stay because the U.S. doesn’t recognize Maduro.'),
  f(SA, 'lower-case, right names', 'south africa still recognizes the maduro government.'),
  f(SEVEN, 'number kept', 'At least seven deaths were reported.'),
  f(BRIT, 'quote kept', 'Britain’s foreign secretary says Guaido is ‘the right person’ to take the country forward.'),
  f(BACKING, 'roles kept, reworded', 'Maduro has the backing of Russia, China, Iran, Syria, Cuba and Turkey.'),
  f(TRUMP, 'passive, same roles', 'Guaido was recognized as interim president by Donald Trump on Wednesday.'),
  f(DIPLO, 'passive, same roles', 'American diplomats were given 72 hours by Maduro to leave Venezuela.'),
  f(POMPEO, 'another name for the same actor', 'Pompeo says the U.S. is ready to ship more than $20 million in humanitarian assistance to Venezuelans.'),
  f(PUTIN, 'reworded', 'Maduro received an offer of support from Putin in a phone call.'),
  f(ERDOGAN, 'reworded', 'Erdogan said he was shocked by Trump’s decision to recognize Guaido.'),
];

/**
 * Ask a case's question with the local model answering the case's answer, citing the passage that
 * holds its quote when retrieval sent one; shared by the test and `npm run stress`.
 */
export async function askCase(app: App, fake: FakeOpenAI, c: ModelCase): Promise<{ result: AskResult; sent: boolean }> {
  let sent = false;
  fake.script((req) => {
    const p = passagesOf(req).find((x) => x.text.includes(c.quote));
    sent = Boolean(p);
    return completion({ answer: c.answer, citations: p ? [{ id: p.id, quote: c.quote }] : [] });
  });
  return { result: await app.kb.ask(c.question), sent };
}
