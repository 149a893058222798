/**
 * A local web server on 127.0.0.1 for feed tests: routes are set per test; every request is
 * recorded (path and headers), and endless responses are ended when the server closes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface WebServer {
  /** http://127.0.0.1:PORT */
  base: string;
  port: number;
  routes: Map<string, Handler>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** Count of requests to a path. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startWebServer(): Promise<WebServer> {
  const routes = new Map<string, Handler>();
  const requests: WebServer['requests'] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    open.add(res);
    res.on('close', () => open.delete(res));
    const h = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    if (!h) {
      res.writeHead(404).end('not found');
      return;
    }
    h(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    routes,
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Serve a fixed body with a content type (and optional ETag / Last-Modified, answering 304s). */
export function serve(body: string, type: string, validators: { etag?: string; lastModified?: string } = {}): Handler {
  return (req, res) => {
    const { etag, lastModified } = validators;
    if ((etag && req.headers['if-none-match'] === etag) || (lastModified && !etag && req.headers['if-modified-since'] === lastModified)) {
      res.writeHead(304).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': type };
    if (etag) headers.etag = etag;
    if (lastModified) headers['last-modified'] = lastModified;
    res.writeHead(200, headers).end(body);
  };
}

/** A news page about the made-up crisis, with boilerplate around the article. */
export function page(o: { title: string; outlet: string; published?: string; canonical?: string; paras: string[]; boilerplate?: string }): string {
  return `<!DOCTYPE html><html><head><title>${o.title} | ${o.outlet}</title>
<meta property="og:title" content="${o.title}"><meta property="og:site_name" content="${o.outlet}">
${o.published ? `<meta property="article:published_time" content="${o.published}">` : ''}
${o.canonical ? `<link rel="canonical" href="${o.canonical}">` : ''}
<script>var tracking = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${o.title}</h1>${o.paras.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside>${o.boilerplate ?? 'Most read: a harbor festival'}</aside><footer>© ${o.outlet}</footer></body></html>`;
}
