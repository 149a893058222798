/** The daily token budget, the warning limiter and the model settings, without a server. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ModelHealth, TokenBudget } from '../../src/llm/budget.js';
import { modelEnabled } from '../../src/llm/index.js';

function clockAt(iso: string) {
  const c = { t: new Date(iso), now: () => c.t, add: (ms: number) => (c.t = new Date(c.t.getTime() + ms)) };
  return c;
}

describe('TokenBudget', () => {
  it('counts per UTC day and never runs out with a limit of 0', () => {
    const clock = clockAt('2019-01-24T23:59:00Z');
    const b = new TokenBudget(100, clock);
    expect(b.exhausted()).toBe(false);
    b.spend(60);
    expect(b.exhausted()).toBe(false);
    b.spend(40);
    expect(b.exhausted()).toBe(true);
    clock.add(2 * 60_000);
    expect(b.exhausted()).toBe(false);
    expect(b.usedToday()).toBe(0);
    const free = new TokenBudget(0, clock);
    free.spend(1e9);
    expect(free.exhausted()).toBe(false);
  });
});

describe('ModelHealth', () => {
  it('warns at most once per interval, even when the model flaps', () => {
    const lines: { level: number; msg: string; unloggedFailures?: number }[] = [];
    const log = pino({ level: 'info', base: undefined }, { write: (s: string) => lines.push(JSON.parse(s)) });
    const clock = clockAt('2019-01-24T10:00:00Z');
    const h = new ModelHealth(log, clock, 60_000);
    h.failed('timeout', 'slow');
    h.failed('timeout', 'slow');
    h.ok();
    h.failed('unreachable', 'down');
    h.ok();
    expect(lines.map((l) => l.level)).toEqual([40, 30]);
    clock.add(61_000);
    h.failed('unreachable', 'down');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ level: 40, unloggedFailures: 2 });
  });
});

describe('model settings', () => {
  it('are off without a key or a base URL, and validated with the variable named', () => {
    expect(modelEnabled(loadConfig({}))).toBe(false);
    expect(modelEnabled(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }))).toBe(true);
    expect(modelEnabled(loadConfig({ OPENAI_API_KEY: 'sk-x' }))).toBe(true);
    const c = loadConfig({ OPENAI_TIMEOUT_MS: '', OPENAI_DAILY_TOKENS: '', OPENAI_MODEL: '' });
    expect(c).toMatchObject({ OPENAI_TIMEOUT_MS: 2500, OPENAI_MAX_RETRIES: 1, OPENAI_DAILY_TOKENS: 200_000, OPENAI_MODEL: 'gpt-4o-mini' });
    expect(() => loadConfig({ OPENAI_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENAI_MAX_RETRIES: '9' })).toThrow(/OPENAI_MAX_RETRIES: must be a whole number from 0 to 5/);
    expect(() => loadConfig({ OPENAI_BASE_URL: '127.0.0.1 port 8080' })).toThrow(/OPENAI_BASE_URL/);
  });
});
