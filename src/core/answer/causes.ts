/**
 * The reason a sentence gives for an act, read from the constructions news English uses to state
 * one: "because (of) Z", "in response to Z", "in retaliation for Z", "in protest at Z", "citing
 * Z", "to protest Z" and "over Z" after the act; "After Z, X did it" and "Because Z, X did it"
 * before it; "Z, leading (prompting, forcing, pushing) X to do it" and "Z prompted X to do it".
 * Only a reason tied to the act by one of these counts: a sentence that merely mentions both is
 * no answer to "why".
 */

export interface Cause {
  /** The reason, verbatim from the sentence ("the U.S. and others announced their support for Guaido"). */
  cause: string;
  /** The words that tie it to the act, as an answer opens with them ("After", "Because of", "In response to"). */
  tie: string;
}

/** A reason ends at the clause's end: a comma, a semicolon, a dash, a period or a quote's end. */
const REASON_END = /[,;:!?]|\s[–—-]\s|\.(?=\s|$)|["”](?=\s|$)/;
/** "over" and "after" are reasons only before an act or an event, not a time ("over the weekend", "after midnight"). */
const TIME_AFTER = /^(?:the\s+)?(?:weekend|years?|months?|weeks?|days?|hours?|decades?|past|last|next|recent|coming|night|morning|midnight|noon|dark|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|rounds?)\b)/i;

/** Reasons stated after the act, with what the answer says. */
const AFTER_ACT: [RegExp, string][] = [
  [/^,?\s*because of\s+/i, 'Because of'],
  [/^,?\s*because\s+/i, 'Because'],
  [/^,?\s*in (?:direct )?response to\s+/i, 'In response to'],
  [/^,?\s*in retaliation (?:for|against)\s+/i, 'In retaliation for'],
  [/^,?\s*in protest (?:at|against|over|of)\s+/i, 'In protest at'],
  [/^,?\s*as (?:a )?(?:punishment|retaliation|reprisal) for\s+/i, 'In retaliation for'],
  [/^,?\s*citing\s+/i, 'Citing'],
  [/^,?\s*to protest(?: against)?\s+/i, 'In protest at'],
  [/^\s*(?:late |early )?(?:on \w+ )?after\s+/i, 'After'],
  [/^\s*over\s+/i, 'Over'],
];

/** Reasons stated before the act: "After Z, X did it" (Z runs from the start to the comma). */
const BEFORE_ACT: [RegExp, string][] = [
  [/^(?:(?:just|only|shortly|soon|moments|minutes|hours|days|weeks|months|years|(?:a|one|two|three|four|five|six|several|a few) (?:minutes?|hours?|days?|weeks?|months?|years?))\s+)?after\s+/i, 'After'],
  [/^because of\s+/i, 'Because of'],
  [/^because\s+/i, 'Because'],
  [/^in (?:direct )?response to\s+/i, 'In response to'],
  [/^in retaliation for\s+/i, 'In retaliation for'],
];

/** "Z, leading X to …", "Z prompted X to …": the act follows, its cause is the clause before. */
const LEADING = /,\s+(?:leading|prompting|forcing|pushing|causing)\s+(?:[^,;]{1,80}?)\s+to\s+$/i;
const PROMPTED = /\b(?:prompted|forced|pushed|led)\s+(?:[^,;]{1,80}?)\s+to\s+$/i;

function clause(s: string): string {
  const m = REASON_END.exec(s);
  return (m ? s.slice(0, m.index) : s).trim();
}

/**
 * The reason `text` gives for the act at [start, end) (its verb phrase: "ordering its diplomats to
 * leave"), or null. The act must be where the sentence puts it: a reason is looked for right after
 * it, or at the sentence's start before it, or in the clause that leads to it.
 */
export function causeOf(text: string, start: number, end: number): Cause | null {
  const after = text.slice(end);
  for (const [re, tie] of AFTER_ACT) {
    const m = re.exec(after);
    if (!m) continue;
    const rest = after.slice(m[0].length);
    if ((tie === 'Over' || tie === 'After') && TIME_AFTER.test(rest)) continue;
    const cause = clause(rest);
    if (cause.length >= 4) return { cause, tie };
  }
  const before = text.slice(0, start);
  const comma = before.lastIndexOf(',');
  if (comma > 0) {
    const head = before.slice(0, comma);
    for (const [re, tie] of BEFORE_ACT) {
      const m = re.exec(head);
      if (m && !/[,;]/.test(head.slice(m[0].length))) {
        const cause = head.slice(m[0].length).trim();
        if (cause.split(/\s+/).length >= 2 && !TIME_AFTER.test(cause)) return { cause, tie };
      }
    }
  }
  const lead = LEADING.exec(before);
  if (lead) {
    const cause = before.slice(0, lead.index).split(/[;]/).pop()?.trim() ?? '';
    if (cause.split(/\s+/).length >= 3) return { cause, tie: 'Because' };
  }
  const prompted = PROMPTED.exec(before);
  if (prompted) {
    const cause = clause(before.slice(0, prompted.index).split(/[,;]/).pop() ?? '');
    if (cause.split(/\s+/).length >= 2) return { cause, tie: 'Because of' };
  }
  return null;
}
