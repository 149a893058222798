/**
 * How a worker's extraction crosses to the writing thread: each list of same-shaped records as one
 * flat array of values (keys implied by position) and each list of words as one joined string.
 * Structured cloning writes every key of every object and every small string on its own; for an
 * article's hundred-odd records and words that cost about as much as writing the article (measured:
 * bench/tmp/ser.ts). Flat arrays of primitives clone several times faster, and rebuilding the
 * records on the writing thread is cheap. `unpack(pack(s))` gives back an equal Speculation.
 */
import type { Extraction, XClaim, XEvent, XFigure, XQuote, XSentence } from '../core/read/extract.js';
import type { Precision } from '../core/types.js';
import type { Speculation } from './extractor.js';

/** Lists of ids and words never hold this character (tokens and slugs are single words). */
const SEP = '\u001f';

export interface WireSpeculation {
  c: Speculation['c'];
  /** sentences, claims, events, quotes, figures: flat rows (see the field orders below). */
  s: unknown[];
  cl: unknown[];
  ev: unknown[];
  q: unknown[];
  f: unknown[];
  people: Extraction['people'];
  changed: Speculation['changed'];
  words: string;
  caps: string;
  fp: string;
}

const join = (xs: readonly string[]) => xs.join(SEP);
const split = (s: string): string[] => (s === '' ? [] : s.split(SEP));

export function pack(sp: Speculation): WireSpeculation {
  const { x } = sp;
  const s: unknown[] = [];
  for (const t of x.sentences) s.push(t.seq, t.para, t.kind, t.text, t.entryAt, t.entryLabel, t.entry, t.pos, t.at, t.precision, join(t.actors));
  const cl: unknown[] = [];
  for (const c of x.claims) cl.push(c.actorId, c.side, c.strength, c.seq, c.speaker, c.cue, c.background, c.why);
  const ev: unknown[] = [];
  // An event's text is most often its sentence's: sent once (null here).
  for (const e of x.events) ev.push(e.seq, e.at, e.precision, e.day, e.text === x.sentences[e.seq]?.text ? null : e.text, e.kind, e.weight, e.scheduled, join(e.actors), join(e.sig));
  const q: unknown[] = [];
  for (const t of x.quotes) q.push(t.seq, t.text, t.speakerId, t.speaker);
  const f: unknown[] = [];
  for (const t of x.figures) f.push(t.seq, t.kind, t.value, t.at, t.day);
  return { c: sp.c, s, cl, ev, q, f, people: x.people, changed: sp.changed, words: join(sp.words.words), caps: join(sp.words.caps), fp: sp.fp };
}

export function unpack(w: WireSpeculation): Speculation {
  const sentences: XSentence[] = [];
  const s = w.s;
  for (let i = 0; i < s.length; i += 11) {
    sentences.push({
      seq: s[i] as number,
      para: s[i + 1] as number,
      kind: s[i + 2] as XSentence['kind'],
      text: s[i + 3] as string,
      entryAt: s[i + 4] as string | null,
      entryLabel: s[i + 5] as string | null,
      entry: s[i + 6] as number,
      pos: s[i + 7] as number,
      at: s[i + 8] as string | null,
      precision: s[i + 9] as Precision | null,
      actors: split(s[i + 10] as string),
    });
  }
  const claims: XClaim[] = [];
  const cl = w.cl;
  for (let i = 0; i < cl.length; i += 8) {
    claims.push({
      actorId: cl[i] as string,
      side: cl[i + 1] as string | null,
      strength: cl[i + 2] as XClaim['strength'],
      seq: cl[i + 3] as number,
      speaker: cl[i + 4] as string | null,
      cue: cl[i + 5] as string,
      background: cl[i + 6] as boolean | undefined,
      why: cl[i + 7] as string | undefined,
    });
  }
  const events: XEvent[] = [];
  const ev = w.ev;
  for (let i = 0; i < ev.length; i += 10) {
    events.push({
      seq: ev[i] as number,
      at: ev[i + 1] as string,
      precision: ev[i + 2] as Precision,
      day: ev[i + 3] as string,
      text: (ev[i + 4] as string | null) ?? (sentences[ev[i] as number]?.text as string),
      kind: ev[i + 5] as string,
      weight: ev[i + 6] as number,
      scheduled: ev[i + 7] as boolean,
      actors: split(ev[i + 8] as string),
      sig: split(ev[i + 9] as string),
    });
  }
  const quotes: XQuote[] = [];
  for (let i = 0; i < w.q.length; i += 4) quotes.push({ seq: w.q[i] as number, text: w.q[i + 1] as string, speakerId: w.q[i + 2] as string | null, speaker: w.q[i + 3] as string | null });
  const figures: XFigure[] = [];
  for (let i = 0; i < w.f.length; i += 5) figures.push({ seq: w.f[i] as number, kind: w.f[i + 1] as XFigure['kind'], value: w.f[i + 2] as string, at: w.f[i + 3] as string | null, day: w.f[i + 4] as string });
  return { c: w.c, x: { sentences, claims, events, quotes, figures, people: w.people }, changed: w.changed, words: { words: split(w.words), caps: split(w.caps) }, fp: w.fp };
}
