/** Hand-made views for the Slack tests. */
import type { Block, View } from '../../../src/core/answer/view.js';

/** A timeline-like view far longer than one Slack page, with text that must be escaped. */
export function longView(n = 60): View {
  const blocks: Block[] = [];
  for (let i = 1; i <= n; i++) {
    blocks.push({
      type: 'line',
      when: `${(i % 28) + 1} Jan 2019`,
      text: `Event ${i}: <!channel> a long sentence about the crisis & what happened next, repeated to fill the page. `.repeat(2),
      cites: [{ docId: `d${i}`, source: 'The Associated Press', at: null, when: '' }],
    });
  }
  return { kind: 'timeline', title: 'Timeline', accent: { kind: 'info' }, lead: `${n} events`, blocks, footer: 'Sources: AP' };
}
