/**
 * Issue 12: every question's cost grows at most linearly with the corpus and stays flat where it
 * can. This runs each question (stance, timeline, digest, ask, actors, sources, autocomplete) on a
 * real SQLite knowledge base, records every statement they execute, and fails when EXPLAIN QUERY
 * PLAN shows a full SCAN of a table that grows with the corpus, unless the scan is listed below
 * with the reason it is bounded or inherent. No timing here: `npm run bench -- --scale` measures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_CRISIS, synthArticles } from '../../bench/synth.js';
import { Briefing, type IncomingArticle } from '../../src/core/briefing.js';
import { EventReader } from '../../src/store/kb-events.js';
import { Store } from '../../src/store/store.js';

/** Tables whose size grows with the corpus. */
const LARGE = new Set(['documents', 'sentences', 'sentences_fts', 'mentions', 'actors', 'claims', 'stances', 'events', 'event_sources', 'event_actors', 'quotes', 'figures']);

/** Full scans that are allowed, each with why it is bounded or the answer itself. */
const ALLOWED: { sql: RegExp; table: string; why: string }[] = [
  { sql: /FROM events e ORDER BY e\.importance DESC, e\.id LIMIT \?$/, table: 'events', why: 'walks the importance index in order and stops after LIMIT rows' },
  {
    sql: /FROM events e WHERE EXISTS \(SELECT 1 FROM event_actors ea WHERE ea\.event_id = e\.id AND ea\.actor_id IN \([?,]+\)\) ORDER BY e\.importance DESC, e\.id LIMIT \?$/,
    table: 'events',
    why: "an actor with many events: walks the importance index until LIMIT of them turn up (about LIMIT x events / EventReader.manyEvents rows)",
  },
  { sql: /^SELECT COUNT\(\*\) AS n FROM events e\s*$/, table: 'events', why: "a bare COUNT(*) is SQLite's count optimisation: it sums b-tree pages, not rows" },
  { sql: /^SELECT \* FROM actors WHERE mentions > 0 OR id IN/, table: 'actors', why: 'the actor list itself (roster, name resolution): read once per ingest and cached' },
  { sql: /^SELECT 1 FROM stances WHERE NOT EXISTS \(SELECT 1 FROM stance_history\) LIMIT 1$/, table: 'stances', why: 'LIMIT 1: whether position histories must be built, answered by the first row' },
  { sql: /^SELECT \* FROM actors WHERE kind = 'person'$/, table: 'actors', why: 'the people the gazetteer knows, read once when the knowledge base opens' },
  { sql: /^SELECT actor_id, alignment, strength FROM stances$/, table: 'stances', why: "every actor's position for the roster: one row per actor, cached per ingest" },
  { sql: /^SELECT d\.id, d\.title, d\.source, d\.published, d\.url, \(SELECT COUNT\(\*\)/, table: 'documents', why: 'the `sources` command lists the whole corpus by design' },
];

interface Recorded {
  sql: string;
  args: unknown[];
}

function tablesByAlias(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  const keywords = new Set(['on', 'where', 'join', 'cross', 'left', 'inner', 'order', 'group', 'limit', 'using', 'natural']);
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = m[1] as string;
    out.set(table, table);
    const alias = m[2];
    if (alias && !keywords.has(alias.toLowerCase())) out.set(alias, table);
  }
  return out;
}

/** Full scans of large tables in a statement's plan that no ALLOWED entry explains. */
function badScans(store: Store, r: Recorded): string[] {
  const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[];
  const aliases = tablesByAlias(r.sql);
  const flat = r.sql.replace(/\s+/g, ' ').trim();
  const bad: string[] = [];
  for (const { detail } of plan) {
    const m = /^SCAN (\w+)/.exec(detail);
    if (!m) continue;
    const table = aliases.get(m[1] as string) ?? (m[1] as string);
    if (!LARGE.has(table)) continue; // a subquery's rows (SCAN f), or a small table
    if (/VIRTUAL TABLE INDEX \d+:M/.test(detail)) continue; // an FTS5 MATCH reads its terms' postings, not the table
    if (ALLOWED.some((a) => a.table === table && a.sql.test(flat))) continue;
    bad.push(`${detail}  <-  ${flat}`);
  }
  return bad;
}

/** Articles that report the same event, so it has more sources than a timeline lists. */
function sameDayReports(n: number): IncomingArticle[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `report-${i}`,
    title: `Border closes (${i})`,
    source: `Outlet ${i}`,
    published: '2031-07-01',
    timezone: 'UTC',
    text: `Border closes (${i})\n\nCorvania closed its northern border on Monday, officials said.\n\nAt least ${10 + i} people were killed in clashes on Sunday, hospital officials said.\n`,
  }));
}

describe('query plans of every question (issue 12)', () => {
  let store: Store;
  let kb: Briefing;
  const recorded = new Map<string, Recorded>();

  beforeAll(async () => {
    store = new Store(':memory:');
    kb = new Briefing(store, SYNTH_CRISIS);
    const since = new Date(Date.now() - 60_000).toISOString();
    kb.ingest([...synthArticles(80), ...sameDayReports(25)]);
    // Record each statement the questions execute, with its arguments (the plan can depend on them).
    const prepare = store.prepare.bind(store);
    store.prepare = (sql: string) => {
      const st = prepare(sql);
      const record = (args: unknown[]) => {
        if (!recorded.has(sql)) recorded.set(sql, { sql, args });
      };
      return new Proxy(st, {
        get(target, prop) {
          const v = Reflect.get(target, prop, target) as unknown;
          if (typeof v !== 'function') return v;
          if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') {
            return (...args: unknown[]) => {
              record(args);
              return (v as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return (v as (...a: unknown[]) => unknown).bind(target);
        },
      });
    };
    // A fresh Briefing on the same store, so opening (people, actor index) is recorded too.
    kb = new Briefing(store, SYNTH_CRISIS);
    for (const a of ['Norway', 'Lia Marek', 'Atlantis', 'Corvania', 'Northern Front', 'Norwegian']) kb.stance(a);
    kb.timeline({});
    kb.timeline({ actor: 'Norway' });
    kb.timeline({ from: '2031-02-01', to: '2031-02-03', limit: 10 });
    kb.timeline({ actor: 'Norway', from: '2031-02-01', to: '2031-03-01' });
    kb.timeline({ actor: 'Norway', from: '2031-02-01', to: '2031-02-01' });
    // An actor with many events (the threshold lowered so this small corpus has one).
    const many = EventReader.manyEvents;
    EventReader.manyEvents = 3;
    kb.timeline({ actor: 'Norway' });
    EventReader.manyEvents = many;
    kb.digest({});
    kb.digest({ date: '2031-07-01' });
    kb.digest({ since });
    kb.digest({ since: new Date(Date.now() + 60_000).toISOString() });
    for (const q of ['How much aid did Norway pledge?', 'Who recognizes the Northern Front?', 'How old is Lia Marek?', 'What did Atlantis say?', "What is Norway's position?", 'Does Norway back the Northern Front?', 'What did Lia Marek say?', 'What did Norway say?', 'What happened on February 2?']) await kb.ask(q);
    kb.actors();
    kb.sources();
    kb.suggest('nor');
  });

  afterAll(() => store.close());

  it('records the statements of every question', () => {
    const all = [...recorded.keys()].join('\n');
    // The lookups issue 12 names, and the ones each question depends on.
    for (const needle of ['FROM quotes q', 'FROM claims c', 'FROM stances WHERE actor_id', 'FROM event_sources es', 'CROSS JOIN figures f', 'ingested_at > ?', 'sentences_fts MATCH', 'FROM mentions', 'event_actors']) {
      expect(all, needle).toContain(needle);
    }
  });

  it('scans no large table in full, except where the scan is bounded or the answer itself', () => {
    const bad = [...recorded.values()].flatMap((r) => badScans(store, r));
    expect(bad).toEqual([]);
  });

  it('uses the issue-12 indexes for the claims and figures lookups', () => {
    const plans = [...recorded.values()].map((r) => ({ sql: r.sql, plan: (store.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((p) => p.detail).join(' | ') }));
    expect(plans.find((p) => p.sql.includes('FROM claims c'))?.plan).toContain('claims_actor_sentence (actor_id=? AND sentence_id=?)');
    for (const p of plans.filter((x) => x.sql.includes('figures f'))) expect(p.plan).toContain('figures_doc_kind (doc_id=? AND kind=?)');
    expect(plans.find((p) => p.sql.includes('FROM event_sources es'))?.plan).toContain('event_sources_seq (event_id=?)');
  });

  it("reads a digest's first events and figures in index order, stopping early (no sort of the day)", () => {
    const plan = (match: (sql: string) => boolean) =>
      [...recorded.values()].filter((r) => match(r.sql)).map((r) => (store.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((p) => p.detail).join(' | '));
    const figures = plan((sql) => sql.includes('CROSS JOIN figures f'));
    expect(figures).toHaveLength(2);
    for (const p of figures) expect(p).not.toContain('TEMP B-TREE');
    const oneDay = plan((sql) => /FROM events e WHERE e\.day = \? ORDER BY e\.importance DESC, e\.id LIMIT \?$/.test(sql.trim()));
    expect(oneDay).toHaveLength(1);
    expect(oneDay[0]).toContain('events_day_importance (day=?)');
    expect(oneDay[0]).not.toContain('TEMP B-TREE');
  });

  it('lists the first sources of a big story and counts the rest', () => {
    const t = kb.timeline({ from: '2031-06-20', to: '2031-07-01' });
    const big = t.events.find((e) => e.sourcesTotal > 5);
    expect(big, JSON.stringify(t.events.map((e) => [e.text, e.sourcesTotal]))).toBeDefined();
    expect(big?.sources).toHaveLength(5);
    for (const e of t.events) expect(e.sources.length).toBe(Math.min(e.sourcesTotal, 5));
    const d = kb.digest({ date: '2031-07-01' });
    expect(d.sources).toHaveLength(20);
    expect(d.sourcesTotal).toBe(25);
    expect(d.text).toContain('- and 5 more');
  });
});
