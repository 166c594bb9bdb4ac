import { chromium } from 'playwright-core';
import { chromiumArgs } from './browsers.mjs';
import { readFileSync } from 'node:fs';
import sm from 'source-map';
const origin = process.argv[2];
const page_ = process.argv[3] || '/ours.html';
const returning = process.argv[4] !== 'first';
const map = await new sm.SourceMapConsumer(JSON.parse(readFileSync('dist/cookie-consent.js.map', 'utf8')));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--disable-blink-features=AutomationControlled'] });
const context = await browser.newContext();
const self = {}; const total = {}; let script = 0; const N = 8;
for (let i = 0; i < N + 1; i++) {
  if (returning && i === 0) {
    const p1 = await context.newPage(); await p1.goto(origin + page_); await p1.waitForTimeout(800);
    await p1.evaluate(() => document.querySelector('cookie-consent').shadowRoot.querySelector('[part~="accept-all"]').click());
    await p1.waitForTimeout(500); await p1.close(); continue;
  }
  if (!returning && i === 0) continue;
  const page = await (returning ? context : await browser.newContext()).newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  await page.goto(origin + page_, { waitUntil: 'load' }); await page.waitForTimeout(1000);
  const { profile } = await cdp.send('Profiler.stop');
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  script += m.ScriptDuration * 1000;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  profile.samples.forEach((sid, k) => {
    const dt = (profile.timeDeltas[k] || 0) / 1000;
    const f = byId.get(sid).callFrame;
    const key = (fr) => { if (!fr.url.includes('cookie-consent')) return fr.url ? fr.url.replace(origin,'') : fr.functionName; const p = fr.url.includes('cookie-consent.js') ? map.originalPositionFor({ line: fr.lineNumber + 1, column: fr.columnNumber }) : null; return p && p.source ? `${p.source.replace(/.*src\//,'')}:${p.line} ${p.name||fr.functionName}` : `${fr.url.replace(origin,'')} ${fr.functionName}:${fr.columnNumber}`; };
    const k1 = key(f); self[k1] = (self[k1] || 0) + dt;
    // inclusive for our frames
    const seen = new Set(); let id = sid;
    while (id) { const fr = byId.get(id).callFrame; if (fr.url.includes('cookie-consent')) { const kk = key(fr); if (!seen.has(kk)) { seen.add(kk); total[kk] = (total[kk] || 0) + dt; } } id = parent.get(id); }
  });
  await page.close();
}
console.log(page_, returning ? 'returning' : 'first', 'ScriptDuration avg', (script / N).toFixed(1));
console.log('SELF'); for (const [u, v] of Object.entries(self).filter(([u])=>u!=='(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log('   ', (v / N).toFixed(2), u);
console.log('TOTAL (ours)'); for (const [u, v] of Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log('   ', (v / N).toFixed(2), u);
await browser.close();
