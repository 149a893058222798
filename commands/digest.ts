import { digestView } from '../src/core/answer/views.js';
import type { View } from '../src/core/answer/view.js';
import { formatLocal, nextOccurrence } from '../src/schedule/time.js';
import type { LatestDelivery } from '../src/store/subscriptions.js';
import type { CommandSpec, Subscription, SubscriptionPort } from './command.js';
import { crisisOption, days, hhmm, isoDate, timezone } from './options.js';

/** A subscription store that can also tell the newest delivery (the SQLite one can). */
type WithDeliveries = SubscriptionPort & { latestDelivery(platform: Subscription['platform'], channelId: string): LatestDelivery | null };
const hasDeliveries = (p: SubscriptionPort): p is WithDeliveries => typeof (p as Partial<WithDeliveries>).latestDelivery === 'function';

/** The schedule, the next run in the channel's own zone, and why it is paused when it is. */
function describe(sub: Subscription, now: Date): string {
  const when = `${sub.time} ${sub.timezone}, ${sub.days === 'weekdays' ? 'Monday to Friday' : 'every day'}`;
  if (!sub.enabled) return `Paused: ${sub.disabledReason ?? 'disabled'}. Was ${when}. Run \`/digest subscribe\` again to resume.`;
  const next = nextOccurrence(sub, now);
  const parts = [`${when}.`];
  if (next) parts.push(`Next digest: ${formatLocal(next.dueAt, sub.timezone)}.`);
  parts.push(sub.lastDelivered ? `Last digest: ${formatLocal(sub.lastDelivered, sub.timezone)}.` : 'The first digest covers the newest news day.');
  return parts.join(' ');
}

/** A line about the newest delivery when it did not simply succeed. */
function deliveryNote(d: LatestDelivery | null, zone: string): string | null {
  if (!d) return null;
  const why = d.lastError ? `: ${d.lastError}` : '';
  switch (d.status) {
    case 'pending':
      return `The digest of ${d.localDate} failed (attempt ${d.attempts})${why}. Next try: ${d.nextAttemptAt ? formatLocal(d.nextAttemptAt, zone) : 'soon'}.`;
    case 'failed':
      // A post in doubt that could not be checked: it may have arrived.
      if (d.lastError?.startsWith('outcome unknown')) return `The digest of ${d.localDate} was not confirmed after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}${why}.`;
      return `The digest of ${d.localDate} was not posted after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}${why}.`;
    case 'skipped':
      return `The digest of ${d.localDate} was skipped${why}.`;
    case 'disabled':
      return `The digest of ${d.localDate} could not be posted${why}.`;
    default:
      return null;
  }
}

function info(title: string, text: string, ephemeral = true): View {
  return { kind: 'subscription', title, accent: { kind: 'info' }, blocks: [{ type: 'text', text }], ephemeral };
}

export default {
  name: 'digest',
  description: 'The morning briefing, now or on a schedule for this channel',
  usage: '/digest [now [date:YYYY-MM-DD] | subscribe time:HH:MM [timezone:ZONE] [days:daily|weekdays] | unsubscribe | status] [crisis:ID]',
  examples: ['/digest', '/digest subscribe time:07:30 timezone:Europe/Paris', '/digest status'],
  options: [],
  subcommands: [
    {
      name: 'now',
      description: 'The digest of the newest news day, or of a given day',
      options: [{ name: 'date', description: 'A news day, YYYY-MM-DD', type: 'string', maxLength: 10, schema: isoDate }, crisisOption],
      run(input, ctx) {
        const data = ctx.kb.digest({ date: input.date as string | undefined });
        return { data, view: digestView(data, ctx.kb.crisis) };
      },
    },
    {
      name: 'subscribe',
      description: 'Post the digest in this channel every morning',
      manage: true,
      options: [
        { name: 'time', description: 'Local time, 24-hour HH:MM', type: 'string', required: true, maxLength: 5, schema: hhmm },
        { name: 'timezone', description: 'IANA time zone, e.g. Europe/Paris (default: the bot’s zone)', type: 'string', maxLength: 64, schema: timezone },
        {
          name: 'days',
          description: 'Every day (default) or weekdays only',
          type: 'string',
          choices: [
            { name: 'every day', value: 'daily' },
            { name: 'weekdays', value: 'weekdays' },
          ],
          schema: days,
        },
        crisisOption,
      ],
      run(input, ctx) {
        const sub = ctx.subscriptions.upsert({
          platform: ctx.platform,
          channelId: ctx.channelId,
          time: input.time as string,
          timezone: (input.timezone as string | undefined) ?? ctx.defaultTimezone,
          days: (input.days as 'daily' | 'weekdays' | undefined) ?? 'daily',
          createdBy: ctx.userId,
          // The crisis named, else the channel's: later /crisis use does not change a digest already set.
          crisis: ctx.kb.crisis.id,
        });
        return { data: sub, view: info('Digest subscribed', `This channel gets the digest of ${ctx.kb.crisis.name} at ${describe(sub, ctx.clock.now())}`, false) };
      },
    },
    {
      name: 'unsubscribe',
      description: 'Stop the scheduled digest in this channel',
      manage: true,
      options: [],
      run(_input, ctx) {
        const removed = ctx.subscriptions.remove(ctx.platform, ctx.channelId);
        return {
          data: { removed },
          view: removed
            ? info('Digest unsubscribed', 'This channel will no longer get the scheduled digest.', false)
            : info('No subscription', 'This channel had no scheduled digest. Use `/digest subscribe time:07:30` to add one.'),
        };
      },
    },
    {
      name: 'status',
      description: "Show this channel's digest schedule",
      options: [],
      run(_input, ctx) {
        const sub = ctx.subscriptions.get(ctx.platform, ctx.channelId);
        if (!sub) return { data: sub, view: info('No subscription', 'This channel has no scheduled digest. Use `/digest subscribe time:07:30` to add one.') };
        const latest = hasDeliveries(ctx.subscriptions) ? ctx.subscriptions.latestDelivery(ctx.platform, ctx.channelId) : null;
        const next = sub.enabled ? nextOccurrence(sub, ctx.clock.now()) : null;
        const note = deliveryNote(latest, sub.timezone);
        // Which crisis lands here, when the deployment follows several.
        const crisis = sub.crisis && ctx.crises && ctx.crises.list().length > 1 ? `Crisis: ${ctx.crises.open(sub.crisis)?.kb.crisis.name ?? sub.crisis}. ` : '';
        const text = `${crisis}${describe(sub, ctx.clock.now())}`;
        return {
          data: { ...sub, nextRun: next?.dueAt.toISOString() ?? null, latestDelivery: latest },
          view: info('Digest schedule', note ? `${text}\n${note}` : text),
        };
      },
    },
  ],
} satisfies CommandSpec;
