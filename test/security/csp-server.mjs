/**
 * Pages served with a real Content-Security-Policy *header*, a fresh nonce per request, for the
 * tests of test/security/. A meta CSP cannot carry every directive (report-only, frame-ancestors)
 * and applies only from where it is parsed; a header covers the whole page from its first byte.
 *
 *   GET /security/<file>.html?csp=<mode>&config=<json>&data=<json>&break=<list>
 *
 * serves test/fixtures/security/<file>.html with
 *   {{nonce}}   the request's nonce (base64 of 16 random bytes)
 *   {{config}}  the JSON of ?config (default { revision: 1, policyUrl: "/privacy" }), with "<"
 *               escaped, for the page's <script type="application/json" id="cookie-consent-config">
 *   {{data}}    ?data (a JSON object) as data-* attributes, HTML-escaped, for the script tag
 * and the CSP of ?csp:
 *   none      no CSP
 *   strict    script-src 'nonce-N' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'
 *   tt        strict + require-trusted-types-for 'script'; trusted-types cookie-consent
 *   tt-dup    strict + require-trusted-types-for 'script'; trusted-types cookie-consent 'allow-duplicates'
 *
 * The response is written raw, past the dev server's plugins, so the server's own websocket
 * script (which carries no nonce) is not injected and every violation on the page is the widget's.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const PREFIX = '/security/';
const FIXTURES = fileURLToPath(new URL('../fixtures/security/', import.meta.url));
const DEFAULT_CONFIG = { revision: 1, policyUrl: '/privacy' };

export function cspFor(mode, nonce) {
  const strict = `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'`;
  if (mode === 'strict') return strict;
  if (mode === 'tt') return `${strict}; require-trusted-types-for 'script'; trusted-types cookie-consent`;
  if (mode === 'tt-dup') return `${strict}; require-trusted-types-for 'script'; trusted-types cookie-consent 'allow-duplicates'`;
  return null;
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

function dataAttributes(json) {
  if (!json) return 'data-policy-url="/privacy" data-revision="1"';
  const data = JSON.parse(json);
  return Object.entries(data)
    .map(([name, value]) => `data-${name.replace(/[^a-z0-9-]/g, '')}="${escapeHtml(value)}"`)
    .join(' ');
}

/** Koa middleware for web-test-runner.config.mjs: answers /security/… itself, the rest goes on. */
export async function cspTestServer(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const file = ctx.path.slice(PREFIX.length);
  if (!/^[a-z0-9-]+\.html$/.test(file)) {
    ctx.status = 404;
    return;
  }
  let template;
  try {
    template = await readFile(FIXTURES + file, 'utf8');
  } catch {
    ctx.status = 404;
    return;
  }
  const query = ctx.query;
  const nonce = randomBytes(16).toString('base64');
  const config = typeof query.config === 'string' ? query.config : JSON.stringify(DEFAULT_CONFIG);
  const body = template
    .replaceAll('{{nonce}}', nonce)
    .replaceAll('{{config}}', config.replace(/</g, '\\u003c'))
    .replaceAll('{{data}}', dataAttributes(typeof query.data === 'string' ? query.data : ''));
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  const csp = cspFor(typeof query.csp === 'string' ? query.csp : 'strict', nonce);
  if (csp) headers['content-security-policy'] = csp;
  ctx.respond = false;
  ctx.res.writeHead(200, headers);
  ctx.res.end(body);
}
