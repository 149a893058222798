/**
 * The neutral View as Discord embeds. The accent becomes the colour (and the side label the
 * author line), quotes become evidence lines with outlet and time, fields blocks become embed
 * fields, timeline lines become dated lines. Every limit Discord enforces is respected here.
 */
import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType } from 'discord.js';
import type { Accent, Block, Cite, View } from '../../core/answer/view.js';
import { clip, type PageBudget, paginate } from '../shared/paginate.js';
import { breakLinks, capView, trustedUrl, ZWSP } from '../shared/text.js';

/** Discord's message limits, in one table. */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embeds: 10,
  /** Sum of title, description, field names and values, footer and author over all embeds. */
  total: 6000,
} as const;

/**
 * Page size for paginate(). Below the 4,096 description limit because rendering adds markdown
 * and citation text that blockSize() only estimates; fitMessage() still enforces the hard limits.
 */
export const DISCORD_BUDGET: PageBudget = { maxChars: 3000, maxBlocks: 25 };

/** Side colours (Okabe–Ito, readable by colour-blind users), by the side's index in the crisis file. */
export const SIDE_PALETTE = [0xe69f00, 0x56b4e9, 0x009e73, 0xcc79a7, 0xf0e442, 0x0072b2, 0xd55e00] as const;
export const COLORS = { neutral: 0x95a5a6, info: 0x3498db, error: 0xed4245 } as const;

export function accentColor(accent: Accent): number {
  switch (accent.kind) {
    case 'side':
      return SIDE_PALETTE[((accent.index % SIDE_PALETTE.length) + SIDE_PALETTE.length) % SIDE_PALETTE.length] ?? COLORS.neutral;
    case 'neutral':
      return COLORS.neutral;
    case 'info':
      return COLORS.info;
    case 'error':
      return COLORS.error;
  }
}

// Characters that start Discord markdown anywhere in a line: emphasis, strike, code, spoilers,
// masked links, and `<` (mentions, channels, timestamps, slash-command links, `<https://…>`).
const INLINE = /[\\*_~`|[\]<]/g;
// At a line start: block quotes, headings, subtext (`-#`), bullets, numbered lists.
const LINE_START = /^([ \t]*)([>#+-]|\d+(?=[.)]))/gm;
const MASS_MENTION = /@(everyone|here)/gi;

/**
 * Untrusted text (corpus, user, model) as Discord shows it: literally. Markdown is escaped with
 * backslashes, every URL is broken with a zero-width space so no autolink or masked link can
 * form, and @everyone/@here are broken too (allowed_mentions already stops the ping). One pass
 * per rule, so the cost is linear (discord.js's escapeMarkdown is quadratic on long text).
 */
export function discordText(text: string): string {
  return breakLinks(text)
    .replace(MASS_MENTION, `@${ZWSP}$1`)
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_m, sp: string, mark: string) => (/\d/.test(mark) ? `${sp}${mark}\\` : `${sp}\\${mark}`));
}

/**
 * Text shown where Discord renders no markdown (footer, author): only links and mass mentions
 * need breaking there.
 */
export function discordPlain(text: string): string {
  return breakLinks(text).replace(MASS_MENTION, `@${ZWSP}$1`);
}

/**
 * The outlet, and a link to the article's own URL when its metadata gives a valid http(s) one.
 * The link's text is the URL's host, so it shows where it goes: an article cannot make "Reuters"
 * point somewhere else.
 */
function outletMd(c: Cite): string {
  const url = trustedUrl(c.url);
  const outlet = `*${discordText(c.source)}*`;
  return url ? `${outlet} ([${discordText(url.host)}](${url.href}))` : outlet;
}

function citeLine(c: Cite, speaker?: string | null): string {
  return `— ${speaker ? `${discordText(speaker)}, ` : ''}${outletMd(c)}${c.when ? `, ${discordText(c.when)}` : ''}`;
}

/** Quote text with its highlighted spans in bold, each piece escaped on its own. */
function highlighted(text: string, spans: readonly [number, number][] = []): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s < at || e <= s || e > text.length) continue;
    out += `${discordText(text.slice(at, s))}**${discordText(text.slice(s, e))}**`;
    at = e;
  }
  return out + discordText(text.slice(at));
}

/** One non-fields block as description markdown. */
export function blockMarkdown(b: Exclude<Block, { type: 'fields' }>): string {
  switch (b.type) {
    case 'heading':
      return `**${discordText(b.text)}**`;
    case 'text':
      return discordText(b.text);
    case 'quote': {
      const body = highlighted(b.text, b.highlight)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
      return `${body}\n${citeLine(b.cite, b.speaker)}`;
    }
    case 'line': {
      const outlets = [...new Set(b.cites.map((c) => c.source))];
      return `**${discordText(b.when)}** — ${discordText(b.text)}${outlets.length ? ` · *${outlets.map(discordText).join('; ')}${b.more ? `, ${discordText(b.more)}` : ''}*` : ''}`;
    }
  }
}

function fieldOf(f: { name: string; value: string }): APIEmbedField {
  return { name: clip(discordText(f.name), LIMITS.fieldName) || '\u200b', value: clip(discordText(f.value), LIMITS.fieldValue) || '—', inline: false };
}

/**
 * One page of a view as embeds. Blocks keep their order: description text runs until a fields
 * block, whose fields close that embed; later text continues in a new, untitled embed.
 */
export function renderPage(page: View): APIEmbed[] {
  // The one door for text: capped and stripped of control characters, then escaped piece by piece.
  const view = capView(page);
  const color = accentColor(view.accent);
  const first: APIEmbed = { color, title: clip(discordText(view.title), LIMITS.title) || '\u200b' };
  if (view.accent.kind === 'side') first.author = { name: clip(discordPlain(view.accent.label), LIMITS.author) };
  const embeds: { embed: APIEmbed; text: string[] }[] = [{ embed: first, text: view.lead ? [discordText(view.lead)] : [] }];
  let closed = false;
  for (const b of view.blocks) {
    let cur = embeds[embeds.length - 1] as { embed: APIEmbed; text: string[] };
    if (b.type === 'fields') {
      for (const f of b.fields) {
        if ((cur.embed.fields?.length ?? 0) >= LIMITS.fields) {
          cur = { embed: { color }, text: [] };
          embeds.push(cur);
        }
        cur.embed.fields = [...(cur.embed.fields ?? []), fieldOf(f)];
      }
      closed = true;
      continue;
    }
    if (closed) {
      cur = { embed: { color }, text: [] };
      embeds.push(cur);
      closed = false;
    }
    // A blank line before headings and quotes keeps evidence visually apart from the prose.
    const gap = cur.text.length > 0 && (b.type === 'heading' || b.type === 'quote');
    cur.text.push(`${gap ? '\n' : ''}${blockMarkdown(b)}`);
  }
  const out = embeds.map(({ embed, text }) => (text.length ? { ...embed, description: clip(text.join('\n'), LIMITS.description) } : embed));
  const last = out[out.length - 1] as APIEmbed;
  if (view.footer) last.footer = { text: clip(discordPlain(view.footer), LIMITS.footer) };
  return fitMessage(out);
}

/** Characters Discord counts toward the 6,000 per message. */
export function embedChars(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Enforce the per-message limits: at most 10 embeds and 6,000 characters, cutting the longest text first. */
export function fitMessage(embeds: APIEmbed[]): APIEmbed[] {
  let out = embeds.slice(0, LIMITS.embeds);
  if (embeds.length > LIMITS.embeds) {
    const last = out[out.length - 1] as APIEmbed;
    out[out.length - 1] = { ...last, footer: { text: clip(`${last.footer?.text ?? ''} (shortened to fit Discord)`.trim(), LIMITS.footer) } };
  }
  let total = out.reduce((n, e) => n + embedChars(e), 0);
  while (total > LIMITS.total) {
    const over = total - LIMITS.total;
    // Shrink the longest description, else the longest field value.
    const i = out.reduce((best, e, k) => ((e.description?.length ?? 0) > (out[best]?.description?.length ?? 0) ? k : best), 0);
    const e = out[i] as APIEmbed;
    if (e.description && e.description.length > 1) {
      const d = e.description;
      out = out.map((x, k) => (k === i ? { ...x, description: clip(d, Math.max(1, d.length - over - 1)) } : x));
    } else {
      const j = out.findIndex((x) => x.fields?.length);
      if (j < 0) break;
      const fe = out[j] as APIEmbed;
      out = out.map((x, k) => (k === j ? { ...x, fields: fe.fields?.slice(0, -1) } : x));
    }
    total = out.reduce((n, x) => n + embedChars(x), 0);
  }
  return out;
}

/** Every page of a view, as embeds. One page when the view fits a message. */
export function renderPages(view: View): APIEmbed[][] {
  return paginate(view, DISCORD_BUDGET).map(renderPage);
}

// --- pagination buttons ---

/** custom_id of a pager button: `page:<state id>:<target page>:<prev|next|at>`. */
export const PAGE_ID = /^page:([0-9a-f]{1,32}):(-?\d{1,4}):(prev|next|at)$/;

export function parsePageId(customId: string): { stateId: string; page: number } | null {
  const m = PAGE_ID.exec(customId);
  return m?.[1] && m[2] ? { stateId: m[1], page: Number(m[2]) } : null;
}

/** Previous / "n of N" / Next, with the ends disabled. */
export function pageButtons(stateId: string, page: number, total: number): APIActionRowComponent<APIButtonComponent>[] {
  const button = (label: string, target: number, kind: string, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: kind === 'at' ? ButtonStyle.Secondary : ButtonStyle.Primary,
    label,
    custom_id: `page:${stateId}:${target}:${kind}`,
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('◀ Previous', page - 1, 'prev', page <= 0),
        button(`${page + 1} / ${total}`, page, 'at', true),
        button('Next ▶', page + 1, 'next', page >= total - 1),
      ],
    },
  ];
}
