/**
 * What a side is, beyond its names: who seized power, who lost it, who holds it, and the nouns for
 * its acts. Criticism often names an act rather than a side ("condemned the coup", "the election was
 * neither free nor fair"), so the act must lead back to its side. A crisis file may say it
 * (`role`, `acts`); otherwise it is read from each side's label, description and aliases, and a
 * role is given only when exactly one side fits it.
 */
import type { CrisisConfig, Side } from '../types.js';
import { groupSides } from './coref.js';

export interface SideRoles {
  /** Generic names a side gets from its role ("the new government" for the side that replaced another). */
  generic: { side: string; aliases: string[] }[];
  /** The side that seized power, if one did. */
  junta: string | null;
  /** The side that lost power to it. */
  ousted: string | null;
  /** The side holding power, in a crisis without a seizure of power. */
  incumbent: string | null;
  /** The side breaking away from a state (a separatist region), if one does: "the new republic" is its. */
  breakaway: string | null;
  /** Act nouns per side, one regex over the sentence. */
  acts: { side: string; re: RegExp }[];
  /** Sides whose listed acts take people or a ship ("kidnapping", "seizure"): asked to free them, they are the captor (of hostages: "kidnapping", "abduction", "hostage-taking"). */
  captors: { side: string; hostages: boolean }[];
  /** Sides described as armed groups or movements, which "the group" may stand for (coref.ts). */
  groups: Set<string>;
}

const JUNTA = /\b(?:junta|coup|putsch|military rulers?|seized power|military government)\b/i;
const OUSTED = /\b(?:ousted|deposed|overthrown|toppled|elected government)\b/i;
const HOLDS = /\b(?:government|authorities|administration|president|regime)\b/i;
const CHALLENGER = /\b(?:opposition|protest|rebels?|insurgen\w*|interim|self-styled|self-declared|ousted|deposed|overthrown|toppled)\b/i;
const SUCCESSOR = /\b(?:interim|transitional|new (?:government|authorities|leaders)|replaced|acting)\b/i;
const SUCCESSOR_NAMES = ['new government', 'new leaders', 'new leadership', 'new authorities', 'interim government', 'interim authorities', 'transitional government', 'transitional authorities'];
/** A side breaking away from its state, read from its label, description and aliases. */
const BREAKAWAY = /\b(?:separatists?|secession(?:ist)?s?|breakaway|declared independence|independence referendum|seeking independence)\b/i;
const BREAKAWAY_NAMES = ['new republic', 'breakaway republic', 'breakaway region', 'breakaway state', 'self-declared republic', 'self-proclaimed republic'];
const OUSTED_NAMES = ['ousted president', 'deposed president', 'ousted leader', 'ousted government', 'toppled president'];
/** What a junta's critics name (regex sources, plurals included). */
const COUP_ACTS = ["coups?(?: d['’][ée]tat)?", 'putsch(?:es)?', 'takeovers?', '(?:military )?seizures? of power', 'power grabs?', 'overthrow', 'martial law'];
/** What critics of a government holding power name, where no junta is known. */
const INCUMBENT_ACTS = ['crackdowns?', 'repression'];
/** An act in a crisis file that takes people or a ship, not power or land ("seizure of power" is no taking of people). */
const TAKING_ACT = /^(?:kidnappings?|abductions?|hostage[- ]taking|(?:the\s+)?seizures?(?:\s+of\s+(?:the\s+)?(?:hostages|ship|vessel|tanker|crew|foreigners|workers))?|detentions?|arrests?|boarding|piracy)$/i;

function described(s: Side): string {
  return [s.label, s.description ?? '', ...s.aliases].join(' ; ');
}

function only(sides: Side[], test: (s: Side) => boolean): string | null {
  const hits = sides.filter(test);
  return hits.length === 1 ? (hits[0] as Side).id : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+');

export function sideRoles(crisis: CrisisConfig): SideRoles {
  const sides = crisis.sides;
  const explicit = (role: Side['role']) => only(sides, (s) => s.role === role);
  const junta = explicit('junta') ?? (sides.some((s) => s.role) ? null : only(sides, (s) => JUNTA.test(described(s))));
  let ousted = explicit('ousted');
  if (!ousted && junta && sides.length === 2) ousted = sides.find((s) => s.id !== junta)?.id ?? null;
  if (!ousted && !junta) ousted = only(sides, (s) => OUSTED.test(described(s)));
  let incumbent = explicit('incumbent');
  if (!incumbent && !junta) incumbent = only(sides, (s) => HOLDS.test(described(s)) && !CHALLENGER.test(described(s)));
  const acts: SideRoles['acts'] = [];
  // A crackdown is the act of whoever held power: the incumbent, or the side since ousted (not by a junta).
  const repressor = incumbent ?? (junta ? null : ousted);
  for (const s of sides) {
    const sources = s.acts ? s.acts.map(escape) : s.id === junta ? COUP_ACTS : s.id === repressor ? INCUMBENT_ACTS : [];
    if (sources.length) acts.push({ side: s.id, re: new RegExp(`\\b(?:${sources.join('|')})\\b`, 'gi') });
  }
  // The side that replaced another is who news calls "the new government".
  const successor = junta ?? only(sides, (s) => s.id !== ousted && SUCCESSOR.test(described(s)));
  const generic: SideRoles['generic'] = [];
  if (successor) generic.push({ side: successor, aliases: SUCCESSOR_NAMES });
  if (ousted) generic.push({ side: ousted, aliases: OUSTED_NAMES });
  const breakaway = sides.length === 2 ? only(sides, (s) => BREAKAWAY.test(described(s))) : null;
  if (breakaway) generic.push({ side: breakaway, aliases: BREAKAWAY_NAMES });
  const captors = sides.filter((s) => s.acts?.some((a) => TAKING_ACT.test(a.trim()))).map((s) => ({ side: s.id, hostages: Boolean(s.acts?.some((a) => /kidnap|abduct|hostage/i.test(a))) }));
  return { junta, ousted, incumbent, breakaway, acts, generic, captors, groups: groupSides(sides) };
}
