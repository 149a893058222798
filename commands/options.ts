/** Reusable option schemas. Raw values arrive as strings from text surfaces and typed from Discord. */
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const actorText = z
  .string({ error: 'name an actor, e.g. a country or a person' })
  .trim()
  .min(1, 'name an actor, e.g. a country or a person')
  .max(100, 'a name is at most 100 characters');
export const freeText = z
  .string({ error: 'type a question' })
  .trim()
  .min(1, 'type a question')
  .max(500, 'a question is at most 500 characters; ask a shorter one');

export const isoDate = z
  .string({ error: 'use a date like 2019-01-24' })
  .trim()
  .regex(ISO_DATE, 'use a date like 2019-01-24')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date');

export const limit = z.coerce
  .number({ error: 'use a whole number from 1 to 100' })
  .int('use a whole number from 1 to 100')
  .min(1, 'use a whole number from 1 to 100')
  .max(100, 'at most 100 events at a time');

export const hhmm = z
  .string({ error: 'use a 24-hour time like 07:30' })
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time like 07:30')
  .transform((s) => s.padStart(5, '0'));

export const timezone = z
  .string({ error: 'use an IANA time zone like Europe/Paris or America/New_York' })
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'use an IANA time zone like Europe/Paris or America/New_York');

export const days = z.enum(['daily', 'weekdays'], { message: 'use daily or weekdays' });

/** A feed URL as typed (Slack wraps links as <url> or <url|label>); the scheme and address are checked when it is added. */
export const feedUrl = z
  .string()
  .trim()
  .transform((s) => s.replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1').trim())
  .pipe(z.string().regex(/^https?:\/\/\S+$/i, 'use an http or https URL, e.g. https://example.org/rss.xml'));

/** A crisis id, as /crisis list shows them. */
export const crisisId = z
  .string({ error: 'name a crisis id, as /crisis list shows them' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'name a crisis id, as /crisis list shows them');

/** The optional `crisis` option every question takes: which crisis to answer from (default: the channel's). */
export const crisisOption = {
  name: 'crisis',
  description: "Which crisis to answer from (default: this channel's)",
  type: 'string',
  autocomplete: 'crisis',
  maxLength: 64,
  schema: crisisId,
} as const satisfies import('./command.js').OptionSpec;
