import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export type Route = (response: ServerResponse) => void;

export interface FixtureOptions {
  /** A folder of test/scanner/fixtures/ served at /; the built widget is served at /dist/. */
  site?: string;
  host?: string;
  /** `{{key}}` in the site's files becomes the value. */
  replacements?: Record<string, string>;
  routes?: Record<string, Route>;
}

export interface Fixture {
  origin: string;
  /** Every path requested, in order. */
  requested: string[];
  close(): Promise<void>;
}

function fileFor(dir: string, pathname: string): string | undefined {
  const file = normalize(join(dir, decodeURIComponent(pathname)));
  if (!file.startsWith(dir + sep)) return undefined;
  const page = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
  return existsSync(page) ? page : undefined;
}

/** A fixture site on 127.0.0.1 (or another loopback address), on a free port. */
export async function serveFixture(options: FixtureOptions): Promise<Fixture> {
  const requested: string[] = [];
  const siteDir = options.site ? join(import.meta.dirname, 'fixtures', options.site) : undefined;
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://fixture');
    requested.push(pathname);
    // The browser asks for a favicon on its own; a 404 would be a console error in every page.
    const route = options.routes?.[pathname] ?? (pathname === '/favicon.ico' ? respond(204, {}) : undefined);
    if (route) return route(response);
    const file = pathname.startsWith('/dist/') ? fileFor(join(root, 'dist'), pathname.slice('/dist/'.length)) : siteDir && fileFor(siteDir, pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body: string | Buffer = readFileSync(file);
    if (siteDir && file.startsWith(siteDir)) {
      body = body.toString('utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => options.replacements?.[key] ?? '');
    }
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A response for a route: a status, headers and a body. */
export const respond =
  (status: number, headers: Record<string, string>, body: string | Buffer = ''): Route =>
  (response) =>
    void response.writeHead(status, headers).end(body);
