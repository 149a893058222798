/** The Slack app manifest: built from commands/, written as YAML that parses back to the same thing. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { BOT_SCOPES, buildManifest, manifestYaml, toYaml, usageHint, type YamlValue } from '../../../src/adapters/slack/manifest.js';

/** A minimal reader for the YAML subset toYaml writes (maps, lists, JSON-quoted scalars). */
function parseYaml(text: string): unknown {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
  let i = 0;
  const scalar = (s: string): unknown => {
    if (s.startsWith('"')) return JSON.parse(s);
    const words: Record<string, unknown> = { true: true, false: false, null: null };
    if (s in words) return words[s];
    if (s === '[]') return [];
    if (s === '{}') return {};
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
    throw new Error(`unexpected scalar: ${s}`);
  };
  const KV = /^("(?:[^"\\]|\\.)*"|[^":]+):(?: (.*))?$/;
  const block = (indent: number): unknown => {
    const first = lines[i];
    if (first?.text.startsWith('- ')) {
      const arr: unknown[] = [];
      while (lines[i]?.indent === indent && lines[i]?.text.startsWith('- ')) {
        const cur = lines[i] as { indent: number; text: string };
        const rest = cur.text.slice(2);
        if (rest.startsWith('- ') || (KV.test(rest) && !rest.startsWith('"'))) {
          lines[i] = { indent: indent + 2, text: rest }; // "- key: v" or "- - x" opens a block at indent + 2
          arr.push(block(indent + 2));
        } else {
          arr.push(scalar(rest));
          i++;
        }
      }
      return arr;
    }
    const obj: Record<string, unknown> = {};
    while (lines[i]?.indent === indent && !lines[i]?.text.startsWith('- ')) {
      const m = KV.exec((lines[i] as { text: string }).text);
      if (!m?.[1]) throw new Error(`bad line: ${lines[i]?.text}`);
      const key = m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : m[1];
      i++;
      obj[key] = m[2] !== undefined ? scalar(m[2]) : block(lines[i]?.indent ?? indent + 2);
    }
    return obj;
  };
  const out = block(0);
  if (i !== lines.length) throw new Error(`unparsed from line ${i}: ${lines[i]?.text}`);
  return out;
}

type Cmd = { command: string; url?: string; description: string; usage_hint?: string; should_escape: boolean };
// biome-ignore lint/suspicious/noExplicitAny: manifest JSON
const slashCommands = (m: any): Cmd[] => m.features.slash_commands;

describe('Slack manifest', () => {
  const manifest = buildManifest(commands);

  it('lists every command of commands/, with its description and usage hint', () => {
    const list = slashCommands(manifest);
    expect(list.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    for (const spec of commands) {
      const c = list.find((x) => x.command === `/${spec.name}`) as Cmd;
      expect(c.description).toBe(spec.description);
      expect(c.usage_hint ?? '').toBe(usageHint(spec));
      expect(c.url).toBe('https://YOUR-HOST/slack/events');
      expect(c.should_escape).toBe(false);
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect(c.command).toMatch(/^\/[a-z0-9_-]+$/);
    }
    expect(list.find((c) => c.command === '/stance')?.usage_hint).toBe('<actor> [crisis:ID]');
    expect(list.find((c) => c.command === '/timeline')?.usage_hint).toContain('limit:N');
    expect(list.find((c) => c.command === '/help')?.usage_hint).toBeUndefined();
  });

  it('asks for the bot scopes it needs and points interactivity at /slack/events', () => {
    expect(manifest.oauth_config).toEqual({ scopes: { bot: [...BOT_SCOPES] } });
    expect(BOT_SCOPES).toEqual(['commands', 'chat:write', 'chat:write.public', 'channels:history', 'groups:history', 'app_mentions:read']);
    expect(manifest.settings).toMatchObject({ interactivity: { is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' }, socket_mode_enabled: false });
    expect(manifest.display_information).toMatchObject({ name: 'crisis-briefing' });
  });

  it('takes a host, and has a Socket Mode variant without request URLs', () => {
    const hosted = buildManifest(commands, { host: 'https://bot.example.org/' });
    expect(slashCommands(hosted)[0]?.url).toBe('https://bot.example.org/slack/events');
    const socket = buildManifest(commands, { socketMode: true });
    expect(socket.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true } });
    expect(JSON.stringify(socket)).not.toContain('YOUR-HOST');
  });

  it('toYaml output parses back to the same structure', () => {
    expect(parseYaml(toYaml(manifest))).toEqual(manifest);
    const tricky: YamlValue = {
      'key with space': 'a: b # not a comment',
      quote: 'say "hi" \\ back',
      multi: 'line1\nline2',
      unicode: 'Guaidó — “quoted”',
      empty: [],
      none: {},
      nested: [[1, 2], { a: [true, false, null] }, 'x'],
    };
    expect(parseYaml(toYaml(tricky))).toEqual(tricky);
  });

  it('npm run slack:manifest writes the YAML built from commands/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slack-manifest-'));
    try {
      const out = join(dir, 'm.yml');
      execFileSync(resolve('node_modules/.bin/tsx'), ['scripts/slack-manifest.ts', '--out', out], { stdio: 'pipe' });
      const yaml = readFileSync(out, 'utf8');
      expect(yaml).toBe(manifestYaml(commands));
      expect(parseYaml(yaml)).toEqual(manifest);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the slack-manifest.yml in the repository is up to date with commands/', () => {
    expect(readFileSync('slack-manifest.yml', 'utf8'), 'run npm run slack:manifest').toBe(manifestYaml(commands));
  });
});
