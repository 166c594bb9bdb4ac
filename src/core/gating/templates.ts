import { isGatedScript } from './scripts.js';

/** `<template data-consent="…">`: markup inserted only with consent. */
export function isGatedTemplate(element: Element): element is HTMLTemplateElement {
  return element.localName === 'template' && element.hasAttribute('data-consent');
}

/**
 * Inserts the template's content right after it and returns the scripts in it, in document
 * order. Each script is first turned into a gated one of the template's categories, so that it
 * runs through the same path as the others: once, in order, with the nonce and Trusted Types.
 */
export function insertTemplate(template: HTMLTemplateElement): HTMLScriptElement[] {
  const content = template.ownerDocument.importNode(template.content, true);
  const mark = template.getAttribute('data-consent') ?? '';
  const scripts: HTMLScriptElement[] = [];
  for (const script of Array.from(content.querySelectorAll('script'))) {
    const element: Element = script;
    if (!isGatedScript(element)) {
      const type = script.getAttribute('type');
      if (type) script.setAttribute('data-type', type);
      script.setAttribute('type', 'text/plain');
      script.setAttribute('data-consent', mark);
    }
    scripts.push(script);
  }
  template.after(content);
  return scripts;
}
