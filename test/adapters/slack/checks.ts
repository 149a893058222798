/** What every Slack message the bot sends must satisfy: Slack's limits and the escaping rule. */
import { expect } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON, inspected loosely
type Json = any;

/** Every text a message carries: block texts, fields, context elements, buttons, and `text`. */
export function textsOf(msg: Json): { text: string; kind: 'mrkdwn' | 'plain_text' | 'fallback' }[] {
  const out: { text: string; kind: 'mrkdwn' | 'plain_text' | 'fallback' }[] = [];
  const visit = (o: Json) => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(visit);
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push({ text: o.text, kind: o.type });
    for (const v of Object.values(o)) visit(v);
  };
  visit(msg.blocks);
  if (typeof msg.text === 'string') out.push({ text: msg.text, kind: 'fallback' });
  return out;
}

/**
 * Slack's limits and the escaping rule. Outside the renderer's own markup (links to http(s) URLs,
 * `>` quote marks at line starts) no `<` or `>` may remain, and every `&` starts an entity.
 */
export function expectSlackSafe(msg: Json): void {
  expect(Array.isArray(msg.blocks)).toBe(true);
  expect(msg.blocks.length).toBeGreaterThan(0);
  expect(msg.blocks.length).toBeLessThanOrEqual(50);
  expect(typeof msg.text).toBe('string');
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(3000);
  for (const b of msg.blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(10);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
      }
    }
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
    if (b.type === 'actions') for (const e of b.elements) expect(e.value.length).toBeLessThanOrEqual(2000);
  }
  for (const { text, kind } of textsOf(msg)) {
    let t = text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '');
    if (kind === 'mrkdwn') t = t.replace(/^> /gm, '');
    expect(t, `unescaped control character in ${kind}: ${text.slice(0, 200)}`).not.toMatch(/[<>]/);
    expect(t.replace(/&(amp|lt|gt);/g, ''), `bare & in ${kind}`).not.toMatch(/&/);
  }
}

/** The blocks without the page buttons (their ids are random). */
export function withoutNav(blocks: Json[]): Json[] {
  return blocks.filter((b) => b.type !== 'actions');
}
