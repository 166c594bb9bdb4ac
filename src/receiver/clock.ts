/** Time as the receiver sees it; tests pass a fake one to move through days in an instant. */
export interface Clock {
  now(): number;
  /** Runs `task` every `ms`, without keeping the process alive; returns a function that stops it. */
  every(ms: number, task: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, task) {
    const timer = setInterval(task, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};
