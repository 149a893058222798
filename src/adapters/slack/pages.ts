/**
 * Pages of long answers, kept in memory so Previous/Next buttons can show them. An entry lives as
 * long as Slack's response_url (30 minutes); after that a press is answered with a polite note.
 * Memory is bounded: the oldest entries go first when the store is full.
 */
import { randomBytes } from 'node:crypto';
import type { View } from '../../core/answer/view.js';

export interface PageEntry {
  /** Only this user may turn the pages. */
  userId: string;
  pages: View[];
  createdAt: number;
}

export interface PageStoreOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class PageStore {
  private readonly entries = new Map<string, PageEntry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: PageStoreOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 30 * 60_000;
    this.maxEntries = opts.maxEntries ?? 1000;
    this.now = opts.now ?? Date.now;
  }

  /** Store the pages of one answer; returns the id carried in the button values. */
  put(userId: string, pages: View[]): string {
    this.sweep();
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    // Unguessable, so a button value cannot be forged to read someone else's pages.
    const id = randomBytes(9).toString('base64url');
    this.entries.set(id, { userId, pages, createdAt: this.now() });
    return id;
  }

  /** The entry, or null when unknown or expired. */
  get(id: string): PageEntry | null {
    const e = this.entries.get(id);
    if (!e) return null;
    if (this.now() - e.createdAt > this.ttlMs) {
      this.entries.delete(id);
      return null;
    }
    return e;
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, e] of this.entries) {
      if (t - e.createdAt <= this.ttlMs) break; // insertion order = age order
      this.entries.delete(id);
    }
  }
}

/** Button value: "<id>:<page index>". Returns null for anything else. */
export function parsePageValue(value: string | undefined): { id: string; page: number } | null {
  const m = /^([A-Za-z0-9_-]{1,64}):(\d{1,4})$/.exec(value ?? '');
  if (!m?.[1] || m[2] === undefined) return null;
  return { id: m[1], page: Number(m[2]) };
}
