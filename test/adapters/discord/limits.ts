/** Shared assertion: a Discord message payload respects every limit Discord enforces. */
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { embedChars, LIMITS } from '../../../src/adapters/discord/render.js';

/** Every hard limit Discord enforces on one message. */
export function expectWithinLimits(embeds: APIEmbed[], content = ''): void {
  expect(content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    total += embedChars(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.total);
}

