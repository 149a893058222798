/**
 * How answers name the sides and the people asked about, on a made-up crisis where the sides are
 * states led by people (test/fixtures/velsund: a pipeline sabotage, Ostmark against the Reval Union):
 * - a side asked by its own name is that side, not its leader ("Ostmark: One side of this crisis");
 * - an actor named with no position of its own is "No stated position", never "Neutral";
 * - a person asked with a title the corpus does not use ("Prime Minister Norrby", "Mr Strand");
 * - "who" answers name the state when the state acted, and the person when the person did;
 * - a state asked through its government ("Hungary's government", "the Polish government");
 * - the arena is where the crisis takes place, not a side or "unknown";
 * - evidence opening with a pronoun ("It did not take sides.") comes with the sentence naming its actor;
 * - "who backs" cites each evidence sentence once;
 * - a wire dateline ("STOCKHOLM (Harbor Wire) —") is not part of an event's text.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stanceView } from '../../src/core/answer/views.js';
import { withoutDateline } from '../../src/core/text.js';
import { fixture, freshApp } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'velsund'));
});
afterAll(() => app.cleanup());

const title = (q: string) => stanceView(app.kb.stance(q), app.kb.crisis).title;

describe('a side asked by its own name', () => {
  it('is the side, led by its leader; its leader leads it', () => {
    const r = app.kb.stance('Ostmark');
    expect(r.actor?.name).toBe('Ostmark');
    expect(r.alignment).toBe('ostmark');
    expect(r.summary).toBe('Ostmark is one side of this crisis, led by Helga Norrby.');
    expect(title('Ostmark')).toBe('Ostmark: One side of this crisis');
    expect(title('the Reval Union')).toBe('Reval Union: One side of this crisis');
    expect(title('Koval')).toBe('Dmitar Koval: Leads Reval Union');
    expect(app.kb.stance('Helga Norrby').summary).toBe('Helga Norrby leads one side of this crisis: Ostmark.');
  });
});

describe('named, with no position of its own', () => {
  it('is "No stated position", not "Neutral" (the JSON keeps alignment neutral with no strength)', () => {
    const r = app.kb.stance('Hungary');
    expect(r).toMatchObject({ found: true, alignment: 'neutral', strength: null, evidence: [] });
    expect(title('Hungary')).toBe('Hungary: No stated position');
    // A stated neutrality is still neutral.
    expect(title('China')).toBe('China: Neutral');
  });
});

describe('evidence that names its actor by a pronoun', () => {
  it('is shown with the sentence before it, which names the actor', () => {
    const r = app.kb.stance('Turkey');
    expect(r.alignment).toBe('neutral');
    expect(r.evidence[0]?.quote).toBe('Turkey offered to mediate between Ostmark and the Reval Union. It did not take sides.');
  });
});

describe('a person asked with a title', () => {
  it('finds the person after a title or a form of address', () => {
    expect(app.kb.stance('Prime Minister Norrby').actor?.name).toBe('Helga Norrby');
    expect(app.kb.stance('Mr Strand').actor?.name).toBe('Pavel Strand');
    expect(app.kb.stance('Secretary of State Kemp').actor?.name).toBe('Laura Kemp');
  });

  it('autocomplete looks past a title too, below what the whole text matches', () => {
    expect(app.kb.suggest('Prime Minister Nor').map((s) => s.name)).toContain('Helga Norrby');
    expect(app.kb.suggest('Secretary of State Kem').map((s) => s.name)[0]).toBe('Laura Kemp');
  });

  it('a title alone finds the one person the corpus gives it (src/core/answer/by-title.ts); one two people hold finds no one', () => {
    // "Revalian Foreign Minister Pavel Strand" is the corpus's only foreign minister.
    expect(app.kb.stance('Foreign Minister').actor?.name).toBe('Pavel Strand');
    expect(app.kb.stance('the ambassador').actor?.name).toBe('Helen Marsh');
    const valdoria = freshApp(fixture('valdoria'));
    try {
      // "Foreign Minister Dana Whitfield", "Foreign Minister Kenji Sato": which one is not a guess.
      expect(valdoria.kb.stance('Foreign Minister').found).toBe(false);
    } finally {
      valdoria.cleanup();
    }
  });

  it('a title before a name the corpus lacks finds no one', () => {
    expect(app.kb.stance('President Xyzzy').found).toBe(false);
    // Only a whole name after the title: no near miss.
    expect(app.kb.stance('Mr Strandberg').found).toBe(false);
  });
});

describe('a state asked through its government or an office', () => {
  it('is the state: by name with a possessive, or by demonym', () => {
    expect(app.kb.stance("Hungary's government").actor?.name).toBe('Hungary');
    expect(app.kb.stance('the Polish government').actor?.name).toBe('Poland');
    expect(app.kb.stance('Chinese foreign ministry').actor?.name).toBe('China');
  });

  it('never a person, a side through an office, or a state the corpus lacks', () => {
    expect(app.kb.stance('Italian government').found).toBe(false);
    expect(app.kb.stance("Strand's government").found).toBe(false);
  });
});

describe('who acted', () => {
  it('the state when the text names the state, the person when it names the person', async () => {
    expect((await app.kb.ask('Who denied any involvement?')).answer).toBe('Reval Union');
    expect((await app.kb.ask('Who said the pipeline was destroyed by those who profit?')).answer).toBe('Dmitar Koval');
    expect((await app.kb.ask('Who expelled three diplomats?')).answer).toBe('Ostmark');
  });
});

describe('who backs a side', () => {
  it('cites a sentence naming several supporters once, then the next supporters\' own sentences', async () => {
    const r = await app.kb.ask('Who supports Ostmark?');
    expect(r.answer).toMatch(/^Backing Ostmark: .*Poland.*Germany/);
    const quotes = r.citations.map((c) => c.quote);
    expect(quotes).toHaveLength(3);
    expect(new Set(quotes).size).toBe(3);
  });
});

describe('datelines', () => {
  it('are not part of an event', () => {
    const events = app.kb.timeline({ limit: 50 }).events;
    expect(events.some((e) => e.text.startsWith('Two explosions ruptured the Velsund gas pipeline'))).toBe(true);
    expect(events.every((e) => !/^[A-Z]{4,} \(/.test(e.text))).toBe(true);
    expect(app.kb.digest({ date: '2041-10-17' }).headline).toMatch(/^NATO allies on Thursday pledged/);
  });

  it('a dateline is cut only when it opens the sentence and leaves a sentence behind', () => {
    expect(withoutDateline('LIBREVILLE, Gabon (SNA) — Soldiers seized the state broadcaster.')).toBe('Soldiers seized the state broadcaster.');
    expect(withoutDateline('WASHINGTON — The White House said on Monday it would act.')).toBe('The White House said on Monday it would act.');
    expect(withoutDateline('Officials in KAMPALA - the capital - said nothing.')).toBe('Officials in KAMPALA - the capital - said nothing.');
    expect(withoutDateline('NATO — yes.')).toBe('NATO — yes.');
  });
});

describe('the arena', () => {
  it('is where the crisis takes place', () => {
    const seeds = freshApp(join(import.meta.dirname, '..', '..', 'seeds'));
    try {
      expect(stanceView(seeds.kb.stance('Venezuela'), seeds.kb.crisis).title).toBe('Venezuela: Where this crisis takes place');
    } finally {
      seeds.cleanup();
    }
  });
});
