/** A minimal static file server over a built `dist/`, for browser tests (loopback only). */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running server and how to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** How to serve. */
export interface ServeOptions {
  /** Gzip text responses for clients that accept it, as static hosts do (for Lighthouse). */
  gzip?: boolean;
}

/** Types worth compressing: text (PNG is compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/** Serves `root` under `base` (e.g. `/dramatis/`) on 127.0.0.1 at a free port; unknown paths get `404.html`. */
export async function serveStatic(
  root: string,
  base = '/',
  options: ServeOptions = {},
): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    let pathname: string;
    try {
      // A path such as `//x` reads as a host; `%` without two hex digits does not decode.
      pathname = decodeURIComponent(new URL(`http://x${request.url ?? '/'}`).pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const relative = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    let file = relative === undefined ? undefined : path.join(root, relative);
    // Inside `root` only: `/..%2Fdist-x/` must not reach a sibling folder named like it.
    const inside = file === undefined ? '' : path.relative(root, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) file = undefined;
    if (file && (await stat(file).catch(() => undefined))?.isDirectory())
      file = path.join(file, 'index.html');
    const body = file ? await readFile(file).catch(() => undefined) : undefined;
    if (body && file) {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (options.gzip && accepts && COMPRESSIBLE.test(type)) {
        response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
        response.end(gzipSync(body));
        return;
      }
      response.writeHead(200, { 'content-type': type });
      response.end(body);
      return;
    }
    response.writeHead(404, { 'content-type': TYPES['.html'] });
    response.end(await readFile(path.join(root, '404.html')).catch(() => 'not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
