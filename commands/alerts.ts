import { z } from 'zod';
import { alertListView } from '../src/core/answer/alert-view.js';
import { ALERT_KINDS, type AlertKind, parseKinds } from '../src/core/changes/detect.js';
import type { View } from '../src/core/answer/view.js';
import type { AlertRow } from '../src/store/alerts.js';
import type { AlertSubscription } from '../src/store/alert-subscriptions.js';
import type { CommandContext, CommandSpec } from './command.js';
import { crisisOption } from './options.js';

const KIND_HELP = `${ALERT_KINDS.join(', ')}, stance (the first four) or all`;

/** `side,figure` or `side figure`: the kinds a channel follows (default all). */
const kindsOption = z
  .string()
  .trim()
  .max(200)
  .transform((s, c) => {
    const r = parseKinds(s.split(/[\s,]+/));
    if ('unknown' in r) {
      c.addIssue({ code: 'custom', message: `"${r.unknown}" is not a kind of alert; use ${KIND_HELP}` });
      return z.NEVER;
    }
    return r.kinds;
  });

/** An ISO date or instant, for `since`. */
const isoInstant = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'use an ISO date or time like 2031-07-01 or 2031-07-01T12:00:00Z');

/** An alert as scripts read it (`briefing alerts --json`). */
export function alertData(a: AlertRow) {
  return { at: a.at, kind: a.kind, actor: a.actor, from: a.from, to: a.to, text: a.text, quote: a.quote, source: a.source, url: a.url, id: a.id, detectedAt: a.detectedAt };
}

/** Instant of an alert's `at` (a date counts from its midnight UTC). */
const instant = (at: string) => Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);

function info(title: string, text: string, ephemeral = true): View {
  return { kind: 'subscription', title, accent: { kind: 'info' }, blocks: [{ type: 'text', text }], ephemeral };
}

function port(ctx: CommandContext) {
  if (!ctx.alerts) throw new Error('alerts are not available on this surface');
  return ctx.alerts;
}

const keyOf = (ctx: CommandContext) => ({ platform: ctx.platform, channelId: ctx.channelId, crisis: ctx.kb.crisis.id });

const kindList = (kinds: readonly AlertKind[]) => (kinds.length === ALERT_KINDS.length ? 'every kind of change' : kinds.join(', '));

/** "every 10 minutes", "every minute": the batching users can expect (BRIEFING_ALERT_MINUTES). */
const every = (ctx: CommandContext) => {
  const m = ctx.alertMinutes ?? 10;
  return m === 1 ? 'every minute' : `every ${m} minutes`;
};

function describe(sub: AlertSubscription, ctx: CommandContext): string {
  if (!sub.enabled) return `Paused: ${sub.disabledReason ?? 'disabled'}. Run \`/alerts subscribe\` again to resume.`;
  return `This channel gets ${kindList(sub.kinds)} for ${sub.crisis}, at most one message ${every(ctx)} (subscribed ${sub.createdAt.slice(0, 16).replace('T', ' ')} UTC).`;
}

export default {
  name: 'alerts',
  description: 'Alerts when a stance changes, a death toll rises or an event is scheduled',
  usage: '/alerts [status | subscribe [kinds:KINDS] | unsubscribe | list [since:DATE]] [crisis:ID]',
  examples: ['/alerts subscribe', '/alerts subscribe kinds:side,figure', '/alerts list since:2031-07-01'],
  options: [],
  subcommands: [
    {
      name: 'status',
      description: "Show this channel's alert subscription",
      options: [crisisOption],
      run(_input, ctx) {
        const sub = port(ctx).get(keyOf(ctx));
        if (!sub) return { data: { subscription: null }, view: info('No alerts', 'This channel gets no alerts. Use `/alerts subscribe` to add them.') };
        const latest = port(ctx).latestDelivery(keyOf(ctx));
        const note = latest && latest.status !== 'posted' && latest.lastError ? `\nLast batch: ${latest.status} (${latest.lastError}).` : '';
        return { data: { subscription: sub, latestDelivery: latest }, view: info('Alerts', `${describe(sub, ctx)}${note}`) };
      },
    },
    {
      name: 'subscribe',
      description: 'Post changes detected from now on in this channel',
      manage: true,
      options: [{ name: 'kinds', description: `Which changes: ${KIND_HELP} (default all)`, type: 'string', maxLength: 200, schema: kindsOption }, crisisOption],
      run(input, ctx) {
        const kinds = (input.kinds as AlertKind[] | undefined) ?? [...ALERT_KINDS];
        // The cursor is the newest alert now: the channel only gets changes detected after this.
        const { sub, created } = port(ctx).subscribe({ ...keyOf(ctx), kinds, createdBy: ctx.userId, cursor: ctx.kb.lastAlertId() });
        return {
          data: { subscription: sub, created },
          view: info(created ? 'Alerts subscribed' : 'Alerts updated', `This channel will get ${kindList(sub.kinds)} detected from now on, with the evidence sentence, outlet, time and link, batched into at most one message ${every(ctx)}.`, false),
        };
      },
    },
    {
      name: 'unsubscribe',
      description: 'Stop alerts in this channel',
      manage: true,
      options: [crisisOption],
      run(_input, ctx) {
        const removed = port(ctx).unsubscribe(keyOf(ctx));
        return {
          data: { removed },
          view: removed ? info('Alerts unsubscribed', 'This channel will no longer get alerts.', false) : info('No alerts', 'This channel had no alerts. Use `/alerts subscribe` to add them.'),
        };
      },
    },
    {
      name: 'list',
      description: 'The changes detected, newest last',
      options: [{ name: 'since', description: 'Only changes at or after this date or time (ISO)', type: 'string', maxLength: 40, schema: isoInstant }, crisisOption],
      run(input, ctx) {
        const since = input.since as string | undefined;
        const from = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
        const alerts = ctx.kb.alerts().filter((a) => instant(a.at) >= from);
        return { data: { alerts: alerts.map(alertData) }, view: alertListView(alerts, alerts.length, 10) };
      },
    },
  ],
} satisfies CommandSpec;
