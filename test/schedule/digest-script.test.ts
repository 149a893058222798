/** `npm run digest`: a dry run lists what is due; --post posts it once, through the same runner. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDigestCli } from '../../scripts/digest.js';
import { openApp } from '../../src/app.js';
import { DeliveryLedger } from '../../src/store/deliveries.js';
import { Store } from '../../src/store/store.js';
import { SEEDS, tempDir } from '../helpers.js';
import { article } from '../alerts/fixtures.js';
import { silent, subscribe } from './helpers.js';

const t = tempDir();
const db = join(t.dir, 'kb.db');
const env = { BRIEFING_DB: db, BRIEFING_SEEDS: SEEDS, LOG_LEVEL: 'silent' };

async function run(args: { post?: boolean; json?: boolean }, e: Record<string, string> = env) {
  const lines: string[] = [];
  const code = await runDigestCli(e, { ...args, out: (s) => lines.push(s), logger: silent });
  return { code, out: lines.join('\n') };
}

function ledgerRow(platform: 'terminal' | 'slack', channelId: string) {
  const store = new Store(db);
  try {
    return new DeliveryLedger(store).get({ platform, channelId, localDate: '2025-01-15' });
  } finally {
    store.close();
  }
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-01-14T12:00:00Z') });
  const app = openApp({ db, seedsDir: SEEDS });
  subscribe(app, 'terminal', '07:30', 'Europe/Paris', 'daily', 'terminal');
  subscribe(app, 'C0NOTOKEN', '07:30', 'Europe/Paris', 'daily', 'slack');
  app.close();
  vi.setSystemTime(new Date('2025-01-15T06:35:00Z')); // 07:35 Paris
});
afterAll(() => {
  vi.useRealTimers();
  t.cleanup();
});

describe('npm run digest', () => {
  it('without --post prints what is due and changes nothing', async () => {
    const { code, out } = await run({});
    expect(code).toBe(0);
    expect(out).toContain('Due now (dry run; add --post to post):');
    expect(out).toMatch(/post\s+terminal\/terminal {2}digest of 2025-01-15, due Wed 15 Jan 2025, 07:30 \(Europe\/Paris\)/);
    expect(out).toMatch(/post\s+slack\/C0NOTOKEN .*not posted here: needs SLACK_BOT_TOKEN/);
    expect(ledgerRow('terminal', 'terminal')).toBeNull();
    const json = JSON.parse((await run({ json: true })).out) as { dryRun: boolean; due: { platform: string; action: string; publishable: boolean }[] };
    expect(json.dryRun).toBe(true);
    expect(json.due.map((d) => [d.platform, d.action, d.publishable])).toEqual([
      ['slack', 'post', false],
      ['terminal', 'post', true],
    ]);
  });

  it('--post prints the terminal digest once; chat channels wait for their token', async () => {
    const first = await run({ post: true });
    expect(first.code).toBe(0);
    expect(first.out).toContain('[scheduled digest for #terminal]');
    expect(first.out).toContain('Digest — 24 Jan 2019');
    expect(first.out).toMatch(/posted\s+terminal\/terminal {2}digest of 2025-01-15/);
    expect(ledgerRow('terminal', 'terminal')).toMatchObject({ status: 'posted', attempts: 1 });
    expect(ledgerRow('slack', 'C0NOTOKEN')).toBeNull();

    const second = await run({ post: true });
    expect(second).toEqual({ code: 0, out: 'Nothing due.' });
  });

  it('--post also posts the stance-change alerts due, once', async () => {
    const app = openApp({ db, seedsDir: SEEDS });
    app.alertSubscriptions.subscribe({ platform: 'terminal', channelId: 'terminal', crisis: app.kb.crisis.id, kinds: ['position', 'side'], createdBy: 'terminal', cursor: app.kb.lastAlertId() });
    app.kb.ingest([article('seeds-0126.md')]);
    app.close();
    const first = await run({ post: true });
    expect(first.code).toBe(0);
    expect(first.out).toContain('Slovenia');
    expect(first.out).toMatch(/posted\s+terminal\/terminal {2}1 alert/);
    expect(await run({ post: true })).toEqual({ code: 0, out: 'Nothing due.' });
  });

  it('exits 2 on bad settings', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect((await run({}, { ...env, BRIEFING_CATCHUP_HOURS: 'soon' })).code).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toContain('BRIEFING_CATCHUP_HOURS');
    } finally {
      err.mockRestore();
    }
  });
});
