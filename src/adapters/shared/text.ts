/** Plain-text rendering of the neutral view: the terminal's output and the chat adapters' fallback text. */
import type { Block, View } from '../../core/answer/view.js';

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
      const src = b.cites.length ? ` [${b.cites.map((c) => c.source).join('; ')}]` : '';
      return `  • ${b.when}: ${b.text}${src}`;
    }
    case 'fields':
      return b.fields.map((f) => `  ${f.name}: ${f.value}`).join('\n');
  }
}

export function viewToText(view: View): string {
  const parts = [view.title];
  if (view.lead) parts.push(view.lead);
  for (const b of view.blocks) parts.push(blockToText(b));
  if (view.footer) parts.push(`(${view.footer})`);
  return parts.join('\n');
}
