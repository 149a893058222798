/**
 * Hostile text and the detectors that say whether a rendered message is unsafe: a live link that
 * did not come from an article's own URL, a mention that could notify or render, or (terminal) a
 * control character. Shared by test/adapters/output-safety.test.ts and bench/stress/output.ts.
 */
import type { APIEmbed } from 'discord.js';
import type { Block, Cite, View } from '../../src/core/answer/view.js';
import { trustedUrl } from '../../src/adapters/shared/text.js';

/** Pieces an attacker puts in an article, a title, an outlet name, a question or a model answer. */
export const HOSTILE: readonly string[] = [
  '[click here](https://evil.example/login)',
  '[Reuters](<https://evil.example/a>)',
  '[x](https://evil.example/x "title")',
  '\\[x](https://evil.example/pre-escaped)',
  '[nested [x](https://evil.example/n)](https://evil.example/m)',
  '<https://evil.example/angle>',
  'https://evil.example/bare?q=1&r=2',
  'HTTPS://EVIL.EXAMPLE/UPPER',
  'http://evil.example',
  'steam://run/1',
  'discord://-/channels/1',
  'www.evil.example/path',
  '<https://evil.example|Reuters>',
  '&lt;https://evil.example|Reuters&gt;',
  '<mailto:a@evil.example|mail>',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '</digest:123456789012345678>',
  '<t:1700000000:R>',
  '<:emoji:123456789012345678>',
  '@everyone',
  '@here',
  '@EVERYONE',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123|team>',
  '<!date^1392734382^{date}|x>',
  '**bold** __under__ ~~strike~~ ||spoiler||',
  '`code` ```block```',
  '# heading',
  '-# subtext',
  '> quote',
  '>>> multi',
  '1. list',
  '- bullet',
  'back\\slash\\',
  '\x1b[31mred\x1b[0m',
  '\x1b]8;;https://evil.example\x07osc-link\x1b]8;;\x07',
  '\x1b]0;title\x1b\\',
  '\x9b2J',
  '\x1bPdcs\x1b\\',
  '\x1b7\x1b8\x1bc',
  'nul\x00bell\x07bs\x08cr\r',
  'c1\x85\x8d\x9f',
  'bidi\u202eevil\u202c\u2066x\u2069',
  'zero\u200bwidth https:\u200b//already.example',
];

/** URLs an article's metadata may hold; only the valid http(s) ones may be linked. */
export const HOSTILE_URLS: readonly (string | null)[] = [
  'https://apnews.com/article/x',
  'https://evil.example/x)[y](https://z.example',
  'https://evil.example/x|<!here>',
  'https://user:pass@evil.example/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://evil.example/<@123>',
  'https://evil.example/\x1b[31m',
  'ftp://evil.example/',
  null,
];

/** A view carrying `text` in every place a renderer shows text. */
export function hostileView(text: string, url: string | null = null): View {
  const cite: Cite = { docId: 'd1', source: `Outlet ${text}`, at: '2019-01-24', when: `24 Jan ${text}`, url };
  const blocks: Block[] = [
    { type: 'heading', text: `Heading ${text}` },
    { type: 'text', text: `Text ${text} end` },
    { type: 'quote', text: `Quote ${text} end`, cite, speaker: `Speaker ${text}`, highlight: [[0, 5], [6, 6 + Math.min(5, text.length)]] },
    { type: 'line', when: `When ${text}`, text: `Line ${text}`, cites: [cite, { ...cite, source: text }] },
    { type: 'fields', fields: [{ name: `Name ${text}`, value: `Value ${text}` }, { name: text, value: text }] },
  ];
  return { kind: 'stance', title: `Title ${text}`, accent: { kind: 'side', side: 's', label: `Label ${text}`, index: 0 }, lead: `Lead ${text}`, blocks, footer: `Footer ${text}` };
}

/** The links a renderer may build: to the articles' own valid URLs, labelled with their host. */
function trustedLinks(urls: readonly (string | null | undefined)[]): { discord: string[]; slack: string[] } {
  const ok = urls.map((u) => trustedUrl(u)).filter((u) => u !== null);
  const amp = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return { discord: ok.map((u) => `[${u.host}](${u.href})`), slack: ok.map((u) => `<${amp(u.href)}|${amp(u.host)}>`) };
}

function without(s: string, parts: string[]): string {
  let out = s;
  for (const p of parts) out = out.split(p).join('');
  return out;
}

const LINKISH = /[a-z][a-z0-9+.-]*:\/\/|\bwww\./i;
const MASS = /@(everyone|here|channel)\b/i;

/** Why a Discord message is unsafe, or null. `urls` are the articles' own URLs in the view. */
export function discordUnsafe(embeds: APIEmbed[], urls: readonly (string | null | undefined)[] = []): string | null {
  const allowed = trustedLinks(urls).discord;
  const texts: { where: string; text: string; markdown: boolean }[] = [];
  for (const e of embeds) {
    if (e.title) texts.push({ where: 'title', text: e.title, markdown: true });
    if (e.description) texts.push({ where: 'description', text: e.description, markdown: true });
    for (const f of e.fields ?? []) texts.push({ where: 'field', text: `${f.name}\n${f.value}`, markdown: true });
    if (e.footer) texts.push({ where: 'footer', text: e.footer.text, markdown: false });
    if (e.author) texts.push({ where: 'author', text: e.author.name, markdown: false });
    if (e.url) return `embed url ${e.url}`;
  }
  for (const { where, text, markdown } of texts) {
    // What Discord parses: an escaped character (\x) is a literal text node that no link or
    // mention can run through (a word joiner stands in for it); the renderer's own links are allowed.
    const live = without(markdown ? text.replace(/\\[^\n]/g, '\u2060') : text, allowed);
    if (LINKISH.test(live)) return `${where}: URL ${JSON.stringify(live.slice(0, 160))}`;
    if (markdown && /\]\(/.test(live)) return `${where}: masked link ${JSON.stringify(live.slice(0, 160))}`;
    if (markdown && /<[@#!&/:a-z]/i.test(live)) return `${where}: mention or angle link ${JSON.stringify(live.slice(0, 160))}`;
    if (/@(everyone|here)\b/i.test(live)) return `${where}: mass mention`; // Discord has no @channel
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) return `${where}: control character`;
  }
  return null;
}

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON, inspected loosely
type Json = any;

/** Why a Slack message is unsafe, or null. */
export function slackUnsafe(msg: Json, urls: readonly (string | null | undefined)[] = []): string | null {
  const allowed = trustedLinks(urls).slack;
  if (msg.unfurl_links !== false || msg.unfurl_media !== false) return 'unfurling not turned off';
  const texts: { text: string; kind: string; verbatim?: boolean }[] = [];
  const visit = (o: Json) => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(visit);
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') texts.push({ text: o.text, kind: o.type, verbatim: o.verbatim });
    for (const v of Object.values(o)) visit(v);
  };
  visit(msg.blocks);
  texts.push({ text: String(msg.text ?? ''), kind: 'fallback' });
  for (const { text, kind, verbatim } of texts) {
    if (kind === 'mrkdwn' && verbatim !== true) return 'mrkdwn without verbatim';
    let live = without(text, allowed);
    if (kind === 'mrkdwn') live = live.replace(/^> /gm, '');
    if (/[<>]/.test(live)) return `${kind}: < or > ${JSON.stringify(live.slice(0, 160))}`;
    if (/&(?!amp;|lt;|gt;)/.test(live)) return `${kind}: bare &`;
    const decoded = live.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    if (LINKISH.test(decoded)) return `${kind}: URL ${JSON.stringify(decoded.slice(0, 160))}`;
    if (MASS.test(decoded)) return `${kind}: mass mention`;
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) return `${kind}: control character`;
  }
  return null;
}

/**
 * Why terminal output is unsafe, or null: an escape sequence or control character (colours,
 * screen clears, OSC 8 links that hide their target), or a bidi override. A plain URL is shown in
 * full, so it is not counted.
 */
export function terminalUnsafe(out: string): string | null {
  if (/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(out)) return `control character ${JSON.stringify(out.match(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/)?.[0])}`;
  if (/[\u202a-\u202e\u2066-\u2069]/.test(out)) return 'bidi override';
  return null;
}

/** 1 MB of hostile text: long runs of what used to be slow to escape, plus every payload. */
export function megabyteOfHostileText(): string {
  const unit = `${HOSTILE.join(' ')} ${'*_'.repeat(200)} ${'[x](https://e.example) '.repeat(20)} ${'\\'.repeat(100)} `;
  return unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
}
