/** The request guard on its own: both directions of the window, replays, bounded memory. */
import { describe, expect, it } from 'vitest';
import { RequestGuard, WINDOW_SECONDS } from '../../../src/adapters/slack/guard.js';
import { signature } from './fake-slack.js';

describe('RequestGuard', () => {
  const clock = { t: 1_700_000_000_000 };
  const guard = (max?: number) => new RequestGuard({ signingSecret: 's', now: () => clock.t, maxRemembered: max });
  const signed = (ts: number, body = 'a=1') => [String(ts), signature('s', ts, body), body] as const;
  const now = () => Math.floor(clock.t / 1000);

  it('accepts inside the window both ways and refuses outside it', () => {
    const g = guard();
    expect(g.check(...signed(now() - WINDOW_SECONDS))).toEqual({ ok: true });
    expect(g.check(...signed(now() + WINDOW_SECONDS))).toEqual({ ok: true });
    expect(g.check(...signed(now() - WINDOW_SECONDS - 1))).toEqual({ ok: false, reason: 'stale' });
    expect(g.check(...signed(now() + WINDOW_SECONDS + 1))).toEqual({ ok: false, reason: 'future' });
    expect(g.check('1e3', 'v0=x', 'a=1')).toEqual({ ok: false, reason: 'bad timestamp' });
    expect(g.check(String(now()), 'v0=00', 'a=1')).toEqual({ ok: false, reason: 'bad signature' });
    expect(g.check(undefined, undefined, 'a=1')).toEqual({ ok: false, reason: 'no signature' });
  });

  it('refuses a signature seen before, forgets it once it could no longer pass, and stays bounded', () => {
    const g = guard(3);
    const req = signed(now());
    expect(g.check(...req)).toEqual({ ok: true });
    expect(g.check(...req)).toEqual({ ok: false, reason: 'replay' });
    // A different body (or timestamp) is a different request.
    expect(g.check(...signed(now(), 'a=2'))).toEqual({ ok: true });
    clock.t += (WINDOW_SECONDS + 1) * 1000;
    expect(g.check(...req)).toEqual({ ok: false, reason: 'stale' });
    expect(g.check(...signed(now(), 'b=1'))).toEqual({ ok: true });
    expect(g.size).toBe(1);
    for (let i = 0; i < 10; i++) g.check(...signed(now(), `c=${i}`));
    expect(g.size).toBeLessThanOrEqual(3);
  });
});
