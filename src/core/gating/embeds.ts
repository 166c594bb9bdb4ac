import { isSafeUrl } from '../safe-url.js';
import { warnOnce } from '../log.js';
import type { ConsentManager } from '../manager.js';
import { isRightToLeft } from '../language.js';
import { categoryLabel, placeholderText } from './labels.js';
import type { ConsentRequirement } from './requirement.js';

interface FrameState {
  placeholder?: HTMLElement;
  /** What the placeholder asks for, to word it again in another language. */
  requirement?: ConsentRequirement;
  wasHidden: boolean;
  loaded: boolean;
}

/**
 * Loads an embed when its categories are granted and unloads it when they are withdrawn (an
 * embed keeps tracking for as long as it is loaded). Meanwhile a placeholder says what the embed
 * needs and offers to allow it in place: contextual consent, recorded with layer `placeholder`.
 * The placeholder is plain DOM filled with textContent only, so no string becomes markup.
 */
export class FrameGate {
  private readonly states = new WeakMap<HTMLIFrameElement, FrameState>();
  /** The frames behind a placeholder: a WeakMap cannot be walked when the language changes. */
  private readonly blocked = new Set<HTMLIFrameElement>();

  constructor(private readonly manager: ConsentManager) {
    manager.addEventListener('consent-language', () => {
      for (const frame of this.blocked) {
        const state = this.states.get(frame)!;
        if (state.placeholder?.isConnected) this.word(state.placeholder, frame, state.requirement!);
        else if (!frame.isConnected) this.blocked.delete(frame);
      }
    });
  }

  apply(frame: HTMLIFrameElement, requirement: ConsentRequirement, met: boolean): void {
    let state = this.states.get(frame);
    if (!state) {
      state = { wasHidden: frame.hidden, loaded: false };
      this.states.set(frame, state);
    }
    if (met) this.load(frame, state);
    else this.block(frame, requirement, state);
  }

  private load(frame: HTMLIFrameElement, state: FrameState): void {
    const src = frame.getAttribute('data-src') ?? '';
    if (!isSafeUrl(src)) {
      warnOnce(`frame-src-${src}`, `an iframe's data-src must be an http(s) or relative URL; ${JSON.stringify(src)} is not loaded.`);
      return;
    }
    state.placeholder?.remove();
    state.placeholder = undefined;
    this.blocked.delete(frame);
    frame.hidden = state.wasHidden;
    if (!state.loaded) frame.src = src;
    state.loaded = true;
  }

  private block(frame: HTMLIFrameElement, requirement: ConsentRequirement, state: FrameState): void {
    if (state.loaded) {
      // Removing src leaves the document loaded; navigating away is what stops it.
      frame.src = 'about:blank';
      state.loaded = false;
    }
    state.requirement = requirement;
    if (!state.placeholder?.isConnected) {
      state.placeholder = this.placeholder(frame, requirement);
      frame.before(state.placeholder);
    }
    this.blocked.add(frame);
    frame.hidden = true;
  }

  private placeholder(frame: HTMLIFrameElement, requirement: ConsentRequirement): HTMLElement {
    const doc = frame.ownerDocument;
    const box = doc.createElement('div');
    box.className = 'cc-placeholder';
    box.setAttribute('data-consent-placeholder', requirement.granted.join(' '));
    const width = Number(frame.getAttribute('width'));
    const height = Number(frame.getAttribute('height'));
    if (width > 0) box.style.width = `${width}px`;
    if (height > 0) box.style.minHeight = `${height}px`;
    // Usable before the site styles it: no wider than the page (WCAG 1.4.10), and a button
    // big enough to hit (2.5.8). Set through CSSOM, which a strict style-src allows.
    box.style.maxWidth = '100%';
    box.style.boxSizing = 'border-box';
    const text = doc.createElement('p');
    text.className = 'cc-placeholder-text';
    box.append(text);
    if (requirement.granted.length > 0) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'cc-placeholder-button';
      button.style.minHeight = '44px';
      button.style.minWidth = '44px';
      const wanted = Object.fromEntries(requirement.granted.map((id) => [id, true]));
      button.addEventListener('click', () => {
        this.manager
          .set(wanted, { layer: 'placeholder' })
          .catch((error: unknown) => warnOnce('placeholder-set', 'the choice made in a placeholder could not be saved.', error));
      });
      box.append(button);
    }
    this.word(box, frame, requirement);
    return box;
  }

  /** Fills in the placeholder's texts, in the interface's language, so it never speaks another than the banner. */
  private word(box: HTMLElement, frame: HTMLIFrameElement, requirement: ConsentRequirement): void {
    const config = this.manager.config;
    const language = this.manager.language;
    const labels = requirement.granted.map((id) => categoryLabel(config, language, id)).join(', ');
    // The page may speak another language than the widget (WCAG 3.1.2).
    box.lang = language;
    box.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
    box.firstElementChild!.textContent = placeholderText(config, language, 'placeholderText', { name: embedName(frame), categories: labels });
    const button = box.querySelector('button');
    if (button) button.textContent = placeholderText(config, language, 'placeholderAllow', { categories: labels });
  }
}

/** What the visitor would call the embed: its title, or the site it comes from. */
function embedName(frame: HTMLIFrameElement): string {
  const title = frame.getAttribute('title')?.trim();
  if (title) return title;
  try {
    return new URL(frame.getAttribute('data-src') ?? '', frame.ownerDocument.baseURI).hostname || 'This content';
  } catch {
    return 'This content';
  }
}
