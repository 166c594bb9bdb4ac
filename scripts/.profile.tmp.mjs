import { chromium } from 'playwright-core';
import { chromiumArgs } from '/work/main/scripts/browsers.mjs';
const origin = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--disable-blink-features=AutomationControlled'] });
for (const page_ of ['/ours.html', '/vcc.html']) {
  const context = await browser.newContext();
  const byUrl = {}; const byFn = {}; let scriptMs = 0;
  const N = 6;
  for (let i = 0; i < N + 1; i++) {
    const p1 = await context.newPage();
    await p1.goto(origin + page_);
    await p1.waitForTimeout(800);
    if (i === 0) {
      await p1.evaluate(() => { const b = document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~="accept-all"]') ?? document.querySelector('#cc-main .cm [data-role="all"]'); b.click(); });
      await p1.waitForTimeout(500);
    }
    await p1.close();
    if (i === 0) continue;
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(origin + page_, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const { profile } = await cdp.send('Profiler.stop');
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    scriptMs += m.ScriptDuration * 1000;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((sid, k) => {
      const f = byId.get(sid).callFrame;
      const u = f.url ? f.url.replace(origin, '').split('?')[0] : f.functionName;
      byUrl[u] = (byUrl[u] || 0) + (profile.timeDeltas[k] || 0) / 1000;
      if (f.url.includes('cookie-consent')) { const key = `${f.functionName||'(anon)'}:${f.columnNumber}`; byFn[key] = (byFn[key]||0) + (profile.timeDeltas[k]||0)/1000; }
    });
    await page.close();
  }
  console.log(page_, 'ScriptDuration avg', (scriptMs / N).toFixed(1));
  for (const [u, v] of Object.entries(byUrl).sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log('   ', (v / N).toFixed(1), u);
  for (const [u, v] of Object.entries(byFn).sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log('      fn', (v / N).toFixed(1), u);
  await context.close();
}
await browser.close();
