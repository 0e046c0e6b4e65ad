// One-tag embedding: `<script type="module" src="quotemark-auto.js"></script>` loads the
// module, which mounts every `[data-quotemark]` element on the page with its own content as
// the article, and defines the `<quote-mark>` element (quotemark-element.js). `window.Quotemark`
// then offers `mount`, `mountAll` and `handleFor(element)`, unless the page already has a
// `window.Quotemark` of its own: the page's wins. The module is also the `quotemark-ready`
// event's `detail`, and `import "quotemark-auto.js"` from a module waits until every widget is
// mounted and `<quote-mark>` is defined.
import init, * as quotemark from "./quotemark.js";
import "./quotemark-element.js";

await init({ module_or_path: new URL("./quotemark_bg.wasm", import.meta.url) });
if (!("Quotemark" in window)) window.Quotemark = quotemark;
document.dispatchEvent(new CustomEvent("quotemark-ready", { detail: quotemark }));
