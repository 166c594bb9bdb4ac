/**
 * The bench's pages and the files they load, served from 127.0.0.1 with gzip as a production
 * server would send them and no caching, so each visit downloads what it uses. Every page has the
 * same text; they differ only in the consent widget.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const file = (path) => readFileSync(new URL(path, root));

const CONTENT = `<header><h1>Fresh bread every morning</h1><nav><a href="/">Home</a> <a href="/privacy">Privacy</a></nav></header>
<main>${Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i + 1}: our bakery opens at seven, and every loaf is baked the same morning from flour milled nearby.</p>`).join('')}</main>`;

const page = (name) => () => [file(`bench/widgets/${name}.html`).toString().replace('<!--content-->', CONTENT), 'text/html'];

const routes = {
  '/ours.html': page('ours'),
  '/vcc.html': page('vcc'),
  '/orejime.html': page('orejime'),
  // The same page with no consent widget (its analytics script runs as a plain script).
  '/none.html': page('none'),
  '/vcc-config.js': () => [file('bench/widgets/vcc-config.js'), 'text/javascript'],
  '/orejime-config.js': () => [file('bench/widgets/orejime-config.js'), 'text/javascript'],
  '/analytics.js': () => [file('bench/widgets/analytics.js'), 'text/javascript'],
  '/vcc/cookieconsent.umd.js': () => [file('node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js'), 'text/javascript'],
  '/vcc/cookieconsent.css': () => [file('node_modules/vanilla-cookieconsent/dist/cookieconsent.css'), 'text/css'],
  '/orejime/orejime-standard-en.js': () => [file('node_modules/orejime/dist/orejime-standard-en.js'), 'text/javascript'],
  '/orejime/orejime-standard.css': () => [file('node_modules/orejime/dist/orejime-standard.css'), 'text/css'],
};

/** Whatever `npm run build` put in dist/ for the script tag: the main file and its chunks. */
const DIST_SCRIPT = /^\/dist\/cookie-consent(\.[\w-]+)*\.js$/;

function respond(request, response) {
  const path = new URL(request.url, 'http://127.0.0.1').pathname;
  let found = routes[path]?.();
  if (!found && DIST_SCRIPT.test(path)) {
    try {
      found = [file(path.slice(1)), 'text/javascript'];
    } catch {
      found = undefined;
    }
  }
  if (!found) {
    // The privacy link's target, and the icon a browser asks for (a 404 there is an error in the console).
    response.writeHead(path === '/privacy' || path === '/favicon.ico' ? 204 : 404).end();
    return;
  }
  const [body, type] = found;
  response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store' });
  response.end(gzipSync(body, { level: 9 }));
}

/** Starts the server on a free port of 127.0.0.1; resolves to it once it listens. */
export function servePages() {
  const server = createServer(respond);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const originOf = (server) => `http://127.0.0.1:${server.address().port}`;
