// A single-page app: pages render in the browser, which talks to Firebase directly.
export const ssr = false;
export const prerender = false;
