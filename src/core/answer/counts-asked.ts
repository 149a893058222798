/**
 * "How many / how much / how long" spans: which number of a sentence answers the question, by its
 * kind (a count, a sum, a duration, a percentage), what it counts and what happened to it.
 */
import { findFigures } from '../read/figures.js';
import { contentStems, fold, stem } from '../text.js';
import { findQuantities, type Quantity } from './numbers.js';
import type { Want } from './question.js';
import type { Asked, Span } from './spans.js';
import { variants } from './words.js';

/** What happens to people in the news, for telling one count from another. */
const EVENT_VERB = /^(?:kill|died|dead|wound|injur|arrest|detain|displac|fled|flee|cross|evacuat|rescu|abduct|kidnap|releas|freed|jail|sentenc|execut|miss|trap|strand|besieg)/;
/** Stems of tallies and tolls, which may answer a count of people ("328 votes", "25 dead"). */
const TALLY = new Set(['vot', 'dead', 'death', 'kill']);
/** Words for people: "120 men" may answer "how many migrants", "two planes" never answers "how many troops". */
const HUMAN = /^(?:people|person|men|man|women|woman|child|civilian|migrant|refuge|soldi|troop|fighter|protest|demonstr|resident|citizen|worker|deput|lawmaker|official|diplomat|prisoner|detaine|offic|member|voter|student|journalist|supporter|activist|minister|senator|general|memb)/;
const isHuman = (stems: string[]) => stems.some((w) => HUMAN.test(w));
/** Units of mass and volume, for "how much X" of something that is not money. */
const MEASURE = /^(?:kilogram|kg|gram|tonne|ton|barrel|litre|liter|gallon|cubic|pound|ounce)/;

/** Words of a change up or down, next to a percentage: "sending prices up 18%", "fell 22%". */
const UP = /\b(?:up|rise|rises|rose|risen|rising|increase[sd]?|higher|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|gain(?:ed|s)?|grew|grown|grow(?:s|ing)?|surge[sd]?|soar(?:ed|s|ing)?|recover(?:ed|s|ing)?|rebound(?:ed|s|ing)?|rall(?:y|ied|ies|ying)|strengthen(?:ed|s|ing)?|appreciated?)\b/i;
const DOWN = /\b(?:down|fall|falls|fell|fallen|falling|drop(?:ped|s|ping)?|decline[sd]?|lower|slump(?:ed|s)?|plunge[sd]?|slid|tumble[sd]?|lost|loss|lose|loses|losing|weaken(?:ed|s|ing)?|sank|sink(?:s|ing)?|depreciated?)\b/i;

/** Whether the change next to a quantity went the other way from the one asked about. */
function againstDirection(x: Quantity, ask: Asked, text: string): boolean {
  const dir = ask.q.direction;
  if (!dir) return false;
  const around = text.slice(Math.max(0, x.start - 40), Math.min(text.length, x.nounEnd + 15));
  const [same, other] = dir === 'up' ? [UP, DOWN] : [DOWN, UP];
  return !same.test(around) || other.test(around);
}

/** A figure that is no length: a sum, or people. */
const NO_LENGTH = /[$€£¥]|\b(?:million|billion|people|troops|soldiers|protesters|demonstrators|refugees|migrants|workers|civilians|officers|citizens|residents|lawmakers|diplomats|killed|dead|deaths|died)\b/i;
/** A war by any of its words (stems). */
const WAR = /^(?:war|warfare|conflict|fight|hostil)/;
/** After a duration, what it is of: "14 months of fighting", "three years of war". */
const DURATION_OF = /^\s+of\s+(\p{L}+)/u;
/** Whether a duration is of something the question does not ask about ("14 months of fighting" for "How long is the ceasefire?"). */
function durationOfOther(after: string, qStems: Set<string>): boolean {
  const of = DURATION_OF.exec(after)?.[1]?.toLowerCase();
  if (!of || !(/ing$/.test(of) || WAR.test(of))) return false;
  const st = stem(of);
  return !qStems.has(st) && !(WAR.test(st) && [...qStems].some((w) => WAR.test(w)));
}

/**
 * A sum in a currency the number tables do not know: millions or billions of something that is
 * neither people nor a measure ("cost the economy an estimated 150 million marels").
 */
function unnamedCurrency(x: Quantity): boolean {
  if (!/\b(?:million|billion|trillion|bn|mn)\b/i.test(x.text) || x.noun.length !== 1) return false;
  const n = stem(fold(x.noun[0] ?? '').toLowerCase());
  return /^\p{Ll}+s$/u.test(x.noun[0] ?? '') && !HUMAN.test(n) && !MEASURE.test(n) && !/^(?:vote|seat|case|barrel|dose|vaccin|home|house|job|ton|tonne|acre|hectare|mile|kilomet|year|day|hour|minute|view|user|page|document|share|copie|vehicle|car|round|shell|rocket|missile|drone|bullet|tree|animal|cattle|head|meal|ration|kit|tent|bag)/.test(n);
}

/** How well a quantity answers a "how many / how much / how long" question. */
function quantityFit(x: Quantity, ask: Asked, text: string): number {
  const k = x.kind;
  // A change asked about in one direction: a figure of the other (or of none) does not answer it.
  if (againstDirection(x, ask, text)) return -10;
  let s = 0;
  const want: Want = ask.q.want;
  if (want === 'duration') s += k === 'duration' ? 4 : k === 'since' ? 2 : k === 'distance' ? 1 : -4;
  else if (want === 'distance') s += k === 'distance' ? 4 : -4;
  else if (want === 'percent') s += k === 'percent' ? 4 : -4;
  else if (want === 'money') s += k === 'money' ? 4 : k === 'count' ? (unnamedCurrency(x) ? 3 : -1) : -4;
  else if (want === 'amount') s += k === 'count' ? 2 : -2;
  else if (k === 'count') s += 2;
  else s -= 3;
  // "14 months of fighting" is how long the fighting (or a war) lasted, not a ceasefire.
  if (want === 'duration' && k === 'duration' && durationOfOther(text.slice(x.nounEnd, x.nounEnd + 30), ask.qStems)) return -10;
  // What it counts: "145 LNA soldiers" for "How many LNA soldiers…".
  const nounStems = x.noun.map((w) => stem(fold(w).toLowerCase().replace(/['’]s$/, '')));
  const hits = ask.q.noun.filter((n) => nounStems.includes(n) || (n === 'people' && nounStems.some((w) => /^(?:person|civilian|resident|citizen)/.test(w)))).length;
  // "38 abstentions" counts what "How many countries abstained?" asks happened.
  const evHit = nounStems.some((w) => ask.event?.some((e) => e.length >= 4 && (w.startsWith(e) || variants(e).some((v) => w.startsWith(v)))));
  if (hits) s += 2 + hits;
  else if (evHit && want === 'count') s += 4;
  // "about 410 kilograms": a unit of measure is what "how much uranium" measures.
  else if (want === 'amount' && nounStems.length && MEASURE.test(nounStems[0] ?? '')) s += 2;
  else if (ask.q.noun.length && x.noun.length && (want === 'count' || want === 'amount')) {
    // "two planes" does not answer "how many troops"; a tally or a toll ("328 votes", "25 dead")
    // may answer a count of people.
    // Anything else counted is another thing: "two radio stations" never answers "how many tanks",
    // however well the verb fits ("did soldiers seize"), unless the asked thing is named right
    // before it ("froze the accounts of 40 opposition figures").
    const before = contentStems(text.slice(Math.max(0, x.start - 40), x.start));
    const namedBefore = ask.q.noun.some((n) => before.some((w) => w === n || (n.length >= 4 && w.startsWith(n))));
    if (!(nounStems.some((w) => TALLY.has(w)) || (isHuman(nounStems) && isHuman(ask.q.noun)) || namedBefore)) return -10;
    s -= namedBefore ? 3 : 1;
    // "How many Dutch nationals …" narrows the group: "the 298 people on board" counts them all.
    if (ask.q.noun.filter((n) => !/^(?:of|the|a|an|all|those|these)$/.test(n)).length >= 2) s -= 5;
  }
  // The question's other words near it.
  const near = contentStems(text.slice(Math.max(0, x.start - 60), Math.min(text.length, x.nounEnd + 60)));
  s += Math.min(2, near.filter((w) => ask.qStems.has(w)).length * 0.5);
  // What happened to what it counts, right after it: "100,000 have fled abroad" answers "How many
  // fled?"; "600 people have been killed" does not.
  if (ask.event?.length && (want === 'count' || want === 'amount')) {
    const afterText = text.slice(x.nounEnd, Math.min(text.length, x.nounEnd + 30));
    // "killed 9,000 people and displaced 1.2 million": a verb after "and" is the subject's next act, not this count's.
    // And a verb past the next conjunction or number is another count's: "11 people were killed and
    // 40 wounded" — "wounded" is the 40's, not the 11's.
    const own = afterText.split(/\s(?:and|or|but|while)\s|[,;]|\d/i)[0] ?? '';
    const verbs = /^\s*,?\s*(?:and|or|but|while)\b/i.test(afterText) ? [] : contentStems(own);
    const asked = (w: string) => ask.event?.some((e) => w.startsWith(e) || variants(e).some((v) => w.startsWith(v)));
    // The verb the count is the object of: "displaced 1.2 million", "freed 250 rebel fighters".
    const object = /(\p{L}+)\s+(?:(?:more than|at least|about|around|some|nearly|almost|over|up to|roughly)\s+)?$/iu.exec(text.slice(Math.max(0, x.start - 30), x.start))?.[1];
    const verbBefore = object ? stem(object.toLowerCase()) : null;
    if (verbs.some(asked) || (verbBefore && asked(verbBefore))) s += 3;
    else if (verbs.some((w) => EVENT_VERB.test(w)) || (verbBefore && EVENT_VERB.test(verbBefore))) {
      // Another thing happened to them: "84 people have been arrested" is no count of the wounded,
      // whatever it counts, when the question asks what happened to people.
      s -= ask.event.some((e) => EVENT_VERB.test(e)) ? 8 : 2;
    }
  }
  return s;
}

export function countSpan(text: string, ask: Asked): Span | null {
  const figs = findFigures(text).filter((f) => f.kind !== 'age');
  let best: { x: Quantity; fit: number } | null = null;
  for (const x of findQuantities(text)) {
    const fit = quantityFit(x, ask, text);
    if (!best || fit > best.fit) best = { x, fit };
  }
  if (!best || best.fit <= 0) {
    // Fall back on the figures extraction found (deaths, deadlines, counts), scored by the words after them.
    if (ask.q.want === 'percent' || ask.q.want === 'distance') return null;
    // A percentage answers only "what share": "cap enrichment at 20 per cent" is not how much uranium there is.
    // Nor is a toll, a sum or a number of people ("9,000 people") how long something lasts.
    // And a sum asked is answered by a sum: "thousands of people" is not what a strike cost.
    const scored = figs.filter((f) => !/%|\bper ?cent\b/i.test(f.value) && !(ask.q.want === 'duration' && NO_LENGTH.test(f.value)) && !(ask.q.want === 'money' && f.kind !== 'money') && !(ask.q.want === 'count' && f.kind === 'money')).map((f) => ({ f, s: contentStems(text.slice(f.start, Math.min(text.length, f.end + 40))).filter((w) => ask.qStems.has(w)).length }));
    scored.sort((a, b) => b.s - a.s);
    const f = scored[0]?.f;
    return f && (!best || best.fit > -3) ? { answer: f.value, start: f.start, end: f.end, fit: 0 } : null;
  }
  const { x, fit } = best;
  // A figure extraction already reads around this number ("72 hours to leave", "At least 9 people died") says it best.
  const fig = figs.find((f) => f.start <= x.start && f.end >= x.end && (x.kind !== 'count' || f.kind !== 'money'));
  if (fig) return { answer: fig.value, start: fig.start, end: fig.end, fit };
  // A count with what it counts ("145 LNA soldiers"); a hyphenated measure with its noun ("48-hour strike").
  const end = x.kind === 'count' || /^[^\s]*\d-|^\S+-(?:second|minute|hour|day|night|week|month|year|decade)/i.test(x.text) ? x.nounEnd : x.end;
  return { answer: text.slice(x.start, end).trim(), start: x.start, end, fit };
}
