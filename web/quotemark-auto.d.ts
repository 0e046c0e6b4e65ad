// Types for the one-tag loader (dist/quotemark-auto.js): importing it initialises the module,
// mounts every `[data-quotemark]` element and defines `<quote-mark>`. It exports nothing.
import type * as Quotemark from "./quotemark.js";
import "./quotemark-element.js";

declare global {
  interface Window {
    /** The module, unless the page had a `window.Quotemark` of its own (the page's wins). */
    Quotemark?: typeof Quotemark;
  }
  interface DocumentEventMap {
    /** The loader's: the module is initialised and the widgets are mounted. */
    "quotemark-ready": CustomEvent<typeof Quotemark>;
  }
}

export {};
