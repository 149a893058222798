/**
 * People named in text, with the affiliation the text gives them. Constructions read:
 * - a title before the name: "French President Jeanne Martin", "Spain's Prime Minister Ana Ruiz",
 *   "Col. Ana Ruiz", "Pope Leo", "Metropolitan Ilya";
 * - a title, a comma, then the name: "Norland's president-elect, Tomas Berg,", "the US secretary of
 *   state, Jo Hale, said";
 * - an apposition after the name: "Lena Holm, chairwoman of the Nordic Council", "Ivo Marsh, the
 *   British foreign secretary,", "Ana Brat, the founder of a mercenary group";
 * - a possessive country before the name: "Chad's Mahamat Idriss Oumar Itno";
 * - a name acting as a subject: "Dora Velk had spoken", "Emil Sand telephoned".
 * Names may hold particles and hyphenated parts ("Abdel Karim el-Tahir", "Pak Ji-won") and end in a
 * word that is elsewhere a title ("Julie Bishop", "Hun Sen").
 */
import type { Mention } from './gazetteer.js';
import { startsUpper, type Token } from '../text.js';

const TITLE_WORDS = new Set(
  `president prime minister foreign defense defence interior finance minister ministers secretary state general secretary-general
  spokesman spokeswoman spokesperson ambassador envoy chief leader lawmaker senator sen rep gov governor major gen colonel col
  commander pope king queen prince princess chancellor vice coordinator chairman chairwoman chair director official counterpart
  policy mayor judge archbishop cardinal bishop emir sheikh ayatollah sultan crown premier deputy speaker head attorney justice
  admiral lieutenant lt captain capt opposition presidential government military army police intelligence top senior u.n un
  high commissioner representative special rapporteur advisor adviser national security council metropolitan patriarch founder
  marshal field brig brigadier sgt sergeant maj cmdr elect acting interim former rev reverend dr`.split(/\s+/),
);
const CORE_TITLES = new Set(
  `president minister secretary spokesman spokeswoman spokesperson ambassador envoy chief leader lawmaker senator sen rep gov
  governor general gen colonel col commander pope king queen prince chancellor coordinator chairman chairwoman director
  counterpart mayor judge archbishop cardinal bishop emir sheikh ayatollah sultan premier speaker admiral captain capt adviser
  advisor rapporteur commissioner representative metropolitan patriarch founder marshal brig brigadier sgt sergeant maj major
  lieutenant lt cmdr rev reverend dr head`.split(/\s+/),
);
/** Whether a lower-case word is part of a title ("president", "foreign", "minister", "gen"). */
export function isTitleWord(norm: string): boolean {
  return TITLE_WORDS.has(norm);
}
/** Titles used with one name: "Pope Leo", "King Harald", "Metropolitan Ilya". */
const SINGLE_NAME = new Set(['pope', 'king', 'queen', 'prince', 'emir', 'sheikh', 'ayatollah', 'sultan', 'metropolitan', 'patriarch', 'cardinal', 'archbishop']);
const NOT_NAME = new Set(
  'the a an on in at of and or but monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december he she it they his her their this that said says told'.split(' '),
);
/** Lower-case parts of names: "el-Tahir", "bin Salem", "van der Berg". */
const PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'bin', 'ibn', 'ben', 'abu', 'de', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'le', 'la']);
/** Words that make a capitalised run an institution or a place, not a person. */
const ORG_WORDS = new Set(
  `court ministry council army party forces force government parliament assembly embassy office commission union committee
  agency bank airport church news university house palace square street city province region republic front movement guard
  police service company corporation group airways media radio television times post press institute centre center hospital
  stadium prison port river sea coast desert watch international cross crescent department organization organisation fund
  program programme nations states kingdom federation alliance league authority administration monday tuesday wednesday
  thursday friday saturday sunday january february march april june july august september october november december day
  airlines network agency bureau brigade battalion division corps tribunal senate congress cabinet treaty accord agreement
  declaration conference summit forum initiative mission operation club hotel hall tower bridge road avenue airbase base
  conflict observatory rights studies research foundation affairs relations freedom justice peace development`.split(/\s+/),
);
/** Verbs after a bare name that make it a person acting: "Dora Velk said", "Emil Sand telephoned". */
const SUBJECT_VERBS = new Set(
  `said says told tweeted added warned spoke speaks met meets called calls urged urges sent sends wrote writes has had have is was
  will would visited visits asked asks phoned telephoned received receives congratulated praised condemned insisted noted
  announced declared vowed pledged promised signed traveled travelled arrived flew held holds made makes gave gives took takes
  agreed accused rejected dismissed denied welcomed stressed argued described described appealed`.split(/\s+/),
);

export interface PersonFound {
  name: string;
  /** Token range of the name. */
  t0: number;
  t1: number;
  /** Actor id of an affiliation stated in the title or apposition, if any. */
  affiliation: string | null;
  /** The title phrase as written ("Kremlin spokesman"). */
  title: string;
  /** A person the gazetteer already knew, named here after a title. */
  known?: boolean;
}

/** Characters between two tokens are unknown here; a comma shows as a gap of 2+ (", "). */
function commaBetween(a: Token, b: Token, text: string | undefined): boolean {
  if (text !== undefined) return text.slice(a.end, b.start).includes(',');
  return b.start - a.end > 1;
}

function isCapitalised(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.raw.charCodeAt(0);
  if (c >= 97 && c <= 122) return false; // lower-case ASCII: not a name, skip the regex
  return /^\p{Lu}[\p{L}'’-]*$/u.test(t.raw) && t.raw.length > 1;
}

function isNameToken(t: Token | undefined): boolean {
  return isCapitalised(t) && !NOT_NAME.has((t as Token).norm);
}

/**
 * The end (exclusive) of a name starting at `n0`: capitalised tokens not covered by a known actor,
 * particles before a capitalised token, lower-case parts joined by a hyphen ("Ki-moon"), and a
 * final title word when it cannot be the title of a following name ("Julie Bishop said").
 */
function nameEnd(tokens: Token[], n0: number, covered: Map<number, Mention>, text: string | undefined, max = 4): number {
  let j = n0;
  while (j < tokens.length && j - n0 < max && !covered.has(j)) {
    const t = tokens[j] as Token;
    const prev = tokens[j - 1];
    if (j > n0 && prev !== undefined && commaBetween(prev, t, text)) break;
    const hyphenated = j > n0 && prev !== undefined && text !== undefined && text.slice(prev.end, t.start) === '-';
    if (isNameToken(t) && !TITLE_WORDS.has(t.norm)) j++;
    else if (isNameToken(t) && j > n0 && !isNameToken(tokens[j + 1])) j++;
    else if (hyphenated && /^\p{Ll}/u.test(t.raw)) j++;
    else if (PARTICLES.has(t.raw) && isNameToken(tokens[j + 1]) && !covered.has(j + 1) && (j > n0 || text?.slice(t.end, t.end + 1) === '-')) j++;
    else break;
    if ((tokens[j - 1] as Token).poss) break;
  }
  // A name does not end in a particle.
  while (j > n0 && PARTICLES.has((tokens[j - 1] as Token).raw)) j--;
  return j;
}

function join(tokens: Token[], a: number, b: number, text: string | undefined): string {
  if (text !== undefined) return text.slice((tokens[a] as Token).start, (tokens[b - 1] as Token).end);
  return tokens
    .slice(a, b)
    .map((x) => x.raw)
    .join(' ');
}

function hasOrgWord(tokens: Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (ORG_WORDS.has((tokens[i] as Token).norm)) return true;
  return false;
}

/**
 * Find people in one sentence. `mentions` are the gazetteer's (to read affiliations and to avoid
 * taking a known actor's name for a person). `text` is the sentence, to see commas and hyphens.
 */
export function findPeople(tokens: Token[], mentions: Mention[], isSide: (id: string) => boolean, text?: string, isPerson: (id: string) => boolean = () => false): PersonFound[] {
  const covered = new Map<number, Mention>();
  for (const m of mentions) for (let i = m.t0; i < m.t1; i++) covered.set(i, m);
  const out: PersonFound[] = [];
  const taken = (i: number) => out.some((p) => i >= p.t0 && i < p.t1);
  const affiliationIn = (from: number, to: number): string | null => {
    let poss: string | null = null;
    let first: string | null = null;
    for (let x = from; x < to; x++) {
      const m = covered.get(x);
      if (m && !isSide(m.actorId)) {
        if (m.poss && !poss) poss = m.actorId;
        first ??= m.actorId;
        x = m.t1 - 1;
      }
    }
    return poss ?? first;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!CORE_TITLES.has(t.norm)) continue;
    // A capitalised title word inside a name ("Julie Bishop") is not a title.
    if (i > 0 && taken(i)) continue;
    // Skip the rest of a multi-word title ("Secretary of State", "secretary of state", "president-elect",
    // "envoy for Norland").
    let j = i + 1;
    const lower = /^\p{Ll}/u.test(t.raw);
    while (j < tokens.length && j - i <= 4) {
      const n = tokens[j] as Token;
      const m = covered.get(j + 1);
      if (n.norm === 'of' && TITLE_WORDS.has(tokens[j + 1]?.norm ?? '')) j++;
      else if (/^(?:of|for|to)$/.test(n.norm) && m && !isSide(m.actorId)) j = m.t1;
      else if (/^(?:of|for|to)$/.test(n.norm) && tokens[j + 1]?.norm === 'the' && covered.get(j + 2) && !isSide((covered.get(j + 2) as Mention).actorId)) j = (covered.get(j + 2) as Mention).t1;
      // "chairman of the AU Commission": an institution's own word after its name.
      else if (j > i + 1 && covered.get(j - 1) && ORG_WORDS.has(n.norm) && startsUpper(n.raw)) j++;
      else if (TITLE_WORDS.has(n.norm) && (lower ? /^\p{Ll}/u : /^\p{Lu}/u).test(n.raw)) j++;
      else break;
    }
    // "the secretary of state, Jo Hale, said": a comma between a title and the name.
    const n0 = j;
    const lastTitle = tokens[j - 1] as Token;
    const afterComma = tokens[j] !== undefined && commaBetween(lastTitle, tokens[j] as Token, text);
    if (afterComma && lastTitle.poss) continue;
    // A person already known by full name, now with a title ("Norwegian Foreign Minister Ingrid
    // Solberg" after "Ingrid Solberg met …"): the title may give the affiliation the first did not.
    const known = covered.get(n0);
    const knownName = known !== undefined && known.t0 === n0 && known.t1 - n0 >= 2 && isPerson(known.actorId);
    j = knownName ? known.t1 : nameEnd(tokens, n0, covered, text);
    if (j - n0 < (SINGLE_NAME.has(t.norm) ? 1 : 2)) continue;
    if (afterComma) {
      // The name in apposition ends the phrase: a comma, the sentence's end, or a verb follows.
      const next = tokens[j];
      if (next && !commaBetween(tokens[j - 1] as Token, next, text) && !SUBJECT_VERBS.has(next.norm)) continue;
    }
    // The title phrase: title words and actor mentions back from the title.
    let k = i;
    while (k > 0) {
      const prev = tokens[k - 1] as Token;
      const m = covered.get(k - 1);
      if (m) k = m.t0;
      else if (TITLE_WORDS.has(prev.norm) && !commaBetween(prev, tokens[k] as Token, text)) k--;
      else break;
    }
    let affiliation = affiliationIn(k, n0);
    // "President Abdel Karim el-Tahir of Norland".
    if (!affiliation && tokens[j]?.norm === 'of') {
      const m = covered.get(j + 1) ?? (tokens[j + 1]?.norm === 'the' ? covered.get(j + 2) : undefined);
      if (m && !isSide(m.actorId)) affiliation = m.actorId;
    }
    out.push({ name: join(tokens, n0, j, text), t0: n0, t1: j, affiliation, title: tokens.slice(k, n0).map((x) => x.raw).join(' '), ...(knownName ? { known: true } : {}) });
    i = j - 1;
  }
  // Names not introduced by a title.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isNameToken(tokens[i]) || covered.has(i) || taken(i) || TITLE_WORDS.has((tokens[i] as Token).norm)) continue;
    // Start at the beginning of a capitalised run only.
    if (i > 0 && isNameToken(tokens[i - 1]) && !covered.has(i - 1) && !commaBetween(tokens[i - 1] as Token, tokens[i] as Token, text)) continue;
    const j = nameEnd(tokens, i, covered, text);
    if (j - i < 2 || hasOrgWord(tokens, i, j)) continue;
    // "the Corran Star arrived": news puts no article before a person's bare name; a ship, a hotel or a plan it names.
    if (tokens[i - 1]?.raw === 'the' && !covered.has(i - 1)) continue;
    const after = tokens[j];
    const lastName = tokens[j - 1] as Token;
    const comma = after !== undefined && commaBetween(lastName, after, text) && !lastName.poss;
    // Apposition: "Ana Brat, (the|a) (British) founder of …".
    let a = j;
    if (comma) {
      if (after && /^(?:the|a|an)$/.test(after.norm)) a++;
      let steps = 0;
      while (a < tokens.length && steps < 4 && !CORE_TITLES.has((tokens[a] as Token).norm)) {
        const m = covered.get(a);
        if (m && !isSide(m.actorId)) a = m.t1;
        else if (TITLE_WORDS.has((tokens[a] as Token).norm)) a++;
        else break;
        steps++;
      }
    }
    if (comma && a < tokens.length && CORE_TITLES.has((tokens[a] as Token).norm)) {
      // "the founder of the Russian mercenary group Wagner": the head of the phrase, its last name.
      let affiliation = affiliationIn(j, a);
      if (!affiliation) {
        for (let x = a + 1; x < Math.min(tokens.length, a + 10); x++) {
          if (commaBetween(tokens[x - 1] as Token, tokens[x] as Token, text)) break;
          const m = covered.get(x);
          if (m && !isSide(m.actorId)) {
            affiliation = m.actorId;
            x = m.t1 - 1;
          }
        }
      }
      out.push({ name: join(tokens, i, j, text), t0: i, t1: j, affiliation, title: (tokens[a] as Token).raw });
      i = j;
      continue;
    }
    const prev = tokens[i - 1];
    const possessor = prev ? covered.get(i - 1) : undefined;
    if (possessor?.poss && !isSide(possessor.actorId)) {
      // "Chad's Mahamat Idriss Oumar Itno, Burundi's Evariste Mbeki": a country's person.
      out.push({ name: join(tokens, i, j, text), t0: i, t1: j, affiliation: possessor.actorId, title: '' });
      i = j;
    } else if (after && comma && after.norm === 'who' && j - i <= 3) {
      // "Lina Korsak, who spoke to …": "who" is said of people.
      out.push({ name: join(tokens, i, j, text), t0: i, t1: j, affiliation: null, title: '' });
      i = j;
    } else if (after && !comma && SUBJECT_VERBS.has(after.norm) && j - i <= 3) {
      // "Augusto Santos Silva told reporters", "the day Dora Velk had spoken".
      out.push({ name: join(tokens, i, j, text), t0: i, t1: j, affiliation: null, title: '' });
      i = j;
    }
  }
  return out;
}

/** Whether a title is used with one name ("Pope Leo"), so "Title Name" is an alias. */
export function isSingleNameTitle(title: string): boolean {
  const last = title.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  return SINGLE_NAME.has(last);
}

/** Name parts a person may be called by alone: the surname, without a particle ("el-Tahir" -> "Tahir"). */
export function surnameForms(name: string): string[] {
  const parts = name.split(/\s+/);
  const out: string[] = [];
  if (parts.length >= 2) out.push(parts[parts.length - 1] as string);
  if (parts.length >= 3) out.push(parts.slice(-2).join(' '));
  const last = parts[parts.length - 1] ?? '';
  const bare = /^(?:al|el|ad|as|ash)-(.+)$/.exec(last)?.[1];
  if (bare && bare.length >= 3) out.push(bare);
  return out;
}
