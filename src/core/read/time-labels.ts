/**
 * The time labels that head live-blog entries, in the forms news sites print them: "4:25 p.m.",
 * "1 p.m.", "Noon", "16:25", British "3.05pm" and "17.45 BST", "11:15 GMT", and the same after
 * "Updated" or "Posted". A zone abbreviation with one fixed offset ("GMT", "BST", "CET", "EST")
 * places the entry at that offset; one whose offset depends on the date or the region ("ET",
 * "CST", "IST") is read as the article's own zone, as a label without one is.
 */

const PREFIX = /^\s*(?:(?:last\s+)?updated?|posted|update)\s*(?:at\s+)?:?\s*/i;
const NAMED_TIME = /^\s*(noon|midnight)\s*$/i;
const TIME_24H = /^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$/;
const TIME_12H = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?\s*$/i;
/** A zone abbreviation closing the label: "17.45 BST", "9 p.m. (GMT)". */
const ZONE = /\s*\(?\b([A-Z]{2,5})\)?\s*$/;

/** Minutes east of UTC of the abbreviations that name one offset all year. */
const FIXED_OFFSETS: Record<string, number> = {
  GMT: 0, UTC: 0, BST: 60, WET: 0, WEST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  WAT: 60, CAT: 120, EAT: 180, SAST: 120, GST: 240, PKT: 300, ICT: 420, HKT: 480, SGT: 480,
  JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, HST: -600,
};

export interface TimeLabel {
  /** Minutes after midnight, as printed. */
  minutes: number;
  /** The label's own UTC offset in minutes, when its zone abbreviation names one. */
  offset?: number;
}

/** The time a whole line gives as an entry label, or null. */
export function readTimeLabel(line: string): TimeLabel | null {
  // Every line of every article comes here: a label is short and has a digit, "noon" or "midnight".
  if (line.length > 40 || !/\d|noon|midnight/i.test(line)) return null;
  let rest = line.replace(PREFIX, '');
  let offset: number | undefined;
  const zone = ZONE.exec(rest);
  if (zone && /\d|noon|midnight/i.test(rest.slice(0, zone.index))) {
    // Only an upper-case abbreviation is a zone ("3 pm" has none: "pm" is the meridiem).
    const abbr = zone[1] as string;
    if (!/^[AP]\.?M\.?$/i.test(abbr)) {
      offset = FIXED_OFFSETS[abbr];
      rest = rest.slice(0, zone.index);
    }
  }
  const minutes = clockMinutes(rest);
  if (minutes === null) return null;
  return offset === undefined ? { minutes } : { minutes, offset };
}

/** Minutes after midnight of an entry header line ("4:25 p.m.", "1 p.m.", "Noon", "16:25"), or null. */
export function parseTimeLabel(line: string): number | null {
  return readTimeLabel(line)?.minutes ?? null;
}

function clockMinutes(text: string): number | null {
  const named = NAMED_TIME.exec(text);
  if (named) return named[1]?.toLowerCase() === 'noon' ? 12 * 60 : 0;
  const h24 = TIME_24H.exec(text);
  if (h24) return Number(h24[1]) * 60 + Number(h24[2]);
  const m = TIME_12H.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h < 1 || h > 12 || min > 59) return null;
  const pm = (m[3] ?? '').toLowerCase() === 'p';
  if (h === 12) h = 0;
  return (pm ? h + 12 : h) * 60 + min;
}

/** "+01:00" for 60 minutes east; "Z" for UTC. */
export function offsetText(mins: number): string {
  if (mins === 0) return 'Z';
  return `${mins < 0 ? '-' : '+'}${String(Math.floor(Math.abs(mins) / 60)).padStart(2, '0')}:${String(Math.abs(mins) % 60).padStart(2, '0')}`;
}
