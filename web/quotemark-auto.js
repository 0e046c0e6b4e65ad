// One-tag embedding: `<script type="module" src="quotemark-auto.js"></script>` loads the
// module, which mounts every `[data-quotemark]` element on the page with its own content as
// the article. `window.Quotemark` then offers `mount`, `mountAll` and `handleFor(element)`.
import init, * as quotemark from "./quotemark.js";

await init({ module_or_path: new URL("./quotemark_bg.wasm", import.meta.url) });
window.Quotemark = quotemark;
document.dispatchEvent(new CustomEvent("quotemark-ready", { detail: quotemark }));
