/**
 * The platform-neutral reply view. The core and commands/ produce it; each adapter renders it
 * (Discord embeds, Slack Block Kit, terminal text). Adapters never add facts, they only translate.
 */

/** Where a fact comes from: outlet, document and time. */
export interface Cite {
  docId: string;
  /** Outlet name, e.g. "The Associated Press". */
  source: string;
  /** ISO 8601 instant with offset, or a date (YYYY-MM-DD), or null when the article gives none. */
  at: string | null;
  /** Human label for the time, e.g. "24 Jan 2019, 2:30 p.m. (UTC-4)". */
  when: string;
  url?: string | null;
}

/** A span of text to emphasise, as [start, end) offsets into the block's text. */
export type Highlight = [number, number];

export type Block =
  /** A heading line inside the reply. */
  | { type: 'heading'; text: string }
  /** Plain prose. */
  | { type: 'text'; text: string }
  /** A verbatim quote from the corpus with its source. */
  | { type: 'quote'; text: string; cite: Cite; speaker?: string | null; highlight?: Highlight[] }
  /** A dated line, e.g. a timeline event: `when` is shown before the text. */
  /** `more`: how many further sources reported it ("and 12 more"), when only the first are cited. */
  | { type: 'line'; when: string; text: string; cites: Cite[]; more?: string }
  /** Name/value pairs, e.g. a roster of who backs which side. */
  | { type: 'fields'; fields: { name: string; value: string }[] };

/** Colour and label of a reply: a side of the crisis, neutral, informational or an error. */
export type Accent =
  | { kind: 'side'; side: string; label: string; index: number }
  | { kind: 'neutral' }
  | { kind: 'info' }
  | { kind: 'error' };

export interface View {
  /** Which answer this is; adapters may use it for icons or colours. */
  kind: 'stance' | 'timeline' | 'digest' | 'ask' | 'actors' | 'sources' | 'help' | 'subscription' | 'error' | 'info';
  title: string;
  accent: Accent;
  /** A short summary shown first. */
  lead?: string;
  /** The body, in order. Adapters paginate by whole blocks. */
  blocks: Block[];
  footer?: string;
  /** Only the asker should see it (errors, subscription status). */
  ephemeral?: boolean;
}

/** An expected failure as a value: a code, the text the user reads, and what to do next. */
export interface Problem {
  code: 'unknown_actor' | 'bad_option' | 'unknown_command' | 'forbidden' | 'rate_limited' | 'not_found' | 'unavailable' | 'internal';
  message: string;
  hint?: string;
}

export function errorView(p: Problem): View {
  return {
    kind: 'error',
    title: p.message,
    accent: { kind: 'error' },
    blocks: p.hint ? [{ type: 'text', text: p.hint }] : [],
    ephemeral: true,
  };
}
