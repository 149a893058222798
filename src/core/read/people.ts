/**
 * People named in text, with the affiliation the text gives them: "French President Jeanne Martin",
 * "Spain's Prime Minister Ana Ruiz", "Kremlin spokesman Ivan Petrov", "Lena Holm, chairwoman of
 * the Nordic Council".
 */
import type { Mention } from './gazetteer.js';
import type { Token } from '../text.js';

const TITLE_WORDS = new Set(
  `president prime minister foreign defense defence interior finance minister ministers secretary state general secretary-general
  spokesman spokeswoman spokesperson ambassador envoy chief leader lawmaker senator sen rep gov governor major gen colonel col
  commander pope king queen prince princess chancellor vice coordinator chairman chairwoman chair director official counterpart
  policy mayor judge archbishop cardinal bishop emir sheikh ayatollah sultan crown premier deputy speaker head attorney justice
  admiral lieutenant lt captain capt opposition presidential government military army police intelligence top senior u.n un
  high commissioner representative special rapporteur advisor adviser national security council`.split(/\s+/),
);
const CORE_TITLES = new Set(
  'president minister secretary spokesman spokeswoman spokesperson ambassador envoy chief leader lawmaker senator sen rep gov governor general gen colonel commander pope king queen prince chancellor coordinator chairman chairwoman director counterpart mayor judge archbishop cardinal bishop emir sheikh ayatollah sultan premier speaker admiral captain adviser advisor rapporteur commissioner representative'.split(' '),
);
const SINGLE_NAME = new Set(['pope', 'king', 'queen', 'prince', 'emir', 'sheikh', 'ayatollah', 'sultan']);
const NOT_NAME = new Set(
  'the a an on in at of and or but monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december he she it they his her their this that said says told'.split(' '),
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
}

/** Characters between two tokens are unknown here; a comma shows as a gap of 2+ (", "). */
function sentenceGap(a: Token, b: Token): string {
  return b.start - a.end > 1 ? ',' : ' ';
}

function isNameToken(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.raw.charCodeAt(0);
  if (c >= 97 && c <= 122) return false; // lower-case ASCII: not a name, skip the regex
  return /^\p{Lu}[\p{L}'’-]*$/u.test(t.raw) && !NOT_NAME.has(t.norm) && t.raw.length > 1;
}

/**
 * Find people in one sentence. `mentions` are the gazetteer's (to read affiliations and to avoid
 * taking a known actor's name for a person).
 */
export function findPeople(tokens: Token[], mentions: Mention[], isSide: (id: string) => boolean): PersonFound[] {
  const covered = new Map<number, Mention>();
  for (const m of mentions) for (let i = m.t0; i < m.t1; i++) covered.set(i, m);
  const out: PersonFound[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!CORE_TITLES.has(t.norm)) continue;
    // Skip the rest of a multi-word title ("Secretary of State", "Secretary-General").
    let j = i + 1;
    while (j < tokens.length && j - i <= 3 && ((tokens[j] as Token).norm === 'of' || (TITLE_WORDS.has((tokens[j] as Token).norm) && /^\p{Lu}/u.test((tokens[j] as Token).raw)))) j++;
    // Name: 2-4 capitalised tokens right after the title, not a known actor (1 for popes and kings).
    const n0 = j;
    while (j < tokens.length && j - n0 < 4 && isNameToken(tokens[j]) && !covered.has(j) && !TITLE_WORDS.has((tokens[j] as Token).norm)) {
      j++;
      if ((tokens[j - 1] as Token).poss) break;
    }
    if (j - n0 < (SINGLE_NAME.has(t.norm) ? 1 : 2)) continue;
    // The title phrase: title words and actor mentions back from the title.
    let k = i;
    while (k > 0) {
      const prev = tokens[k - 1] as Token;
      const m = covered.get(k - 1);
      if (m) k = m.t0;
      else if (TITLE_WORDS.has(prev.norm) && !/[,;:]/.test(sentenceGap(prev, tokens[k] as Token))) k--;
      else break;
    }
    let affiliation: string | null = null;
    let fallback: string | null = null;
    for (let x = k; x < n0; x++) {
      const m = covered.get(x);
      if (m && !isSide(m.actorId)) {
        if (m.poss && !affiliation) affiliation = m.actorId;
        fallback ??= m.actorId;
        x = m.t1 - 1;
      }
    }
    affiliation ??= fallback;
    const name = tokens
      .slice(n0, j)
      .map((x) => x.raw)
      .join(' ');
    out.push({ name, t0: n0, t1: j, affiliation, title: tokens.slice(k, n0).map((x) => x.raw).join(' ') });
    i = j - 1;
  }
  // Apposition: "Alexei Pushkov, chairman of the information committee at the Federation Council".
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!isNameToken(tokens[i]) || covered.has(i) || out.some((p) => i >= p.t0 && i < p.t1)) continue;
    let j = i;
    while (j < tokens.length && j - i < 4 && isNameToken(tokens[j]) && !covered.has(j) && !TITLE_WORDS.has((tokens[j] as Token).norm)) j++;
    if (j - i < 2) continue;
    const after = tokens[j];
    if (!after) continue;
    const lastName = tokens[j - 1] as Token;
    // A comma between name and title shows as a gap of two or more characters (", ").
    const comma = after.start - lastName.end >= 2 && !lastName.poss;
    if (comma && CORE_TITLES.has(after.norm)) {
      let affiliation: string | null = null;
      for (let x = j; x < Math.min(tokens.length, j + 10); x++) {
        const m = covered.get(x);
        if (m && !isSide(m.actorId)) {
          affiliation = m.actorId;
          break;
        }
      }
      out.push({ name: tokens.slice(i, j).map((x) => x.raw).join(' '), t0: i, t1: j, affiliation, title: after.raw });
      i = j;
    } else if (i === 0 && /^(?:said|says|told|tweeted|added|warned)$/.test(after.norm) && j - i <= 3) {
      // "Augusto Santos Silva told reporters ..." at the start of a sentence.
      out.push({ name: tokens.slice(i, j).map((x) => x.raw).join(' '), t0: i, t1: j, affiliation: null, title: '' });
      i = j;
    }
  }
  return out;
}
