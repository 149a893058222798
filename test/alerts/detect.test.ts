/**
 * Change detection: the pure rules (stance changes judged as the stance answer judges them, figure
 * rises, scheduled events) and, on real SQLite with the made-up Norland crisis, the alerts an
 * ingest stores: first position, change of side, a rising death toll, a new scheduled event; none
 * for a duplicate; exactly once when the process stops between the ingest and its refresh.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.js';
import { type ClaimRow, aggregate } from '../../src/core/answer/stance.js';
import { figureAmount, figureRises, parseKinds, stanceChange } from '../../src/core/changes/detect.js';
import { tempDir } from '../helpers.js';
import { article, NORLAND } from './fixtures.js';


const claim = (side: string | null, strength: ClaimRow['strength'], at: string, sentenceId: number, extra: Partial<ClaimRow & { docId: string }> = {}) => ({ side, strength, at, sentenceId, docId: `d${sentenceId}`, ...extra });

function change(before: { alignment: string; strength: string | null } | null, claims: ReturnType<typeof claim>[]) {
  const agg = aggregate(claims);
  if (!agg) throw new Error('no aggregate');
  return stanceChange(before, agg, claims);
}

describe('stance changes (pure)', () => {
  it('a first position', () => {
    const c = change(null, [claim('a', 'firm', '2031-07-01', 1)]);
    expect(c).toMatchObject({ kind: 'position', from: null, to: { alignment: 'a', strength: 'firm' }, evidence: { sentenceId: 1 } });
  });

  it('a first position after statements of no side', () => {
    expect(change({ alignment: 'neutral', strength: null }, [claim(null, 'neutral', '2031-06-30', 1, { cue: 'urged restraint' }), claim('a', 'leaning', '2031-07-01', 2)])).toMatchObject({ kind: 'position' });
  });

  it('a change of side, with the new side’s sentence as evidence', () => {
    const c = change({ alignment: 'a', strength: 'firm' }, [claim('a', 'firm', '2031-07-01', 1), claim('b', 'firm', '2031-07-02', 2)]);
    expect(c).toMatchObject({ kind: 'side', from: { alignment: 'a' }, to: { alignment: 'b', strength: 'firm' }, evidence: { sentenceId: 2 } });
  });

  it('weak evidence flips nothing: one leaning sentence for the other side', () => {
    const claims = [claim('a', 'firm', '2031-07-01', 1), claim('b', 'leaning', '2031-07-02', 2)];
    // The stance answer follows the latest day; the alert waits for firmer evidence.
    expect(aggregate(claims)?.alignment).toBe('b');
    expect(change({ alignment: 'a', strength: 'firm' }, claims)).toBeNull();
    // Leaning in two articles is enough.
    expect(change({ alignment: 'a', strength: 'firm' }, [...claims, claim('b', 'leaning', '2031-07-02', 3)])).toMatchObject({ kind: 'side' });
  });

  it('conflicting evidence flips nothing: the deciding day also has claims for the old side', () => {
    const claims = [claim('a', 'firm', '2031-07-01', 1), claim('b', 'firm', '2031-07-02', 2), claim('a', 'leaning', '2031-07-02', 3)];
    expect(aggregate(claims)?.alignment).toBe('b');
    expect(change({ alignment: 'a', strength: 'firm' }, claims)).toBeNull();
    expect(change(null, [claim('a', 'firm', '2031-07-02', 1), claim('b', 'firm', '2031-07-02', 2), claim('a', 'firm', '2031-07-02', 3)])).toBeNull();
  });

  it('firming up and softening', () => {
    expect(change({ alignment: 'a', strength: 'leaning' }, [claim('a', 'leaning', '2031-07-01', 1), claim('a', 'firm', '2031-07-02', 2)])).toMatchObject({ kind: 'firmed', to: { strength: 'firm' } });
    const neutral = change({ alignment: 'a', strength: 'leaning' }, [claim('a', 'leaning', '2031-07-01', 1), claim(null, 'neutral', '2031-07-03', 2, { cue: 'an internal affair' })]);
    expect(neutral).toMatchObject({ kind: 'softened', to: { alignment: 'neutral' }, evidence: { sentenceId: 2 } });
  });

  it('no change, no alert', () => {
    expect(change({ alignment: 'a', strength: 'firm' }, [claim('a', 'firm', '2031-07-01', 1), claim('a', 'firm', '2031-07-02', 2)])).toBeNull();
  });
});

describe('figures and kinds (pure)', () => {
  it('reads amounts, and not vague ones', () => {
    expect(figureAmount('at least 40 people were killed')).toBe(40);
    expect(figureAmount('1,200 troops')).toBe(1200);
    expect(figureAmount('twelve dead')).toBe(12);
    expect(figureAmount('hundreds of protesters')).toBeNull();
    expect(figureAmount('death toll rose to 55')).toBe(55);
    expect(figureAmount('the death toll has risen to two dozen')).toBe(24);
    expect(figureAmount('dozens were killed')).toBeNull();
  });

  it('a death toll rises over the highest known; older or vaguer reports do not', () => {
    const known = new Map([['deaths', { key: 'deaths', amount: 26, value: '26 people were killed', day: '2031-07-01' }]]);
    const f = (id: number, value: string, day: string, kind = 'deaths') => ({ id, kind, value, day, docId: 'd', sentenceId: id });
    expect(figureRises(known, [f(1, 'at least 40 people were killed', '2031-07-02')]).rises.map((r) => r.to.value)).toEqual(['at least 40 people were killed']);
    expect(figureRises(known, [f(1, '40 people were killed', '2031-06-20')]).rises).toEqual([]);
    expect(figureRises(known, [f(1, '20 people were killed', '2031-07-03')]).rises).toEqual([]);
    expect(figureRises(known, [f(1, 'dozens were killed', '2031-07-03')]).rises).toEqual([]);
    // Counts rise only over counts of the same thing.
    const troops = new Map([['count:troops', { key: 'count:troops', amount: 500, value: '500 troops', day: '2031-07-01' }]]);
    expect(figureRises(troops, [f(1, '900 refugees', '2031-07-02', 'count')]).rises).toEqual([]);
    expect(figureRises(troops, [f(1, '900 troops', '2031-07-02', 'count')]).rises).toHaveLength(1);
  });

  it('subscription kinds', () => {
    expect(parseKinds([])).toEqual({ kinds: ['position', 'side', 'firmed', 'softened', 'figure', 'scheduled'] });
    expect(parseKinds(['side', 'figures'])).toEqual({ kinds: ['side', 'figure'] });
    expect(parseKinds(['stance'])).toEqual({ kinds: ['position', 'side', 'firmed', 'softened'] });
    expect(parseKinds(['weather'])).toEqual({ unknown: 'weather' });
  });
});

describe('alerts stored at ingest (real SQLite)', () => {
  const t = tempDir();
  afterEach(() => t.cleanup());
  let n = 0;
  const open = (db = join(t.dir, `kb-${++n}.db`)) => Object.assign(openApp({ db, seedsDir: NORLAND }), { db });

  it('first position, change of side, a rising toll, a new scheduled event; a duplicate adds none', () => {
    const app = open();
    try {
      const seeded = app.kb.lastAlertId();
      // The seed articles' positions, once per actor: Oman, not also the minister who spoke for it.
      const seedActors = app.kb.alerts().map((a) => a.actor);
      expect(seedActors).toContain('Oman');
      expect(seedActors).not.toContain('Emil Sandor');
      app.kb.ingest([article('first-0302.md')]);
      const first = app.kb.alerts().filter((a) => a.id > seeded);
      expect(first.map((a) => [a.kind, a.actor, a.from, a.to])).toEqual([['position', 'Slovenia', null, 'hale (firm)']]);
      expect(first[0]).toMatchObject({
        quote: 'Slovenia recognised Mira Hale as the only legitimate president of Norland.',
        source: 'Made-up Gazette',
        url: 'https://gazette.example/norland/slovenia',
        at: '2026-03-02',
      });
      const mark = app.kb.lastAlertId();
      app.kb.ingest([article('side-0305.md')]);
      const second = app.kb.alerts().filter((a) => a.id > mark);
      expect(second.map((a) => [a.kind, a.actor, a.from, a.to])).toEqual([
        ['side', 'Slovenia', 'hale (firm)', 'council (firm)'],
        ['figure', null, '26 people were killed', 'at least 40 people were killed'],
        ['scheduled', null, null, '2026-07-15'],
      ]);
      expect(second[0]?.text).toBe("Slovenia changes side: now backs The National Salvation Council junta (Volk) (before: backed President Mira Hale's government)");
      expect(second[0]?.quote).toBe('Slovenia recognised Adrian Volk as the legitimate leader of Norland.');
      expect(second[1]?.quote).toBe('Officials said at least 40 people were killed in clashes in the capital since the coup.');
      expect(second[2]?.quote).toBe('Regional foreign ministers will meet in Riga on 15 July to discuss the crisis.');
      for (const a of second) expect(a).toMatchObject({ source: 'Made-up Gazette', url: 'https://gazette.example/norland/slovenia-turn' });
      // The stance answer says the same.
      expect(app.kb.stance('Slovenia')).toMatchObject({ alignment: 'council', strength: 'firm' });
      // The same article again, and a copy under another name: no alert.
      const all = app.kb.lastAlertId();
      const again = app.kb.ingest([article('side-0305.md'), { ...article('side-0305.md'), path: 'copy.md', id: 'copy' }]);
      expect(again.every((r) => r.duplicate)).toBe(true);
      expect(app.kb.lastAlertId()).toBe(all);
    } finally {
      app.close();
    }
  });

  it('a process that stops before the refresh: the next start detects the change, once', () => {
    const app = open();
    app.kb.ingest([article('first-0302.md')]);
    const mark = app.kb.lastAlertId();
    expect(() =>
      app.kb.ingest([article('side-0305.md')], undefined, {
        at: (p) => {
          if (p === 'refresh') throw new Error('killed');
        },
      }),
    ).toThrow('killed');
    // The article is in, its refresh (and so its alerts) not yet.
    expect(app.kb.lastAlertId()).toBe(mark);
    app.close();
    const next = open(app.db);
    try {
      expect(next.kb.alerts().filter((a) => a.id > mark).map((a) => a.kind)).toEqual(['side', 'figure', 'scheduled']);
      const third = open(app.db);
      expect(third.kb.lastAlertId()).toBe(next.kb.lastAlertId());
      third.close();
    } finally {
      next.close();
    }
  });
});
