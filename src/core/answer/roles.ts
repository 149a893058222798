/**
 * Who someone is, from how news English introduces a person:
 *   "Dana Reyes, the national security adviser, said"    apposition after the name
 *   "the interior minister, Dana Reyes,"                   apposition before the name
 *   "Dana Reyes, who leads the Unity party,"               a relative clause
 *   "Dana Reyes is the army's chief of staff"             a copula
 *   "national security adviser Dana Reyes"                 a title before the name
 * `describe` returns the description of the name found at [start, end) of a sentence.
 */

export interface Description {
  answer: string;
  start: number;
  end: number;
  /** Which construction gave it; an apposition is the surest. */
  how: 'apposition' | 'before' | 'relative' | 'copula' | 'title';
}

const ROLE = new Set(
  `president minister adviser advisor secretary ambassador envoy spokesman spokeswoman spokesperson chief head leader commander general
  speaker chairman chairwoman chair governor mayor senator lawmaker legislator deputy official director coordinator representative king queen
  prince princess pope premier chancellor candidate founder officer marshal colonel captain major lieutenant admiral tycoon economist lawyer
  activist journalist businessman businesswoman laureate professor teacher monarch dictator strongman ruler warlord cleric bishop cardinal
  archbishop imam negotiator mediator prosecutor judge justice member aide counterpart rival ally successor predecessor founder owner
  commissioner administrator attorney diplomat delegate organiser organizer presenter editor writer author novelist singer player captain
  rapporteur inspector superintendent executive ceo chairperson nominee heir son daughter wife husband brother sister cousin widow father mother
  boss strategist analyst mp mep`.split(/\s+/),
);
const MODIFIER = new Set(
  `former acting interim deputy vice prime chief senior top special transitional caretaker exiled ousted deposed jailed detained imprisoned
  self-declared self-proclaimed elected president-elect veteran longtime powerful foreign interior defence defense finance justice health
  economy trade energy security policy affairs army military opposition protest party rebel union state national regional federal
  presidential parliamentary provisional de facto royal supreme high general permanent assistant associate executive managing founding
  militia paramilitary police intelligence human rights government cabinet electoral election campaign council committee coalition bloc
  relief humanitarian aid refugee refugees emergency development migration climate nuclear peace ceasefire
  un u.n. eu e.u. nato`.split(/\s+/),
);
const ABBREV: Record<string, string> = { gen: 'General', col: 'Colonel', lt: 'Lieutenant', maj: 'Major', capt: 'Captain', adm: 'Admiral', sen: 'Senator', gov: 'Governor', pres: 'President', rep: 'Representative', dr: 'Dr', prof: 'Professor' };
const VERBISH = /^(?:said|says|say|told|tells|added|warned|urged|called|announced|is|was|were|are|has|had|have|will|would|could|did|does|met|meets|led|leads|took|takes|made|makes|gave|gives|became|and|or|but|who|which|that|when|after|before|while|since|as|if|because)$/i;
const DETERMINER = /^(?:the|a|an|his|her|its|their|our|former|acting|interim|deputy|then|now)$/i;
const STOP_BEFORE = /^(?:the|a|an|and|or|of|to|by|for|with|from|in|on|at|as|that|said|says|told|met|when|while|after|before|than|between|against|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|On|In|At|The|A|An|But|And|When|While|After|Before|Meanwhile|However)$/;

function isRole(w: string): boolean {
  const l = w.toLowerCase().replace(/['’]s$/, '').replace(/[.,]$/, '');
  return ROLE.has(l) || ROLE.has(l.replace(/s$/, '')) || l in ABBREV;
}
function hasRole(phrase: string): boolean {
  return phrase.split(/[\s-]+/).some(isRole);
}
/** Drop a leading article or possessive pronoun: "the interior minister" → "interior minister". */
function trimLead(s: string): string {
  return s.replace(/^(?:the|a|an|its|his|her|their)\s+/i, '').replace(/[\s,;:]+$/, '');
}

/** The apposition right after the name: ", the national security adviser," / ", 47, a former teacher". */
function after(text: string, end: number): Description | null {
  const rest = text.slice(end);
  const m = /^,\s+(?:\d{1,3},\s+)?/.exec(rest);
  if (!m) {
    // "X is the army's chief of staff": a copula with a role.
    const c = /^\s+(?:is|was|has been|had been|became|serves as|served as)\s+((?:the|a|an)\s+[^,;.()]{2,80}?)(?=[,;.()]|\s+(?:and|who|which|since|until|when|after|before)\b|$)/.exec(rest);
    if (c?.[1] && hasRole(c[1])) {
      const start = end + rest.indexOf(c[1]);
      return { answer: trimLead(c[1]), start, end: start + c[1].length, how: 'copula' };
    }
    return null;
  }
  const body = rest.slice(m[0].length);
  // "X, who leads the Unity party," / "who commands the RSF".
  const rel = /^who\s+((?:is|was|has been|became|serves as|served as|heads|headed|leads|led|commands|commanded|runs|ran|chairs|chaired|founded|represents)\s+[^,;.()]{2,80}?)(?=[,;.()]|\s+(?:and|since|until|when|after|before)\b|$)/.exec(body);
  if (rel?.[1]) {
    const start = end + m[0].length + body.indexOf(rel[1]);
    const answer = rel[1].replace(/^(?:is|was|has been|became|serves as|served as)\s+/, '');
    return { answer: trimLead(answer), start, end: start + rel[1].length, how: 'relative' };
  }
  const ph = /^([^,;()]{2,100}?)(?=[,;()]|\.\s|\.$|$|\s+(?:who|which)\b)/.exec(body)?.[1];
  if (!ph) return null;
  const words = ph.split(/\s+/);
  const first = words[0] ?? '';
  const opens = DETERMINER.test(first) || /^\p{Lu}[\p{L}.]*['’]s$/u.test(first) || isRole(first) || MODIFIER.has(first.toLowerCase());
  if (!opens || words.some((w) => VERBISH.test(w) && !/^(?:and|of)$/i.test(w))) return null;
  if (!hasRole(ph) && words.length > 8) return null;
  const start = end + m[0].length;
  return { answer: trimLead(ph), start, end: start + ph.length, how: 'apposition' };
}

/** "the interior minister, X" / "its speaker, X": a role phrase, then a comma, then the name. */
function beforeComma(text: string, start: number): Description | null {
  const lead = text.slice(Math.max(0, start - 90), start);
  // A rank may stand between the comma and the name: "the chief of staff, General Rui Dantas".
  const tail = /,\s*(?:(?:Gen|Col|Lt|Maj|Capt|Adm|Dr|Mr|Mrs|Ms|Prof)\.?\s+|(?:(?:Lieutenant|Major|Brigadier)\s+)?(?:General|Colonel|Captain|Admiral|Marshal)\s+)?$/.exec(lead);
  if (!tail) return null;
  const body = lead.slice(0, tail.index);
  // The nearest opener before the comma: "the army chief against [his former deputy], X".
  // "a spokesman for the interior ministry, X,": an indefinite opener too.
  const openers = [...body.matchAll(/(?:^|[\s(])((?:the|an?|its|his|her|their|\p{Lu}[\p{L}.]*['’]s)\s)/giu)];
  for (let i = openers.length - 1; i >= 0; i--) {
    const o = openers[i] as RegExpMatchArray;
    const from = (o.index ?? 0) + o[0].indexOf(o[1] as string);
    const phrase = body.slice(from);
    if (/[,;.()]/.test(phrase.replace(/\b(?:\p{L}\.)+/gu, '')) || phrase.length > 70) break;
    if (!hasRole(phrase)) continue;
    if (phrase.split(/\s+/).some((w) => VERBISH.test(w))) return null;
    const s = start - lead.length + from;
    return { answer: trimLead(phrase), start: s, end: s + phrase.length, how: 'before' };
  }
  return null;
}

/** "national security adviser X", "acting President X", "Gen. X": the title right before the name. */
function titleBefore(text: string, start: number): Description | null {
  const lead = text.slice(Math.max(0, start - 100), start);
  const words = [...lead.matchAll(/[\p{L}][\p{L}.'’-]*/gu)];
  if (!/\s$/.test(lead) && lead.length > 0) return null;
  const taken: RegExpMatchArray[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as RegExpMatchArray;
    const raw = w[0];
    const bare = raw.replace(/\.$/, '');
    // Only spaces between the words of a title.
    const next = taken[0];
    const gap = next ? lead.slice((w.index ?? 0) + raw.length, next.index ?? 0) : lead.slice((w.index ?? 0) + raw.length);
    if (!/^\s+$/.test(gap)) break;
    if (STOP_BEFORE.test(bare)) break;
    const ok = isRole(bare) || MODIFIER.has(bare.toLowerCase()) || /^\p{Lu}/u.test(bare) || /^[a-z]+(?:al|ary|ian|ic|ive|ity|ern|ist|ese|ish|ign)$/.test(bare);
    if (!ok || VERBISH.test(bare)) break;
    taken.unshift(w);
    if (taken.length >= 6) break;
  }
  // Leading words that are neither roles nor modifiers (a capitalised place, a stray adjective) stay
  // only when a role follows them: "Libya's interior minister", not "Sunday".
  while (taken.length && !hasRole(taken.map((t) => t[0]).join(' '))) taken.shift();
  if (taken.length === 0) return null;
  const last = taken[taken.length - 1]?.[0] ?? '';
  if (!isRole(last) && !MODIFIER.has(last.toLowerCase())) return null;
  const first = taken[0] as RegExpMatchArray;
  const s = start - lead.length + (first.index ?? 0);
  let answer = text.slice(s, start).trim();
  const ab = ABBREV[answer.replace(/\.$/, '').toLowerCase()];
  if (ab) answer = ab;
  return { answer, start: s, end: s + text.slice(s, start).trim().length, how: 'title' };
}

const RANK: Record<Description['how'], number> = { apposition: 0, before: 1, relative: 2, copula: 3, title: 4 };

/** What the sentence says the person named at [start, end) is, or null. */
export function describe(text: string, start: number, end: number): Description | null {
  const found = [after(text, end), beforeComma(text, start), titleBefore(text, start)].filter((d): d is Description => d !== null && d.answer.length > 1);
  // A role beats a bare description ("a cousin of the president" is less than "the president").
  found.sort((a, b) => Number(hasRole(b.answer)) - Number(hasRole(a.answer)) || RANK[a.how] - RANK[b.how]);
  return found[0] ?? null;
}

/** Whether a phrase names a role ("foreign policy chief", "Gen."). */
export { hasRole };
