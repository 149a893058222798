/**
 * The reason a sentence gives for an act, read from the constructions news English uses to state
 * one: "because (of) Z", "in response to Z", "in retaliation for Z", "in protest at Z", "citing
 * Z", "to protest Z" and "over Z" after the act; "After Z, X did it" and "Because Z, X did it"
 * before it; "Z, leading (prompting, forcing, pushing) X to do it" and "Z prompted X to do it".
 * Only a reason tied to the act by one of these counts: a sentence that merely mentions both is
 * no answer to "why".
 */

export interface Cause {
  /** The reason, verbatim from the sentence ("the neighbour announced its support for the rebels"). */
  cause: string;
  /** The words that tie it to the act, as an answer opens with them ("After", "Because of", "In response to"). */
  tie: string;
}

/** A cause, with where the act's doer must be named: the text between the reason and the act. */
interface Tied extends Cause {
  doer: string;
}

/** A reason ends at the clause's end: a comma, a semicolon, a dash, a period or a quote's end. */
const REASON_END = /[,;:!?]|\s[–—-]\s|\.(?=\s|$)|["”](?=\s|$)/;
/** "over" and "after" are reasons only before an act or an event, not a time ("over the weekend", "after midnight"). */
const TIME_AFTER = /^(?:the\s+)?(?:weekend|years?|months?|weeks?|days?|hours?|decades?|past|last|next|recent|coming|night|morning|midnight|noon|dark|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|rounds?)\b)/i;

/** Reasons stated after the act (a few words of time or place may come between), with what the answer says. */
const AFTER_ACT: [RegExp, string][] = [
  [/,?\s*\bbecause of\s+/i, 'Because of'],
  [/,?\s*\bbecause\s+/i, 'Because'],
  [/,?\s*\bin (?:direct )?response to\s+/i, 'In response to'],
  [/,?\s*\bin retaliation (?:for|against)\s+/i, 'In retaliation for'],
  [/,?\s*\bin protest (?:at|against|over|of)\s+/i, 'In protest at'],
  [/,?\s*\bas (?:a )?(?:punishment|retaliation|reprisal) for\s+/i, 'In retaliation for'],
  [/,?\s*\bciting\s+/i, 'Citing'],
  [/,?\s*\bto protest(?: against)?\s+/i, 'In protest at'],
  // A purpose ("to avoid bloodshed"): the answer opens with the purpose's own verb.
  [/,?\s*\b(?:in order |so as )?to (?:avoid|prevent|stop|protect|secure|deter|punish|pressure|ensure|halt)\s+/i, ''],
  [/\s+after\s+/i, 'After'],
  [/\s+over\s+/i, 'Over'],
];
/** What may stand between the act and its reason: no clause break, no other verb's clause. */
const GAP_MAX = 50;
const NOT_GAP = /[,;:]|\b(?:and|but|while|who|which|that|as|when|then|said|says)\b/i;

/** Reasons stated before the act: "After Z, X did it" (Z runs from the start to the comma). */
const BEFORE_ACT: [RegExp, string][] = [
  [/^(?:(?:just|only|shortly|soon|moments|minutes|hours|days|weeks|months|years|(?:a|one|two|three|four|five|six|several|a few) (?:minutes?|hours?|days?|weeks?|months?|years?))\s+)?after\s+/i, 'After'],
  [/^because of\s+/i, 'Because of'],
  [/^because\s+/i, 'Because'],
  [/^in (?:direct )?response to\s+/i, 'In response to'],
  [/^in retaliation for\s+/i, 'In retaliation for'],
];

/** "Z, leading X to …", "Z prompted X to …": the act follows (its verb, or its object a few words on), its cause is the clause before. */
const LEADING = /,\s+(?:leading|prompting|forcing|pushing|causing)\s+(?:[^,;]{1,80}?)\s+to\s+[^,;]{0,60}$/i;
const PROMPTED = /\b(?:prompted|forced|pushed|led)\s+(?:[^,;]{1,80}?)\s+to\s+[^,;]{0,60}$/i;

/** "to avoid " → "To avoid". */
function purpose(words: string): string {
  const w = words.replace(/^,?\s*(?:in order |so as )?/i, '').trim();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function clause(s: string): string {
  // A quoted reason ("citing \u201ca campaign of lies\u201d") is the quote.
  const quoted = /^["\u201c]([^"\u201d]{3,200})["\u201d]/.exec(s);
  if (quoted) return (quoted[1] as string).replace(/[,.]$/, '').trim();
  const m = REASON_END.exec(s);
  return (m ? s.slice(0, m.index) : s).trim();
}

/**
 * The reason `text` gives for the act at [start, end) (its verb phrase: "ordering its diplomats to
 * leave"), or null. The act must be where the sentence puts it: a reason is looked for right after
 * it, or at the sentence's start before it, or in the clause that leads to it.
 */
export function causeOf(text: string, start: number, end: number): Cause | null {
  const c = tiedCause(text, start, end);
  return c ? { cause: c.cause, tie: c.tie } : null;
}

function tiedCause(text: string, start: number, end: number): Tied | null {
  const after = text.slice(end);
  for (const [re, tie] of AFTER_ACT) {
    const m = re.exec(after);
    if (!m || m.index > GAP_MAX || NOT_GAP.test(after.slice(0, m.index))) continue;
    const rest = after.slice(m.index + m[0].length);
    if ((tie === 'Over' || tie === 'After') && TIME_AFTER.test(rest)) continue;
    const cause = clause(rest);
    const said = tie || purpose(m[0]);
    if (cause.length >= 4) return { cause, tie: said, doer: text.slice(0, start).split(/[;]/).pop() ?? '' };
  }
  const before = text.slice(0, start);
  const comma = before.lastIndexOf(',');
  if (comma > 0) {
    const head = before.slice(0, comma);
    for (const [re, tie] of BEFORE_ACT) {
      const m = re.exec(head);
      if (m && !/[,;]/.test(head.slice(m[0].length))) {
        const cause = head.slice(m[0].length).trim();
        if (cause.split(/\s+/).length >= 2 && !TIME_AFTER.test(cause)) return { cause, tie, doer: before.slice(comma + 1) };
      }
    }
  }
  const lead = LEADING.exec(before);
  if (lead) {
    const cause = before.slice(0, lead.index).split(/[;]/).pop()?.trim() ?? '';
    if (cause.split(/\s+/).length >= 3) return { cause, tie: 'Because', doer: lead[0] };
  }
  const prompted = PROMPTED.exec(before);
  if (prompted) {
    const cause = clause(before.slice(0, prompted.index).split(/[,;]/).pop() ?? '');
    if (cause.split(/\s+/).length >= 2) return { cause, tie: 'Because of', doer: prompted[0] };
  }
  return null;
}

const WHY = /^\s*why\s+(?:did|does|do|has|have|had|was|were|is|are|would|will|could|should)\s+(?:not\s+|n['’]t\s+)?(.+?)\s*\??\s*$/i;
const SMALL = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'from', 'and', 'or', 'all', 'some', 'any', 'this', 'that', 'these', 'those', 'be', 'been', 'so', 'up', 'out', 'off']);

/** A word as the question's words are matched in a sentence: its first letters ("expel" finds "expelled", "seize" "seized"). */
const root = (w: string) => {
  const x = w.toLowerCase().replace(/['’]s$/, '');
  return x.length <= 4 ? x : x.replace(/(?:e|es|s|ed|ing)$/, '');
};

/**
 * "Why did Valkar expel the diplomats?": who did it (the capitalised name after the auxiliary, or
 * its first word), the act's verb, and the rest of the act's words.
 */
export function whyAsked(question: string): { doer: string[]; verb: string; object: string[] } | null {
  const m = WHY.exec(question);
  if (!m) return null;
  const words = (m[1] as string).split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}'’.-]+$/u, ''));
  let i = words[0]?.toLowerCase() === 'the' ? 1 : 0;
  const doer: string[] = [];
  while (i < words.length && /^\p{Lu}/u.test(words[i] as string)) doer.push(words[i++] as string);
  if (doer.length === 0 && i < words.length) doer.push(words[i++] as string);
  const verb = words[i++];
  if (!verb || doer.length === 0) return null;
  const object = words.slice(i).filter((w) => w.length > 1 && !SMALL.has(w.toLowerCase()));
  return { doer: doer.map((w) => w.replace(/['’]s$/, '')), verb, object };
}

/** Where the words starting with one of `roots` are in `text`. */
function wordsAt(text: string, roots: string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)) {
    const w = m[0].toLowerCase().replace(/[.]$/, '');
    if (roots.some((r) => r.length >= 2 && w.startsWith(r))) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/**
 * The reason `sentence` gives for the act a why-question asks about, or null: the act is found by
 * its verb (any form) or, failing that, by its object's words, and the one who did it must be
 * named where the construction puts the doer ("After Z, Valkar expelled …", "Z, leading Valkar to
 * expel …"), so a reason for someone else's act is no answer.
 */
export function reasonFor(question: string, sentence: string): (Cause & { start: number; end: number }) | null {
  const asked = whyAsked(question);
  if (!asked) return null;
  const objectRoots = asked.object.map(root);
  const verbAt = wordsAt(sentence, [root(asked.verb)]);
  const anchors = verbAt.length ? verbAt : wordsAt(sentence, objectRoots).slice(0, 1);
  const doerRoots = asked.doer.map((w) => w.toLowerCase()).filter((w) => w.length >= 3);
  for (const a of anchors) {
    // The act runs to the last of its object's words within the clause.
    let end = a.end;
    for (const o of wordsAt(sentence.slice(a.end), objectRoots)) {
      const gap = sentence.slice(end, a.end + o.start);
      if (/[,;]/.test(gap) || a.end + o.start - end > 60) break;
      end = a.end + o.end;
    }
    const c = tiedCause(sentence, a.start, end);
    if (!c) continue;
    const doer = c.doer.toLowerCase();
    if (!doerRoots.some((d) => doer.includes(d))) continue;
    const at = sentence.indexOf(c.cause);
    return { cause: c.cause, tie: c.tie, start: at, end: at + c.cause.length };
  }
  return null;
}
