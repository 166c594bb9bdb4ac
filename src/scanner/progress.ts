/**
 * Progress on stderr while a scan runs: a bar redrawn in place on a terminal, one plain line per
 * step otherwise (CI logs), nothing when quiet.
 */
export interface Progress {
  total(steps: number): void;
  step(label: string): void;
  done(): void;
}

const BAR_WIDTH = 24;

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, quiet = false): Progress {
  let total = 1;
  let count = 0;
  if (quiet) return { total: () => undefined, step: () => undefined, done: () => undefined };
  if (!stream.isTTY) {
    return {
      total: (steps) => void (total = steps),
      step: (label) => stream.write(`scan ${++count}/${Math.max(total, count)} ${label}\n`),
      done: () => undefined,
    };
  }
  return {
    total: (steps) => void (total = steps),
    step(label) {
      count++;
      const shown = Math.min(count / Math.max(total, count), 1);
      const filled = Math.round(shown * BAR_WIDTH);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count}/${Math.max(total, count)} ${label}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
    },
    done: () => void stream.write('\r\x1b[2K'),
  };
}
