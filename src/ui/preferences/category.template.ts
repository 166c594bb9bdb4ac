import { html, nothing, type TemplateResult } from 'lit';
import type { ResolvedCategory } from '../../core/types.js';
import { format } from '../i18n/languages.js';
import { linkedText } from '../linked-text.template.js';
import { switchTemplate } from '../switch/switch.template.js';
import { categoryText, type Strings } from '../i18n/shown-strings.js';

export type { Strings };

function cookieTable(category: ResolvedCategory, strings: Strings): TemplateResult | typeof nothing {
  if (category.cookies.length === 0) return nothing;
  return html`<details>
    <summary>${format(strings.cookiesUsed, { count: category.cookies.length })}</summary>
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
          ${category.cookies.map(
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

export function categoryTemplate(
  category: ResolvedCategory,
  checked: boolean,
  strings: Strings,
  onChange: (id: string, checked: boolean) => void,
): TemplateResult {
  const { label, description } = categoryText(category, strings);
  const switchId = `cc-switch-${category.id}`;
  const descriptionId = `cc-description-${category.id}`;
  return html`<li class="cc-category" part="category">
    <div class="cc-category-head">
      <label for=${switchId}>${linkedText(label)}</label>
      <span class="cc-control">
        ${category.required ? html`<span class="cc-muted">${strings.alwaysOn}</span>` : nothing}
        ${switchTemplate(switchId, category.required || checked, category.required, descriptionId, (value) => onChange(category.id, value))}
      </span>
    </div>
    <p id=${descriptionId} class="cc-muted">${linkedText(description)}</p>
    ${cookieTable(category, strings)}
  </li>`;
}
