/** `briefing explain`: the explanation built from one article's extraction (pure), on a made-up crisis. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExplanation, explainView } from '../../src/core/answer/explain.js';
import { extractDocument } from '../../src/core/read/extract.js';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { loadCrisis } from '../../src/ingest/seeds.js';

const crisis = loadCrisis(join(import.meta.dirname, '..', 'fixtures', 'morvane'));
const TEXT = `Neighbours take sides on Morvane

Ghana recognised the military council on Friday.

Norway urged restraint and called for dialogue. "We will not pick a side," said Norwegian envoy Siri Lund.

Regional leaders will meet in Eskel on May 20, and 12 people died in clashes.`;

function explain() {
  const gaz = new Gazetteer(crisis);
  const doc = { id: 'neighbours', title: 'Neighbours take sides on Morvane', source: 'Test Wire', published: '2033-05-14', timezone: 'UTC' };
  const x = extractDocument({ id: doc.id, source: doc.source, published: doc.published, timezone: doc.timezone }, TEXT, gaz);
  return buildExplanation({ doc, extraction: x, crisis, actor: (id) => gaz.actors.get(id), stored: false });
}

describe('buildExplanation', () => {
  const r = explain();
  const sentence = (re: RegExp) => r.sentences.find((s) => re.test(s.text));

  it('lists every sentence with the actors it names', () => {
    expect(r.sentences.map((s) => s.seq)).toEqual([...r.sentences.keys()]);
    expect(sentence(/^Ghana recognised/)?.actors.map((a) => a.id)).toEqual(expect.arrayContaining(['ghana', 'council']));
  });

  it('shows each stance claim with its cue, holder, side, strength and why', () => {
    const ghana = sentence(/^Ghana recognised/)?.claims[0];
    expect(ghana).toMatchObject({ holder: { id: 'ghana', name: 'Ghana' }, side: 'council', sideLabel: 'Military council', strength: 'firm' });
    expect(ghana?.cue).toMatch(/recognised/);
    expect(ghana?.why).toMatch(/backing or recognition/);
    const norway = sentence(/^Norway urged/)?.claims[0];
    expect(norway).toMatchObject({ holder: { id: 'norway' }, side: null, strength: 'neutral' });
    expect(norway?.why).toMatch(/dialogue, restraint/);
  });

  it('shows dates, events, quotes, figures and people', () => {
    const last = sentence(/^Regional leaders/);
    expect(last?.dates).toContainEqual({ text: 'May 20', value: '2033-05-20', precision: 'day', future: true });
    expect(last?.events.length).toBeGreaterThan(0);
    expect(last?.figures.map((f) => f.kind)).toContain('deaths');
    expect(sentence(/pick a side/)?.quotes[0]?.text).toBe('We will not pick a side,');
    expect(r.people).toContainEqual({ id: 'siri-lund', name: 'Siri Lund', affiliation: { id: 'norway', name: 'Norway', kind: 'country' } });
    expect(r.totals).toMatchObject({ sentences: r.sentences.length, claims: r.sentences.reduce((n, x) => n + x.claims.length, 0) });
  });

  it('renders as a view: one block per sentence, claims with their why', () => {
    const v = explainView(r);
    expect(v.title).toMatch(/not in the corpus; nothing stored/);
    const text = v.blocks.map((b) => (b.type === 'text' ? b.text : '')).join('\n');
    expect(text).toMatch(/claim: Ghana backs Military council \(firm\) — cue "recognised"; why: backing or recognition/);
    expect(text).toMatch(/dates: "May 20" → 20 May 2033 \(ahead\)/);
  });
});
