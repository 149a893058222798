/**
 * Who speaks in an inverted "said X": the actor ending the clause ("…," said Poland.), with its
 * title or possessive ("said Poland's foreign ministry"), or with when ("said Poland on Friday").
 * "…, and said Belarus would join its own investigation" reports what Belarus would do: Belarus is
 * not the speaker, and its name gives the sentence's accusation no holder. Made-up crisis: velsund.
 */
import { describe, expect, it } from 'vitest';
import { probe, probeClaims } from './probe.js';

const speakerOf = (text: string) => probe('velsund', text, '2041-10-18').quotes.map((q) => q.speakerId);

describe('an inverted "said X"', () => {
  it('names the speaker at the end of the clause, with a title, a possessive or a time', () => {
    expect(speakerOf('"We stand with Ostmark in this hour," said Poland.')).toEqual(['poland']);
    expect(speakerOf('"We stand with Ostmark in this hour," said Poland on Friday.')).toEqual(['poland']);
    expect(speakerOf('"We stand with Ostmark in this hour," said Poland\'s foreign ministry.')).toEqual(['poland']);
    expect(probeClaims('velsund', '"We stand with Ostmark in this hour," said Poland.', '2041-10-18')).toContain('poland→ostmark/firm');
  });

  it('not one whose own act the sentence reports ("said Belarus would …")', () => {
    expect(speakerOf('"We will find those responsible," the ministry added, and said Belarus would help.')).not.toContain('belarus');
    const claims = probeClaims('velsund', 'It accused Ostmark of staging the blasts to sway the inquiry, and said Belarus would join its own investigation.', '2041-10-18');
    expect(claims.filter((c) => c.startsWith('belarus→'))).toEqual([]);
  });
});

describe('the actor before the speech verb', () => {
  it('is not the one an earlier verb of the clause was done to ("X thanked Y … and said")', () => {
    // Norrby leads a side (no speaker id of its own): Poland, whom she thanked, is not the speaker.
    expect(speakerOf('Norrby thanked Poland for its divers and said the saboteurs "will be found and punished."')).toEqual([null]);
    expect(speakerOf('Norrby met Poland\'s envoy and said the saboteurs "will be found and punished."')).toEqual([null]);
    // The speaker named before the verb still is.
    expect(speakerOf('Poland\'s foreign minister said the saboteurs "will be found and punished."')).toEqual(['poland']);
  });
});
