import { respond, serveFixture, type Fixture } from './fixture-server.js';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface LeakySite {
  site: Fixture;
  tracker: Fixture;
  close(): Promise<void>;
}

/**
 * A shop with the widget and three mistakes (fixtures/leaky/): a tracking pixel sent to another
 * host before any choice, a cookie set by a script nobody gated, and a localStorage key written
 * whatever the decision, so also after "Reject all". One properly gated script sets a declared
 * cookie after "Accept all" only, which is not a leak.
 */
export async function serveLeakySite(): Promise<LeakySite> {
  // Another loopback address: a different host, so a third party to the shop.
  const tracker = await serveFixture({ host: '127.0.0.2', routes: { '/pixel.gif': respond(200, { 'content-type': 'image/gif' }, PIXEL) } });
  const site = await serveFixture({
    site: 'leaky',
    replacements: { tracker: tracker.origin },
    routes: { '/privacy.html': respond(200, { 'content-type': 'text/html' }, '<!doctype html><title>Privacy</title><h1>Privacy</h1>') },
  });
  return {
    site,
    tracker,
    close: async () => {
      await site.close();
      await tracker.close();
    },
  };
}
