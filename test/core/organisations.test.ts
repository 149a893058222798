/**
 * The world gazetteer's organisations: distinct bodies stay distinct. A national Red Crescent
 * society ("the Kessan Red Crescent") is not the International Committee of the Red Cross, and a
 * militia named after a body ("the Red Crescent Brigade") is neither.
 */
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { tokenize } from '../../src/core/text.js';
import { SYNTH_CRISIS } from '../../bench/synth.js';

const gaz = new Gazetteer(SYNTH_CRISIS);
const named = (text: string) => gaz.match(tokenize(text)).map((m) => gaz.actors.get(m.actorId)?.name);

describe('organisations', () => {
  it('a Red Crescent society is not the Red Cross', () => {
    expect(named('The death toll rose to 260, according to the Kessan Red Crescent.')).toEqual(['Red Crescent']);
    expect(named('The International Committee of the Red Cross said its teams arrived.')).toEqual(['Red Cross']);
    expect(named('The ICRC and the Red Crescent Society sent convoys.')).toEqual(['Red Cross', 'Red Crescent']);
  });

  it('a name continued by a word for an armed group is that group, not the body', () => {
    expect(named('A militant group based in Norway, the Red Crescent Brigade, claimed responsibility for the attack.')).toEqual(['Norway']);
    expect(named('The Red Cross Battalion said it had shelled the port.')).toEqual([]);
    // The body itself, and a state's army, stay what they are.
    expect(named('The Red Crescent said the Brigade had blocked its convoy.')).toEqual(['Red Crescent']);
    expect(named('The Norwegian Army and the United Nations Human Rights Office were named.')).toEqual(['Norway', 'United Nations']);
  });
});
