/**
 * The knowledge base as the commands see it: one object answering the questions. It reads from the
 * store; ingestion writes through it. It imports no SDK, reads no environment, and gets time from a Clock.
 */
import type { Store } from '../store/store.js';
import type {
  ActorSummary,
  AskResult,
  Clock,
  CrisisConfig,
  DigestResult,
  SourceSummary,
  StanceResult,
  TimelineQuery,
  TimelineResult,
} from './types.js';

export interface BriefingOptions {
  clock?: Clock;
}

export class Briefing {
  readonly clock: Clock;

  constructor(
    readonly store: Store,
    readonly crisis: CrisisConfig,
    opts: BriefingOptions = {},
  ) {
    this.clock = opts.clock ?? { now: () => new Date() };
  }

  stance(query: string): StanceResult {
    return { query, found: false, actor: null, alignment: null, strength: null, summary: 'Not in the corpus.', evidence: [], change: null, affiliation: null, suggestions: [] };
  }

  timeline(q: TimelineQuery = {}): TimelineResult {
    return { query: q, actorFound: null, actor: null, days: [], events: [], total: 0 };
  }

  digest(_opts: { date?: string; since?: string } = {}): DigestResult {
    return { date: null, headline: 'The corpus is empty.', developments: [], roster: {}, figures: [], watch: [], sources: [], text: 'The corpus is empty.' };
  }

  async ask(question: string): Promise<AskResult> {
    return { question, answer: null, citations: [], mode: 'extractive' };
  }

  actors(): ActorSummary[] {
    return [];
  }

  sources(): SourceSummary[] {
    return [];
  }

  /** Autocomplete: actor names matching a prefix or near-miss, best first, at most `limit`. */
  suggest(_prefix: string, _limit = 25): { name: string; value: string }[] {
    return [];
  }
}
