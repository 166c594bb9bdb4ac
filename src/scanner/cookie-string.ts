import type { CookieAttributes } from './types.js';

export interface WrittenCookie {
  name: string;
  attributes: CookieAttributes;
  /** Written to delete the cookie (expired, Max-Age 0 or less): not something set. */
  deletes: boolean;
}

/**
 * Reads a `Set-Cookie` header or a `document.cookie` assignment ("name=value; Path=/; ...").
 * `host` is the domain a cookie without a Domain attribute belongs to.
 */
export function parseCookieString(text: string, host: string, now = Date.now()): WrittenCookie | undefined {
  const [pair = '', ...parts] = text.split(';');
  const equals = pair.indexOf('=');
  const name = (equals < 0 ? '' : pair.slice(0, equals)).trim();
  if (!name) return undefined;
  const attributes: CookieAttributes = { domain: host, path: '/', expires: -1, httpOnly: false, secure: false, sameSite: '' };
  let deletes = false;
  for (const part of parts) {
    const [key = '', ...rest] = part.split('=');
    const value = rest.join('=').trim();
    switch (key.trim().toLowerCase()) {
      case 'domain':
        if (value) attributes.domain = value.replace(/^\./, '').toLowerCase();
        break;
      case 'path':
        if (value.startsWith('/')) attributes.path = value;
        break;
      case 'max-age': {
        const seconds = Number(value);
        if (Number.isFinite(seconds)) {
          attributes.expires = Math.floor(now / 1000) + seconds;
          deletes = seconds <= 0;
        }
        break;
      }
      case 'expires': {
        const time = Date.parse(value);
        // Max-Age wins over Expires when both are given.
        if (Number.isFinite(time) && !/max-age/i.test(text)) {
          attributes.expires = Math.floor(time / 1000);
          deletes = time <= now;
        }
        break;
      }
      case 'httponly':
        attributes.httpOnly = true;
        break;
      case 'secure':
        attributes.secure = true;
        break;
      case 'samesite': {
        const sameSite = value.toLowerCase();
        attributes.sameSite = sameSite === 'strict' ? 'Strict' : sameSite === 'none' ? 'None' : sameSite === 'lax' ? 'Lax' : '';
        break;
      }
    }
  }
  return { name, attributes, deletes };
}
