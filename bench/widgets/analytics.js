// The gated analytics script of both pages: records when it ran.
window.__analyticsRanAt = performance.now();
