/**
 * Questions a desk asks on crises nobody here has seen (session 8, lane qa9): each wrong answer
 * found is fixed as a construction of questions or of news English, with look-alike probes.
 * Made-up crises: test/fixtures/qa9-tarnak (a siege, corridors and a disputed evacuation),
 * test/fixtures/qa9-marenia (a default, a bailout, creditors, a strike), and u8-kessar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn } from '../helpers.js';

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

describe('which number of a sentence', () => {
  it('a verb past "and" or the next number is that number\'s: "11 people were killed and 40 wounded"', async () => {
    expect(await tarnak('How many people were wounded?')).toBe('40 wounded');
    expect(await tarnak('How many people were killed when the convoy came under fire?')).toBe('11 people were killed');
  });

  it('a count of people something else happened to does not answer: "84 people have been arrested" is no count of the wounded', async () => {
    expect(await marenia('How many people were wounded?')).toBe('23 police officers');
    expect(await marenia('How many people were arrested?')).toBe('84 people');
    expect(await marenia('How many people were killed?')).toBeNull();
  });
});

describe('a running count over a period', () => {
  it('is one that runs, not one event\'s count in the past tense nor the toll "from the attack"', async () => {
    expect(await tarnak('How many people have been killed since the encirclement began?')).toBe('At least 37 civilians have been killed');
  });
});
