/**
 * Fetching feeds and pages from the web, safely: http and https only; every address a host
 * resolves to is checked before connecting, on every redirect hop, and the connection is pinned to
 * the checked address (no second DNS answer can slip in); loopback, private, link-local and other
 * non-public ranges are refused unless allowed; one deadline covers connect, headers and body; the
 * body is capped (after decompression); redirects are limited; conditional requests are supported.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';

export interface FetchPolicy {
  /** Allow loopback and private addresses (BRIEFING_FETCH_ALLOW_PRIVATE=1). */
  allowPrivate: boolean;
  /** Host names (as written in URLs, lower case) exempt from the address check. */
  allowHosts?: string[];
  /** One deadline for a whole fetch, redirects included. */
  timeoutMs: number;
  /** Largest body accepted, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent?: string;
}

export interface FetchOptions {
  accept?: string;
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  body: string;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchErrorKind = 'refused' | 'timeout' | 'too_large' | 'http' | 'network' | 'redirects';

/** A failed fetch, with a one-line message fit for users. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly kind: FetchErrorKind,
    readonly status?: number,
    /** From Retry-After on a 429 or 503, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Ranges a chat user must not reach through the bot (ipaddr.js range names). Only 'unicast' is public. */
function isPublic(address: string): boolean {
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** Check a URL's scheme and host; returns the address to connect to (null: let the system resolve). */
export async function vetUrl(raw: string, policy: Pick<FetchPolicy, 'allowPrivate' | 'allowHosts'>): Promise<{ url: URL; address: string | null; family: number }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`not a URL: ${raw.slice(0, 200)}`, 'refused');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https URLs can be fetched (not ${url.protocol.replace(/:$/, '')})`, 'refused');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (policy.allowPrivate || policy.allowHosts?.includes(host)) return { url, address: null, family: 0 };
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await dnsLookup(host, { all: true, verbatim: true });
    } catch (err) {
      throw new FetchError(`cannot resolve ${host} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'network');
    }
  }
  // Every answer must be public: a name with one public and one private address is refused.
  const bad = addresses.find((a) => !isPublic(a.address));
  if (bad || addresses.length === 0) throw new FetchError(`refused: ${host} is a private or local address${bad && bad.address !== host ? ` (${bad.address})` : ''}`, 'refused');
  const first = addresses[0] as { address: string; family: number };
  return { url, address: first.address, family: first.family };
}

function charsetOf(contentType: string, head: Buffer): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  const sniff = head.subarray(0, 2048).toString('latin1');
  const fromDoc = /<\?xml[^>]*encoding=["']([\w-]+)/i.exec(sniff)?.[1] ?? /<meta[^>]{0,200}charset=["']?([\w-]+)/i.exec(sniff)?.[1];
  for (const label of [fromHeader, fromDoc, 'utf-8']) {
    if (!label) continue;
    try {
      new TextDecoder(label);
      return label;
    } catch {
      // an unknown label: try the next
    }
  }
  return 'utf-8';
}

function retryAfter(h: string | string[] | undefined, now: number): number | undefined {
  const v = Array.isArray(h) ? h[0] : h;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** One request, one hop. Resolves with the response and its body (or a redirect's location). */
function request(
  target: { url: URL; address: string | null; family: number },
  policy: FetchPolicy,
  opts: FetchOptions,
  signal: AbortSignal,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer | null }> {
  return new Promise((resolve, reject) => {
    const { url, address, family } = target;
    const mod = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {
      'user-agent': policy.userAgent ?? 'crisis-briefing/0.1 (+feeds)',
      accept: opts.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const req = mod.request(url, {
      method: 'GET',
      headers,
      signal,
      // Connect to the address that was checked, not to a fresh DNS answer.
      lookup: address
        ? (_host: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) => (o?.all ? cb(null, [{ address, family }]) : cb(null, address, family))
        : undefined,
    } as http.RequestOptions);
    req.on('error', (err) => reject(err));
    // A body cut short by the deadline must settle the promise whichever stream was reading it.
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    req.on('response', (res) => {
      res.on('error', (err) => reject(err));
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        resolve({ status, headers: res.headers, body: null });
        return;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        resolve({ status, headers: res.headers, body: null });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? '0');
      const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
      if (!enc && declared > policy.maxBytes) {
        req.destroy();
        reject(new FetchError(`too large (${(declared / 1048576).toFixed(1)} MB; the limit is ${(policy.maxBytes / 1048576).toFixed(0)} MB)`, 'too_large'));
        return;
      }
      const stream: NodeJS.ReadableStream =
        enc === 'gzip' || enc === 'x-gzip' ? res.pipe(zlib.createGunzip()) : enc === 'deflate' ? res.pipe(zlib.createInflate()) : enc === 'br' ? res.pipe(zlib.createBrotliDecompress()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > policy.maxBytes) {
          req.destroy();
          reject(new FetchError(`too large (more than ${(policy.maxBytes / 1048576).toFixed(0)} MB)`, 'too_large'));
          return;
        }
        chunks.push(c);
      });
      stream.on('error', (err) => reject(err));
      stream.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.end();
  });
}

/**
 * GET a URL as text under the policy. A 304 gives `notModified`; any other status outside 2xx,
 * a refused address, a timeout, an oversized body or too many redirects is a FetchError.
 */
export async function fetchText(raw: string, policy: FetchPolicy, opts: FetchOptions = {}): Promise<FetchResult> {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => ctrl.abort(), policy.timeoutMs);
  let current = raw;
  try {
    for (let hop = 0; ; hop++) {
      const target = await vetUrl(current, policy);
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(target, policy, opts, ctrl.signal);
      } catch (err) {
        if (err instanceof FetchError) throw err;
        if (ctrl.signal.aborted) {
          if (opts.signal?.aborted) throw new FetchError('cancelled', 'network');
          throw new FetchError(`timed out after ${policy.timeoutMs < 1000 ? `${policy.timeoutMs} ms` : `${Math.round(policy.timeoutMs / 1000)} s`}`, 'timeout');
        }
        const e = err as NodeJS.ErrnoException;
        throw new FetchError(`cannot fetch ${target.url.host} (${e.code ?? e.message})`, 'network');
      }
      const h = res.headers;
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const loc = h.location;
        if (!loc) throw new FetchError(`HTTP ${res.status} without a Location`, 'http', res.status);
        if (hop >= policy.maxRedirects) throw new FetchError(`too many redirects (more than ${policy.maxRedirects})`, 'redirects');
        current = new URL(loc, target.url).href;
        continue;
      }
      const base = { url: target.url.href, status: res.status, contentType: String(h['content-type'] ?? ''), etag: (h.etag as string | undefined) ?? null, lastModified: (h['last-modified'] as string | undefined) ?? null };
      if (res.status === 304) return { ...base, notModified: true, body: '', etag: base.etag ?? opts.etag ?? null, lastModified: base.lastModified ?? opts.lastModified ?? null };
      if (!res.body) throw new FetchError(`HTTP ${res.status}`, 'http', res.status, res.status === 429 || res.status === 503 ? retryAfter(h['retry-after'], Date.now()) : undefined);
      const text = new TextDecoder(charsetOf(base.contentType, res.body)).decode(res.body).replace(/^\uFEFF/, '');
      return { ...base, notModified: false, body: text };
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
