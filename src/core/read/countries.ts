/**
 * The world's countries as the gazetteer indexes them: names, demonyms, capitals and seats of
 * power, from world-countries plus our own extras (data/world.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { slug } from '../text.js';
import { COUNTRY_EXTRAS, DEMONYM_EXTRAS } from './data/world.js';
import type { Via } from './gazetteer.js';

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital?: string[];
  independent?: boolean;
  unMember?: boolean;
}

const require = createRequire(import.meta.url);

/** A country as the gazetteer indexes it: its names, in the order they are registered. */
export interface CountryEntry {
  id: string;
  name: string;
  aliases: [alias: string, via: Via, caseSensitive: boolean][];
}

let worldCache: CountryEntry[] | undefined;

/**
 * Countries with their names, demonyms, capitals and seats of power: the costly part of the index
 * (world-countries is 1.4 MB of JSON). Built once per process; a compiled build (bin/build.js)
 * ships it precomputed beside its modules, so a cold CLI answer does not parse world-countries.
 */
export function worldCountries(): CountryEntry[] {
  if (!worldCache) {
    try {
      worldCache = JSON.parse(readFileSync(new URL('./gazetteer-world.json', import.meta.url), 'utf8')) as CountryEntry[];
    } catch {
      worldCache = buildWorldCountries();
    }
  }
  return worldCache;
}

function buildWorldCountries(): CountryEntry[] {
  const countries = require('world-countries') as Country[];
  const out: CountryEntry[] = [];
  // Sovereign states first, so a shared demonym ("French") means the state, not a territory.
  const ranked = [...countries].sort((a, b) => Number(Boolean(b.unMember)) - Number(Boolean(a.unMember)));
  for (const c of ranked) {
    const extra = COUNTRY_EXTRAS[c.cca2] ?? {};
    const display = extra.display ?? c.name.common;
    const entry: CountryEntry = { id: slug(display), name: display, aliases: [] };
    out.push(entry);
    const names = new Set([c.name.common, c.name.official, ...(extra.names ?? [])]);
    for (const alt of c.altSpellings) {
      if (alt.length > 3 && /^[\p{Script=Latin}\s',.\-()]+$/u.test(alt) && !alt.includes(',')) names.add(alt);
    }
    for (const n of names) entry.aliases.push([n, 'name', true]);
    const dem = c.demonyms?.eng;
    const demonyms = new Set([dem?.m, dem?.f, ...(DEMONYM_EXTRAS[c.cca2] ?? [])]);
    for (const d of demonyms) if (d && d !== c.name.common && !d.includes(',')) entry.aliases.push([d, 'demonym', true]);
    for (const cap of [...(c.capital ?? []), ...(extra.capitals ?? [])]) if (cap.length > 3) entry.aliases.push([cap, 'capital', true]);
    for (const seat of extra.seats ?? []) entry.aliases.push([seat, 'seat', false]);
  }
  return out;
}
