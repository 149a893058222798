/**
 * "/stance Foreign Secretary", "/stance the finance minister", "/stance the opposition leader": a
 * person asked by a title alone. The corpus's sentences with that title are read for the person
 * it describes ("Foreign Secretary Ruth Calder said", "The opposition leader, Rosa Imre, called");
 * when they all describe one person (or one side's leader), that is who is meant. Two people with
 * the title ("the foreign minister" of two states), or none, resolve to no one.
 */
import type { KbReader } from '../../store/kb-read.js';
import type { Gazetteer } from '../read/gazetteer.js';
import { normKey, tokenize } from '../text.js';
import { describe, hasRole } from './roles.js';

/** How many sentences with the title are read. */
const READ = 60;

export function personByTitle(reader: KbReader, gazetteer: Gazetteer, key: string, known: (id: string) => boolean): string | null {
  const title = key.replace(/^the /, '').trim();
  // A title is a role word with its modifiers ("finance minister", "chief of staff"); no names.
  if (!title || title.split(' ').length > 5 || !hasRole(title)) return null;
  if (gazetteer.match(tokenize(title)).length > 0) return null;
  let rows: ReturnType<KbReader['search']>;
  try {
    rows = reader.search(`"${title.replace(/"/g, '')}"`, READ, { bm25: false });
  } catch {
    return null;
  }
  const found = new Set<string>();
  for (const r of rows) {
    for (const m of gazetteer.match(tokenize(r.text))) {
      const a = gazetteer.actors.get(m.actorId);
      if (!known(m.actorId) || !(a?.kind === 'person' || gazetteer.isSide(m.actorId))) continue;
      // A name that carries the title ("President Dmitar Koval" as a side's alias) is described by it.
      // So is one right after it ("UN Secretary-General Amara Osei", "the finance minister, Clara Benn,").
      const said = normKey(r.text.slice(m.start, m.end));
      const before = normKey(r.text.slice(Math.max(0, m.start - 50), m.start));
      if (said.startsWith(`${title} `) || before === title || before.endsWith(` ${title}`)) {
        found.add(m.actorId);
        continue;
      }
      const d = describe(r.text, m.start, m.end);
      // The description must be the title itself, with at most a state or office before it
      // ("UN Secretary-General", "Britain's foreign secretary"), not "a rival of the finance minister".
      if (!d) continue;
      const desc = normKey(d.answer).replace(/^(?:the|a|an) /, '');
      if (desc === title || desc.endsWith(` ${title}`)) found.add(m.actorId);
    }
  }
  return found.size === 1 ? ([...found][0] as string) : null;
}
