/**
 * `npm run register`: deploy the slash commands built from commands/ to Discord — to
 * DISCORD_GUILD_ID when set (instant; for development), else globally. Writes only when Discord's
 * commands differ; `--force` always writes. The bot does the same sync at start-up.
 */
import { DefaultRestOptions, REST, Routes } from 'discord.js';
import { commands } from '../commands/index.js';
import { slashCommands, syncCommands } from '../src/adapters/discord/register.js';
import { ConfigError, environmentOrExit, loadConfig } from '../src/config.js';

export interface RegisterOptions {
  force?: boolean;
  /** Print the JSON instead of sending it. */
  dryRun?: boolean;
  out?: (line: string) => void;
}

/** Returns the process exit code. */
export async function registerDiscord(env: Record<string, string | undefined>, opts: RegisterOptions = {}): Promise<number> {
  const out = opts.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (opts.dryRun) {
    out(JSON.stringify(slashCommands(commands), null, 2));
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (err) {
    out(err instanceof ConfigError ? err.message : String(err));
    return 2;
  }
  if (!config.DISCORD_TOKEN) {
    out('DISCORD_TOKEN is required: the bot token from the Discord Developer Portal (Bot tab).');
    return 2;
  }
  const rest = new REST({ api: config.DISCORD_API_URL ?? DefaultRestOptions.api }).setToken(config.DISCORD_TOKEN);
  try {
    const appId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const res = await syncCommands(rest, appId, commands, { guildId: config.DISCORD_GUILD_ID, force: opts.force });
    const where = res.scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global commands can take up to an hour to appear)';
    out(
      res.action === 'updated'
        ? `Registered ${res.count} commands for ${where}: ${commands.map((c) => `/${c.name}`).join(' ')}`
        : `Already in sync: ${res.count} commands for ${where}. Use --force to rewrite them anyway.`,
    );
    return 0;
  } catch (err) {
    out(`Registration failed: ${err instanceof Error ? err.message : String(err)}. Check DISCORD_TOKEN and DISCORD_APPLICATION_ID.`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  registerDiscord(environmentOrExit(), { force: args.includes('--force'), dryRun: args.includes('--dry-run') }).then((code) => {
    process.exitCode = code;
  });
}
