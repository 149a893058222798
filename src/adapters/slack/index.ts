/** The Slack adapter: being built (issue). Until then starting it fails with a clear message. */
import type { App } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { RunningAdapter } from '../../main.js';

export async function startSlack(_app: App, _config: Config, _log: Logger): Promise<RunningAdapter> {
  throw new Error('The Slack adapter is not built yet.');
}
