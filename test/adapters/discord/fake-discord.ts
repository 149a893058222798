/**
 * A local Discord: enough of REST v10 and the gateway (v10, JSON) for the real discord.js client.
 * HTTP and WebSocket on 127.0.0.1, port 0. It records every REST request, can fail a route once
 * (e.g. a 429 with retry-after), delivers INTERACTION_CREATE dispatches, and can drop the socket
 * to force discord.js to resume.
 *
 * Channel messages honour `enforce_nonce` as Discord does: a second message with the same nonce
 * from the bot inside `nonceWindowMs` returns the first one instead of creating another. A
 * request can also lose its answer: `dropNext` closes the connection after (or before) the
 * request is processed, `holdNext` processes it and never answers (until close).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { DEFAULT_GUILD, type InteractionOpts, interactionPayload, messageObject, user } from './payloads.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query, e.g. /api/v10/webhooks/APP/tok/messages/@original. */
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON, read freely by tests
  body: any;
  headers: IncomingMessage['headers'];
  /** The status this server answered with (-1: cut before it was processed). */
  status: number;
  /** Set when the request got no answer: 'dropped' (connection closed) or 'held' (never answered). */
  lost?: 'dropped' | 'held';
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** How a request loses its answer: processed then cut ('after'), cut unprocessed ('before'), or processed and never answered ('hold'). */
export type Loss = 'after' | 'before' | 'hold';

/** A message created in a channel (deduplicated nonces are not created twice). */
export interface Created {
  channelId: string;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON
  body: any;
  message: Record<string, unknown>;
  at: number;
}

export interface Sent {
  id: string;
  token: string;
}

const EPOCH = 1420070400000n;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Registered commands: key 'global' or a guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  /** Channels that answer 404 Unknown Channel. */
  readonly goneChannels = new Set<string>();
  readonly identifies: Record<string, unknown>[] = [];
  readonly resumes: Record<string, unknown>[] = [];
  /** Every gateway payload received from the client. */
  readonly received: { op: number; d: unknown }[] = [];
  readonly applicationId: string;
  readonly botUser = { ...user('900000000000000001', 'briefing'), bot: true };
  private readonly failures: Failure[] = [];
  /** Channel messages created, oldest first. */
  readonly created: Created[] = [];
  /** How long an enforced nonce deduplicates (Discord: "a few minutes"). */
  nonceWindowMs = 2 * 60_000;
  private readonly losses: { method: string; path: RegExp; how: Loss; skip: number }[] = [];
  private readonly held = new Set<ServerResponse>();
  private readonly wss: WebSocketServer;
  /** Gateway sessions by id: their current socket and last sequence number. */
  private readonly sessions = new Map<string, { ws: WebSocket | null; seq: number }>();
  /** The session that interactions go to: the first client that identified, unless set. */
  primary = '';
  private counter = 0n;
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    applicationId: string,
  ) {
    this.applicationId = applicationId;
    this.wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, sock, head) => {
      this.wss.handleUpgrade(req, sock, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(applicationId = '800000000000000001'): Promise<FakeDiscord> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const fake = new FakeDiscord(server, (server.address() as AddressInfo).port, applicationId);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Whether the primary session has an open socket. */
  get connected(): boolean {
    const ws = this.sessions.get(this.primary)?.ws;
    return ws != null && ws.readyState === ws.OPEN;
  }

  /** Answer the next request matching method and path with this failure, once. */
  failOnce(method: string, path: RegExp, status: number, body: unknown, headers?: Record<string, string>): void {
    this.failures.push({ method, path, status, body, headers });
  }

  /** The next request matching method and path, after `skip` answered ones, gets no answer (see Loss). */
  dropNext(method: string, path: RegExp, how: Loss = 'after', skip = 0): void {
    this.losses.push({ method, path, how, skip });
  }

  /** The next request matching method and path is processed and never answered. */
  holdNext(method: string, path: RegExp): void {
    this.dropNext(method, path, 'hold');
  }

  /** Forget losses queued by dropNext/holdNext that no request consumed. */
  clearLosses(): void {
    this.losses.length = 0;
  }

  /** Close the connections of held requests (their answers are never sent). */
  cutHeld(): void {
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  /** Messages created in a channel, oldest first. */
  messagesIn(channelId: string): Created[] {
    return this.created.filter((c) => c.channelId === channelId);
  }

  /** A per-route 429, as Discord sends it (headers and body). */
  rateLimitOnce(method: string, path: RegExp, retryAfterSec = 0.2): void {
    this.failOnce(
      method,
      path,
      429,
      { message: 'You are being rate limited.', retry_after: retryAfterSec, global: false },
      { 'retry-after': String(retryAfterSec), 'x-ratelimit-scope': 'user', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': String(retryAfterSec) },
    );
  }

  snowflake(): string {
    this.counter += 1n;
    return (((BigInt(Date.now()) - EPOCH) << 22n) + this.counter).toString();
  }

  // --- REST ---

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = req.method ?? 'GET';
    const rec: RecordedRequest = { method, path, query: url.searchParams, body, headers: req.headers, status: 0 };
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      this.requests.push(rec);
      res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
      for (const w of this.waiters) w();
    };
    const li = this.losses.findIndex((l) => l.method === method && l.path.test(path));
    const pending = li >= 0 ? this.losses[li] : undefined;
    let loss: Loss | undefined;
    if (pending && pending.skip > 0) pending.skip--;
    else if (pending) loss = this.losses.splice(li, 1)[0]?.how;
    if (loss === 'before') {
      rec.status = -1;
      rec.lost = 'dropped';
      this.requests.push(rec);
      req.socket.destroy();
      for (const w of this.waiters) w();
      return;
    }
    const answer = loss
      ? (status: number) => {
          rec.status = status;
          rec.lost = loss === 'hold' ? 'held' : 'dropped';
          this.requests.push(rec);
          if (loss === 'hold') this.held.add(res);
          else req.socket.destroy();
          for (const w of this.waiters) w();
        }
      : send;
    const fi = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (fi >= 0) {
      const [f] = this.failures.splice(fi, 1);
      if (f) return answer(f.status, f.body, f.headers);
    }
    const r = this.route(method, path.replace(/^\/api\/v10/, ''), body as Record<string, unknown> | null);
    answer(r.status, r.body);
  }

  private route(method: string, p: string, body: Record<string, unknown> | null): { status: number; body?: unknown } {
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/gateway/bot') {
      return {
        status: 200,
        body: { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if (method === 'GET' && p === '/applications/@me') return { status: 200, body: { id: this.applicationId, name: 'briefing', flags: 0 } };
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p))) {
      if (m[1] !== this.applicationId) return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      const key = m[2] ?? 'global';
      if (method === 'GET') return { status: 200, body: this.commands.get(key) ?? [] };
      if (method === 'PUT') {
        // Discord echoes the commands with ids, versions and defaults filled in.
        const list = (body as unknown as Record<string, unknown>[]).map((c) => ({
          id: this.snowflake(),
          application_id: this.applicationId,
          version: this.snowflake(),
          default_member_permissions: null,
          dm_permission: true,
          nsfw: false,
          integration_types: [0],
          contexts: null,
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          ...c,
        }));
        this.commands.set(key, list);
        return { status: 200, body: list };
      }
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(p)) && method === 'POST') return { status: 204 };
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(p))) {
      if (method === 'PATCH' || method === 'GET') return { status: 200, body: this.message(body ?? {}, m[3] === '@original' ? undefined : m[3]) };
      if (method === 'DELETE') return { status: 204 };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(p)) && method === 'POST') return { status: 200, body: this.message(body ?? {}) };
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(p)) && method === 'POST') {
      if (this.goneChannels.has(m[1] as string)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      return { status: 200, body: this.createMessage(m[1] as string, body ?? {}) };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** A channel message; with enforce_nonce, the one already created with that nonce inside the window. */
  private createMessage(channelId: string, body: Record<string, unknown>): Record<string, unknown> {
    const nonce = body.nonce === undefined ? undefined : String(body.nonce);
    if (nonce !== undefined && body.enforce_nonce === true) {
      const now = Date.now();
      const prior = this.created.find((c) => c.channelId === channelId && c.body?.nonce !== undefined && String(c.body.nonce) === nonce && now - c.at <= this.nonceWindowMs);
      if (prior) return prior.message;
    }
    const message = { ...this.message(body, undefined, channelId), ...(nonce !== undefined ? { nonce } : {}) };
    this.created.push({ channelId, body, message, at: Date.now() });
    return message;
  }

  /** A full message object, as Discord returns for sends and edits. */
  message(body: Record<string, unknown>, id?: string, channelId?: string): Record<string, unknown> {
    return messageObject(body, { id: id ?? this.snowflake(), channelId, author: this.botUser, applicationId: this.applicationId });
  }

  /** Resolves when a recorded request satisfies `pred` (checked now and after every new request). */
  async waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(pred);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.requests.find(pred);
        if (hit) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake-discord: no matching request within ${timeoutMs} ms; got:\n${this.requests.map((r) => `${r.status} ${r.method} ${r.path}`).join('\n')}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  // --- gateway ---

  private onSocket(ws: WebSocket): void {
    let session = '';
    const send = (payload: unknown) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null });
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> };
      this.received.push(msg);
      if (msg.op === 1) send({ op: 11, d: null, s: null, t: null });
      if (msg.op === 2) {
        this.identifies.push(msg.d);
        session = `session-${this.identifies.length}`;
        this.sessions.set(session, { ws, seq: 0 });
        // The primary client re-identifying after losing its session stays the primary.
        if (!this.primary || !this.sessions.get(this.primary)?.ws) this.primary = session;
        this.dispatch(
          'READY',
          {
            v: 10,
            user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
            guilds: [],
            session_id: session,
            resume_gateway_url: `ws://127.0.0.1:${this.port}/resume`,
            application: { id: this.applicationId, flags: 0 },
            shard: [0, 1],
          },
          session,
        );
      }
      if (msg.op === 6) {
        this.resumes.push(msg.d);
        const known = this.sessions.get(String(msg.d.session_id));
        if (known) {
          session = String(msg.d.session_id);
          known.ws = ws;
          this.dispatch('RESUMED', {}, session);
        } else send({ op: 9, d: false, s: null, t: null });
      }
    });
    ws.on('close', () => {
      const s = this.sessions.get(session);
      if (s?.ws === ws) s.ws = null;
    });
  }

  /** Send a dispatch (op 0) on a session, the primary one by default. */
  dispatch(t: string, d: unknown, session = this.primary): void {
    const s = this.sessions.get(session);
    if (!s?.ws) throw new Error(`fake-discord: no gateway connection for ${session || 'any session'}`);
    s.seq += 1;
    s.ws.send(JSON.stringify({ op: 0, t, s: s.seq, d }));
  }

  /**
   * Drop the primary session's socket and wait until the client is back: without a close frame
   * (code 1006) discord.js resumes on resume_gateway_url; with a code it acts on that code.
   */
  async dropConnection(code?: number): Promise<void> {
    const before = this.resumes.length + this.identifies.length;
    const ws = this.sessions.get(this.primary)?.ws;
    if (code === undefined) ws?.terminate();
    else ws?.close(code, 'test');
    const until = Date.now() + 10_000;
    while (!(this.connected && this.resumes.length + this.identifies.length > before)) {
      if (Date.now() > until) throw new Error('fake-discord: client did not reconnect');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private base(type: number, data: unknown, o: InteractionOpts) {
    const id = this.snowflake();
    const token = `tok-${id}`;
    return { id, token, payload: interactionPayload({ id, token, applicationId: this.applicationId }, type, data, o) };
  }

  /** A slash command (interaction type 2). Options as Discord sends them: [{name, type, value}] or a subcommand. */
  command(name: string, options: unknown[] = [], o: InteractionOpts = {}): Sent {
    const { id, token, payload } = this.base(2, { id: '100000000000000001', name, type: 1, options, guild_id: o.guildId ?? DEFAULT_GUILD }, o);
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /** Autocomplete (interaction type 4) with one focused option. */
  autocomplete(name: string, options: unknown[], o: InteractionOpts = {}): Sent {
    const { id, token, payload } = this.base(4, { id: '100000000000000001', name, type: 1, options }, o);
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /** A button press (interaction type 3) on a message the bot sent. */
  button(customId: string, message: Record<string, unknown>, o: InteractionOpts = {}): Sent {
    const { id, token, payload } = this.base(3, { custom_id: customId, component_type: 2 }, o);
    this.dispatch('INTERACTION_CREATE', { ...payload, message });
    return { id, token };
  }

  async close(): Promise<void> {
    this.cutHeld();
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export { type InteractionOpts, opt, PERMS, user } from './payloads.js';
