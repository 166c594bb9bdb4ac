import { html, type TemplateResult } from 'lit';

/** A category switch, named by its <label>; a required category is shown on and disabled. */
export function switchTemplate(id: string, checked: boolean, disabled: boolean, describedBy: string, onChange: (checked: boolean) => void): TemplateResult {
  return html`<input
    type="checkbox"
    role="switch"
    class="cc-switch"
    part="switch"
    id=${id}
    aria-describedby=${describedBy}
    .checked=${checked}
    ?disabled=${disabled}
    @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
  />`;
}
