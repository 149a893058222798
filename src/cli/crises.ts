/** `briefing crisis add`, and feeds across every crisis (`feed list`, `feed poll`). */
import { oneLine } from '../ingest/prepare.js';
import { knownCrisis, open, UsageError } from './common.js';

/** `briefing crisis add <folder>`: register a crisis and ingest its manifest's articles. */
export async function addCrisis(folder: string, json: boolean): Promise<void> {
  const { CrisisError } = await import('../crises.js');
  const { crisisData } = await import('../../commands/crisis.js');
  const app = open();
  try {
    const r = app.crises.add(folder);
    if (json) process.stdout.write(`${JSON.stringify({ added: r.added, crisis: crisisData(r.crisis) }, null, 2)}\n`);
    else process.stdout.write(`${r.added ? 'Added' : 'Updated'} crisis ${r.crisis.id} (${oneLine(r.crisis.name)}): ${r.crisis.articles} article${r.crisis.articles === 1 ? '' : 's'}.\n`);
  } catch (err) {
    throw err instanceof CrisisError ? new UsageError(err.message) : err;
  } finally {
    app.close();
  }
}

/** `briefing feed list` without --crisis: the feeds of every crisis. */
export async function listAllFeeds(json: boolean): Promise<void> {
  const { feedData } = await import('../../commands/feeds.js');
  const app = open();
  try {
    const feeds = app.crises.ids().flatMap((id) => app.crises.require(id).feedStore.list());
    if (json) process.stdout.write(`${JSON.stringify({ feeds: feeds.map(feedData) }, null, 2)}\n`);
    else if (feeds.length === 0) process.stdout.write('No feeds followed. Add one with `briefing feed add <url>`.\n');
    else for (const f of feeds) process.stdout.write(`${f.url} (${f.crisis}): ${f.articles} article${f.articles === 1 ? '' : 's'} added${f.lastError ? `, last error: ${oneLine(f.lastError)}` : ''}\n`);
  } finally {
    app.close();
  }
}

/** `briefing feed poll`: every feed once, whatever its schedule. Exit 1 when every feed failed. */
export async function pollFeeds(crisis: string | undefined, json: boolean): Promise<void> {
  const app = open();
  try {
    const results = crisis ? await (await app.crises.require(knownCrisis(app, crisis)).feeds()).pollAll('all') : await app.crises.pollAll('all');
    if (json) process.stdout.write(`${JSON.stringify({ feeds: results }, null, 2)}\n`);
    else if (results.length === 0) process.stdout.write('No feeds followed. Add one with `briefing feed add <url>`.\n');
    else
      for (const r of results)
        process.stdout.write(
          r.ok ? `${r.url}: ${r.added} added, ${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'}, ${r.skipped} not about the crisis, ${r.failed} failed\n` : `${r.url}: failed: ${r.error}\n`,
        );
    if (results.length > 0 && results.every((r) => !r.ok)) process.exitCode = 1;
  } finally {
    app.close();
  }
}
