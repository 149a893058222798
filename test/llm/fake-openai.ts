/**
 * A local OpenAI-compatible server on 127.0.0.1 (port 0) for the real openai client: it records
 * every request to /v1/chat/completions and answers from a script (status, body with usage,
 * headers, delay). Requests beyond the script get a 500 so a test notices them.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PASSAGES_HEADER } from '../../src/llm/prompt.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: ChatBody;
}

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  [k: string]: unknown;
}

export interface Scripted {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (the client may give up first). */
  delayMs?: number;
}

/** A scripted answer, or a function of the request (e.g. to cite the passage it was sent). */
export type Script = Scripted | ((req: RecordedRequest) => Scripted);

export interface FakeOpenAI {
  /** Base URL for OPENAI_BASE_URL, e.g. http://127.0.0.1:43123/v1 */
  url: string;
  requests: RecordedRequest[];
  /** Queue answers, used in order, one per request. */
  script(...s: Script[]): void;
  /** Forget the requests and whatever is left of the script. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: Script[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString();
    });
    req.on('end', () => {
      const rec: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: (raw ? JSON.parse(raw) : {}) as ChatBody };
      requests.push(rec);
      const next = queue.shift();
      let s: Scripted;
      if (req.url !== '/v1/chat/completions') s = { status: 404, body: { error: { message: `no route ${req.url}` } } };
      else if (next === undefined) s = { status: 500, body: { error: { message: 'fake-openai: no scripted response left' } }, headers: { 'x-should-retry': 'false' } };
      else {
        try {
          s = typeof next === 'function' ? next(rec) : next;
        } catch (err) {
          s = { status: 500, body: { error: { message: `fake-openai: ${(err as Error).message}` } }, headers: { 'x-should-retry': 'false' } };
        }
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(s.status ?? 200, { 'content-type': 'application/json', ...s.headers });
        res.end(JSON.stringify(s.body ?? {}));
      };
      if (!s.delayMs) return send();
      const t = setTimeout(() => {
        timers.delete(t);
        send();
      }, s.delayMs);
      timers.add(t);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...s) => queue.push(...s),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A chat completion whose message content is `content` (an object is sent as JSON text). */
export function completion(content: unknown, usage = { prompt_tokens: 300, completion_tokens: 40 }): Scripted {
  return {
    body: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'fake-model',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content), refusal: null } }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

export interface SentPassage {
  id: string;
  source: string;
  date: string;
  text: string;
}

/** The passages a request carried, read back from its data message. */
export function passagesOf(req: RecordedRequest): SentPassage[] {
  const msg = req.body.messages.find((m) => m.role === 'user' && m.content.startsWith(PASSAGES_HEADER));
  if (!msg) throw new Error('request has no passages message');
  return JSON.parse(msg.content.slice(PASSAGES_HEADER.length + 1)) as SentPassage[];
}

/** The id of the passage that contains `text`, as sent in the request. */
export function idOf(req: RecordedRequest, text: string): string {
  const p = passagesOf(req).find((x) => x.text.includes(text));
  if (!p) throw new Error(`no passage sent contains "${text}"`);
  return p.id;
}

/** A scripted answer citing the passage that contains `quote`, with that quote. */
export function answerCiting(answer: string, quote: string, usage?: { prompt_tokens: number; completion_tokens: number }): Script {
  return (req) => completion({ answer, citations: [{ id: idOf(req, quote), quote }] }, usage);
}
