/**
 * "Did X blame Y?", "Does X accuse Y of …?", "Has X held Y responsible?": answered by the sentences
 * where X is the one blaming Y (X before the verb, Y after it, in one clause), "Yes." or, when the
 * verb is denied ("did not blame", "stopped short of blaming"), "No.". A sentence that names both
 * but where the blame is someone else's ("Y, which X blamed", "Z accused X and Y") is no answer,
 * and with no such sentence the corpus does not say: the question gets "not in the corpus", with
 * the sentences naming both shown as the closest passages. Unlike "Does X back Y?", the answer is
 * not read from X's stance: backing one side is not blaming the other for something.
 */
import type { Briefing } from '../briefing.js';
import { escapeRegExp, tokenize } from '../text.js';
import type { AskResult, Citation } from '../types.js';

const BLAME_Q = /^\s*(?:does|did|do|has|have)\s+(.+?)\s+(?:blame|accuse|hold|held)[sd]?\s+(.+?)(?:\s+responsible)?(?:\s+(?:for|of|over)\s+.+?)?\s*\??\s*$/i;
/** The verbs of blame in news English, in any tense. */
const BLAME_VERB = String.raw`blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|h(?:o|e)ld(?:s|ing)?|holds|point(?:s|ed|ing)? the finger at`;
/** Declining to blame anyone: "said it was too early to assign blame", "stopped short of blaming either side". */
const NO_ONE = /^[^.;:]{0,60}?\b(?:(?:too early|premature|declined|refused|not want(?:ed)?|would not|did not|does not)\s+to\s+(?:assign|apportion|lay|point)\s+(?:any\s+)?(?:blame|the finger)|stopped short of (?:blaming|assigning blame))\b/i;
/** A denial before the verb: "did not blame", "stopped short of blaming", "declined to accuse". */
const DENIED = /\b(?:not|never|no)\b|n['’]t\b|\bstopped short of\b|\b(?:declined|refused)\s+to\b|\btoo early to\b/i;
/** What may end a long stretch between X and the verb and still leave X the one blaming. */
const LONG_TAIL = /(?:,\s*|\b(?:and|but)\s+(?:he|she|it|they)\s+(?:also\s+)?|\bstopped short of\s+(?:\w+ly\s+)?|\b(?:did not|does not|would not|declined to|refused to)\s+(?:\w+ly\s+)?)$/i;
/** Between the blamer and the verb: no clause of someone else's ("Korvath, which Britain blamed"). */
const OTHER_CLAUSE = /\b(?:which|who|whom|that|whose)\b|[.;:]/i;
const CITED = 3;

function namesOf(kb: Briefing, ids: string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const a = kb.gazetteer.actors.get(id);
    if (a?.name) out.add(a.name);
    for (const n of kb.gazetteer.aliasesOf(id)) out.add(n);
  }
  return [...out].filter((n) => n.length >= 3 && !n.includes('"')).sort((a, b) => b.length - a.length);
}

export function blamed(kb: Briefing, question: string): AskResult | null {
  const m = BLAME_Q.exec(question);
  const asker = m?.[1];
  const asked = m?.[2];
  if (!m || !asker || !asked) return null;
  const who = kb.resolve(asker.trim());
  const whom = kb.resolve(asked.trim().replace(/^the\s+(?=\S)/i, ''));
  if (!who.id || !whom.id || who.id === whom.id) return null;
  // The crisis's own country blames through its government: asked, it is answered here too (never
  // by retrieval's nearest sentence that happens to name it).
  if (!kb.inCorpus(who.id) && !kb.crisis.sides.some((s) => s.id === who.id) && !kb.gazetteer.arena.has(who.id)) return null;
  // A state is also its people ("Did Ostmark blame …?" is answered by its prime minister's words).
  // The asker's own words for either are names of it too ("the army" for the government's side).
  const own = (t: string) => (t.trim().replace(/^the\s+/i, '').length >= 3 ? [t.trim().replace(/^the\s+/i, '')] : []);
  const blamers = [...new Set([...namesOf(kb, kb.actorFamily(who.id)), ...own(asker)])];
  const blamed = [...new Set([...namesOf(kb, [whom.id]), ...own(asked)])];
  if (blamers.length === 0 || blamed.length === 0) return null;
  const phrase = (ns: string[]) => ns.map((n) => `"${n.replace(/"/g, '')}"`).join(' OR ');
  let rows: ReturnType<typeof kb.reader.search>;
  try {
    rows = kb.reader.search(`(${phrase(blamed)}) AND (blame* OR blaming OR accus* OR held OR hold* OR finger)`, 200, { bm25: false });
  } catch {
    return null;
  }
  const family = new Set(kb.actorFamily(who.id));
  // Where X and Y stand in a sentence: the gazetteer's mentions (demonyms too: "The Misravan
  // delegation"), and the asker's own words for them.
  const at = (text: string, ids: (id: string) => boolean, words: string[]) => {
    const found = kb.gazetteer
      .match(tokenize(text))
      .filter((x) => ids(x.actorId))
      .map((x) => ({ start: x.start, end: x.end }));
    for (const w of words) for (const x of text.matchAll(new RegExp(String.raw`\b${escapeRegExp(w)}\b`, 'giu'))) found.push({ start: x.index ?? 0, end: (x.index ?? 0) + x[0].length });
    return found.sort((p, q) => p.start - q.start);
  };
  const b = blamed.map(escapeRegExp).join('|');
  const verbAfter = new RegExp(String.raw`^([^.;:]{0,100}?)\b(${BLAME_VERB})\b`, 'iu');
  const yes: typeof rows = [];
  /** The sentence a pronoun's answer stands on, cited before it. */
  const before = new Map<number, string>();
  const no: typeof rows = [];
  for (const r of rows) {
    const xs = at(r.text, (id) => family.has(id), own(asker));
    const ys = at(r.text, (id) => id === whom.id, own(asked));
    let verdict: 'yes' | 'no' | null = null;
    for (const x of xs) {
      // X's own act: not "X's ally accused", nor "the envoy to X accused".
      if (/^['’]s\b/.test(r.text.slice(x.end)) || /\b(?:to|of|for|from|against|on|at|about|with)\s+(?:the\s+)?$/i.test(r.text.slice(Math.max(0, x.start - 20), x.start))) continue;
      const v = verbAfter.exec(r.text.slice(x.end));
      if (!v) continue;
      const between = v[1] ?? '';
      // X, its clause (up to 60 characters, or 100 before a participle: ", accusing Abrenia of"), the verb.
      // Longer only when the clause hands the verb back to X: a participle (", accusing"), "and he
      // accused", or a denial right before it ("but stopped short of formally blaming").
      if (OTHER_CLAUSE.test(between) || (between.length > 60 && !LONG_TAIL.test(between))) continue;
      const vEnd = x.end + v[0].length;
      const y = ys.find((p) => p.start >= vEnd && p.start - vEnd <= 60 && !/[.;:]/.test(r.text.slice(vEnd, p.start)));
      if (!y) continue;
      // "held talks with Y" is no blame: "hold" blames only with "responsible" after Y.
      if (/^h(?:o|e)ld/i.test(v[2] ?? '') && !/^\s*responsible\b/i.test(r.text.slice(y.end))) continue;
      // A denial of this verb, in its own clause: not "would not be lectured …, and he accused".
      const own = between.split(/,|\band\b|\bbut\b|\bwhile\b/i).pop() ?? '';
      verdict = DENIED.test(own) ? 'no' : 'yes';
      break;
    }
    if (verdict === 'yes') yes.push(r);
    else if (verdict === 'no') no.push(r);
  }
  // A side by its label ("Free Tarnak Brigades"), not its leader's name.
  const nameOf = (id: string, asked: string) => kb.crisis.sides.find((s) => s.id === id)?.label ?? kb.gazetteer.actors.get(id)?.name ?? asked.trim();
  // "The Reval Union vowed to respond. It accused Ostmark of …": a pronoun opening the sentence is
  // the one the sentence before opens with (after a dateline or a live-blog time).
  if (yes.length === 0 && no.length === 0) {
    const pronoun = new RegExp(String.raw`^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*[—–-]\s*)?(?:It|He|She|They)\s+((?:also\s+|again\s+|\S+ly\s+)?)(?:${BLAME_VERB})\b([^.;:]{0,60}?)\b(?:${b})\b`, 'u');
    const opens = (text: string) => {
      const lead = /^(?:[^—–]{0,60}[—–]\s*)?(?:the\s+)?/i.exec(text)?.[0].length ?? 0;
      return at(text, (id) => family.has(id), own(asker)).some((x) => x.start <= lead);
    };
    const more = rows;
    for (const r of more) {
      const x = pronoun.exec(r.text);
      if (!x) continue;
      if (/\bh(?:o|e)ld/i.test(x[0]) && !/^\s*responsible\b/i.test(r.text.slice((x.index ?? 0) + x[0].length))) continue;
      const prev = kb.reader.sentencesBefore(r.id, 1)[0];
      if (prev && opens(prev.text)) {
        yes.push(r);
        before.set(r.id, prev.text);
      }
    }
  }
  const whoName = nameOf(who.id, asker);
  const whomName = nameOf(whom.id, asked);
  const cite = (list: typeof rows): Citation[] =>
    list
      .slice(0, CITED)
      .flatMap((r) => [...(before.has(r.id) ? [before.get(r.id) as string] : []), r.text].map((quote) => ({ quote, docId: r.docId, source: r.source, at: r.at, highlight: null })))
      .slice(0, CITED);
  // The latest statement decides, as for a stance: an accusation later withdrawn is denied.
  const latest = [...yes.map((r) => ({ r, yes: true })), ...no.map((r) => ({ r, yes: false }))].sort((p, q) => (q.r.at ?? '').localeCompare(p.r.at ?? ''))[0];
  if (latest) {
    const list = latest.yes ? yes : no;
    return { question, answer: `${latest.yes ? 'Yes.' : 'No.'} ${latest.r.text}`, citations: cite([latest.r, ...list.filter((r) => r !== latest.r)]), mode: 'extractive', note: `Where ${whoName} is the one ${latest.yes ? 'blaming' : 'declining to blame'} ${whomName}.` };
  }
  // "France said it was too early to assign blame": X declines to blame anyone, Y included.
  let declined: typeof rows = [];
  try {
    declined = kb.reader.search(`(${phrase(blamers)}) AND (blame* OR finger)`, 50, { bm25: false });
  } catch {
    declined = [];
  }
  const refused = declined.filter((r) => at(r.text, (id) => family.has(id), own(asker)).some((x) => NO_ONE.test(r.text.slice(x.end))));
  const first = refused.sort((p, q) => (q.at ?? '').localeCompare(p.at ?? ''))[0];
  if (first) return { question, answer: `No. ${first.text}`, citations: cite(refused), mode: 'extractive', note: `${whoName} declined to blame anyone.` };
  const closest = cite(rows);
  return { question, answer: null, citations: [], mode: 'extractive', note: `Not in the corpus: no article here says that ${whoName} blamed ${whomName}.`, ...(closest.length ? { closest } : {}) };
}
