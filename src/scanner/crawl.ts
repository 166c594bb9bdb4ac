/**
 * Which pages a scan visits: same-origin links, in the order they are found (breadth first),
 * and the site's sitemap.xml, up to a bound.
 */

/** Files a link can point at that are not pages: following them would only download them. */
const NOT_A_PAGE =
  /\.(pdf|zip|gz|tgz|rar|7z|png|jpe?g|gif|svg|webp|avif|ico|mp[34]|webm|mov|avi|wav|ogg|css|js|mjs|json|xml|txt|csv|woff2?|ttf|eot|exe|dmg|apk)$/i;

/** A page's URL without its fragment, or undefined when it is not a same-origin page. */
export function samePageUrl(href: string, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || NOT_A_PAGE.test(url.pathname)) return undefined;
  url.hash = '';
  return url.href;
}

/** Runs in the page: where its links lead. */
export function readLinks(): string[] {
  return [...document.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href);
}

/** The `<loc>` URLs of the origin's /sitemap.xml; none when there is no sitemap or it cannot be read. */
export async function sitemapUrls(origin: string, timeoutMs: number): Promise<string[]> {
  try {
    const response = await fetch(new URL('/sitemap.xml', origin), { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) return [];
    const xml = await response.text();
    return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => decodeXml(match[1]!));
  } catch {
    return [];
  }
}

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[entity]!);
}

/** The pages still to visit, each once, at most `limit` in all. */
export class CrawlQueue {
  readonly #queued = new Set<string>();
  readonly #waiting: string[] = [];
  readonly #visited: string[] = [];

  constructor(
    readonly origin: string,
    readonly limit: number,
  ) {}

  add(hrefs: Iterable<string>): void {
    for (const href of hrefs) {
      const url = samePageUrl(href, this.origin);
      if (url && !this.#queued.has(url)) {
        this.#queued.add(url);
        this.#waiting.push(url);
      }
    }
  }

  /** The next page to visit, or undefined when the bound is reached or nothing is left. */
  next(): string | undefined {
    return this.#visited.length < this.limit ? this.#waiting.shift() : undefined;
  }

  /** A visited page, by its URL after redirects; returns false when that page was visited already. */
  visited(finalUrl: string): boolean {
    this.#queued.add(finalUrl);
    if (this.#visited.includes(finalUrl)) return false;
    this.#visited.push(finalUrl);
    return true;
  }

  get pages(): string[] {
    return [...this.#visited];
  }
}

/**
 * Whether a host belongs to the scanned site: the same host, or the same registrable domain,
 * approximated as the last two labels (three under a two-letter country code with a short
 * second level, as in example.co.uk). IP addresses match only themselves.
 */
export function sameSite(host: string, siteHost: string): boolean {
  if (host === siteHost) return true;
  if (/^[\d.]+$|:/.test(host) || /^[\d.]+$|:/.test(siteHost)) return false;
  return registrableDomain(host) === registrableDomain(siteHost);
}

function registrableDomain(host: string): string {
  const labels = host.split('.');
  const countryCode = labels.length >= 3 && labels.at(-1)!.length === 2 && labels.at(-2)!.length <= 3;
  return labels.slice(countryCode ? -3 : -2).join('.');
}
