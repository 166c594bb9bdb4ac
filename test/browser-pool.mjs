/**
 * One web-test-runner browser made of several instances of the same browser, each running one
 * test page at a time. For Firefox: two test pages in one Firefox go wrong (the page behind has
 * its timers held back and its keys go astray), while two Firefox processes, each with the only
 * page it has, run side by side as two visitors' browsers would. The runner sees one browser
 * (one name, one line in its report) with a concurrency of `size`; each session goes to an
 * instance that runs none. Instances start one after another, each when a session first needs
 * it, so that two browsers do not start at once on a busy machine.
 *
 * @param {() => import('@web/test-runner').BrowserLauncher} createLauncher a launcher for one instance
 * @param {number} size how many instances, so how many test pages at once
 */
export function browserPool(createLauncher, size) {
  /** Each instance: its launcher, the session it runs, and the start of that session while under way. */
  const instances = Array.from({ length: size }, () => ({ launcher: createLauncher(), session: null, starting: null, since: 0 }));
  const bySession = (sessionId) => instances.find((instance) => instance.session === sessionId);
  let launches = Promise.resolve();

  /**
   * An instance for a new session: one that runs none. The runner asks for more only when it gave
   * up on a session whose start is still under way (its browser took longer than
   * browserStartTimeout to start): that instance, the one starting longest, is taken over; the new
   * session waits for that start to end and stops what it left behind.
   */
  function claim(sessionId) {
    const starting = instances.filter((candidate) => candidate.starting).sort((a, b) => a.since - b.since);
    const instance = instances.find((candidate) => candidate.session === null) ?? starting[0];
    if (!instance) throw new Error(`browserPool: all ${size} instances run a session the runner has not stopped`);
    const abandoned = instance.session;
    const before = abandoned === null ? Promise.resolve() : instance.starting.catch(() => {});
    instance.session = sessionId;
    instance.since = Date.now();
    instance.starting = (async () => {
      await before;
      if (abandoned !== null && instance.launcher.isActive(abandoned)) await instance.launcher.stopSession(abandoned).catch(() => {});
      return instance;
    })();
    return instance;
  }

  return {
    name: instances[0].launcher.name,
    type: instances[0].launcher.type,
    concurrency: size,
    async initialize(config, testFiles) {
      await Promise.all(instances.map(({ launcher }) => launcher.initialize?.(config, testFiles)));
    },
    async stop() {
      await Promise.all(instances.map(({ launcher }) => launcher.stop?.()));
    },
    async startSession(sessionId, url) {
      const instance = claim(sessionId);
      const previous = instance.starting;
      instance.starting = (async () => {
        await previous;
        // The launcher starts its browser with its first session; one browser starting at a time.
        if (instance.launcher.getOrStartBrowser) {
          const launched = launches.then(() => instance.launcher.getOrStartBrowser());
          launches = launched.catch(() => {});
          await launched;
        }
        await instance.launcher.startSession(sessionId, url);
      })();
      try {
        await instance.starting;
      } catch (error) {
        // The runner stops only the sessions that are active: one that never started frees its instance here.
        if (instance.session === sessionId && !instance.launcher.isActive(sessionId)) instance.session = null;
        throw error;
      } finally {
        if (instance.session === sessionId) instance.starting = null;
      }
    },
    isActive: (sessionId) => bySession(sessionId)?.launcher.isActive(sessionId) ?? false,
    getBrowserUrl: (sessionId) => bySession(sessionId)?.launcher.getBrowserUrl(sessionId),
    getPage: (sessionId) => bySession(sessionId)?.launcher.getPage(sessionId),
    async stopSession(sessionId) {
      const instance = bySession(sessionId);
      if (!instance) throw new Error(`browserPool: no instance runs session ${sessionId}`);
      try {
        return await instance.launcher.stopSession(sessionId);
      } finally {
        instance.session = null;
      }
    },
    startDebugSession: (sessionId, url) => instances[0].launcher.startDebugSession(sessionId, url),
  };
}
