/**
 * Who did what to whom in a model's answer, compared with the sentence it cites: the two actors'
 * roles, and whether it happened at all. Pure functions, used by grounding.ts.
 */
import { fold, isStopword, type Token, tokenize } from '../text.js';

/** A known name in a text: where, and which actor (a stable key). */
export interface NameSpan {
  start: number;
  end: number;
  key: string;
}

const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'gave:give given:give took:take taken:take sent:send lent:lend sold:sell paid:pay told:tell met:meet led:lead won:win fought:fight bought:buy ' +
    'brought:bring struck:strike stricken:strike shot:shoot threw:throw thrown:throw held:hold left:leave made:make sought:seek said:say spoke:speak ' +
    'spoken:speak wrote:write written:write stole:steal stolen:steal broke:break broken:break chose:choose chosen:choose drove:drive driven:drive ' +
    'overthrew:overthrow overthrown:overthrow withdrew:withdraw withdrawn:withdraw began:begin begun:begin forgave:forgive forgiven:forgive ' +
    'beaten:beat hit:hit sent:send kept:keep felt:feel lost:lose found:find swore:swear sworn:swear drew:draw drawn:draw saw:see seen:see'
  )
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);
const IRREGULAR_FORMS = new Set(Object.keys(IRREGULAR));

/**
 * A comparable form of a verb, stripping only inflections: "gave", "given", "gives", "giving" ->
 * "giv"; "recognized", "recognizes" -> "recogniz"; "offered" -> "offer"; "denied" -> "deny".
 */
export function lemma(word: string): string {
  let w = word.toLowerCase();
  w = IRREGULAR[w] ?? w;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && /ie[sd]$/.test(w)) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:[sxz]|[cs]h)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // "stopped" -> "stop", "offer" stays; a final e goes so "give" and "giv(ing)" agree.
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w.replace(/e$/, '');
}

const AUX = new Set('has have had having will would shall should can could may might must do does did is are was were be been being to get gets got'.split(' '));
const BE = new Set('is are was were be been being get gets got'.split(' '));
const NEGATORS = new Set('not never no neither nor without cannot declined declines refused refuses failed fails denied denies'.split(' '));
const ADVERBS = new Set('still also now already again just only even longer reportedly officially formally openly publicly'.split(' '));
const PREPOSITIONS = new Set('with to from of for against at in on into onto about over under between among toward towards via per like than'.split(' '));
const ARTICLES = new Set(['the', 'a', 'an']);
const DETERMINERS = new Set('the a an their his her its our my your this that these those any no some every'.split(' '));
const isNegator = (t: Token | undefined) => t !== undefined && (NEGATORS.has(t.norm) || /n['’]t$/.test(t.norm));
const isAdverb = (t: Token | undefined) => t !== undefined && (ADVERBS.has(t.norm) || (t.norm.length > 4 && t.norm.endsWith('ly')));

/** One clause's claim: `agent` did `verb` (or did not) to `patient`. Either actor may be unknown. */
export interface Claim {
  agent: string | null;
  verb: string;
  patient: string | null;
  negated: boolean;
}

/**
 * Whether token i reads as a verb: a known irregular form, -ed, -ing, after an auxiliary or a
 * negation, or an -s form right after a name ("Ruritania backs", "Freedonia still recognizes",
 * but not "Ruritania's diplomats").
 */
function verbAt(toks: Token[], i: number, nameAt: (i: number) => boolean): boolean {
  const t = toks[i] as Token;
  if (t.norm.length < 3 || isStopword(t.norm) || AUX.has(t.norm) || isNegator(t) || isAdverb(t) || /^\d/.test(t.norm) || nameAt(i)) return false;
  const prev = toks[i - 1];
  // "their backing", "the meeting of …": an -ing noun after a determiner, not a verb.
  if (t.norm.endsWith('ing') && (DETERMINERS.has(prev?.norm ?? '') || prev?.poss || toks[i + 1]?.norm === 'of')) return false;
  if (IRREGULAR_FORMS.has(t.norm) || t.norm.endsWith('ed') || (t.norm.endsWith('ing') && t.norm.length > 5)) return true;
  if (prev && (AUX.has(prev.norm) || isNegator(prev))) return true;
  if (!t.norm.endsWith('s') || t.norm.endsWith('ss')) return false;
  // "American diplomats gave …", "the talks were …": a plural noun before a verb, not a verb.
  const next = toks[i + 1];
  if (next && (AUX.has(next.norm) || next.norm.endsWith('ed') || IRREGULAR_FORMS.has(next.norm))) return false;
  let k = i - 1;
  while (k >= 0 && (isAdverb(toks[k]) || isNegator(toks[k]))) k--;
  return k >= 0 && nameAt(k) && !(toks[k] as Token).poss;
}

/**
 * The claims of a text: for each verb, the agent (the nearest name before it in its clause that
 * is not the object of a preposition) and each name after it in the clause (the patients), turned
 * round for a passive ("was given … by Freedonia"), and whether a negation stands between the agent
 * and the verb ("not", "n't", "never", "declined to", or "did not say whether X …").
 */
export function claimsIn(text: string, names: NameSpan[]): Claim[] {
  const toks = tokenize(text);
  const keyAt: (string | undefined)[] = toks.map((t) => names.find((n) => t.start >= n.start && t.end <= n.end)?.key);
  const nameAt = (i: number) => keyAt[i] !== undefined;
  const boundary = (k: number) => k <= 0 || /[.;!?:]|\s[—–-]\s/.test(text.slice((toks[k - 1] as Token).end, (toks[k] as Token).start));
  /** First token of the name that ends at k. */
  const nameStart = (k: number) => {
    let j = k;
    while (j > 0 && keyAt[j - 1] === keyAt[k] && !boundary(j)) j--;
    return j;
  };
  const out: Claim[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!verbAt(toks, i, nameAt)) continue;
    // The agent, and where the clause before the verb starts.
    let a = -1;
    let from = i;
    for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
      if (boundary(k + 1)) break;
      from = k;
      if (!nameAt(k)) continue;
      const s0 = nameStart(k);
      let b = s0 - 1;
      while (b >= 0 && ARTICLES.has((toks[b] as Token).norm)) b--;
      k = s0;
      from = s0;
      if (b >= 0 && PREPOSITIONS.has((toks[b] as Token).norm)) continue;
      a = s0;
      break;
    }
    const patients: { key: string; byAgent: boolean }[] = [];
    // Eight tokens after the verb, and on through a list of names ("Ruritania, Freedonia, Elbonia and Latveria").
    const inList = (k: number) => nameAt(k) || (toks[k] as Token).norm === 'and' || (toks[k] as Token).norm === 'or';
    for (let k = i + 1; k < toks.length && (k <= i + 8 || (inList(k) && inList(k - 1))) && !boundary(k); k++) {
      const key = keyAt[k];
      if (!key || patients.some((p) => p.key === key) || (k > 0 && keyAt[k - 1] === key)) continue;
      let b = k - 1;
      while (b > i && ARTICLES.has((toks[b] as Token).norm)) b--;
      patients.push({ key, byAgent: (toks[b] as Token).norm === 'by' });
    }
    let negated = false;
    for (let k = i - 1; k >= from; k--) if (isNegator(toks[k])) negated = true;
    // "didn't say if / whether X recognized …": the sentence does not assert it.
    for (let k = from - 1; k >= 0 && k >= from - 6 && !negated; k--) {
      if ((toks[k] as Token).norm !== 'if' && (toks[k] as Token).norm !== 'whether') continue;
      for (let j = k - 1; j >= 0 && j >= k - 4; j--) if (isNegator(toks[j])) negated = true;
    }
    const verb = lemma((toks[i] as Token).norm);
    const subject = a >= 0 ? (keyAt[a] as string) : null;
    // A list of agents ("Ruritania, Freedonia and Elbonia have voiced …"): names joined only by commas and "and".
    const coAgents: string[] = [];
    for (let k = a - 1; a >= 0 && k >= 0; ) {
      const gap = text.slice((toks[k] as Token).end, (toks[k + 1] as Token).start);
      const sep = (toks[k] as Token).norm === 'and' || (toks[k] as Token).norm === 'or';
      if (sep && /^\s+$/.test(gap)) {
        k--;
        continue;
      }
      if (!nameAt(k) || !/^\s*,?\s*$/.test(gap)) break;
      const s0 = nameStart(k);
      if (!coAgents.includes(keyAt[k] as string) && keyAt[k] !== subject) coAgents.push(keyAt[k] as string);
      k = s0 - 1;
    }
    const participle = IRREGULAR_FORMS.has((toks[i] as Token).norm) || (toks[i] as Token).norm.endsWith('ed');
    const by = patients.find((p) => p.byAgent);
    if (participle && by) {
      out.push({ agent: by.key, verb, patient: subject, negated });
      continue;
    }
    if (participle && (BE.has(toks[i - 1]?.norm ?? '') || (BE.has(toks[i - 2]?.norm ?? '') && isAdverb(toks[i - 1])))) {
      out.push({ agent: null, verb, patient: subject, negated });
      continue;
    }
    for (const agent of [subject, ...coAgents]) {
      const objects = patients.filter((p) => p.key !== agent);
      if (objects.length === 0) out.push({ agent, verb, patient: null, negated });
      for (const p of objects) out.push({ agent, verb, patient: p.key, negated });
    }
  }
  return out;
}

/**
 * Why the answer's claims contradict the cited sentences', or null: the same verb with the two
 * actors' roles swapped, or the same actors and verb with the negation reversed ("did not give"
 * against "gave", "were reported" against "no … were reported"). A claim the cited sentences do
 * not make with that verb is left to the other checks.
 */
export function contradiction(answer: Claim[], cited: Claim[]): string | null {
  for (const c of answer) {
    const sameVerb = cited.filter((s) => s.verb === c.verb);
    if (sameVerb.length === 0) continue;
    if (c.agent && c.patient) {
      const forward = sameVerb.filter((s) => s.agent === c.agent && s.patient === c.patient);
      const reversed = sameVerb.filter((s) => s.agent === c.patient && s.patient === c.agent);
      if (forward.length === 0 && reversed.length > 0) return 'roles reversed';
      if (forward.length > 0 && !forward.some((s) => s.negated === c.negated)) return 'negation reversed';
      if (forward.length > 0) continue;
    }
    const same = c.agent ? sameVerb.filter((s) => s.agent === c.agent) : c.patient ? sameVerb.filter((s) => s.patient === c.patient) : sameVerb;
    if (same.length > 0 && !same.some((s) => s.negated === c.negated)) return 'negation reversed';
  }
  return null;
}
