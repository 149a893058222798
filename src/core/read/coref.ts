/**
 * "The group" after a sentence naming one armed group or organisation: "Gunmen from the Black
 * Ridge Brigade stormed a gold mine … The group, which has fought the government since 2031,
 * demanded a ransom of $20 million." The noun opens the next sentence (news English puts one
 * sentence in a paragraph, so the next paragraph's first sentence counts), and the sentence before
 * names exactly one actor of that kind; otherwise nobody is read into it. The actor is added to the
 * sentence's actors (what /ask matches a question's names against), not to its claims or events.
 */
import type { Gazetteer, Mention } from './gazetteer.js';
import type { Side } from '../types.js';

/** The sentence opens with a noun standing for a group named before ("The group", "The militia's leader"). */
const OPENS_WITH_GROUP = /^The\s+(?:armed\s+|rebel\s+|militant\s+)?(?:group|militia|movement|faction|paramilitary|paramilitaries|rebels|insurgents|organi[sz]ation)\b/;
/** What a group is called: a side described so, or a mention named so ("Black Ridge Brigade", "Rapid Support Forces"). */
const GROUP_WORDS = /\b(?:group|brigade|militia|movement|rebels?|insurgents?|faction|front|forces|army|paramilitar\w*|organi[sz]ation)\b/i;

/** The sides a crisis file describes as groups (not a state, not a person). */
export function groupSides(sides: Side[]): Set<string> {
  return new Set(sides.filter((s) => GROUP_WORDS.test(`${s.label} ; ${s.description ?? ''}`)).map((s) => s.id));
}

/** The group-like actors a sentence names: a group or organisation, or a group side by a group's name or an acronym. */
function groupsNamed(text: string, mentions: Mention[], gaz: Gazetteer, sides: Set<string>): string[] {
  const out = new Set<string>();
  for (const m of mentions) {
    const kind = gaz.actors.get(m.actorId)?.kind;
    const said = text.slice(m.start, m.end);
    if (kind === 'group' || kind === 'organization' || (sides.has(m.actorId) && (GROUP_WORDS.test(said) || /^[A-Z]{2,6}$/.test(said)))) out.add(m.actorId);
  }
  return [...out];
}

/** The group "The group …" opening this sentence stands for: the one group the sentence before (`prevText`) named, if it names none itself before. */
export function groupReferent(text: string, mentions: Mention[], prevText: string, prevMentions: Mention[], gaz: Gazetteer): string | null {
  const m = OPENS_WITH_GROUP.exec(text);
  if (!m || mentions.some((x) => x.start < m.index + m[0].length)) return null;
  const before = groupsNamed(prevText, prevMentions, gaz, gaz.roles.groups);
  return before.length === 1 ? (before[0] ?? null) : null;
}
