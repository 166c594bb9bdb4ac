import { sendText } from '../respond.js';
import type { AdminRoute } from './routes.js';

/**
 * The admin's one stylesheet, served as a file so the admin's CSP needs no 'unsafe-inline': pages
 * and charts carry classes only. Colours follow prefers-color-scheme; every chart colour keeps
 * 3:1 against its background, and each line also has its own dash pattern.
 */
export const ADMIN_CSS = `:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#545454;--line:#bbb;--grid:#dcdcdc;--link:#0b57d0;
--track:#eef1f5;--panel:#f6f7f9;--s0:#0b62a4;--s1:#b34a00;--s2:#087f5b;--s3:#8f3f97;--s4:#7a5c00;--s5:#c2185b;--s6:#455a64;--s7:#2e7d32}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--bg:#17181b;--muted:#a9a9b2;--line:#4a4b52;--grid:#3a3b40;--link:#8ab4f8;
--track:#26272c;--panel:#1f2024;--s0:#6cb6ff;--s1:#ffa05c;--s2:#4fd1a5;--s3:#d59bff;--s4:#e3c14f;--s5:#ff7eb6;--s6:#b0bec5;--s7:#8fd694}}
body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
nav{margin-bottom:1rem}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.too-few-cell{color:var(--muted);font-style:italic}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.note{border-left:4px solid var(--s4);background:var(--panel);padding:.5rem .75rem;max-width:60rem}
.error{border-left:4px solid var(--s5);background:var(--panel);padding:.5rem .75rem}
.period{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:end;margin:1rem 0}
.period fieldset{border:1px solid var(--line);display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0}
.period label{display:inline-flex;align-items:center;gap:.35rem;min-height:24px}
.period input[type=radio]{width:20px;height:20px;margin:2px}
.period input,.period select,.period button{font:inherit}
.period button{min-height:32px;padding:.25rem 1rem}
.honesty{max-width:60rem;color:var(--muted)}
.insight{margin:2rem 0;border-top:1px solid var(--line);padding-top:.5rem}
.insight figure{margin:0}
.insight figcaption{margin-bottom:.5rem;max-width:60rem}
.figure-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem 1.5rem;align-items:start}
@media (max-width:60rem){.figure-body{grid-template-columns:minmax(0,1fr)}}
.figure-table{max-height:24rem;overflow:auto}
.figure-table th,.figure-table td{white-space:nowrap}
.figure-table:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:0 0 .25rem;font-size:13px}
.legend li{display:inline-flex;align-items:center;gap:.35rem}
.too-few-key{color:var(--muted);font-weight:700}
.markers{font-size:13px;color:var(--muted)}
svg.chart{display:block;width:100%;height:auto;max-width:52rem;font:11px system-ui,sans-serif}
svg.chart .grid{stroke:var(--grid);stroke-width:1}
svg.chart .axis,svg.chart .bar-value{fill:var(--fg)}
svg.chart .empty{fill:var(--muted);font-size:13px}
svg.chart .marker{stroke:var(--fg);stroke-width:1}
svg.chart .marker-text{stroke:var(--muted)}
svg.chart .marker-label{fill:var(--fg);font-size:10px}
svg.chart .too-few{stroke:var(--muted);stroke-width:1.5;fill:none}
svg.chart .bar{fill:var(--s0)}
svg.chart .bar-track{fill:var(--track)}
.line{stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
.s0{stroke:var(--s0)}.s1{stroke:var(--s1);stroke-dasharray:7 4}.s2{stroke:var(--s2);stroke-dasharray:2 4}.s3{stroke:var(--s3);stroke-dasharray:9 3 2 3}
.s4{stroke:var(--s4);stroke-dasharray:14 4}.s5{stroke:var(--s5);stroke-dasharray:4 2 4 6}.s6{stroke:var(--s6);stroke-dasharray:1 3}.s7{stroke:var(--s7);stroke-dasharray:10 2 2 2 2 2}
.dot{stroke:none}.dot.s0{fill:var(--s0)}.dot.s1{fill:var(--s1)}.dot.s2{fill:var(--s2)}.dot.s3{fill:var(--s3)}
.dot.s4{fill:var(--s4)}.dot.s5{fill:var(--s5)}.dot.s6{fill:var(--s6)}.dot.s7{fill:var(--s7)}
svg.swatch{flex:none}
`;

export const stylesheetRoute: AdminRoute = {
  path: 'admin.css',
  async handle({ res }) {
    sendText(res, 200, 'text/css; charset=utf-8', ADMIN_CSS);
  },
};
