/**
 * In-memory page state of paginated replies. Each entry lives for a fixed time from the reply
 * (not from the last press): interaction tokens die after 15 minutes, and the expiry hook still
 * needs one to take the buttons off the message. After a restart the state is gone and a press
 * gets the same polite "expired" answer as a stale one.
 */
import { randomBytes } from 'node:crypto';
import type { APIEmbed } from 'discord.js';

/** Ten minutes: well inside the 15-minute life of the interaction token. */
export const PAGE_TTL_MS = 10 * 60_000;

export interface PageState {
  id: string;
  /** Only this user may turn the pages. */
  userId: string;
  pages: APIEmbed[][];
  expiresAt: number;
  /** Called once when the state expires, e.g. to remove the buttons from the message. */
  onExpire?: () => Promise<unknown> | undefined;
}

export class PageStore {
  private readonly states = new Map<string, PageState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly ttlMs: number = PAGE_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  create(userId: string, pages: APIEmbed[][]): PageState {
    const state: PageState = { id: randomBytes(6).toString('hex'), userId, pages, expiresAt: this.now() + this.ttlMs };
    this.states.set(state.id, state);
    // unref: a pending expiry must never keep the process alive.
    this.timers.set(state.id, setTimeout(() => void this.expire(state.id), this.ttlMs).unref());
    return state;
  }

  /** The live state, or undefined when unknown or expired. */
  get(id: string): PageState | undefined {
    const s = this.states.get(id);
    if (s && s.expiresAt <= this.now()) {
      void this.expire(id);
      return undefined;
    }
    return s;
  }

  /** Drop a state and run its expiry hook (also what the timer does). */
  async expire(id: string): Promise<void> {
    const s = this.states.get(id);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.states.delete(id);
    if (!s?.onExpire) return;
    try {
      await s.onExpire();
    } catch (err) {
      this.onError(err);
    }
  }

  get size(): number {
    return this.states.size;
  }

  /** Forget everything without calling hooks (on shutdown). */
  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.states.clear();
  }
}
