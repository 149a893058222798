/**
 * A digest on Discord is read in one message: a header embed (title and headline) and one embed
 * per section (Top developments, Who backs whom, Key figures, What to watch, Sources), at most 10
 * embeds and 6,000 characters, every section present and nothing behind buttons. Only a digest
 * that cannot fit is split, into consecutive messages of whole embeds ("Part 1 of 2" …), with
 * nothing left out. Used for `/digest now` replies and scheduled posts alike.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Block, View } from '../../core/answer/view.js';
import { clip } from '../shared/paginate.js';
import { accentColor, blockMarkdown, embedChars, fitMessage, LIMITS } from './render.js';

interface Section {
  title: string | null;
  blocks: Block[];
}

/** The view's blocks cut at each heading; blocks before the first heading belong to the header. */
function sections(view: View): Section[] {
  const out: Section[] = [{ title: null, blocks: [] }];
  for (const b of view.blocks) {
    if (b.type === 'heading') out.push({ title: b.text, blocks: [] });
    else (out[out.length - 1] as Section).blocks.push(b);
  }
  return out;
}

/** A roster value longer than a field allows continues in further fields, cut between names. */
function fieldsOf(f: { name: string; value: string }): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  let cur = '';
  for (const part of f.value.split(', ')) {
    const piece = clip(part, LIMITS.fieldValue);
    if (cur && cur.length + 2 + piece.length > LIMITS.fieldValue) {
      out.push({ name: clip(out.length ? `${f.name} (cont.)` : f.name, LIMITS.fieldName), value: cur, inline: false });
      cur = piece;
    } else cur = cur ? `${cur}, ${piece}` : piece;
  }
  out.push({ name: clip(out.length ? `${f.name} (cont.)` : f.name, LIMITS.fieldName) || '\u200b', value: cur || '—', inline: false });
  return out;
}

/** One section as embeds: its heading as the title, lines as the description, fields as fields; continued when over a limit. */
function sectionEmbeds(sec: Section, color: number, lead?: string, title?: string): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let cur: APIEmbed = { color };
  let text = lead ? [lead] : [];
  const head = title ?? sec.title;
  if (head) cur.title = clip(head, LIMITS.title);
  const close = () => {
    if (text.length) cur.description = text.join('\n');
    if (cur.title || cur.description || cur.fields?.length) embeds.push(cur);
    cur = { color };
    text = [];
  };
  for (const b of sec.blocks) {
    if (b.type === 'fields') {
      for (const f of b.fields.flatMap(fieldsOf)) {
        if ((cur.fields?.length ?? 0) >= LIMITS.fields) close();
        cur.fields = [...(cur.fields ?? []), f];
      }
      continue;
    }
    if (cur.fields?.length) close();
    const md = clip(`${text.length && b.type === 'quote' ? '\n' : ''}${blockMarkdown(b)}`, LIMITS.description);
    if (text.length && text.join('\n').length + 1 + md.length > LIMITS.description) close();
    text.push(md);
  }
  close();
  return embeds;
}

/** The messages of a digest view: one whenever it fits, else consecutive parts of whole embeds. */
export function digestMessages(view: View): APIEmbed[][] {
  const color = accentColor(view.accent);
  const [header, ...rest] = sections(view);
  const embeds = [
    ...sectionEmbeds(header ?? { title: null, blocks: [] }, color, view.lead, clip(view.title, LIMITS.title) || '\u200b'),
    ...rest.flatMap((s) => sectionEmbeds(s, color)),
  ].map((e) => (embedChars(e) > LIMITS.total - 100 ? (fitMessage([e])[0] as APIEmbed) : e));
  const withFooter = (msg: APIEmbed[], note?: string): APIEmbed[] => {
    const text = [view.footer, note].filter(Boolean).join(' · ');
    if (!text) return msg;
    const last = msg[msg.length - 1] as APIEmbed;
    return [...msg.slice(0, -1), { ...last, footer: { text: clip(text, LIMITS.footer) } }];
  };
  const size = (msg: APIEmbed[]) => msg.reduce((n, e) => n + embedChars(e), 0);
  const footerRoom = (view.footer?.length ?? 0) + 20;
  if (embeds.length <= LIMITS.embeds && size(embeds) + footerRoom <= LIMITS.total) return [withFooter(embeds)];
  // It cannot fit: consecutive messages of whole embeds, in order.
  const parts: APIEmbed[][] = [];
  let cur: APIEmbed[] = [];
  for (const e of embeds) {
    if (cur.length && (cur.length >= LIMITS.embeds || size(cur) + embedChars(e) + footerRoom > LIMITS.total)) {
      parts.push(cur);
      cur = [];
    }
    cur.push(e);
  }
  if (cur.length) parts.push(cur);
  return parts.map((p, i) => withFooter(p, parts.length > 1 ? `Part ${i + 1} of ${parts.length}` : undefined));
}
