import { html, nothing, type TemplateResult } from 'lit';
import type { ResolvedService } from '../../core/types.js';
import { format } from '../i18n/languages.js';
import { categoryText, type Strings } from '../i18n/shown-strings.js';
import { switchTemplate } from '../switch/switch.template.js';
import { cookieTable } from './cookie-table.template.js';

/**
 * One service under its category's switch, with a switch of its own: consent is asked per
 * service, so a visitor can refuse one tool and keep another of the same kind.
 */
export function serviceTemplate(
  service: ResolvedService,
  required: boolean,
  checked: boolean,
  strings: Strings,
  onChange: (id: string, checked: boolean) => void,
): TemplateResult {
  const { label, description } = categoryText(service, strings);
  const switchId = `cc-switch-${service.id}`;
  const descriptionId = `cc-description-${service.id}`;
  return html`<li class="cc-service" part="service">
    <div class="cc-category-head">
      <label for=${switchId}>${label}</label>
      ${switchTemplate(switchId, required || checked, required, descriptionId, (value) => onChange(service.id, value))}
    </div>
    <div id=${descriptionId} class="cc-muted">
      ${description ? html`<p>${description}</p>` : nothing} ${service.provider ? html`<p>${strings.cookieProvider}: ${service.provider}</p>` : nothing}
    </div>
    ${
      service.policyUrl
        ? html`<p><a href=${service.policyUrl} part="service-policy-link">${format(strings.servicePolicyLink, { name: service.provider ?? label })}</a></p>`
        : nothing
    }
    ${cookieTable(service.cookies, strings.serviceCookies, strings)}
  </li>`;
}
