/**
 * Lit (lit-html) creates a Trusted Types policy named "lit-html" the moment its module is
 * evaluated. Under `trusted-types cookie-consent` that call throws, and Lit, the element and the
 * whole script-tag build with it, never start. The widget promises one policy, `cookie-consent`.
 *
 * This module is evaluated just before Lit (it is the first import of the element's module): for
 * that moment only, `trustedTypes.createPolicy("lit-html", …)` hands Lit an object that creates
 * HTML through the widget's own policy, and the original `createPolicy` is put back at once — at
 * Lit's call, or at the next microtask when Lit was evaluated earlier (a site that uses Lit itself,
 * whose CSP then allows "lit-html" anyway). Lit keeps that object in its module scope; it can make
 * HTML only, not scripts, and nothing else on the page gets it.
 *
 * Where the widget's policy cannot be created (the CSP does not allow it, or a second copy of the
 * widget without 'allow-duplicates'), Lit's own call goes through as if this module were not
 * there; if that is refused too, Lit gets no policy instead of an exception, so importing the
 * widget never breaks the page's own module graph.
 *
 * The value exported is used by the element, so bundlers that trust `"sideEffects"` keep this
 * module, its position before Lit and the call below.
 */
import { widgetPolicy } from '../core/gating/trusted-types.js';

type CreatePolicy = (name: string, rules: object) => unknown;
interface Factory {
  createPolicy: CreatePolicy;
}

const LIT_POLICY_NAME = 'lit-html';

/** Whether Lit was handed the widget's policy (`bridged`), went its own way, or there are no Trusted Types (`absent`). */
export type LitPolicyBridge = 'pending' | 'bridged' | 'lit-own' | 'absent';

export interface Bridge {
  state: LitPolicyBridge;
}

function install(bridge: Bridge): Bridge {
  if (typeof window === 'undefined') return bridge;
  const factory = (window as unknown as { trustedTypes?: Factory }).trustedTypes;
  if (!factory || typeof factory.createPolicy !== 'function') return bridge;
  const original = factory.createPolicy;
  const own = Object.getOwnPropertyDescriptor(factory, 'createPolicy');
  const restore = (): void => {
    if (factory.createPolicy !== intercept) return;
    if (own) Object.defineProperty(factory, 'createPolicy', own);
    else delete (factory as Partial<Factory>).createPolicy;
  };
  const intercept: CreatePolicy = (name, rules) => {
    if (name !== LIT_POLICY_NAME) return original.call(factory, name, rules);
    restore();
    const policy = widgetPolicy(window);
    if (policy) {
      bridge.state = 'bridged';
      return { createHTML: (html: string) => policy.createHTML(html) };
    }
    bridge.state = 'lit-own';
    try {
      return original.call(factory, name, rules);
    } catch {
      return undefined;
    }
  };
  try {
    Object.defineProperty(factory, 'createPolicy', { configurable: true, writable: true, value: intercept });
  } catch {
    bridge.state = 'lit-own';
    return bridge;
  }
  bridge.state = 'pending';
  queueMicrotask(() => {
    if (factory.createPolicy === intercept) bridge.state = 'lit-own';
    restore();
  });
  return bridge;
}

/**
 * What became of Lit's policy. The element reads it, so that this module and the call that
 * installs the bridge stay in every build, ahead of Lit.
 */
export const litTrustedTypes: Readonly<Bridge> = install({ state: 'absent' });
