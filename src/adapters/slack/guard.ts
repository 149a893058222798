/**
 * A guard in front of Bolt's HTTP receiver for what Bolt 5.1 does not check: a request stamped
 * more than 5 minutes in the future (Bolt refuses only the past), and a replay of a request
 * already seen inside the 5-minute window (same signature). Bolt's own signature and staleness
 * checks still run after this one. Socket Mode has no signed HTTP requests and needs neither.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../log.js';

/** Slack's window: a request's timestamp may differ from our clock by at most this. */
export const WINDOW_SECONDS = 5 * 60;

export type GuardVerdict = { ok: true } | { ok: false; reason: 'no signature' | 'bad timestamp' | 'stale' | 'future' | 'bad signature' | 'replay' };

export interface RequestGuardOptions {
  signingSecret: string;
  /** Milliseconds since the epoch; Date.now by default. */
  now?: () => number;
  /** Signatures remembered at most (oldest forgotten first); each is kept for the window only. */
  maxRemembered?: number;
}

/** Freshness (both directions), signature, and one use per signature inside the window. */
export class RequestGuard {
  private readonly seen = new Map<string, number>();
  private readonly now: () => number;
  private readonly max: number;

  constructor(private readonly o: RequestGuardOptions) {
    this.now = o.now ?? Date.now;
    this.max = o.maxRemembered ?? 100_000;
  }

  check(timestamp: string | undefined, signature: string | undefined, body: string): GuardVerdict {
    if (!signature || !timestamp) return { ok: false, reason: 'no signature' };
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad timestamp' };
    const ts = Number(timestamp);
    const nowSec = Math.floor(this.now() / 1000);
    if (ts < nowSec - WINDOW_SECONDS) return { ok: false, reason: 'stale' };
    if (ts > nowSec + WINDOW_SECONDS) return { ok: false, reason: 'future' };
    const expected = Buffer.from(`v0=${createHmac('sha256', this.o.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
    this.sweep(nowSec);
    if (this.seen.has(signature)) return { ok: false, reason: 'replay' };
    // Remembered until the request could no longer pass the freshness check anyway.
    this.seen.set(signature, ts + WINDOW_SECONDS);
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string);
    return { ok: true };
  }

  /** Signatures currently remembered. */
  get size(): number {
    return this.seen.size;
  }

  private sweep(nowSec: number): void {
    for (const [sig, until] of this.seen) {
      if (until < nowSec) this.seen.delete(sig);
      else if (this.seen.size < this.max) break; // roughly in time order: stop at the first live one
    }
  }
}

const BODY_LIMIT = 10 * 1024 * 1024; // Bolt's default bodyLimit

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A client that goes away mid-body: no 'end' will come.
    req.on('close', () => {
      if (!ended) reject(new Error('request closed before its body ended'));
    });
  });
}

function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Put the guard in front of the receiver's request listener for POSTs to `path`. The body is
 * read once here and handed on as `rawBody`, which Bolt reuses instead of reading the stream.
 */
export function guardReceiver(receiver: HTTPReceiver, guard: RequestGuard, path: string, log: Logger): void {
  const inner: RequestListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return inner(req, res);
    readBody(req).then(
      (raw) => {
        if (!raw) return refuse(res, 413);
        const body = raw.toString('utf8');
        // Slack's SSL check carries no signature; Bolt answers it and drops anything else in it.
        const sslCheck = header(req, 'content-type') === 'application/x-www-form-urlencoded' && new URLSearchParams(body).get('ssl_check') === '1';
        if (!sslCheck) {
          const v = guard.check(header(req, 'x-slack-request-timestamp'), header(req, 'x-slack-signature'), body);
          if (!v.ok) {
            log.warn({ reason: v.reason }, 'Slack request refused');
            return refuse(res, 401);
          }
        }
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
        try {
          inner(req, res);
        } catch (err) {
          log.error({ err }, 'Slack request handling failed');
          refuse(res, 500);
        }
      },
      (err: unknown) => {
        log.warn({ err }, 'Slack request body could not be read');
        refuse(res, 400);
      },
    );
  };
}
