// axe-core's browser build registers `window.axe`; it has no module types of its own.
declare module 'axe-core/axe.min.js';
