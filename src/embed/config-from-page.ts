import type { ConsentConfig } from '../core/types.js';

const CONFIG_ID = 'cookie-consent-config';

/**
 * The configuration of the script tag: a `<script type="application/json" id="cookie-consent-config">`
 * block, with the `data-*` attributes of the script tag filling in what it leaves out.
 */
export function configFromPage(doc: Document, script: HTMLScriptElement | null): ConsentConfig {
  const block = doc.getElementById(CONFIG_ID);
  let config: Record<string, unknown> = {};
  if (block?.textContent?.trim()) {
    try {
      config = JSON.parse(block.textContent) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`cookie-consent: the #${CONFIG_ID} block is not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
    // null, an array, a string or a number would fail below with a TypeError that names nothing.
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw new Error(`cookie-consent: the #${CONFIG_ID} block must hold a JSON object { "revision": …, "policyUrl": … }, got ${JSON.stringify(config)}`);
    }
  }
  const data = script?.dataset ?? {};
  const fromData: Record<string, unknown> = {
    policyUrl: data['policyUrl'],
    revision: data['revision'] === undefined ? undefined : Number(data['revision']),
    endpoint: data['endpoint'],
    language: data['lang'],
    layout: data['layout'],
    theme: data['theme'],
  };
  for (const [key, value] of Object.entries(fromData)) {
    if (value !== undefined && config[key] === undefined) config[key] = value;
  }
  return config as unknown as ConsentConfig;
}
