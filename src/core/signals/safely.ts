import { warnOnce } from '../log.js';

/** A listener that can never throw into the host page: a failing tag API is warned about once. */
export function safely(what: string, action: () => void): () => void {
  return () => {
    try {
      action();
    } catch (error) {
      warnOnce(`signal-${what}`, `sending the ${what} consent signal failed; the page goes on.`, error);
    }
  };
}
