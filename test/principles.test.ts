/** Principle 1: generic code, specific data. No name of the seed crisis appears in src/ or commands/. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../src/core/text.js';
import { SEEDS } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('generic code', () => {
  it('src/ and commands/ name none of the seed crisis’s sides, aliases or arena', () => {
    const crisis = JSON.parse(readFileSync(join(SEEDS, 'crisis.json'), 'utf8'));
    const names = new Set<string>();
    for (const s of crisis.sides) for (const a of [s.label, s.leader, ...s.aliases]) for (const w of fold(String(a)).split(/[^A-Za-z]+/)) if (w.length >= 5 && /^[A-Z]/.test(w)) names.add(w.toLowerCase());
    for (const a of crisis.arena ?? []) names.add(fold(a).toLowerCase());
    for (const generic of ['national', 'assembly', 'government', 'republic', 'leadership', 'people', 'opposition', 'president', 'legitimate', 'congress', 'parliamentary', 'administration']) names.delete(generic);
    expect(names.size).toBeGreaterThan(3);
    const hits: string[] = [];
    for (const f of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'commands'))]) {
      const text = fold(readFileSync(f, 'utf8')).toLowerCase();
      for (const n of names) if (new RegExp(`\\b${n}\\b`).test(text)) hits.push(`${f.slice(ROOT.length + 1)}: ${n}`);
    }
    expect(hits).toEqual([]);
  });
});
