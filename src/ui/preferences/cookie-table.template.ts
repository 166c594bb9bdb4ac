import { html, nothing, type TemplateResult } from 'lit';
import type { CookieDescription } from '../../core/types.js';
import { format } from '../i18n/languages.js';
import type { Strings } from '../i18n/shown-strings.js';

/** The cookies a category or a service sets, behind a summary that says how many. */
export function cookieTable(cookies: CookieDescription[], summary: string, strings: Strings): TemplateResult | typeof nothing {
  if (cookies.length === 0) return nothing;
  return html`<details>
    <summary>${format(summary, { count: cookies.length })}</summary>
    <div class="cc-table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${strings.cookieName}</th>
            <th scope="col">${strings.cookieProvider}</th>
            <th scope="col">${strings.cookieDuration}</th>
            <th scope="col">${strings.cookiePurpose}</th>
          </tr>
        </thead>
        <tbody>
          ${cookies.map(
            (cookie) =>
              html`<tr>
                <td><code>${cookie.name}</code></td>
                <td>${cookie.provider}</td>
                <td>${cookie.duration}</td>
                <td>${cookie.purpose}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}
