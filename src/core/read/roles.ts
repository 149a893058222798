/**
 * What a side is, beyond its names: who seized power, who lost it, who holds it, and the nouns for
 * its acts. Criticism often names an act rather than a side ("condemned the coup", "the election was
 * neither free nor fair"), so the act must lead back to its side. A crisis file may say it
 * (`role`, `acts`); otherwise it is read from each side's label, description and aliases, and a
 * role is given only when exactly one side fits it.
 */
import type { CrisisConfig, Side } from '../types.js';

export interface SideRoles {
  /** The side that seized power, if one did. */
  junta: string | null;
  /** The side that lost power to it. */
  ousted: string | null;
  /** The side holding power, in a crisis without a seizure of power. */
  incumbent: string | null;
  /** Act nouns per side, one regex over the sentence. */
  acts: { side: string; re: RegExp }[];
}

const JUNTA = /\b(?:junta|coup|putsch|military rulers?|seized power|military government)\b/i;
const OUSTED = /\b(?:ousted|deposed|overthrown|toppled|elected government)\b/i;
const HOLDS = /\b(?:government|authorities|administration|president|regime)\b/i;
const CHALLENGER = /\b(?:opposition|protest|rebels?|insurgen\w*|interim|self-styled|self-declared|ousted|deposed|overthrown|toppled)\b/i;
/** What a junta's critics name (regex sources, plurals included). */
const COUP_ACTS = ["coups?(?: d['’][ée]tat)?", 'putsch(?:es)?', 'takeovers?', '(?:military )?seizures? of power', 'power grabs?', 'overthrow', 'martial law'];
/** What critics of a government holding power name, where no junta is known. */
const INCUMBENT_ACTS = ['crackdowns?', 'repression'];

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
  for (const s of sides) {
    const sources = s.acts ? s.acts.map(escape) : s.id === junta ? COUP_ACTS : s.id === incumbent ? INCUMBENT_ACTS : [];
    if (sources.length) acts.push({ side: s.id, re: new RegExp(`\\b(?:${sources.join('|')})\\b`, 'gi') });
  }
  return { junta, ousted, incumbent, acts };
}
