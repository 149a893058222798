/**
 * Alerts of one refresh: Briefing.refresh hands each actor's position before and after to
 * `stance()`, then `finish()` looks at the figures and events written since the last refresh and
 * stores every alert, all inside the refresh's transaction (a crash stores neither the new
 * positions nor their alerts; the repair at the next start detects them again, once).
 */
import type { Aggregate, ClaimRow } from '../answer/stance.js';
import { sideLabel } from '../answer/views.js';
import type { CrisisConfig } from '../types.js';
import { formatWhen } from '../when.js';
import type { KbReader } from '../../store/kb-read.js';
import { AlertStore, type NewAlert } from '../../store/alerts.js';
import type { Store } from '../../store/store.js';
import { type FigureMax, figureRises, newScheduled, type Position, stanceChange } from './detect.js';

/** "backs X", "leans toward X", "takes no side". */
function how(crisis: CrisisConfig, p: Position | null, past = false): string {
  if (!p || p.alignment === 'neutral') return past ? 'took no side' : 'takes no side';
  const label = sideLabel(crisis, p.alignment);
  if (p.strength === 'firm') return `${past ? 'backed' : 'backs'} ${label}`;
  return `${past ? 'leaned' : 'leans'} toward ${label}`;
}

/** A position as the alert's `from`/`to`: the side id, with its strength. */
const posValue = (p: Position | null) => (p ? (p.alignment === 'neutral' || !p.strength ? p.alignment : `${p.alignment} (${p.strength})`) : null);

export class AlertCollector {
  private readonly alerts: AlertStore;
  private readonly pending: NewAlert[] = [];
  private readonly skip: Set<string>;

  constructor(
    store: Store,
    private readonly reader: KbReader,
    private readonly crisis: CrisisConfig,
    private readonly now: Date,
    arena: Iterable<string>,
  ) {
    this.alerts = new AlertStore(store);
    // The sides themselves and the arena have no stance of their own to change.
    this.skip = new Set([...crisis.sides.map((s) => s.id), ...arena]);
  }

  /** An actor's position before (its stored stance) and after this refresh. */
  stance(actorId: string, before: Position | null, after: Aggregate, claims: readonly (ClaimRow & { docId?: string })[]): void {
    if (this.skip.has(actorId)) return;
    const found = stanceChange(before, after, claims);
    if (!found) return;
    const ev = this.reader.claimsIn(actorId, [found.evidence.sentenceId])[0];
    if (!ev) return;
    const name = this.reader.actor(actorId)?.name ?? actorId;
    const was = found.from && found.from.alignment !== 'neutral' ? ` (before: ${how(this.crisis, found.from, true)})` : '';
    const text = {
      position: `${name} takes a position: ${how(this.crisis, found.to)}`,
      side: `${name} changes side: now ${how(this.crisis, found.to)}${was}`,
      firmed: `${name} firms up: now ${how(this.crisis, found.to)}${was}`,
      softened: `${name} softens: now ${how(this.crisis, found.to)}${was}`,
    }[found.kind];
    this.pending.push({
      at: ev.at ?? found.evidence.at ?? this.now.toISOString(),
      kind: found.kind,
      actorId,
      actor: name,
      from: posValue(found.from),
      to: posValue(found.to),
      text,
      quote: ev.text,
      source: ev.source,
      url: ev.url,
      docId: ev.docId,
      published: null,
      sentenceId: ev.sentenceId,
      detectedAt: this.now.toISOString(),
    });
  }

  /** Figures and scheduled events written since the last refresh; then store everything. */
  finish(): number {
    this.dropEchoes();
    this.figures();
    this.events();
    // Stance alerts first (by actor), then figures and events: the order the message shows them.
    for (const a of this.pending) this.alerts.add(a);
    return this.pending.length;
  }

  /**
   * "Oman's foreign minister congratulated Volk" moves both the minister and Oman: one alert, for
   * the country, when the same sentence made the same change for the person who speaks for it.
   */
  private dropEchoes(): void {
    const seen = new Set(this.pending.map((a) => `${a.actorId}|${a.sentenceId}|${a.kind}|${a.to}`));
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const a = this.pending[i] as NewAlert;
      const aff = a.actorId ? this.reader.actor(a.actorId)?.affiliation : null;
      if (aff && seen.has(`${aff}|${a.sentenceId}|${a.kind}|${a.to}`)) this.pending.splice(i, 1);
    }
  }

  private figures(): void {
    const mark = this.alerts.mark('alerts_figure');
    const last = this.alerts.lastFigureId();
    if (last <= mark) return;
    let known = this.alerts.maxima();
    // A corpus from before alerts: its maxima are built once, without alerting on them.
    if (mark > 0 && this.alerts.mark('alerts_maxima') === 0) known = figureRises(known, this.alerts.figuresUpTo(mark)).maxima;
    this.alerts.setMark('alerts_maxima', 1);
    const { rises, maxima } = figureRises(known, this.alerts.figuresAfter(mark));
    for (const r of rises) {
      const s = this.alerts.sentence(r.to.sentenceId);
      if (!s) continue;
      const what = r.key === 'deaths' ? 'Death toll' : `Count of ${r.key.slice('count:'.length)}`;
      this.pending.push({
        at: s.at ?? s.published,
        kind: 'figure',
        actorId: null,
        actor: null,
        from: r.from.value,
        to: r.to.value,
        text: `${what} rises: ${r.to.value} (before: ${r.from.value}${r.from.day ? `, ${formatWhen(r.from.day)}` : ''})`,
        quote: s.text,
        source: s.source,
        url: s.url,
        docId: s.docId,
        published: s.published,
        sentenceId: r.to.sentenceId,
        detectedAt: this.now.toISOString(),
      });
    }
    this.alerts.saveMaxima(maxima as Map<string, FigureMax>);
    this.alerts.setMark('alerts_figure', last);
  }

  private events(): void {
    const mark = this.alerts.mark('alerts_event');
    const last = this.alerts.lastEventId();
    if (last <= mark) return;
    for (const e of newScheduled(this.alerts.eventsAfter(mark))) {
      const actor = this.alerts.eventActor(e.id, [...this.skip]);
      this.pending.push({
        at: e.published,
        kind: 'scheduled',
        actorId: actor?.id ?? null,
        actor: actor?.name ?? null,
        from: null,
        to: e.day,
        text: `New scheduled event: ${formatWhen(e.at)}`,
        quote: e.quote,
        source: e.source,
        url: e.url,
        docId: e.docId,
        published: e.published,
        sentenceId: e.sentenceId,
        detectedAt: this.now.toISOString(),
      });
    }
    this.alerts.setMark('alerts_event', last);
  }
}
