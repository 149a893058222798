/**
 * One table of stance cases on a made-up crisis under test/fixtures: each row is an actor, the side
 * and strength its answer must give, and words of the evidence sentence that must state it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

export type StanceCase = [actor: string, alignment: string, strength: 'firm' | 'leaning' | null, evidence: string];

/** describe(title) over the fixture's knowledge base: every row, then `more` with the open app. */
export function describeStances(title: string, fixture: string, rows: StanceCase[], more?: (app: () => ReturnType<typeof freshApp>) => void): void {
  describe(title, () => {
    let app: ReturnType<typeof freshApp>;
    beforeAll(() => {
      app = freshApp(join(import.meta.dirname, '..', 'fixtures', fixture));
    });
    afterAll(() => app.cleanup());
    it.each(rows)('%s → %s (%s)', (q, alignment, strength, evidence) => {
      const s = app.kb.stance(q);
      expect(s).toMatchObject({ found: true, alignment, strength });
      expect(s.evidence.map((e) => e.quote).join(' | ')).toContain(evidence);
    });
    more?.(() => app);
  });
}
