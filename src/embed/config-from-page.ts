import type { ConsentConfig } from '../core/types.js';

const CONFIG_ID = 'cookie-consent-config';
const CONFIG_BLOCK = `the #${CONFIG_ID} block`;

/** The `data-*` attributes of the script tag (as dataset names), each filling in the key of the same name. */
const DATA_ATTRIBUTES = ['policyUrl', 'revision', 'endpoint', 'lang', 'layout', 'theme'];

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
      throw new Error(`cookie-consent: ${CONFIG_BLOCK} is not valid JSON (${(error as Error).message})`, { cause: error });
    }
    // null, an array, a string or a number would fail below with a TypeError that names nothing.
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw new Error(`cookie-consent: ${CONFIG_BLOCK} must hold a JSON object { "revision": …, "policyUrl": … }, got ${JSON.stringify(config)}`);
    }
  }
  const data = script?.dataset ?? {};
  for (const name of DATA_ATTRIBUTES) {
    // data-lang is the key `language`; data-revision is a number.
    const key = name === 'lang' ? 'language' : name;
    const value = data[name];
    if (value !== undefined && config[key] === undefined) config[key] = name === 'revision' ? Number(value) : value;
  }
  // Left empty by a template or a CMS: "config.revision must be an integer" would send the site
  // looking for a wrong value where there is none at all.
  if (block && Object.keys(config).length === 0)
    throw new Error(`cookie-consent: ${CONFIG_BLOCK} is empty; it must hold a JSON object { "revision": …, "policyUrl": … }`);
  return config as unknown as ConsentConfig;
}
