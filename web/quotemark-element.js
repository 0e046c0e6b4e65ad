// The `<quote-mark>` custom element: its own content (HTML) is the article, its attributes are
// the mount options, and it is a widget handle itself (element.exportJson(), element.add(…),
// element.ready, …). It calls the module's `mount()` on a <div> in its own shadow root, so the
// declarative `data-quotemark` tag, `mount()` and this element share one implementation.
//
//   <quote-mark article-id="story-42" speakers="Aino Virtanen; Mika Korhonen">
//     <h1>Council approves the harbour plan</h1>
//     <p>“We will not give up,” the mayor said.</p>
//   </quote-mark>
//   <script type="module" src="/quotemark/quotemark-auto.js"></script>
//
// Importing this module (or the loader, which imports it) initialises the wasm module and
// defines the element; `import "…/quotemark-element.js"` from a module waits until both are done.
import init, { mount } from "./quotemark.js";

await init({ module_or_path: new URL("./quotemark_bg.wasm", import.meta.url) });

/** The events a handle fires, re-dispatched on the element as `quotemark-<name>`. */
const EVENTS = ["create", "update", "delete", "change", "select"];

/**
 * Attributes and the properties that reflect them. `annotations` and `suggest` are also
 * handle methods (`annotations()`, `suggest()`), so their properties have other names.
 */
const STRING_ATTRIBUTES = {
  "article-id": "articleId",
  "article-title": "articleTitle",
  storage: "storage",
  speakers: "speakers",
  annotations: "annotationsSource",
  creation: "creation",
  annotator: "annotator",
};
const BOOLEAN_ATTRIBUTES = { readonly: "readOnly", suggest: "suggestOnLoad" };

/** The handle's methods, offered on the element with the same names and arguments. */
const METHODS = [
  "exportJson", "exportW3c", "exportCsv", "importJson", "annotations", "suggest",
  "acceptSuggestion", "rejectSuggestion", "add", "update", "rendered", "text", "toUtf16",
  "fromUtf16", "diagnostics",
];

const CALL = Symbol("call");

function deferred() {
  let resolve, reject;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A widget that never mounts must not report an unhandled rejection by itself.
  promise.catch(() => {});
  return { promise, resolve, reject, settled: false };
}

let sheet = null;
function hostSheet() {
  if (sheet === null && "adoptedStyleSheets" in Document.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(":host { display: block } :host([hidden]) { display: none }");
  }
  return sheet;
}

export class QuoteMarkElement extends HTMLElement {
  static get observedAttributes() {
    return [...Object.keys(STRING_ATTRIBUTES), ...Object.keys(BOOLEAN_ATTRIBUTES)];
  }

  #handle = null;
  #target = null;
  #ready = deferred();
  #pending = false;
  #listeners = [];

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    const styles = hostSheet();
    if (styles) shadow.adoptedStyleSheets = [styles];
  }

  connectedCallback() {
    // A property set before the element was defined (by a framework, say) is an own property
    // hiding the accessor: pass it through the accessor now.
    for (const property of [...Object.values(STRING_ATTRIBUTES), ...Object.values(BOOLEAN_ATTRIBUTES)]) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
    // Mounted already: the element was moved (removed and put back in the same task).
    if (this.#handle) return;
    // Let the parser finish the element's content, and the code that created the element set
    // its content and attributes; a method called before then mounts it at once.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => this.#mountSoon(), { once: true });
    } else {
      this.#mountSoon();
    }
  }

  disconnectedCallback() {
    // A move (removed, then inserted again before the microtask) keeps the widget.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#handle) return;
    if (name === "readonly") {
      this.#handle.setReadOnly(newValue !== null && newValue !== "false");
    } else {
      this.#remountSoon();
    }
  }

  /** The widget's handle, or `null` while the element is not mounted. */
  get handle() {
    return this.#handle;
  }

  /** True while a widget is mounted in the element. */
  get mounted() {
    return this.#handle !== null && this.#handle.mounted;
  }

  /** Resolves once the widget has rendered; rejects if its content or attributes can't be used. */
  get ready() {
    return this.#ready.promise;
  }

  /** Mounts the widget again, from the element's current content and attributes. */
  remount() {
    this.#unmount();
    if (this.isConnected) this.#mountNow();
  }

  /** The handle's `remove(id)`: `remove()` stays the DOM's (it takes the element out). */
  removeAnnotation(id) {
    return this.#mounted().remove(id);
  }

  setReadOnly(readOnly) {
    this.readOnly = readOnly;
  }

  /** Same as the handle's `on`: the listener gets the event's detail. */
  on(event, listener) {
    this.#listeners.push([event, listener]);
    this.#handle?.on(event, listener);
  }

  off(event, listener) {
    this.#listeners = this.#listeners.filter(([e, l]) => e !== event || l !== listener);
    this.#handle?.off(event, listener);
  }

  /** The mount options the content and attributes give. */
  options() {
    const attribute = (name) => this.getAttribute(name);
    const flag = (name) => this.hasAttribute(name) && attribute(name) !== "false";
    const options = { article: { html: this.innerHTML }, readOnly: flag("readonly") };
    if (attribute("article-id") !== null) options.id = attribute("article-id");
    if (attribute("article-title") !== null) options.article.title = attribute("article-title");
    if (attribute("storage") !== null) options.storage = attribute("storage");
    if (attribute("creation") !== null) options.creation = attribute("creation");
    if (attribute("annotator") !== null) options.annotator = attribute("annotator");
    if (flag("suggest")) options.suggest = true;
    if (attribute("speakers") !== null) {
      options.speakers = attribute("speakers").split(";").map((name) => name.trim()).filter(Boolean);
    }
    const source = attribute("annotations");
    if (source !== null) {
      const script = source.startsWith("#") ? document.getElementById(source.slice(1)) : null;
      if (!script) throw new Error(`<quote-mark annotations="${source}">: no element with that id`);
      options.annotations = script.textContent;
    }
    return options;
  }

  #mountSoon() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected && !this.#handle) this.#mountNow();
    });
  }

  #remountSoon() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.remount();
    });
  }

  #mountNow() {
    const ready = this.#ready.settled ? (this.#ready = deferred()) : this.#ready;
    let handle;
    try {
      // mount() puts its `<div class="quotemark-host">` in here, a shadow host whose
      // `exportparts` names app, article, panel, toolbar and status: being in this element's
      // shadow tree, it exports them as this element's parts (`quote-mark::part(article)`).
      this.#target = document.createElement("div");
      this.shadowRoot.replaceChildren(this.#target);
      handle = mount(this.#target, this.options());
    } catch (error) {
      ready.settled = true;
      ready.reject(error);
      this.shadowRoot.replaceChildren();
      this.#target = null;
      console.error("Quotemark: a <quote-mark> element could not be mounted:", error);
      return;
    }
    this.#handle = handle;
    for (const name of EVENTS) {
      handle.on(name, (detail) => {
        this.dispatchEvent(
          new CustomEvent(`quotemark-${name}`, { detail, bubbles: true, composed: true }),
        );
      });
    }
    for (const [event, listener] of this.#listeners) handle.on(event, listener);
    handle.ready.then(
      () => {
        ready.settled = true;
        ready.resolve();
        if (this.#handle === handle) {
          this.dispatchEvent(
            new CustomEvent("quotemark-widget-ready", { detail: null, bubbles: true, composed: true }),
          );
        }
      },
      (error) => {
        ready.settled = true;
        ready.reject(error);
      },
    );
  }

  #unmount() {
    const handle = this.#handle;
    this.#handle = null;
    if (handle?.mounted) handle.destroy();
    this.#target?.remove();
    this.#target = null;
    if (this.#ready.settled) this.#ready = deferred();
  }

  /** The handle, mounting the widget first if it is connected but not mounted yet. */
  #mounted() {
    if (!this.#handle && this.isConnected) {
      this.#pending = false;
      this.#mountNow();
    }
    if (!this.#handle) {
      throw new Error("This <quote-mark> element has no widget: it is not in the document, or could not be mounted.");
    }
    return this.#handle;
  }

  /** Calls a handle method (for the methods defined below). */
  [CALL](method, args) {
    return this.#mounted()[method](...args);
  }
}

for (const method of METHODS) {
  Object.defineProperty(QuoteMarkElement.prototype, method, {
    value: function (...args) {
      return this[CALL](method, args);
    },
    writable: true,
    configurable: true,
  });
}
for (const [attribute, property] of Object.entries(STRING_ATTRIBUTES)) {
  Object.defineProperty(QuoteMarkElement.prototype, property, {
    get() {
      return this.getAttribute(attribute);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
    configurable: true,
  });
}
for (const [attribute, property] of Object.entries(BOOLEAN_ATTRIBUTES)) {
  Object.defineProperty(QuoteMarkElement.prototype, property, {
    get() {
      return this.hasAttribute(attribute) && this.getAttribute(attribute) !== "false";
    },
    set(value) {
      if (value) this.setAttribute(attribute, "");
      else this.removeAttribute(attribute);
    },
    configurable: true,
  });
}

if (!customElements.get("quote-mark")) customElements.define("quote-mark", QuoteMarkElement);
