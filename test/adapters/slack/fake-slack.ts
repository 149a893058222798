/**
 * A local Slack peer for tests, on 127.0.0.1 port 0:
 * - the Web API under /api/<method> (auth.test, chat.postMessage, apps.connections.open, …),
 *   every call recorded; a call can be made to fail once (429 ratelimited, 500, or ok:false);
 * - response_url endpoints at /respond/<id>, every post recorded;
 * - a Socket Mode WebSocket at /socket that greets with {type:'hello'} and records the acks.
 * Plus helpers that sign and send slash commands and block actions to the bot's /slack/events.
 *
 * Posted messages are kept per channel (with their metadata), so conversations.history and
 * conversations.replies answer as Slack does (missing_scope unless `scopes` has the history scope).
 * A call can also lose its answer: `dropNext` closes the connection after (or before) the call is
 * processed, `holdNext` processes it and never answers (until close).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Set when the call got no answer: 'dropped' (connection closed) or 'held' (never answered). */
  lost?: 'dropped' | 'held';
  /** False when the call was dropped before it was processed. */
  processed?: boolean;
}

/** A message the fake holds, as conversations.history returns it. */
export interface SlackMessage {
  channel: string;
  ts: string;
  text: unknown;
  thread_ts?: string;
  // biome-ignore lint/suspicious/noExplicitAny: loosely inspected
  metadata?: any;
}

/** How a call loses its answer: processed then cut ('after'), cut unprocessed ('before'), or processed and never answered ('hold'). */
export type Loss = 'after' | 'before' | 'hold';

export interface ResponsePost {
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are inspected loosely in tests
  body: any;
}

export type Failure = 'ratelimited' | 'http500' | { error: string };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Form fields; values that hold JSON (blocks, payload) are parsed. */
function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Messages the bot sent on the Socket Mode connection (acks). */
  // biome-ignore lint/suspicious/noExplicitAny: loosely inspected
  readonly socketMessages: any[] = [];
  readonly sockets = new Set<WebSocket>();
  /** Messages posted with chat.postMessage, oldest first. */
  readonly messages: SlackMessage[] = [];
  /** The bot token's scopes; conversations.history/replies need channels:history (C…) or groups:history (G…). */
  readonly scopes = new Set(['commands', 'chat:write', 'chat:write.public', 'channels:history', 'groups:history']);
  private readonly failures = new Map<string, Failure[]>();
  private readonly losses = new Map<string, (Loss | null)[]>();
  private readonly held = new Set<import('node:http').ServerResponse>();
  private readonly respondFailures = new Map<string, number[]>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly waiters = new Set<() => void>();
  private ts = 1_700_000_000;

  constructor(
    private readonly server: Server,
    readonly port: number,
  ) {
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('message', (data) => {
        this.socketMessages.push(JSON.parse(String(data)));
        this.notify();
      });
      ws.on('close', () => {
        this.sockets.delete(ws);
        this.notify();
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' }, debug_info: { host: 'fake' } }));
    });
    server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/socket')) this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
      else socket.destroy();
    });
    server.on('request', (req, res) => {
      void this.handle(req).then(({ status, headers, body, lose }) => {
        if (lose === 'hold') this.held.add(res);
        else if (lose) req.socket.destroy();
        else {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(body);
        }
        this.notify();
      });
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(times).fill(failure)]);
  }

  /** The next `times` calls of `method`, after `skip` answered ones, get no answer (see Loss). */
  dropNext(method: string, times = 1, how: Loss = 'after', skip = 0): void {
    this.losses.set(method, [...(this.losses.get(method) ?? []), ...Array<Loss | null>(skip).fill(null), ...Array<Loss>(times).fill(how)]);
  }

  /** The next `times` calls of `method` are processed and never answered. */
  holdNext(method: string, times = 1): void {
    this.dropNext(method, times, 'hold');
  }

  /** Forget losses queued by dropNext/holdNext that no call consumed. */
  clearLosses(): void {
    this.losses.clear();
  }

  /** Close the connections of held calls (their answers are never sent). */
  cutHeld(): void {
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  /** Messages of a channel (thread replies included), oldest first. */
  messagesIn(channel: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** The next post to response_url `id` gets this HTTP status. */
  failRespond(id: string, status: number): void {
    this.respondFailures.set(id, [...(this.respondFailures.get(id) ?? []), status]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when `probe` returns a value (checked after every request the fake serves). */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = probe();
        if (v) {
          cleanup();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  waitForResponse(id: string, n = 1): Promise<ResponsePost> {
    return this.waitFor(() => this.responses.filter((r) => r.id === id)[n - 1], 5000, `response ${id} #${n}`);
  }

  /** Send a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
  }

  waitForAck(envelopeId: string) {
    return this.waitFor(() => this.socketMessages.find((m) => m?.envelope_id === envelopeId), 5000, `ack ${envelopeId}`);
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body: string; lose?: 'drop' | 'hold' }> {
    const raw = await readBody(req);
    const url = req.url ?? '/';
    const respond = /^\/respond\/([^/?]+)/.exec(url);
    if (respond?.[1]) {
      const id = respond[1];
      const fail = this.respondFailures.get(id)?.shift();
      this.responses.push({ id, body: { ...parseBody(raw, req.headers['content-type']), ...(fail ? { _failedWith: fail } : {}) } });
      return fail ? { status: fail, body: 'failed' } : { status: 200, body: 'ok' };
    }
    const api = /^\/api\/([\w.]+)/.exec(url);
    if (!api?.[1]) return { status: 404, body: '{}' };
    const method = api[1];
    const body = parseBody(raw, req.headers['content-type']);
    const call: ApiCall = { method, body, headers: req.headers };
    this.calls.push(call);
    const loss = this.losses.get(method)?.shift();
    if (loss === 'before') {
      call.lost = 'dropped';
      call.processed = false;
      return { status: 0, body: '', lose: 'drop' };
    }
    const fail = this.failures.get(method)?.shift();
    let out: { status: number; headers?: Record<string, string>; body: string };
    if (fail === 'ratelimited') out = { status: 429, headers: { 'retry-after': '1' }, body: JSON.stringify({ ok: false, error: 'ratelimited' }) };
    else if (fail === 'http500') out = { status: 500, body: 'upstream error' };
    else if (fail) out = { status: 200, body: JSON.stringify({ ok: false, error: fail.error }) };
    else out = { status: 200, body: JSON.stringify(this.answer(method, body)) };
    if (!loss) return out;
    call.lost = loss === 'hold' ? 'held' : 'dropped';
    return { ...out, lose: loss === 'hold' ? 'hold' : 'drop' };
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'briefing', team_id: 'T0FAKE', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'chat.postMessage': {
        // Unique and close to the wall clock, as Slack's are (conversations.history filters on it).
        this.ts = Math.max(this.ts + 1, Math.floor(Date.now() / 1000));
        const ts = `${this.ts}.000100`;
        const channel = String(body.channel);
        this.messages.push({
          channel,
          ts,
          text: body.text,
          ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}),
          ...(body.metadata ? { metadata: body.metadata } : {}),
        });
        return { ok: true, channel: body.channel, ts, message: { type: 'message', ts, text: body.text, bot_id: 'B0BOT' } };
      }
      case 'conversations.history':
      case 'conversations.replies':
        return this.history(method, body);
      default:
        return { ok: true };
    }
  }

  /** conversations.history (top-level messages, newest first) and conversations.replies (a thread, oldest first). */
  private history(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const channel = String(body.channel ?? '');
    const scope = channel.startsWith('G') ? 'groups:history' : 'channels:history';
    if (!this.scopes.has(scope)) return { ok: false, error: 'missing_scope', needed: scope, provided: [...this.scopes].join(',') };
    const oldest = Number(body.oldest ?? 0);
    const withMeta = body.include_all_metadata === true || body.include_all_metadata === 'true';
    let list = this.messagesIn(channel).filter((m) => Number(m.ts) >= oldest);
    if (method === 'conversations.replies') {
      const ts = String(body.ts ?? '');
      list = list.filter((m) => m.ts === ts || m.thread_ts === ts);
      if (!list.length) return { ok: false, error: 'thread_not_found' };
    } else list = list.filter((m) => !m.thread_ts || m.thread_ts === m.ts).reverse();
    const limit = Number(body.limit ?? 100);
    const start = Number(body.cursor ?? 0) || 0;
    const page = list.slice(start, start + limit);
    const more = start + limit < list.length;
    return {
      ok: true,
      messages: page.map((m) => ({ type: 'message', ts: m.ts, text: m.text, bot_id: 'B0BOT', ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) })),
      has_more: more,
      response_metadata: { next_cursor: more ? String(start + limit) : '' },
    };
  }

  async close(): Promise<void> {
    this.cutHeld();
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return new FakeSlack(server, (server.address() as AddressInfo).port);
}

// ---- the other direction: requests Slack sends to the bot ----

export function signature(secret: string, ts: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

export interface SignedOptions {
  secret: string;
  /** Unix seconds; default now. */
  ts?: number;
  /** Override the signature (to send a bad one). */
  signature?: string;
}

export interface BotReply {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: loosely inspected
  json: any;
}

/** POST a form body to the bot, signed like Slack signs it. */
export async function postSigned(url: string, body: string, opts: SignedOptions): Promise<BotReply> {
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': opts.signature ?? signature(opts.secret, ts, body),
    },
    body,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

export interface CommandFields {
  command: string;
  text: string;
  response_url: string;
  user_id?: string;
  channel_id?: string;
  channel_name?: string;
}

/** The form body of a slash command, as Slack sends it. */
export function slashCommandBody(f: CommandFields): string {
  return new URLSearchParams({
    token: 'verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: f.channel_id ?? 'C0GENERAL',
    channel_name: f.channel_name ?? 'general',
    user_id: f.user_id ?? 'U0ASKER',
    user_name: 'asker',
    command: f.command,
    text: f.text,
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'false',
    response_url: f.response_url,
    trigger_id: '1.2.3',
  }).toString();
}

/** The payload of a button press on a message (block_actions). */
export function blockActionPayload(opts: { userId: string; actionId: string; value: string; responseUrl: string; channelId?: string }) {
  return {
    type: 'block_actions',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: opts.userId, username: 'someone', name: 'someone', team_id: 'T0FAKE' },
    api_app_id: 'A0FAKE',
    token: 'verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: opts.channelId ?? 'C0GENERAL', is_ephemeral: false },
    trigger_id: '4.5.6',
    channel: { id: opts.channelId ?? 'C0GENERAL', name: 'general' },
    response_url: opts.responseUrl,
    actions: [{ type: 'button', action_id: opts.actionId, block_id: 'pages', value: opts.value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'Next' } }],
  };
}

export function blockActionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
