/**
 * The crises one deployment follows. The default crisis (BRIEFING_SEEDS) keeps its knowledge base
 * in the main database, as it always has; each crisis added with `briefing crisis add <folder>`
 * gets a database file of its own beside it (`<db>.crises/<id>.db`), opened on first use. Why a
 * file each: no question, digest or alert of one crisis can read another's rows, every index stays
 * as small as its crisis, and dropping a crisis is deleting a file. What is shared — which crises
 * exist, the crisis each channel follows, feeds, digest subscriptions and the delivery ledger —
 * stays in the main database.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CrisisSummary, FeedPort, Platform } from '../commands/command.js';
import { Briefing } from './core/briefing.js';
import type { AnswerModel } from './core/answer/grounding.js';
import type { Clock, CrisisConfig } from './core/types.js';
import { feedPort, lazyFeedService } from './ingest/feeds/port.js';
import type { FeedService, FeedSettings, PollResult } from './ingest/feeds/poll.js';
import { ingestSeeds, parseCrisis } from './ingest/seeds.js';
import { type CrisisRow, CrisisRegistry } from './store/crises.js';
import { FeedStore } from './store/feeds.js';
import { Store } from './store/store.js';

/** Ids of added crises name their database file: lower-case letters, digits, - and _. */
export const CRISIS_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A crisis that cannot be added or found; its message is one line for the user. */
export class CrisisError extends Error {}

/** One crisis as /crisis list and `briefing crisis list --json` show it. */
export type CrisisInfo = CrisisSummary;

/** An open crisis: its knowledge base and its feeds. */
export interface OpenCrisis {
  kb: Briefing;
  feedStore: FeedStore;
  feeds: () => Promise<FeedService>;
  feedPort: FeedPort;
}

export interface CrisisSetOptions {
  /** The main database (control rows, and the default crisis's knowledge base). */
  store: Store;
  /** Its path: added crises' files go beside it (':memory:' keeps them in memory too). */
  dbPath: string;
  defaultKb: Briefing;
  clock: Clock;
  model?: AnswerModel;
  feedSettings: FeedSettings;
}

/** Where an added crisis keeps its knowledge base. */
export function crisisDbPath(mainDb: string, id: string): string {
  if (mainDb === ':memory:') return ':memory:';
  const stem = basename(mainDb).replace(/\.[^.]*$/, '');
  return join(dirname(mainDb), `${stem}.crises`, `${id}.db`);
}

export class CrisisSet {
  readonly registry: CrisisRegistry;
  readonly defaultId: string;
  private readonly opened = new Map<string, OpenCrisis>();

  constructor(private readonly o: CrisisSetOptions) {
    this.registry = new CrisisRegistry(o.store);
    this.defaultId = o.defaultKb.crisis.id;
    this.opened.set(this.defaultId, this.wire(o.defaultKb));
  }

  /** Every crisis id, the default first. */
  ids(): string[] {
    return [this.defaultId, ...this.registry.list().map((r) => r.id)];
  }

  /** The database file holding a crisis's knowledge base. */
  dbPathOf(id: string): string {
    return id === this.defaultId ? this.o.dbPath : crisisDbPath(this.o.dbPath, id);
  }

  has(id: string): boolean {
    return id === this.defaultId || this.registry.get(id) !== null;
  }

  /** An open crisis by id (opened now if need be), or null when there is none by that id. */
  get(id: string): OpenCrisis | null {
    const open = this.opened.get(id);
    if (open) return open;
    const row = this.registry.get(id);
    return row ? this.openRow(row, this.configOf(row)) : null;
  }

  /** Like get, but an unknown id is a CrisisError naming the crises there are. */
  require(id: string): OpenCrisis {
    const c = this.get(id);
    if (!c) throw new CrisisError(`No crisis "${id}". Crises: ${this.ids().join(', ')}.`);
    return c;
  }

  /**
   * Register a crisis from a folder shaped like seeds/ (crisis.json, optional manifest.json and
   * articles) and ingest its manifest's articles. Adding the same folder again updates it.
   */
  add(folder: string): { crisis: CrisisInfo; added: boolean } {
    const dir = resolve(folder);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CrisisError(`${folder} is not a folder`);
    const file = join(dir, 'crisis.json');
    if (!existsSync(file)) throw new CrisisError(`${join(folder, 'crisis.json')} is missing: a crisis folder needs crisis.json naming the crisis and its sides`);
    const text = readFileSync(file, 'utf8');
    let config: CrisisConfig;
    try {
      config = parseCrisis(text, join(folder, 'crisis.json'));
    } catch (err) {
      throw new CrisisError(err instanceof Error ? err.message : String(err));
    }
    if (!CRISIS_ID.test(config.id)) throw new CrisisError(`crisis id "${config.id}" must be lower-case letters, digits, - or _ (it names the crisis's database file)`);
    if (config.id === this.defaultId) throw new CrisisError(`"${config.id}" is the default crisis (BRIEFING_SEEDS); give the new crisis another id`);
    const row = { id: config.id, name: config.name, folder: dir, config: text };
    // Open (and ingest the manifest) before registering, so a broken folder leaves nothing behind.
    this.closeOne(config.id);
    this.openRow({ ...row, addedAt: '', updatedAt: '' }, config);
    const added = this.registry.upsert(row, this.o.clock.now());
    return { crisis: this.info(config.id), added };
  }

  /** Every crisis with its article and feed counts, the default first. */
  list(): CrisisInfo[] {
    return this.ids().map((id) => this.info(id));
  }

  info(id: string): CrisisInfo {
    const c = this.require(id);
    const stats = c.kb.reader.corpusStats();
    return { id, name: c.kb.crisis.name, articles: stats.articles, feeds: c.feedStore.list().length, lastIngestedAt: stats.lastIngestedAt, isDefault: id === this.defaultId };
  }

  /** The crisis a channel follows (`/crisis use`), else the default. */
  channelCrisis(platform: Platform, channelId: string): string {
    const id = this.registry.channelCrisis(platform, channelId);
    return id && this.has(id) ? id : this.defaultId;
  }

  use(platform: Platform, channelId: string, id: string, by: string | null): CrisisInfo {
    this.require(id);
    this.registry.setChannelCrisis(platform, channelId, id, by, this.o.clock.now());
    return this.info(id);
  }

  /** Poll the feeds of every crisis that follows any (crises without feeds are not opened). */
  async pollAll(which: 'all' | 'due', signal?: AbortSignal): Promise<(PollResult & { crisis: string })[]> {
    const out: (PollResult & { crisis: string })[] = [];
    for (const id of this.ids()) {
      if (signal?.aborted) break;
      if (new FeedStore(this.o.store, id).list().length === 0) continue;
      const service = await this.require(id).feeds();
      for (const r of await service.pollAll(which, signal)) out.push({ ...r, crisis: id });
    }
    return out;
  }

  /** Close the added crises' databases (the main one is the app's). */
  close(): void {
    for (const id of [...this.opened.keys()]) if (id !== this.defaultId) this.closeOne(id);
  }

  private closeOne(id: string): void {
    const c = this.opened.get(id);
    if (!c || id === this.defaultId) return;
    this.opened.delete(id);
    c.kb.store.close();
  }

  /** crisis.json from its folder when it is still there and names the same crisis (edits apply), else as registered. */
  private configOf(row: CrisisRow): CrisisConfig {
    const file = join(row.folder, 'crisis.json');
    if (existsSync(file)) {
      try {
        const fresh = parseCrisis(readFileSync(file, 'utf8'), file);
        if (fresh.id === row.id) return fresh;
      } catch {
        // A broken edit: keep answering from the registered copy.
      }
    }
    return parseCrisis(row.config, `crisis ${row.id}`);
  }

  private openRow(row: CrisisRow, config: CrisisConfig): OpenCrisis {
    const store = new Store(crisisDbPath(this.o.dbPath, row.id));
    try {
      const kb = new Briefing(store, config, { clock: this.o.clock, model: this.o.model });
      if (existsSync(join(row.folder, 'manifest.json'))) ingestSeeds(kb, row.folder);
      const open = this.wire(kb);
      this.opened.set(row.id, open);
      return open;
    } catch (err) {
      store.close();
      throw err instanceof CrisisError ? err : new CrisisError(`crisis ${row.id}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }

  /** Feeds are control rows of the main database, tagged with the crisis they feed. */
  private wire(kb: Briefing): OpenCrisis {
    const feedStore = new FeedStore(this.o.store, kb.crisis.id);
    const feeds = lazyFeedService(kb, feedStore, this.o.feedSettings, this.o.clock);
    return { kb, feedStore, feeds, feedPort: feedPort(feedStore, feeds) };
  }
}
