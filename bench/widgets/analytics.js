// The gated analytics script of every page: records when it ran.
window.__analyticsRanAt = performance.now();
