import { TAG_NAME } from './tag-name.js';

/**
 * Registers `<cookie-consent>` unless something already did: the script tag and an npm copy on
 * one page must not throw, so a second registration warns once and keeps the first.
 */
export function defineOnce(registry: CustomElementRegistry, element: CustomElementConstructor): void {
  const existing = registry.get(TAG_NAME);
  if (!existing) {
    registry.define(TAG_NAME, element);
  } else if (existing !== element) {
    console.warn(`cookie-consent: <${TAG_NAME}> is already defined by another copy of the widget; keeping that one.`);
  }
}
