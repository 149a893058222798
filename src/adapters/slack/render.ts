/**
 * The neutral View rendered as Slack Block Kit, within Slack's limits.
 *
 * Safety rule: every piece of user or corpus text reaches a block through `md` (mrkdwn) or `plain`
 * (plain_text), the only builders of text objects, and both escape `&`, `<`, `>` with
 * `escapeText`. So `<!channel>`, `<!here>`, `<@U…>` or `<https://x|text>` in a question or an
 * article is shown, never parsed as a mention or a link; `escapeText` also breaks bare URLs
 * (a zero-width space after the scheme) so nothing links them, and every text object is
 * `verbatim` and every message asks for no unfurling. Markup the renderer itself adds (bold,
 * quote marks, the link to an article's own URL) lives in the literal parts of the `md` template,
 * which are not escaped. `renderView` caps the view first (capView), so cost stays linear.
 */
import type { types } from '@slack/bolt';
import type { Block, Cite, Highlight, View } from '../../core/answer/view.js';
import type { PageBudget } from '../shared/paginate.js';
import { clip } from '../shared/paginate.js';
import { breakLinks, capView, trustedUrl, viewToText, ZWSP } from '../shared/text.js';

export type SlackBlock = types.KnownBlock;

/** Slack's Block Kit limits, in one table. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  /** The message's top-level `text` (notifications, screen readers, old clients). */
  fallbackText: 3000,
} as const;

/**
 * Page size for paginate(): each neutral block becomes at most two Slack blocks (a quote is a
 * section plus a context), and a page adds at most six (header, accent, lead, footer, buttons), so
 * 20 blocks stay well under 50; 3,500 characters keeps a page readable on a phone.
 */
export const SLACK_PAGE_BUDGET: PageBudget = { maxChars: 3500, maxBlocks: 20 };

/**
 * The one escape function: Slack's three control characters as entities, bare URLs broken (no
 * auto-link, no unfurl), and @here/@channel/@everyone broken (they never notify anyway: every
 * text is verbatim and `<!here>` cannot be written without `<`).
 */
export function escapeText(s: string): string {
  return breakLinks(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(here|channel|everyone)/gi, `@${ZWSP}$1`);
}

/** Entities only, for text that is already safe (a URL the renderer checked). */
function escapeEntities(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack escapes these three in the text it sends us; the core should see the characters. */
export function unescapeText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Escaped mrkdwn. Only `md` and `joinMd` make one, so raw text cannot slip into a block. */
export class Mrkdwn {
  /** @internal use md`` */
  constructor(readonly text: string) {}
}

/** Tagged template: literal parts are markup; interpolated strings are escaped, Mrkdwn kept. */
export function md(strings: TemplateStringsArray, ...values: (string | number | Mrkdwn)[]): Mrkdwn {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += (v instanceof Mrkdwn ? v.text : escapeText(String(v))) + (strings[i + 1] ?? '');
  });
  return new Mrkdwn(out);
}

export function joinMd(parts: Mrkdwn[], sep: string): Mrkdwn {
  return new Mrkdwn(parts.map((p) => p.text).join(escapeText(sep)));
}

/**
 * Cut already-escaped text to `max` characters with an ellipsis, never inside an entity such as
 * `&amp;` (a half entity would show as garbage, or worse, leave a bare `&`).
 */
export function cutEscaped(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.length - 6 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const sp = cut.lastIndexOf(' ');
  if (sp > max * 0.6) cut = cut.slice(0, sp);
  return `${cut}…`;
}

/** Split escaped text into chunks of at most `max`, at a newline or space when there is one. */
export function splitEscaped(s: string, max: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > max) {
    let at = Math.max(rest.lastIndexOf('\n', max), rest.lastIndexOf(' ', max));
    if (at < max * 0.5) {
      at = max;
      const amp = rest.lastIndexOf('&', at);
      if (amp >= 0 && amp > at - 6 && !rest.slice(amp, at).includes(';')) at = amp;
    }
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[ \n]/, '');
  }
  if (rest.length || out.length === 0) out.push(rest);
  return out;
}

function mrkdwnObject(m: Mrkdwn, max: number): types.MrkdwnElement {
  // verbatim: Slack does not auto-link or parse names in our text (no "@here" surprises).
  return { type: 'mrkdwn', text: cutEscaped(m.text, max), verbatim: true };
}

/** plain_text object; the text is escaped like every other field. */
export function plain(s: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: cutEscaped(escapeText(s), max), emoji: true };
}

/** One or more sections holding the text (a long text is split, not lost). */
function sections(m: Mrkdwn): SlackBlock[] {
  return splitEscaped(m.text, SLACK_LIMITS.sectionText).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t, verbatim: true } }));
}

function context(...parts: Mrkdwn[]): SlackBlock {
  return { type: 'context', elements: parts.slice(0, SLACK_LIMITS.contextElements).map((p) => mrkdwnObject(p, SLACK_LIMITS.contextText)) };
}

const SIDE_MARKS = [':large_blue_circle:', ':red_circle:', ':large_green_circle:', ':large_yellow_circle:', ':large_purple_circle:'];

/**
 * The outlet, with a link to the article's own URL when its metadata gives a valid http(s) one
 * (trustedUrl). The link's text is the URL's host, so it shows where it goes.
 */
function outletMd(c: Cite): Mrkdwn {
  const url = trustedUrl(c.url);
  return url ? md`${c.source} (<${new Mrkdwn(escapeEntities(url.href))}|${url.host}>)` : md`${c.source}`;
}

function citeMd(c: Cite, speaker?: string | null): Mrkdwn {
  const source = outletMd(c);
  const who = speaker ? md`${speaker}; ` : md``;
  return c.when ? md`— ${who}${source}, ${c.when}` : md`— ${who}${source}`;
}

/** Quote text with highlighted spans in bold, each line prefixed for Slack's block quote. */
function quoteMd(text: string, highlight: Highlight[] = []): Mrkdwn {
  const spans = highlight
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const parts: Mrkdwn[] = [];
  let pos = 0;
  for (const [a, b] of spans) {
    if (a < pos) continue; // overlapping spans: keep the first
    parts.push(md`${text.slice(pos, a)}`, md`*${text.slice(a, b)}*`);
    pos = b;
  }
  parts.push(md`${text.slice(pos)}`);
  const lines = joinMd(parts, '').text.split('\n');
  const last = lines.length - 1;
  return new Mrkdwn(lines.map((l, i) => `> ${i === 0 ? '“' : ''}${l}${i === last ? '”' : ''}`).join('\n'));
}

/** One neutral block as one or more Slack blocks. */
export function renderBlock(b: Block): SlackBlock[] {
  switch (b.type) {
    case 'heading':
      return sections(md`*${b.text}*`);
    case 'text':
      return sections(md`${b.text}`);
    case 'quote':
      return [...sections(quoteMd(b.text, b.highlight)), context(citeMd(b.cite, b.speaker))];
    case 'line': {
      const src = b.cites.length ? md`  _${b.cites.map((c) => c.source).join('; ')}${b.more ? `, ${b.more}` : ''}_` : md``;
      return sections(b.when ? md`*${b.when}* — ${b.text}${src}` : md`${b.text}${src}`);
    }
    case 'fields': {
      const out: SlackBlock[] = [];
      for (let i = 0; i < b.fields.length; i += SLACK_LIMITS.sectionFields) {
        const fields = b.fields.slice(i, i + SLACK_LIMITS.sectionFields).map((f) => mrkdwnObject(md`*${f.name}*\n${f.value}`, SLACK_LIMITS.fieldText));
        out.push({ type: 'section', fields });
      }
      return out;
    }
  }
}

/** Header blocks of a view: a header (or a bold section for long titles and errors) and the accent. */
function renderTop(view: View): SlackBlock[] {
  if (view.accent.kind === 'error') return sections(md`:warning: *${view.title}*`);
  const top: SlackBlock[] =
    view.title.length <= SLACK_LIMITS.headerText ? [{ type: 'header', text: plain(view.title, SLACK_LIMITS.headerText) }] : sections(md`*${view.title}*`);
  if (view.accent.kind === 'side') {
    const mark = SIDE_MARKS[view.accent.index % SIDE_MARKS.length] ?? ':white_circle:';
    top.push(context(md`${new Mrkdwn(mark)} ${view.accent.label}`));
  }
  return top;
}

/** Page navigation: which stored pages, which page is shown. */
export interface PageNav {
  id: string;
  page: number;
  pages: number;
}

export const PAGE_ACTIONS = { prev: 'page_prev', next: 'page_next' } as const;

function navBlock(nav: PageNav): SlackBlock {
  const elements: types.Button[] = [];
  if (nav.page > 0) {
    elements.push({ type: 'button', action_id: PAGE_ACTIONS.prev, text: plain('◀ Previous', SLACK_LIMITS.buttonText), value: `${nav.id}:${nav.page - 1}` });
  }
  if (nav.page < nav.pages - 1) {
    elements.push({ type: 'button', action_id: PAGE_ACTIONS.next, text: plain('Next ▶', SLACK_LIMITS.buttonText), value: `${nav.id}:${nav.page + 1}` });
  }
  return { type: 'actions', block_id: 'pages', elements };
}

/** A Slack message: blocks within the limits, and the plain `text` fallback (escaped too). */
export interface SlackMessage {
  blocks: SlackBlock[];
  text: string;
  /** Never preview a link: the only links are articles' own URLs, and previews are noise. */
  unfurl_links: false;
  unfurl_media: false;
}

/** Render one page (a view already cut by paginate) as a message, with buttons when `nav` is set. */
export function renderView(page: View, nav?: PageNav): SlackMessage {
  // The one door for text: capped and stripped of control characters; md/plain escape the rest.
  const view = capView(page);
  const tail: SlackBlock[] = [];
  if (view.footer) tail.push(context(md`${view.footer}`));
  if (nav && nav.pages > 1) tail.push(navBlock(nav));
  let body: SlackBlock[] = [...renderTop(view)];
  if (view.lead) body.push(...sections(md`${view.lead}`));
  for (const b of view.blocks) body.push(...renderBlock(b));
  const room = SLACK_LIMITS.blocksPerMessage - tail.length;
  if (body.length > room) {
    // Only reachable with a budget that does not fit Slack: say so rather than fail the post.
    body = [...body.slice(0, room - 1), context(md`…cut to fit Slack's ${SLACK_LIMITS.blocksPerMessage}-block limit.`)];
  }
  return { blocks: [...body, ...tail], text: fallbackText(view), unfurl_links: false, unfurl_media: false };
}

/** The `text` fallback: the plain view, cut to fit, always ending with the footer (page n/N). */
export function fallbackText(view: View): string {
  const foot = view.footer ? cutEscaped(escapeText(`\n(${view.footer})`), 300) : '';
  const body = escapeText(clip(viewToText({ ...view, footer: undefined }), SLACK_LIMITS.fallbackText));
  return cutEscaped(body, SLACK_LIMITS.fallbackText - foot.length) + foot;
}
