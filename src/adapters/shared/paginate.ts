/**
 * Split a view into pages of whole blocks so each page fits a platform's limits. Both chat
 * adapters use it with their own budgets (Discord: 4,096 description / 6,000 per message;
 * Slack: 3,000 per section / 50 blocks).
 */
import type { Block, View } from '../../core/answer/view.js';
import { capView } from './text.js';

export interface PageBudget {
  /** Characters of block text per page. */
  maxChars: number;
  /** Blocks per page. */
  maxBlocks: number;
}

/** Rough size of a block once rendered (text plus citation labels). */
export function blockSize(b: Block): number {
  switch (b.type) {
    case 'heading':
    case 'text':
      return b.text.length + 4;
    case 'quote':
      return b.text.length + b.cite.source.length + b.cite.when.length + (b.speaker?.length ?? 0) + 12;
    case 'line':
      return b.when.length + b.text.length + b.cites.reduce((n, c) => n + c.source.length + 3, 0) + (b.more?.length ?? 0) + 8;
    case 'fields':
      return b.fields.reduce((n, f) => n + f.name.length + f.value.length + 4, 0);
  }
}

/** Pages of the view; page 1 keeps the lead. A block larger than a page gets a page of its own. */
export function paginate(whole: View, budget: PageBudget): View[] {
  // Capped first, so a hostile megabyte is not copied into every page (cost stays linear).
  const view = capView(whole);
  const pages: Block[][] = [];
  let cur: Block[] = [];
  let size = view.lead?.length ?? 0;
  for (const b of view.blocks) {
    const s = blockSize(b);
    if (cur.length > 0 && (size + s > budget.maxChars || cur.length >= budget.maxBlocks)) {
      pages.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(b);
    size += s;
  }
  if (cur.length > 0 || pages.length === 0) pages.push(cur);
  return pages.map((blocks, i) => ({
    ...view,
    lead: i === 0 ? view.lead : undefined,
    blocks,
    footer: pages.length > 1 ? [view.footer, `Page ${i + 1}/${pages.length}`].filter(Boolean).join(' · ') : view.footer,
  }));
}

/** Cut text to `max` characters on a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const sp = cut.lastIndexOf(' ');
  return `${sp > max * 0.6 ? cut.slice(0, sp) : cut}…`;
}
