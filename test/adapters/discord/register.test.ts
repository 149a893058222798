/** CommandSpec -> slash command JSON, and the comparison that avoids needless rewrites. */
import { describe, expect, test } from 'vitest';
import { commands } from '../../../commands/index.js';
import { commandJson, normalizeCommands, sameCommands, slashCommands } from '../../../src/adapters/discord/register.js';

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
const byName = (name: string) => slashCommands(commands).find((c) => c.name === name);

describe('slash command JSON from commands/', () => {
  test('one slash command per CommandSpec, same names and order, valid names and descriptions', () => {
    const json = slashCommands(commands);
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of json) {
      expect(c.name).toMatch(NAME);
      expect(c.type).toBe(1);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c).not.toHaveProperty('default_member_permissions');
      for (const o of [...c.options, ...c.options.flatMap((x) => x.options ?? [])]) {
        expect(o.name).toMatch(NAME);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.autocomplete && o.choices).toBeFalsy();
      }
    }
  });

  test('every option of every spec is there with its type, required flag, limits and autocomplete', () => {
    for (const spec of commands) {
      const json = commandJson(spec);
      const pairs = spec.subcommands
        ? spec.subcommands.flatMap((s) => {
            const sub = json.options.find((o) => o.name === s.name);
            expect(sub?.type).toBe(1);
            expect(sub?.description).toBe(s.description);
            return s.options.map((o) => [o, sub?.options?.find((x) => x.name === o.name)] as const);
          })
        : spec.options.map((o) => [o, json.options.find((x) => x.name === o.name)] as const);
      for (const [o, j] of pairs) {
        expect(j, `${spec.name}.${o.name}`).toBeDefined();
        expect(j?.type).toBe(o.type === 'integer' ? 4 : 3);
        expect(j?.required ?? false).toBe(o.required ?? false);
        expect(j?.autocomplete ?? false).toBe(Boolean(o.autocomplete) && !o.choices?.length);
        expect(j?.choices).toEqual(o.choices);
        if (o.type === 'integer') {
          expect(j?.min_value).toBe(o.min);
          expect(j?.max_value).toBe(o.max);
        } else expect(j?.max_length).toBe(o.maxLength);
      }
    }
  });

  test('the documented shapes: /stance actor, /timeline options, /digest subcommands', () => {
    expect(byName('stance')?.options).toEqual([
      { type: 3, name: 'actor', description: 'A country, organisation or person', required: true, autocomplete: true, max_length: 100 },
      { type: 3, name: 'crisis', description: "Which crisis to answer from (default: this channel's)", autocomplete: true, max_length: 64 },
    ]);
    expect(byName('timeline')?.options.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ['actor', 3, false],
      ['from', 3, false],
      ['to', 3, false],
      ['limit', 4, false],
      ['crisis', 3, false],
    ]);
    expect(byName('timeline')?.options.find((o) => o.name === 'limit')).toMatchObject({ min_value: 1, max_value: 100 });
    const digest = byName('digest');
    expect(digest?.options.map((o) => [o.name, o.type])).toEqual([
      ['now', 1],
      ['subscribe', 1],
      ['unsubscribe', 1],
      ['status', 1],
    ]);
    const subscribe = digest?.options.find((o) => o.name === 'subscribe');
    expect(subscribe?.options?.map((o) => [o.name, o.required ?? false])).toEqual([
      ['time', true],
      ['timezone', false],
      ['days', false],
      ['crisis', false],
    ]);
    expect(byName('ask')?.options).toEqual([{ type: 3, name: 'question', description: 'Your question', required: true, max_length: 500 }, { type: 3, name: 'crisis', description: "Which crisis to answer from (default: this channel's)", autocomplete: true, max_length: 64 }]);
    for (const n of ['actors', 'sources']) expect(byName(n)?.options).toEqual([{ type: 3, name: 'crisis', description: "Which crisis to answer from (default: this channel's)", autocomplete: true, max_length: 64 }]);
    expect(byName('help')?.options).toEqual([]);
    expect(byName('crisis')?.options.map((o) => [o.name, o.options?.map((x) => `${x.name}:${x.autocomplete ?? false}`)])).toEqual([
      ['list', []],
      ['use', ['id:true']],
    ]);
  });
});

describe('comparison with what Discord returns', () => {
  test('ids, versions, defaults and key order do not count as differences', () => {
    const wanted = slashCommands(commands);
    const echoed = [...wanted].reverse().map((c) => ({
      id: '1',
      application_id: '2',
      version: '3',
      default_member_permissions: null,
      dm_permission: true,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      description_localizations: null,
      options: c.options.map((o) => ({ ...o, required: o.required ?? false, name_localizations: null })),
      description: c.description,
      name: c.name,
    }));
    expect(sameCommands(echoed, wanted)).toBe(true);
  });

  test('a changed description, option, or a missing command is a difference', () => {
    const wanted = slashCommands(commands);
    const changed = structuredClone(wanted);
    (changed[0] as { description: string }).description = 'old text';
    expect(sameCommands(changed, wanted)).toBe(false);
    const dropped = structuredClone(wanted);
    dropped[1]?.options.pop();
    expect(sameCommands(dropped, wanted)).toBe(false);
    expect(sameCommands(wanted.slice(1), wanted)).toBe(false);
    expect(normalizeCommands([])).toEqual([]);
  });
});
