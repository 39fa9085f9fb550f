// A single-page app: everything renders in the browser, from the local copy first.
export const ssr = false;
export const prerender = false;
