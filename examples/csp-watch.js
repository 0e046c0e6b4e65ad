// Records every Content Security Policy violation on the page in window.__cspViolations, so a
// person (in the console) or a test can see that the page runs under its policy untouched.
// A classic script loaded first in <head>, so it sees violations from everything after it.
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});
