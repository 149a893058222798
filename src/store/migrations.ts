/** Versioned schema migrations, applied in order inside one transaction each (PRAGMA user_version). */
export const migrations: string[] = [
  // 1: corpus and knowledge base
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    published TEXT NOT NULL,
    timezone TEXT NOT NULL,
    url TEXT,
    path TEXT,
    hash TEXT NOT NULL UNIQUE,
    bytes INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    para INTEGER NOT NULL,
    text TEXT NOT NULL,
    at TEXT,
    precision TEXT
  );
  CREATE INDEX sentences_doc ON sentences(doc_id, seq);
  CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
  CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    affiliation TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE mentions (
    actor_id TEXT NOT NULL,
    sentence_id INTEGER NOT NULL,
    PRIMARY KEY (actor_id, sentence_id)
  ) WITHOUT ROWID;
  CREATE INDEX mentions_sentence ON mentions(sentence_id);
  CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    actor_id TEXT NOT NULL,
    side TEXT,
    strength TEXT NOT NULL,
    sentence_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    at TEXT,
    precision TEXT,
    speaker TEXT,
    cue TEXT
  );
  CREATE INDEX claims_actor ON claims(actor_id);
  CREATE TABLE stances (
    actor_id TEXT PRIMARY KEY,
    alignment TEXT NOT NULL,
    strength TEXT,
    summary TEXT NOT NULL,
    change TEXT,
    last_at TEXT
  );
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    at TEXT NOT NULL,
    precision TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    scheduled INTEGER NOT NULL DEFAULT 0,
    sig TEXT NOT NULL,
    weight REAL NOT NULL,
    n_sources INTEGER NOT NULL DEFAULT 1,
    importance REAL NOT NULL DEFAULT 0,
    sentence_id INTEGER NOT NULL
  );
  CREATE INDEX events_day ON events(day);
  CREATE INDEX events_importance ON events(importance DESC);
  CREATE TABLE event_sources (
    event_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    sentence_id INTEGER NOT NULL,
    PRIMARY KEY (event_id, doc_id)
  ) WITHOUT ROWID;
  CREATE TABLE event_actors (
    event_id INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (actor_id, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX event_actors_event ON event_actors(event_id);
  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker_id TEXT,
    speaker TEXT
  );
  CREATE INDEX quotes_speaker ON quotes(speaker_id);
  CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    text TEXT NOT NULL,
    at TEXT,
    day TEXT
  );
  CREATE INDEX figures_day ON figures(day);
  `,
  // 2: digest subscriptions and the delivery ledger
  `
  CREATE TABLE subscriptions (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    time TEXT NOT NULL,
    timezone TEXT NOT NULL,
    days TEXT NOT NULL DEFAULT 'daily',
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    disabled_reason TEXT,
    last_delivered TEXT,
    last_doc_seen TEXT,
    PRIMARY KEY (platform, channel_id)
  );
  CREATE TABLE deliveries (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    local_date TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    due_at TEXT NOT NULL,
    posted_at TEXT,
    late INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, channel_id, local_date)
  );
  `,
  // 3: scheduled digests: when a schedule took effect, retry times and delivery claims
  `
  ALTER TABLE subscriptions ADD COLUMN updated_at TEXT;
  ALTER TABLE deliveries ADD COLUMN next_attempt_at TEXT;
  ALTER TABLE deliveries ADD COLUMN claim_id TEXT;
  ALTER TABLE deliveries ADD COLUMN claimed_at TEXT;
  CREATE INDEX subscriptions_schedule ON subscriptions(enabled, time, timezone, days);
  CREATE INDEX deliveries_status ON deliveries(status, next_attempt_at);
  `,
  // 4: stances carry their evidence and counts, so a stance question is one indexed read
  `
  ALTER TABLE stances ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE stances ADD COLUMN n_claims INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stances ADD COLUMN n_docs INTEGER NOT NULL DEFAULT 0;
  `,
  // 5: the digest's watch list reads scheduled events by day
  `
  CREATE INDEX events_scheduled ON events(scheduled, day);
  `,
  // 6: news days are read by the day part of the publication date
  `
  CREATE INDEX documents_day ON documents(substr(published, 1, 10));
  `,
  // digest deliveries, exactly once: who holds a claim, the request in flight, pages already posted
  // (its own columns, needing only the deliveries table of migration 2)
  `
  ALTER TABLE deliveries ADD COLUMN claim_owner TEXT;
  ALTER TABLE deliveries ADD COLUMN sending_at TEXT;
  ALTER TABLE deliveries ADD COLUMN pages_done INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE deliveries ADD COLUMN message_ref TEXT;
  `,
  // ingest: derived state marked dirty in the writing transaction, and a version that concurrent writers check
  `
  CREATE TABLE IF NOT EXISTS ingest_dirty (actor_id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS kb_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
  // claims: background ("had said", "earlier") yields to what the article reports as new that day
  `
  ALTER TABLE claims ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
  `,
  // issue 9: each actor's positions by day, so a digest of an earlier day shows the roster as of that day
  `
  CREATE TABLE IF NOT EXISTS stance_history (
    actor_id TEXT NOT NULL,
    day TEXT NOT NULL,
    alignment TEXT NOT NULL,
    strength TEXT,
    PRIMARY KEY (actor_id, day)
  );
  `,
  // feeds followed per crisis (the crisis id is written by src/store/feeds.ts: the default crisis
  // until a deployment holds several), and the items seen, for duplicates by URL and by content
  `
  CREATE TABLE IF NOT EXISTS feeds (
    crisis TEXT NOT NULL,
    url TEXT NOT NULL,
    added_by TEXT,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_polled_at TEXT,
    last_ok_at TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (crisis, url)
  );
  CREATE TABLE IF NOT EXISTS feed_items (
    crisis TEXT NOT NULL,
    feed_url TEXT NOT NULL,
    url_key TEXT NOT NULL,
    canonical_key TEXT,
    content_key TEXT,
    status TEXT NOT NULL,
    doc_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (crisis, feed_url, url_key)
  );
  CREATE INDEX IF NOT EXISTS feed_items_url ON feed_items(crisis, url_key);
  CREATE INDEX IF NOT EXISTS feed_items_canonical ON feed_items(crisis, canonical_key);
  CREATE INDEX IF NOT EXISTS feed_items_content ON feed_items(crisis, content_key);
  `,
  // issue 12: an index for every lookup a question makes, so answers stay flat as the corpus grows
  // (test/perf/query-plans.test.ts checks each question's plans). claims(actor_id, sentence_id)
  // replaces claims(actor_id) and events(day, importance, id) replaces events(day): each prefixes the old.
  `
  CREATE INDEX IF NOT EXISTS claims_actor_sentence ON claims(actor_id, sentence_id);
  DROP INDEX IF EXISTS claims_actor;
  CREATE INDEX IF NOT EXISTS figures_doc_kind ON figures(doc_id, kind);
  CREATE INDEX IF NOT EXISTS event_sources_doc ON event_sources(doc_id);
  CREATE INDEX IF NOT EXISTS event_sources_seq ON event_sources(event_id, sentence_id);
  CREATE INDEX IF NOT EXISTS documents_ingested ON documents(ingested_at);
  CREATE INDEX IF NOT EXISTS events_day_importance ON events(day, importance DESC, id);
  DROP INDEX IF EXISTS events_day;
  `,
  // issue 13: several crises in one deployment. The registry of added crises (the default one, from
  // BRIEFING_SEEDS, is implicit), the crisis each channel follows, and the crisis of a digest.
  `
  CREATE TABLE IF NOT EXISTS crises (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    folder TEXT NOT NULL,
    config TEXT NOT NULL,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS channel_crises (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    crisis TEXT NOT NULL,
    set_by TEXT,
    set_at TEXT NOT NULL,
    PRIMARY KEY (platform, channel_id)
  );
  ALTER TABLE subscriptions ADD COLUMN crisis TEXT;
  `,
  // issue 13: stance-change alerts. `alerts` lives in each crisis's knowledge base (written by the
  // refresh that detects them); alert subscriptions and their cursors are control tables of the main
  // store; a delivery of an alert batch is a ledger row of kind 'alert' (digests keep 'digest').
  // The detection marks start at the corpus as it is, so an existing corpus raises no old alerts.
  `
  CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT,
    actor TEXT,
    from_value TEXT,
    to_value TEXT,
    text TEXT NOT NULL,
    quote TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    doc_id TEXT,
    published TEXT,
    sentence_id INTEGER,
    detected_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS alerts_detected ON alerts(detected_at);
  CREATE TABLE IF NOT EXISTS alert_figure_max (key TEXT PRIMARY KEY, amount REAL NOT NULL, value TEXT NOT NULL, day TEXT);
  CREATE TABLE IF NOT EXISTS kb_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  INSERT OR IGNORE INTO kb_meta (key, value) SELECT 'alerts_figure', COALESCE(MAX(id), 0) FROM figures;
  INSERT OR IGNORE INTO kb_meta (key, value) SELECT 'alerts_event', COALESCE(MAX(id), 0) FROM events;
  CREATE TABLE IF NOT EXISTS alert_subscriptions (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    crisis TEXT NOT NULL,
    kinds TEXT NOT NULL DEFAULT 'all',
    cursor INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    disabled_reason TEXT,
    last_batch_at TEXT,
    PRIMARY KEY (platform, channel_id, crisis)
  );
  ALTER TABLE deliveries ADD COLUMN kind TEXT NOT NULL DEFAULT 'digest';
  `,
  // Sentences are indexed for full-text search once per ingest batch (kb-write.ts indexNewSentences):
  // every sentence stored before this version is indexed already.
  `
  INSERT OR IGNORE INTO kb_meta (key, value) SELECT 'fts_through', COALESCE(MAX(id), 0) FROM sentences;
  `,
  // Mentions are only ever read by sentence: keyed (sentence_id, actor_id), an ingest appends to
  // one b-tree in order instead of inserting at random into two (the key and an index by sentence).
  `
  CREATE TABLE mentions_by_sentence (
    sentence_id INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (sentence_id, actor_id)
  ) WITHOUT ROWID;
  INSERT INTO mentions_by_sentence (sentence_id, actor_id) SELECT sentence_id, actor_id FROM mentions ORDER BY sentence_id, actor_id;
  DROP TABLE mentions;
  ALTER TABLE mentions_by_sentence RENAME TO mentions;
  `,
];
