/**
 * /ask on a sum paid: a demand, an offer or a denied payment is not a payment, so "How much ransom
 * was paid?" is answered only by a sentence that reports one, else "not in the corpus". Questions
 * about the demand or the offer keep their own answers. Made-up crisis: test/fixtures/payments (and
 * u6-dalmarra, where a ransom is demanded and every payment denied: test/core/coref.test.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'payments'));
});
afterAll(() => app.cleanup());

const answer = async (q: string) => (await app.kb.ask(q)).answer;

describe('ask: a payment, not a demand or an offer', () => {
  it('the sum paid, not the $15 million demanded nor the $2 million offered', async () => {
    expect(await answer('How much ransom was paid?')).toBe('$4 million');
    expect(await answer('How much was paid?')).toBe('$4 million');
    expect(await answer('How much ransom did the Kelvaran government pay?')).toBe('$4 million');
  });

  it('an offer to pay is no payment; questions about the demand and the offer keep their answers', async () => {
    expect(await answer('How much ransom did Norway pay?')).toBeNull();
    expect(await answer('How much ransom did the Iron Hand demand?')).toBe('$15 million');
    expect(await answer('How much did Norway offer to pay?')).toBe('$2 million');
    expect(await answer('How much compensation did the Iron Hand ask for?')).toBe('$9 million');
  });
});
