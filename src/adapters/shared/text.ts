/**
 * Output safety shared by every surface, and the plain-text rendering of the neutral view (the
 * terminal's output and the chat adapters' fallback text).
 *
 * Article text, user text and model text are untrusted. Every renderer first passes the view
 * through `capView` (bounded size, no control characters), then applies its own escaping
 * (Discord: `discordText`; Slack: `escapeText`, which breaks links; terminal: `terminalSafe`). All of
 * these are single passes over the text: rendering cost is linear in what is rendered.
 */
import type { Block, Cite, Highlight, View } from '../../core/answer/view.js';

/** Zero-width space: invisible, but it breaks a URL scheme or a mention so no client links it. */
export const ZWSP = '\u200b';

/**
 * The most one piece of text may carry into a rendered message. Far above what any platform
 * shows (Discord: 4,096 a description, Slack: 3,000 a section) and far below what would make a
 * render slow: a hostile 4 MB sentence costs what a 4,000-character one does.
 */
export const RENDER_CAPS = {
  /** A view's title. */
  title: 300,
  /** A sentence, quote, lead, heading or line of text. */
  text: 4000,
  /** A field name or value, an outlet, a speaker, a time label (Discord clips fields to 1,024 itself). */
  field: 2000,
  /** Blocks in one view; fields in one fields block. */
  blocks: 400,
  /** A URL from an article's metadata. */
  url: 2000,
};

export type RenderCaps = typeof RENDER_CAPS;

/**
 * Caps for plain text (terminal, CLI): no platform limit applies there, so a long list (every
 * actor the corpus names) is printed whole; still bounded, so still linear.
 */
export const TEXT_CAPS: RenderCaps = { title: 2000, text: 20_000, field: 50_000, blocks: 5000, url: 2000 };

// ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST, e.g. OSC 8 hyperlinks),
// DCS/SOS/PM/APC (ESC P|X|^|_ … ST), the 8-bit CSI (0x9b), and any other two-byte ESC sequence.
// Each alternative uses disjoint classes, so matching is linear.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?|\x1b[ -~]?/g;
// C0 controls except tab and newline, DEL, and C1 controls.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// Bidirectional overrides and isolates: they reorder what a terminal shows ("Trojan Source").
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Remove escape sequences and control characters (tab and newline stay). Linear. */
export function stripControls(s: string): string {
  // Fast path: most text has no control character at all.
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(s)) return s;
  return s.replace(ANSI, '').replace(CONTROLS, '');
}

/**
 * Text as a terminal may print it: no escape sequences (colours, cursor moves, screen clears,
 * title changes, OSC 8 hyperlinks — the only way to hide a link's target behind other text in a
 * terminal), no control characters, no bidi overrides. A plain URL stays as written: the reader
 * sees exactly where it goes, and copying it from the CLI or the terminal chat still works.
 */
export function terminalSafe(s: string): string {
  return stripControls(s).replace(BIDI, '');
}

// The colon of a URL scheme ("https://", "steam://", "<scheme:/…>"), and any "www.".
const SCHEME = /:(?=\/)/g;
const WWW = /(www)\./gi;

/**
 * Break every URL in untrusted text so no client turns it into a link: a zero-width space after
 * the scheme's colon ("https:\u200b//…") and after "www". The text reads the same.
 */
export function breakLinks(s: string): string {
  if (!s.includes(':') && !/www\./i.test(s)) return s;
  return s.replace(SCHEME, `:${ZWSP}`).replace(WWW, `$1${ZWSP}.`);
}

/**
 * An article's own URL (from its manifest, front matter or og:url) as the renderers may link it:
 * http(s) only, no credentials, no whitespace or control characters, re-serialised by the URL
 * parser, at most RENDER_CAPS.url long. Anything else is not linked.
 */
export function trustedUrl(url: string | null | undefined): { href: string; host: string } | null {
  if (typeof url !== 'string' || url.length > RENDER_CAPS.url || !/^https?:\/\/[^\s\x00-\x1f\x7f-\x9f]+$/i.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || !u.hostname) return null;
  // Characters that close a Discord masked link or a Slack link are percent-encoded.
  const href = u.href.replace(/[()<>|\\[\]"' ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return { href, host: u.hostname.replace(/^www\./, '') };
}

/** Cut text to `max` characters with an ellipsis (cheap: no search for a word boundary past `max`). */
export function capText(s: string, max: number): string {
  if (s.length <= max) return stripControls(s);
  let cut = s.slice(0, max - 1);
  // Never leave half a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const sp = cut.lastIndexOf(' ');
  return `${stripControls(sp > max * 0.8 ? cut.slice(0, sp) : cut)}…`;
}

function capCite(c: Cite, caps: RenderCaps): Cite {
  const out: Cite = { ...c, source: capText(c.source, caps.field), when: capText(c.when, caps.field) };
  if (c.url && c.url.length > caps.url) out.url = null;
  return out;
}

/** Spans clamped to the (possibly cut) text; empty ones dropped. */
function capHighlights(h: Highlight[] | undefined, len: number): Highlight[] | undefined {
  return h?.map(([a, b]): Highlight => [Math.max(0, a), Math.min(len, b)]).filter(([a, b]) => b > a);
}

function capBlock(b: Block, caps: RenderCaps): Block {
  switch (b.type) {
    case 'heading':
    case 'text':
      return { ...b, text: capText(b.text, caps.text) };
    case 'quote': {
      const text = capText(b.text, caps.text);
      return { ...b, text, cite: capCite(b.cite, caps), speaker: b.speaker ? capText(b.speaker, caps.field) : b.speaker, highlight: capHighlights(b.highlight, text.length) };
    }
    case 'line':
      return { ...b, when: capText(b.when, caps.field), text: capText(b.text, caps.text), cites: b.cites.slice(0, 20).map((c) => capCite(c, caps)) };
    case 'fields':
      return { ...b, fields: b.fields.slice(0, caps.blocks).map((f) => ({ name: capText(f.name, caps.field), value: capText(f.value, caps.field) })) };
  }
}

/**
 * The view every renderer starts from: each title, sentence, field and label capped, control
 * characters removed, at most RENDER_CAPS.blocks blocks. Linear in the size of the view.
 */
export function capView(view: View, caps: RenderCaps = RENDER_CAPS): View {
  const out: View = {
    ...view,
    title: capText(view.title, caps.title),
    blocks: view.blocks.slice(0, caps.blocks).map((b) => capBlock(b, caps)),
  };
  if (view.lead !== undefined) out.lead = capText(view.lead, caps.text);
  if (view.footer !== undefined) out.footer = capText(view.footer, caps.field);
  if (view.accent.kind === 'side') out.accent = { ...view.accent, label: capText(view.accent.label, caps.field) };
  return out;
}

function citeText(c: { source: string; when: string }): string {
  return c.when ? `${c.source}, ${c.when}` : c.source;
}

export function blockToText(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `\n${b.text}`;
    case 'text':
      return b.text;
    case 'quote':
      return `  > ${b.text}\n    — ${b.speaker ? `${b.speaker}; ` : ''}${citeText(b.cite)}`;
    case 'line': {
      const src = b.cites.length ? ` [${b.cites.map((c) => c.source).join('; ')}${b.more ? `, ${b.more}` : ''}]` : '';
      return `  • ${b.when}: ${b.text}${src}`;
    }
    case 'fields':
      return b.fields.map((f) => `  ${f.name}: ${f.value}`).join('\n');
  }
}

/** The view as plain text (capped). Not escaped: each surface makes it safe for itself. */
export function viewToText(view: View, caps: RenderCaps = TEXT_CAPS): string {
  const v = capView(view, caps);
  const parts = [v.title];
  if (v.lead) parts.push(v.lead);
  for (const b of v.blocks) parts.push(blockToText(b));
  if (v.footer) parts.push(`(${v.footer})`);
  return parts.join('\n');
}

/** The view as the terminal prints it: plain text made terminal-safe. */
export function terminalText(view: View): string {
  return terminalSafe(viewToText(view));
}
