/**
 * Two crises in one deployment (the seed crisis in the main database, Norland in a file of its
 * own): alerts are detected in each crisis's knowledge base and reach only the channels subscribed
 * to that crisis, by the channel's crisis (/crisis use) or crisis:ID. Real SQLite; the runner posts
 * through a recording publisher that keeps the ledger's contract.
 */
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { runInvocation } from '../../commands/run.js';
import { openApp } from '../../src/app.js';
import { createAlertRunner } from '../../src/schedule/index.js';
import { SEEDS, tempDir } from '../helpers.js';
import { recordingPublisher } from '../schedule/helpers.js';
import { article, NORLAND } from './fixtures.js';

const t = tempDir();
afterAll(() => t.cleanup());

describe('alerts with several crises', () => {
  it('each crisis’s changes reach only its own subscribers', async () => {
    const app = openApp({ db: join(t.dir, 'kb.db'), seedsDir: SEEDS });
    try {
      app.crises.add(NORLAND);
      const norland = app.crises.require('norland-2031').kb;
      norland.ingest([article('first-0302.md')]);
      app.crises.use('slack', 'C1', 'norland-2031', 'U0ADMIN');
      const sub = (channel: string, options: Record<string, unknown> = {}) =>
        runInvocation({ command: 'alerts', subcommand: 'subscribe', options }, app.context('slack', channel, 'U0ADMIN', true));
      // C1 follows Norland (its channel crisis), C2 the default crisis, C3 Norland by name.
      expect((await sub('C1')).data).toMatchObject({ subscription: { crisis: 'norland-2031' } });
      expect((await sub('C2')).data).toMatchObject({ subscription: { crisis: 'venezuela-2019' } });
      expect((await sub('C3', { crisis: 'norland-2031' })).data).toMatchObject({ subscription: { crisis: 'norland-2031' } });
      expect((await sub('C4', { crisis: 'atlantis' })).view.kind).toBe('error');

      norland.ingest([article('side-0305.md')]);
      app.kb.ingest([article('seeds-0126.md')]);
      // Alert ids of the two knowledge bases overlap; their batches do not.
      expect(norland.alerts().some((a) => a.actor === 'Slovenia' && a.kind === 'side')).toBe(true);
      expect(app.kb.alerts().some((a) => a.actor === 'Slovenia' && a.kind === 'side')).toBe(false);

      const pub = recordingPublisher('slack');
      const runner = createAlertRunner(app, [pub], { log: pino({ level: 'silent' }), minutes: 10 });
      const out = await runner.runDue();
      expect(out.map((o) => [o.channelId, o.result]).sort()).toEqual([
        ['C1', 'posted'],
        ['C2', 'posted'],
        ['C3', 'posted'],
      ]);
      const text = (c: string) => JSON.stringify(pub.posts.filter((p) => p.channelId === c).map((p) => p.view));
      for (const c of ['C1', 'C3']) {
        expect(text(c)).toContain('Slovenia changes side');
        expect(text(c)).not.toContain('Guaid');
      }
      expect(text('C2')).toContain('Slovenia takes a position: backs Guaidó and the National Assembly');
      expect(text('C2')).not.toContain('junta');
      expect(pub.posts.map((p) => p.deliveryId).sort()).toEqual([
        expect.stringMatching(/^slack\/C1\/alerts:norland-2031:\d+-\d+$/),
        expect.stringMatching(/^slack\/C2\/alerts:venezuela-2019:\d+-\d+$/),
        expect.stringMatching(/^slack\/C3\/alerts:norland-2031:\d+-\d+$/),
      ]);
      expect(await runner.runDue()).toEqual([]);

      // `/alerts list` answers from the crisis named (or the channel's).
      const list = (channel: string, options: Record<string, unknown> = {}) =>
        runInvocation({ command: 'alerts', subcommand: 'list', options }, app.context('slack', channel, 'U0', false));
      const kinds = async (channel: string, options?: Record<string, unknown>) =>
        ((await list(channel, options)).data as { alerts: { actor: string | null; kind: string }[] }).alerts.filter((a) => a.actor === 'Slovenia').map((a) => a.kind);
      expect(await kinds('C1')).toEqual(['position', 'side']);
      expect(await kinds('C2')).toEqual(['position']);
      expect(await kinds('C2', { crisis: 'norland-2031' })).toEqual(['position', 'side']);
    } finally {
      app.close();
    }
  });
});

describe('/alerts tells the batching the deployment uses', () => {
  it('says BRIEFING_ALERT_MINUTES, not a vague "few minutes"', async () => {
    const app = openApp({ db: join(t.dir, 'minutes.db'), seedsDir: SEEDS, alertMinutes: 30 });
    try {
      const run = (subcommand: string) => runInvocation({ command: 'alerts', subcommand, options: {} }, app.context('slack', 'C9', 'U0ADMIN', true));
      const text = (v: { blocks?: { type: string; text?: string }[] }) => (v.blocks ?? []).map((b) => b.text ?? '').join(' ');
      expect(text((await run('subscribe')).view as never)).toContain('at most one message every 30 minutes');
      expect(text((await run('status')).view as never)).toContain('at most one message every 30 minutes');
    } finally {
      app.close();
    }
  });
});
