/**
 * Questions a desk asks on crises nobody here has seen (session 8, lane qa9): each wrong answer
 * found is fixed as a construction of questions or of news English, with look-alike probes.
 * Made-up crises: test/fixtures/qa9-tarnak (a siege, corridors and a disputed evacuation),
 * test/fixtures/qa9-marenia (a default, a bailout, creditors, a strike), and u8-kessar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn, fixture, freshApp } from '../helpers.js';

const tarnak = askOn('qa9-tarnak', { beforeAll, afterAll });
const marenia = askOn('qa9-marenia', { beforeAll, afterAll });
const kessar = askOn('u8-kessar', { beforeAll, afterAll });

describe('the asked word in its other forms', () => {
  it('"conclude" finds "concluded", "investigators" finds "the Joint Investigation Team"', async () => {
    expect(await tarnak('What did the inquiry conclude?')).toMatch(/A preliminary UN inquiry has concluded that the convoy/);
    // Not "… accused the investigators of bias": the investigators are its object there.
    expect(await kessar('What did investigators conclude?')).toMatch(/The Joint Investigation Team, .* concluded on Monday/);
    expect(await kessar('What did the investigation conclude?')).toMatch(/concluded on Monday/);
  });
});

describe('a four-letter verb in its other forms', () => {
  it('"rule" finds "ruling"; a tally of another body does not answer how parliament voted', async () => {
    const castrena = freshApp(fixture('u8-castrena'));
    try {
      expect((await castrena.kb.ask('What did the tribunal rule?')).answer).toMatch(/Constitutional Tribunal struck down the decree dissolving Congress, ruling that/);
      // "Foreign ministers meeting in Lima voted 11 to 2": not parliament.
      expect((await castrena.kb.ask('How did parliament vote?')).answer).toBeNull();
    } finally {
      castrena.cleanup();
    }
  });
});

describe('which number of a sentence', () => {
  it('a verb past "and" or the next number is that number\'s: "11 people were killed and 40 wounded"', async () => {
    expect(await tarnak('How many people were wounded?')).toBe('40 wounded');
    expect(await tarnak('How many people were killed when the convoy came under fire?')).toBe('11 people were killed');
  });

  it('a count of people something else happened to does not answer: "84 people have been arrested" is no count of the wounded', async () => {
    expect(await marenia('How many people were wounded?')).toBe('23 police officers');
    expect(await marenia('How many people were arrested?')).toBe('84 people');
    expect(await marenia('How many people were killed?')).toBeNull();
    // "trapping an estimated 180,000 civilians" is no count of those who fled; "45 million euros in
    // emergency aid for people fleeing the city" is no count at all.
    expect(await tarnak('How many people have fled Tarnak?')).toBeNull();
    expect(await tarnak('How many people fled?')).toBeNull();
    expect(await tarnak('How many civilians are trapped in Tarnak?')).toBe('an estimated 180,000 civilians');
  });
});

describe('a part of a whole', () => {
  it('"holds 162 of the 301 seats": the part counts the seats, and answers what is held', async () => {
    expect(await marenia('How many seats does the coalition hold?')).toBe('162 of the 301 seats');
  });
});

describe('a count of the noun before it', () => {
  it('"the detained opposition lawmakers, 23 of whom remain in custody"', async () => {
    const castrena = freshApp(fixture('u8-castrena'));
    try {
      expect((await castrena.kb.ask('How many lawmakers remain in custody?')).answer).toBe('23 of whom');
    } finally {
      castrena.cleanup();
    }
  });
});

describe('a running count over a period', () => {
  it('is one that runs, not one event\'s count in the past tense nor the toll "from the attack"', async () => {
    expect(await tarnak('How many people have been killed since the encirclement began?')).toBe('At least 37 civilians have been killed');
  });
});

describe('a person asked by a title alone', () => {
  it('is the one person the corpus describes with it: after a title, in an apposition, or a side\'s leader', () => {
    expect(tarnak.kb().stance('Foreign Secretary').actor?.name).toBe('Ruth Calder');
    expect(tarnak.kb().stance('the Secretary-General').actor?.name).toBe('Amara Osei');
    expect(tarnak.kb().stance('the chief of staff').actor?.name).toBe('Marta Lind');
    expect(marenia.kb().stance('the managing director').actor?.name).toBe('Helena Strom');
    // "The opposition leader, Rosa Imre, …" leads a side: answered as that side.
    expect(marenia.kb().stance('the opposition leader').actor?.id).toBe('opposition');
  });

  it('look-alikes: a title nobody holds here, or a phrase with no role, finds no one', () => {
    expect(tarnak.kb().stance('the defence minister').found).toBe(false);
    expect(marenia.kb().stance('the central bank').found).toBe(false);
    expect(marenia.kb().stance('chief sovereign analyst of Tallis').found).toBe(false);
  });
});

describe('where', () => {
  it('a name keeps the noun it names ("the Saran checkpoint"); the place the question names does not answer it', async () => {
    expect(await tarnak('Where were the men separated from their families?')).toBe('the Saran checkpoint');
    // "… reached the Saran checkpoint on the southern edge of Tarnak": a part of a named place.
    expect(await tarnak('Where is the Saran checkpoint?')).toBe('the southern edge of Tarnak');
  });

  it('the asked act went to a place the text does not name: the sentence, not the place of another act', async () => {
    expect(await tarnak('Where were the men taken?')).toMatch(/taken to an unknown location/);
  });
});

describe('how much', () => {
  it('a sum asked is a sum: millions of an unnamed currency, never a number of people', async () => {
    expect(await marenia('How much has the strike cost?')).toBe('an estimated 150 million marels');
  });

  it('a currency recovers or loses value: a change, as a percentage, the way asked', async () => {
    expect(await marenia('How much did the marel recover?')).toBe('6 percent');
    expect(await marenia('How much did the marel lose?')).toBe('nearly 30 percent');
    expect(await marenia('How much will Italy lend?')).toBe('$1.5 billion');
  });
});

describe('why', () => {
  it('a reason is for the act and what did it: every word of a short question', async () => {
    // "The bonds … fell to 31 cents" does not say why the marel fell.
    // (Since the why-question work on main, with no reason tied to the act it is "not in the corpus".)
    expect((await marenia('Why did the marel fall?')) ?? '').not.toMatch(/^The bonds/);
    expect(await tarnak('Why did the ICRC suspend the eastern route?')).toMatch(/suspended the eastern route "until the safety of civilians/);
  });
});

describe('who someone is', () => {
  it('a rank between the comma and the name keeps the apposition ("the chief of staff, General Rui Dantas")', async () => {
    const castrena = freshApp(fixture('u8-castrena'));
    try {
      expect((await castrena.kb.ask('Who is Rui Dantas?')).answer).toBe('chief of staff');
      expect(castrena.kb.stance('the chief of staff').actor?.name).toBe('Rui Dantas');
    } finally {
      castrena.cleanup();
    }
  });

  it('an indefinite apposition before the name ("A spokesman for the Belmoran interior ministry, Piet Arro, says")', async () => {
    expect(await tarnak('Who is Piet Arro?')).toBe('spokesman for the Belmoran interior ministry');
    expect(await tarnak('Who is Khalid Al-Mansour?')).toBe("Qatar's foreign minister");
  });

  it('who holds a role: a side\'s leader named with the title ("Belmoran President Anton Vesk") is the name', async () => {
    expect(await tarnak('Who is the president?')).toBe('Anton Vesk');
    expect(await tarnak('Who is the foreign secretary?')).toBe('Ruth Calder');
  });

  it('a field before a role is part of the title ("UN relief chief Maria Tovar")', async () => {
    const kessa = freshApp(fixture('kessa'));
    try {
      expect((await kessa.kb.ask('Who is Maria Tovar?')).answer).toBe('UN relief chief');
    } finally {
      kessa.cleanup();
    }
  });
});

describe('who did it: the whole list', () => {
  it('a list of subjects or of agents is the answer, not its head', async () => {
    expect(await tarnak('Who brokered the evacuation?')).toBe('Turkey and Qatar');
    expect(await tarnak('Who condemned the siege?')).toBe('France and Germany');
    // One subject stays one: "Turkey offered to host talks between the two sides."
    expect(await tarnak('Who offered to host talks?')).toBe('Turkey');
  });

  it('the act\'s agent noun names who does it: "Their commander, Idris Kalen, said"', async () => {
    expect(await tarnak('Who commands the Free Tarnak Brigades?')).toBe('Idris Kalen');
    expect(await tarnak('Who commands the rebels?')).toBe('Idris Kalen');
    // No sentence says who commands the army ("The army's chief of staff, Gen. Marta Lind"): never Kalen.
    expect(await tarnak('Who commands the army?')).not.toBe('Idris Kalen');
  });
});

describe('a yes/no question about one actor\'s act', () => {
  it('is not answered by a sentence naming it only inside a phrase ("a close partner of Moscow")', async () => {
    const ardesh = freshApp(fixture('u7-ardesh'));
    try {
      // "Kazakhstan, usually a close partner of Moscow, … reaffirmed its support for Velmar's territorial integrity."
      expect((await ardesh.kb.ask('Does Russia support the government?')).answer).toBeNull();
      expect((await ardesh.kb.ask('Did Russia recognise the new republic?')).answer).toMatch(/^Russia recognised the new republic within hours/);
    } finally {
      ardesh.cleanup();
    }
  });
});

describe('who did it, when no sentence says', () => {
  it('a sentence with the act only as a noun ("army commanders"), or not at all, is no answer', async () => {
    expect(await tarnak('Who commands the army?')).toBeNull();
    // "… if both sides agree to a local truce" shares "agree" with "deal", not the act.
    expect(await tarnak('Who negotiated the deal?')).toBeNull();
    // A sentence stating the act with a pronoun subject still answers (ask-doers.test.ts: "It accused Ostmark of …").
  });
});

describe('who did an act to something', () => {
  it('"led by X" answers who leads; not when no article names what is led', async () => {
    expect(await marenia('Who leads the hedge funds?')).toBe('Corvid Capital');
    // No article of this crisis mentions rebels: "hedge funds led by Corvid Capital" is no answer.
    expect(await marenia('Who leads the rebels?')).toBeNull();
  });
});

describe('what someone concluded, ruled or said', () => {
  it('the verb reporting its content ("the Constitutional Court ruled that …") over the word as a noun ("the court ruling")', async () => {
    const brevania = freshApp(fixture('brevania'));
    try {
      expect((await brevania.kb.ask('What did the court rule?')).answer).toMatch(/the Constitutional Court ruled that Prime Minister Oskar Telmann's government could postpone/);
      // Reported speech is the actor's own: not "Sandor said he stood by Telmann".
      expect((await brevania.kb.ask('What did Telmann say?')).answer).toMatch(/Telmann said in a televised address/);
    } finally {
      brevania.cleanup();
    }
  });

  it('what an actor said about something: not "the assets of three Dravonian officials named in the report"', async () => {
    expect(await kessar('What did Dravonia say about the findings?')).toMatch(/^Dravonia rejected the findings as "politically motivated"/);
  });

  it('what an actor said is never a sentence where its name only qualifies a noun ("snapback UN sanctions")', async () => {
    const khalvor = freshApp(fixture('khalvor'));
    try {
      expect((await khalvor.kb.ask('What did the UN say?')).answer).toBeNull();
      expect((await khalvor.kb.ask('What did Russia say about the deal?')).answer).toMatch(/victory for diplomacy/);
    } finally {
      khalvor.cleanup();
    }
  });
});

describe('when did it happen', () => {
  it('a past question is not answered by a date still ahead ("is due to begin on Monday, March 17"), nor by the report\'s day of "two days after it began"', async () => {
    const r = await tarnak('When did the evacuation begin?');
    expect(r).not.toBe('17 Mar 2031');
    expect(r).not.toBe('13 Mar 2031');
    expect(r).toMatch(/Two days after it began, the evacuation of Tarnak/);
    // The question in the future keeps the date ahead; so does a past one about what was due.
    expect(await tarnak('When is the second phase of the evacuation due to begin?')).toBe('17 Mar 2031');
    expect(await tarnak('When was the second phase of the evacuation due to begin?')).toBe('17 Mar 2031');
  });
});
