/** The pieces /ask reads sentences with: quantities, ages with their holders, descriptions of people, question kinds. */
import { describe, expect, it } from 'vitest';
import { agesIn } from '../../src/core/answer/ages.js';
import { findQuantities, numberValue } from '../../src/core/answer/numbers.js';
import { parseQuestion } from '../../src/core/answer/question.js';
import { describe as describePerson } from '../../src/core/answer/roles.js';
import { stem } from '../../src/core/text.js';

const q = (s: string) => findQuantities(s).map((x) => ({ kind: x.kind, text: x.text, value: x.value, noun: x.noun.join(' ') }));

describe('findQuantities', () => {
  it('reads numbers in words, hyphenated measures and tallies', () => {
    expect(q('The bloc gave the generals ten days, and unions called a 48-hour strike.')).toEqual([
      { kind: 'duration', text: 'ten days', value: 10, noun: '' },
      { kind: 'duration', text: '48-hour', value: 48, noun: 'strike' },
    ]);
    expect(q('The Senate voted 88-4 after six weeks of debate.')).toEqual([
      { kind: 'count', text: '88-4', value: 88, noun: 'votes' },
      { kind: 'duration', text: 'six weeks', value: 6, noun: '' },
    ]);
    expect(q('a seven-year term and twenty-five soldiers')).toEqual([
      { kind: 'duration', text: 'seven-year', value: 7, noun: 'term' },
      { kind: 'count', text: 'twenty-five', value: 25, noun: 'soldiers' },
    ]);
  });

  it('reads vague counts, money, percentages, distances and "since"', () => {
    const r = q('Two dozen people and hundreds of protesters; $1.5 billion and 2 billion euros; 80.1% of the vote; 100 km away; in power since 1994.');
    expect(r.map((x) => `${x.kind}:${x.text}`)).toEqual(['count:Two dozen', 'count:hundreds', 'money:$1.5 billion', 'money:2 billion euros', 'percent:80.1%', 'distance:100 km', 'since:since 1994']);
    expect(r[0]?.value).toBe(24);
    expect(r[1]?.noun).toBe('protesters');
  });

  it('reads "€50m", "$1.5bn", "52 to 48" in a vote, and stops what is counted at a verb or a full stop', () => {
    const text = 'The EU pledged €50m and $1.5bn. The vote was 52 to 48. A three-day truce followed. He said scores of students marched.';
    const r = findQuantities(text);
    expect(r.map((x) => `${x.kind}:${text.slice(x.start, x.nounEnd)}`)).toEqual(['money:€50m', 'money:$1.5bn', 'count:52 to 48', 'duration:three-day truce', 'count:scores of students']);
    expect(r[0]?.value).toBe(50_000_000);
  });

  it('leaves out dates, clock times, years, ages and "one" as a pronoun', () => {
    expect(q('On April 15, 2020, at 10 p.m., the 62-year-old said one of them left.')).toEqual([]);
  });

  it('numberValue', () => {
    expect(numberValue('three hundred thousand')).toBe(300000);
    expect(numberValue('1,500')).toBe(1500);
    expect(numberValue('8.6 million')).toBe(8600000);
    expect(numberValue('hundreds')).toBeNull();
  });
});

describe('agesIn', () => {
  it('ties an age to the name it follows or precedes, and keeps a bare descriptor for context', () => {
    expect(agesIn('Radek met Pavel Dunn, 39, a spokesman, and Ana Ruiz, a 47-year-old economist.').map((a) => [a.age, a.holder])).toEqual([
      ['39', 'Pavel Dunn'],
      ['47', 'Ana Ruiz'],
    ]);
    expect(agesIn('The 75-year-old Haldor has been fighting.')[0]).toMatchObject({ age: '75', holder: 'Haldor' });
    expect(agesIn('The 46-year-old was detained on Friday.')[0]).toMatchObject({ age: '46', holder: null, descriptor: '' });
    expect(agesIn('a portrait of the 86-year-old king as the decree was read')[0]).toMatchObject({ age: '86', holder: null, descriptor: 'king' });
    expect(agesIn('Ruth Anand, aged 47, said')[0]).toMatchObject({ age: '47', holder: 'Ruth Anand' });
  });
});

describe('describe (who someone is)', () => {
  const d = (text: string, name: string) => {
    const i = text.indexOf(name);
    return describePerson(text, i, i + name.length)?.answer ?? null;
  };
  it.each([
    ["Josef Brand, the bloc's foreign policy chief, said so.", 'Josef Brand', "bloc's foreign policy chief"],
    ['The order came from the interior minister, Dora Vell.', 'Dora Vell', 'interior minister'],
    ['On Sunday it named its speaker, Oleg Tarn, 49, as acting president.', 'Oleg Tarn', 'speaker'],
    ['He met acting President Oleg Tarn and the prime minister.', 'Oleg Tarn', 'acting President'],
    ['Protesters led by former deputy prime minister Sura Thep said they would stay.', 'Sura Thep', 'former deputy prime minister'],
    ['"We will not yield," said national security adviser Dana Reyes on Monday.', 'Dana Reyes', 'national security adviser'],
    ['Dana Reyes, who leads the Unity party, said so.', 'Dana Reyes', 'leads the Unity party'],
    ["Dana Reyes is the army's chief of staff.", 'Dana Reyes', "army's chief of staff"],
  ])('%s', (text, name, want) => {
    expect(d(text, name)).toBe(want);
  });

  it('says nothing when the sentence does not describe the person', () => {
    expect(d('On Sunday Dana Reyes met the press.', 'Dana Reyes')).toBeNull();
    expect(d('Dana Reyes, said the minister, would resign.', 'Dana Reyes')).toBeNull();
  });
});

describe('parseQuestion', () => {
  it.each([
    ['How long did the bloc give the generals?', 'count', 'duration'],
    ['How far is Gharo from the capital?', 'count', 'distance'],
    ['What share of the vote did Vale win?', 'count', 'percent'],
    ['How much aid did Norway suspend?', 'count', 'money'],
    ['How much rice will the neighbours buy?', 'count', 'amount'],
    ['How many LNA soldiers were captured?', 'count', 'count'],
    ['How old is King Arvo?', 'age', null],
    ['Who is Dana Reyes?', 'define', null],
    ['Who called it a coup?', 'who', null],
  ])('%s', (text, type, want) => {
    expect(parseQuestion(text)).toMatchObject({ type, want });
  });
  it('reads what a count counts and whom a question asks about', () => {
    expect(parseQuestion('How many LNA soldiers were captured at the checkpoint?').noun).toEqual(['lna', stem('soldiers')]);
    expect(parseQuestion('How many deputies voted to remove him?').noun).toEqual([stem('deputies')]);
    expect(parseQuestion('How old is King Arvo?').subject).toBe('King Arvo');
  });
});
