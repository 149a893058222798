/**
 * The crises a deployment follows besides its default one (BRIEFING_SEEDS), and the crisis each
 * channel has chosen. Control rows only: each added crisis keeps its knowledge base in a database
 * file of its own (see src/crises.ts), so no query of one crisis can read another's rows.
 */
import type { Platform } from '../../commands/command.js';
import type { Store } from './store.js';

export interface CrisisRow {
  id: string;
  name: string;
  /** The folder it was added from (crisis.json, manifest.json, articles). */
  folder: string;
  /** crisis.json as it was when added: the crisis still opens if the folder is moved. */
  config: string;
  addedAt: string;
  updatedAt: string;
}

const COLS = 'id, name, folder, config, added_at AS addedAt, updated_at AS updatedAt';

export class CrisisRegistry {
  constructor(private readonly store: Store) {}

  list(): CrisisRow[] {
    return this.store.prepare(`SELECT ${COLS} FROM crises ORDER BY added_at, id`).all() as CrisisRow[];
  }

  get(id: string): CrisisRow | null {
    return (this.store.prepare(`SELECT ${COLS} FROM crises WHERE id = ?`).get(id) as CrisisRow | undefined) ?? null;
  }

  /** Add a crisis, or update the folder and config of one added before. True when it is new. */
  upsert(row: Pick<CrisisRow, 'id' | 'name' | 'folder' | 'config'>, now: Date): boolean {
    const at = now.toISOString();
    const existed = this.get(row.id) !== null;
    this.store
      .prepare(
        `INSERT INTO crises (id, name, folder, config, added_at, updated_at) VALUES (@id, @name, @folder, @config, @at, @at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, folder = excluded.folder, config = excluded.config, updated_at = excluded.updated_at`,
      )
      .run({ ...row, at });
    return !existed;
  }

  /** The crisis a channel follows, or null for the default. */
  channelCrisis(platform: Platform, channelId: string): string | null {
    return (this.store.prepare('SELECT crisis FROM channel_crises WHERE platform = ? AND channel_id = ?').pluck().get(platform, channelId) as string | undefined) ?? null;
  }

  setChannelCrisis(platform: Platform, channelId: string, crisis: string, setBy: string | null, now: Date): void {
    this.store
      .prepare(
        `INSERT INTO channel_crises (platform, channel_id, crisis, set_by, set_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET crisis = excluded.crisis, set_by = excluded.set_by, set_at = excluded.set_at`,
      )
      .run(platform, channelId, crisis, setBy, now.toISOString());
  }
}
