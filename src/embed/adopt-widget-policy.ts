import { adoptWidgetPolicy } from '../core/gating/trusted-types.js';
import { pageRuntime } from './runtime.js';

// The interface chunk's first module, so it runs before Lit's: the chunk uses the main file's
// Trusted Types policy instead of asking for a second one, which a CSP without
// 'allow-duplicates' refuses. The main file hands it over only to a chunk it inserted itself,
// while that chunk first runs (src/embed/runtime.ts).
const privileged = pageRuntime().privileged();
if (privileged) adoptWidgetPolicy(window, privileged.widgetPolicy(window));
