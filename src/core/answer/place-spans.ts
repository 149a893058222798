/**
 * Place spans: where something happened — a capitalised place after "in", "at" or "near" (with the
 * head noun a name leaves to it: "the Saran checkpoint"), the one after the question's own words;
 * never the place the question itself names, and none when the asked act went to a place the text
 * does not name ("taken to an unknown location").
 */
import { stem } from '../text.js';
import type { Span } from './spans.js';
import { variants } from './words.js';

const MONTH_OR_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
/** Nouns a place's name leaves lower-case after it: "the Saran checkpoint", "the Rafah crossing". */
const PLACE_HEAD = /^\s+(checkpoints?|crossings?|border|camps?|bridges?|roads?|highway|square|district|quarter|province|region|valley|port|airport|air ?base|base|hospital|prison|palace|compound|building|station|corridor|refinery|plant|mine|oil ?field|gas ?field|strait|river|dam|mosque|church|cathedral|stadium|market|university|embassy|consulate)\b/;
/** A destination the text does not name: "taken to an unknown location", "moved to a nearby village". */
const UNNAMED_DESTINATION = /^\s+(?:(?:to|into|in|at|toward|towards)\s+)(?:an?|the|some|another|other|their|his|her|its)?\s*\p{Ll}/u;

/** The distance from each of the question's words in `text` to `pos`, the nearest; Infinity when none is before it. */
function wordBefore(text: string, pos: number, qStems: Set<string>): number {
  let best = Infinity;
  for (const m of text.slice(0, pos).matchAll(/\p{L}+/gu)) {
    const w = stem(m[0].toLowerCase());
    if (qStems.has(w) || [...qStems].some((q) => q.length >= 4 && (w.startsWith(q) || variants(q).some((v) => w.startsWith(v))))) best = Math.min(best, pos - (m.index ?? 0));
  }
  return best;
}


/** Where in `text` one of the question's words stands, by stem or another form of it; -1 when none. */
function wordAt(text: string, word: string): { start: number; end: number } | null {
  const st = stem(word.toLowerCase());
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = stem(m[0].toLowerCase());
    if (w === st || (st.length >= 4 && (w.startsWith(st) || variants(st).some((v) => w === v || (v.length >= 4 && w.startsWith(v)))))) return { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
  }
  return null;
}

export function placeSpan(text: string, qStems: Set<string>, words: string[]): Span | null {
  // "in Lisbon", "at U.N. headquarters in New York": the last capitalised place after in/at.
  // Not the place the question names ("Where is the Saran checkpoint?" is not answered by itself).
  const asked = (p: string) => p.replace(/^the\s+/i, '').split(/\s+/).every((w) => qStems.has(stem(w.toLowerCase())));
  // Or a part of a named place: "on the southern edge of Tarnak", "in the outskirts of Kelt".
  const places = [...text.matchAll(/\b(?:in|at|near|on)\s+((?:the\s+)?(?:(?:[\p{Ll}-]+\s+){0,2}(?:edge|outskirts|side|centre|center|heart|north|south|east|west|coast|shore|banks?)\s+of\s+(?:the\s+)?)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'-]*)*)/gu)].filter(
    (m) => !MONTH_OR_DAY.test(m[1] ?? '') && !asked(m[1] ?? '') && (!/^on\b/i.test(m[0]) || /\sof\s/.test(m[1] ?? '')),
  );
  // Of several places, the one after the question's own words ("arrived home in Port Essan …, but
  // the ship will remain impounded until a court in Kesh rules"); a place that narrows the one
  // before it ("at U.N. headquarters in New York") stands for it. Without those words, the last.
  let k = places.length - 1;
  const dist = places.map((p) => wordBefore(text, p.index ?? 0, qStems));
  const nearest = dist.reduce((b, d, i) => (d <= (dist[b] ?? Infinity) ? i : b), 0);
  if (Number.isFinite(dist[nearest])) {
    k = nearest;
    while (k + 1 < places.length) {
      const cur = places[k] as RegExpMatchArray;
      const gap = text.slice((cur.index ?? 0) + cur[0].length, places[k + 1]?.index ?? 0);
      if (!/^[\p{Ll}\s]{0,30}$/u.test(gap)) break;
      k++;
    }
  }
  const m = places[k];
  if (!m?.[1]) return null;
  const at = (m.index ?? 0) + m[0].length;
  // "Where were the men taken?" of "… separated at the Saran checkpoint and taken to an unknown
  // location": the asked act (the question's last word) comes after the place and goes to a place
  // the text does not name. The sentence answers, not the place of another act.
  const act = words.length >= 2 ? wordAt(text.slice(at), words[words.length - 1] as string) : null;
  if (act && UNNAMED_DESTINATION.test(text.slice(at + act.end))) return null;
  let place = /^(?:\p{L}\.){2,}$/u.test(m[1]) ? m[1] : m[1].replace(/\.$/, '');
  const start = at - m[1].length;
  // "at the Saran checkpoint": the name and the noun it is the name of.
  const head = /^the\s/i.test(place) && place === m[1] ? PLACE_HEAD.exec(text.slice(at)) : null;
  if (head) place = text.slice(start, at + head[0].length);
  return { answer: place, start, end: start + place.length };
}
