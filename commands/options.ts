/** Reusable option schemas. Raw values arrive as strings from text surfaces and typed from Discord. */
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const actorText = z.string().trim().min(1, 'name an actor, e.g. a country or a person').max(100);
export const freeText = z.string().trim().min(1).max(500);

export const isoDate = z
  .string()
  .trim()
  .regex(ISO_DATE, 'use a date like 2019-01-24')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date');

export const limit = z.coerce
  .number({ message: 'use a whole number' })
  .int('use a whole number')
  .min(1, 'at least 1')
  .max(100, 'at most 100');

export const hhmm = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time like 07:30')
  .transform((s) => s.padStart(5, '0'));

export const timezone = z
  .string()
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
