/** Limits around the model: a daily token budget, and warnings that are not repeated per request. */
import type { Clock } from '../core/types.js';
import type { Logger } from '../log.js';

/**
 * Tokens used per UTC day, as the server reports them (prompt + completion). Once the day's use
 * reaches the limit no request is sent until the next UTC day. Kept in memory: a restart resets
 * it, and requests already in flight may overshoot it by their own size. A limit of 0 means none.
 */
export class TokenBudget {
  private day = '';
  private used = 0;

  constructor(
    readonly limit: number,
    private readonly clock: Clock,
  ) {}

  private roll(): void {
    const day = this.clock.now().toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }

  exhausted(): boolean {
    if (this.limit <= 0) return false;
    this.roll();
    return this.used >= this.limit;
  }

  spend(tokens: number): void {
    this.roll();
    this.used += Math.max(0, tokens);
  }

  usedToday(): number {
    this.roll();
    return this.used;
  }
}

/**
 * Warnings about the model that do not repeat per request: at most one every `everyMs` (later ones
 * say how many failures went unlogged), and one info line when it answers again after a warning.
 * A flaky model thus costs at most a warning and a recovery line per interval.
 */
export class ModelHealth {
  private lastWarn = Number.NEGATIVE_INFINITY;
  private unlogged = 0;
  private troubleSince: number | null = null;
  private warned = false;
  private budgetDay = '';

  constructor(
    private readonly log: Logger,
    private readonly clock: Clock,
    private readonly everyMs = 10 * 60_000,
  ) {}

  failed(code: string, detail: string): void {
    const now = this.clock.now().getTime();
    this.troubleSince ??= now;
    if (now - this.lastWarn < this.everyMs) {
      this.unlogged++;
      return;
    }
    const unlogged = this.unlogged;
    this.lastWarn = now;
    this.unlogged = 0;
    this.warned = true;
    this.log.warn({ code, detail, ...(unlogged ? { unloggedFailures: unlogged } : {}) }, `model unavailable (${detail}); /ask answers extractively until it is back`);
  }

  ok(): void {
    if (this.troubleSince === null) return;
    if (this.warned) this.log.info({ downMs: this.clock.now().getTime() - this.troubleSince }, 'model answering again');
    this.troubleSince = null;
    this.warned = false;
  }

  budgetExhausted(limit: number): void {
    const day = this.clock.now().toISOString().slice(0, 10);
    if (day === this.budgetDay) return;
    this.budgetDay = day;
    this.log.warn({ limit }, 'daily model token budget used up (OPENAI_DAILY_TOKENS); /ask answers extractively until 00:00 UTC');
  }
}
