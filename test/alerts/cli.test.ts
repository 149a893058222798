/** `briefing alerts` (the CLI contract), in a child process: ingest from the CLI, then list the changes. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { ALERT_FIXTURES, NORLAND } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const ROOT = join(import.meta.dirname, '..', '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_DB: join(tmp.dir, 'cli.db'), BRIEFING_SEEDS: NORLAND },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('briefing alerts', () => {
  it('lists the changes an ingest detected, as {alerts: [{at, kind, actor, from, to, text, quote, source, url}]}', () => {
    // Two ingests: changes are what one ingest's refresh changed (one run with both would say only
    // where Slovenia ended up: a first position).
    expect(cli('ingest', join(ALERT_FIXTURES, 'first-0302.md')).code).toBe(0);
    expect(cli('ingest', join(ALERT_FIXTURES, 'side-0305.md')).code).toBe(0);
    const r = cli('alerts', '--since', '2026-03-05', '--json');
    expect(r.code).toBe(0);
    const listed = (JSON.parse(r.out) as { alerts: Record<string, unknown>[] }).alerts;
    // The seed articles (2031) come after --since too; Slovenia's first position (2 March 2026) does not.
    const alerts = listed.filter((a) => a.source === 'Made-up Gazette');
    expect(alerts.map((a) => a.kind)).toEqual(['side', 'figure', 'scheduled']);
    expect(listed.every((a) => String(a.at) >= '2026-03-05')).toBe(true);
    for (const a of alerts) expect(Object.keys(a)).toEqual(expect.arrayContaining(['at', 'kind', 'actor', 'from', 'to', 'text', 'quote', 'source', 'url']));
    expect(alerts[0]).toMatchObject({
      at: '2026-03-05',
      kind: 'side',
      actor: 'Slovenia',
      from: 'hale (firm)',
      to: 'council (firm)',
      quote: 'Slovenia recognised Adrian Volk as the legitimate leader of Norland.',
      source: 'Made-up Gazette',
      url: 'https://gazette.example/norland/slovenia-turn',
    });
    // Without --since: the seed crisis's first positions too; with the crisis named: the same.
    const all = JSON.parse(cli('alerts', '--crisis', 'norland-2031', '--json').out).alerts;
    expect(all.length).toBeGreaterThan(alerts.length);
    expect(cli('alerts').out).toContain('Slovenia changes side');
  });

  it('a bad --since or an unknown --crisis is a usage error (exit 2, one line)', () => {
    for (const args of [['alerts', '--since', 'yesterday'], ['alerts', '--crisis', 'atlantis']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(cli('alerts', '--since', 'yesterday').err).toContain('Bad --since "yesterday"');
  });
});
