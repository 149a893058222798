/**
 * The people a sentence names, registered in the gazetteer as it is read: each with the affiliation
 * its title gives or the passage's country, and the aliases people write ("Pope Leo", a surname, a
 * misspelt surname before "said", a given name used alone). Split out of extract.ts.
 */
import type { Gazetteer, Mention } from './gazetteer.js';
import type { XPerson } from './extract.js';
import { findPeople, isSingleNameTitle, surnameForms } from './people.js';
import { fold, slug, startsUpper, type Token } from '../text.js';

const OBJECT_PREPS = new Set(['with', 'to', 'from', 'by', 'for', 'against', 'between', 'among', 'and']);

/** Index of the token before a person's title phrase ("with [Vice President] Name"). */
function titleStart(p: { t0: number; title: string }): number {
  const words = p.title ? p.title.split(/\s+/).length : 0;
  return p.t0 - words - 1;
}

/**
 * Register the sentence's people in `gaz` and `people` (the article's people so far). `ctxSubject`:
 * the passage's subject, whose country is a guess for a titled name. True when the gazetteer learnt a
 * name or an alias, so the sentence's mentions must be matched again.
 */
export function registerPeople(text: string, tokens: Token[], mentions: Mention[], gaz: Gazetteer, people: Map<string, XPerson>, ctxSubject: string | null): boolean {
  const actorOf = (id: string) => gaz.actors.get(id);
  const isArena = (id: string) => gaz.arena.has(id);
  const affiliationOf = (id: string): string | null => {
    const a = actorOf(id);
    return a?.kind === 'person' ? (a.affiliation ?? null) : null;
  };
  // People: register them, with the affiliation the title gives or the context's actor.
  const found = findPeople(tokens, mentions, (id) => gaz.isSide(id), text, (id) => actorOf(id)?.kind === 'person');
  for (const p of found) {
    const existing = gaz.lookup(p.name);
    let id = existing && actorOf(existing)?.kind === 'person' ? existing : undefined;
    if (existing && !id) continue; // the name is a known non-person actor
    const parts = p.name.split(' ');
    // A misspelt surname is the same person only when nothing else in the name says otherwise:
    // "John Mahama" is not "Moussa Faki Mahamat".
    const fuzzy = gaz.personNear(parts[parts.length - 1] ?? '');
    const fuzzyFirst = fuzzy ? (actorOf(fuzzy)?.name.split(' ')[0] ?? '') : '';
    id ??= fuzzy && (parts.length === 1 || fold(fuzzyFirst) === fold(parts[0] ?? '')) ? fuzzy : slug(p.name);
    const ctxActor = ctxSubject ? (actorOf(ctxSubject)?.kind === 'person' ? affiliationOf(ctxSubject) : ctxSubject) : null;
    const ctxCountry = ctxActor && !gaz.isSide(ctxActor) && !isArena(ctxActor) ? ctxActor : null;
    const arenaTitle = p.affiliation !== null && isArena(p.affiliation);
    const aff = p.affiliation && !arenaTitle ? p.affiliation : null;
    // The passage's country is a guess only for its subjects: "talks with Vice President X" names
    // someone else's official.
    const asObject = OBJECT_PREPS.has(tokens[titleStart(p)]?.norm ?? '');
    // A bare name inside a sentence ("…that Dora Velk had spoken") gets no guessed country; a title,
    // or the name opening the sentence after the passage introduced its role, does.
    const guess = arenaTitle || asObject || (!p.title && p.t0 > 0) ? null : ctxCountry;
    const def = gaz.define({ id, name: p.name, kind: 'person', affiliation: aff ?? guess, aliases: [] });
    // A known person's affiliation is only ever filled in, never changed by a later title.
    if (aff && def.affiliation !== aff && !people.get(id)?.explicit && !(p.known && def.affiliation)) def.affiliation = aff;
    gaz.addAlias(id, p.name, 'person', true);
    for (const form of surnameForms(p.name)) gaz.addAlias(id, form, 'surname', true);
    // "Pope Leo", "King Harald": the title and the name are how people write and ask.
    if (isSingleNameTitle(p.title)) gaz.addAlias(id, `${p.title.split(/\s+/).pop()} ${parts[0]}`, 'person', true);
    const prev = people.get(id);
    people.set(id, { id, name: def.name, affiliation: def.affiliation ?? null, explicit: Boolean(aff) || Boolean(prev?.explicit), aliases: def.aliases });
  }
  // A misspelt surname before a speech verb ("Mogherini says" after "Federica Mogherni").
  const t0 = tokens[0];
  let aliased = false;
  if (t0 && startsUpper(t0.raw) && !mentions.some((m) => m.t0 === 0) && /^(?:said|says|told|added|tweeted|warned)$/.test(tokens[1]?.norm ?? '')) {
    const pid = gaz.personNear(t0.cased);
    if (pid) {
      gaz.addAlias(pid, t0.raw, 'surname', true);
      aliased = true;
    }
  }
  // A given name used alone as a subject ("Suthep said", "Ilya's office") after the full name was
  // given: the one person of that first name.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.norm.length < 4 || !startsUpper(t.raw)) continue;
    if (!t.poss && !/^(?:said|says|told|added|tweeted|warned|urged|called|has|had|was|is|will|would|who)$/.test(tokens[i + 1]?.norm ?? '')) continue;
    if (mentions.some((m) => i >= m.t0 && i < m.t1)) continue;
    const pid = gaz.personByGivenName(t.cased);
    if (pid) {
      gaz.addAlias(pid, t.raw, 'surname', true);
      aliased = true;
    }
  }
  return found.length > 0 || aliased;
}
