/**
 * Carries a decision to the site's other open tabs. BroadcastChannel where there is one; where
 * there is not, a light poll of the cookie (which every tab shares); browsers slow the poll of a
 * tab in the background to about once a second, which is all it needs.
 */
export interface TabSync {
  announce(encodedDecision: string | null): void;
  close(): void;
}

const POLL_MS = 400;

export function startTabSync(
  win: Window,
  channelName: string,
  readStoredValue: () => string | null,
  /** Given the other tab's decision in cookie form (null for none); anything may arrive, so check it. */
  onRemoteChange: (encodedDecision: unknown) => void,
): TabSync {
  const Channel = (win as Window & { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (typeof Channel === 'function') {
    try {
      const channel = new Channel(channelName);
      channel.onmessage = (event: MessageEvent) => onRemoteChange(event.data);
      return {
        announce: (encoded) => {
          try {
            channel.postMessage(encoded);
          } catch {
            // A closed channel (page being unloaded) has nobody left to tell.
          }
        },
        close: () => channel.close(),
      };
    } catch {
      // Fall through to polling: some embedded browsers expose a BroadcastChannel that throws.
    }
  }
  let last = readStoredValue();
  const timer = win.setInterval(() => {
    const current = readStoredValue();
    if (current === last) return;
    last = current;
    onRemoteChange(current);
  }, POLL_MS);
  return {
    announce: () => {
      last = readStoredValue();
    },
    close: () => win.clearInterval(timer),
  };
}
