/**
 * Result shapes of the core's questions. They are also the CLI's `--json` contract, so field
 * names follow the spec and must not change casually.
 */
import type { View } from './answer/view.js';

export type Precision = 'minute' | 'day' | 'month' | 'year';
export type Strength = 'firm' | 'leaning';
export type ActorKind = 'country' | 'organization' | 'person' | 'group' | 'side';

/** Something that tells the time. The core never reads the system clock itself. */
export interface Clock {
  now(): Date;
}

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}

export interface Evidence {
  quote: string;
  docId: string;
  source: string;
  /** ISO 8601 with offset at minute precision, or YYYY-MM-DD, or null. */
  at: string | null;
  precision: Precision | null;
  speaker: string | null;
  /** How this sentence bears on the stance: which side, and how strongly. */
  side: string | null;
  strength: Strength | 'neutral';
  url?: string | null;
}

export interface StanceChange {
  from: { alignment: string; strength: Strength | null; at: string | null };
  to: { alignment: string; strength: Strength | null; at: string | null };
}

export interface StanceResult {
  query: string;
  found: boolean;
  actor: ActorRef | null;
  /** A side id from the crisis file, `neutral`, or null when not found. */
  alignment: string | null;
  strength: Strength | null;
  summary: string;
  evidence: Evidence[];
  /** When later evidence changed the stance, the change with both dates. */
  change: StanceChange | null;
  /** For people: the country or organisation they speak for. */
  affiliation: ActorRef | null;
  suggestions: string[];
}

export interface SourceRef {
  docId: string;
  source: string;
  title?: string;
  url?: string | null;
}

export interface TimelineEvent {
  at: string;
  precision: Precision;
  text: string;
  actors: string[];
  /** The first few articles reporting the event (see SOURCES_PER_EVENT), in publication order. */
  sources: SourceRef[];
  /** How many articles report the event in all; more than sources.length when the list is capped. */
  sourcesTotal: number;
  importance: number;
  kind: string;
  /** True when the event lies after the article that reports it (scheduled, a deadline). */
  scheduled: boolean;
}

export interface TimelineDay {
  date: string;
  summary: string;
  count: number;
}

export interface TimelineQuery {
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface TimelineResult {
  query: TimelineQuery;
  /** Set when `actor` was given but could not be resolved. */
  actorFound: boolean | null;
  actor: ActorRef | null;
  days: TimelineDay[];
  events: TimelineEvent[];
  /** Events in the window before `limit` was applied. */
  total: number;
  /** When `actor` was not found: names the corpus does know that look like it. */
  suggestions?: string[];
}

export interface Figure {
  kind: 'deaths' | 'money' | 'deadline' | 'count' | 'age' | 'percent';
  value: string;
  text: string;
  docId: string;
  source: string;
  at: string | null;
}

export interface DigestResult {
  date: string | null;
  headline: string;
  developments: TimelineEvent[];
  roster: Record<string, string[]>;
  figures: Figure[];
  watch: { at: string; text: string; docId?: string; source?: string }[];
  sources: (SourceRef & { published?: string })[];
  /** How many articles the digest covers in all; `sources` lists the first DIGEST_SOURCES of them. */
  sourcesTotal: number;
  text: string;
  /** Nothing new since the previous digest: only the headline and who backs whom. */
  quiet?: boolean;
}

export interface Citation {
  quote: string;
  docId: string;
  source: string;
  at: string | null;
  /** [start, end) of the answer inside the quote, when the answer is a span of it. */
  highlight: [number, number] | null;
}

export interface AskResult {
  question: string;
  /** The answer, or null when the corpus does not say. */
  answer: string | null;
  citations: Citation[];
  mode: 'extractive' | 'llm';
  note?: string;
  /**
   * Only when `answer` is null: the corpus's nearest sentences, shown as "closest passages", never
   * as an answer (they do not answer the question).
   */
  closest?: Citation[];
}

export interface ActorSummary extends ActorRef {
  aliases: string[];
  mentions: number;
  alignment: string | null;
  strength: Strength | null;
  affiliation: string | null;
}

export interface SourceSummary {
  docId: string;
  title: string;
  source: string;
  published: string;
  url: string | null;
  sentences: number;
}

export interface IngestFileResult {
  path: string;
  ok: boolean;
  docId?: string;
  /** True when the same content was already in the store. */
  duplicate?: boolean;
  error?: string;
}

/** A side of the crisis, from seeds/crisis.json. */
export interface Side {
  id: string;
  label: string;
  description?: string;
  /** The side's leader or principal, shown as its name. */
  leader?: string;
  /** Names and phrases that denote this side in text. */
  aliases: string[];
  /**
   * Optional: nouns for this side's own acts, which criticism of aims at it ("coup", "offensive",
   * "crackdown"). Default: the coup words for a side described as a junta or coup leaders.
   */
  acts?: string[];
  /**
   * Optional: the side's role. `junta` seized power (its acts: coup, takeover); `ousted` lost power to
   * it (a call to restore civilian rule backs it); `incumbent` holds power (a disputed election is
   * its). Default: read from the label, description and aliases.
   */
  role?: 'junta' | 'ousted' | 'incumbent' | 'challenger';
}

/** An actor the crisis file adds, e.g. a country the world gazetteer does not know. */
export interface ExtraActor {
  name: string;
  kind?: ActorKind;
  aliases?: string[];
  demonyms?: string[];
}

/** The crisis file. */
export interface CrisisConfig {
  id: string;
  name: string;
  sides: Side[];
  /** Extra aliases for actors, e.g. {"Holy See": "Vatican City"}: alias -> canonical name. */
  aliases?: Record<string, string>;
  /** Where the crisis happens: mentions of it are places, not actors with a stance. */
  arena?: string[];
  actors?: ExtraActor[];
}

/** A view plus the data it shows, as a command returns it. */
export interface Answer<T> {
  data: T;
  view: View;
}

/** An article's metadata, from front matter, HTML meta tags, CLI flags or the manifest. */
export interface ArticleMeta {
  id?: string;
  title?: string;
  /** The outlet. */
  source?: string;
  /** YYYY-MM-DD or ISO 8601. */
  published?: string;
  /** IANA zone of local times in the text. */
  timezone?: string;
  url?: string;
}
