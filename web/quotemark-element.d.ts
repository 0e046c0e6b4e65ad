// Types for the `<quote-mark>` element (dist/quotemark-element.js; the loader imports it).
import type {
  Annotation, AnnotationUpdate, MountOptions, QuotemarkEvents, QuotemarkHandle,
} from "./quotemark.js";

/** The handle's methods, offered by the element with the same names and arguments. */
type HandleMethods = Pick<
  QuotemarkHandle,
  | "exportJson" | "exportW3c" | "exportCsv" | "importJson" | "annotations" | "suggest"
  | "acceptSuggestion" | "rejectSuggestion" | "add" | "update" | "rendered" | "text"
  | "toUtf16" | "fromUtf16" | "diagnostics" | "on" | "off" | "setReadOnly"
>;

export interface QuoteMarkElement extends HandleMethods {}

/**
 * `<quote-mark>`: its own content (HTML) is the article, its attributes the options. Each
 * handle method throws an `Error` while the element has no widget (not in a document, or its
 * content or attributes could not be used), except `on`, `off` and `setReadOnly`, which are
 * kept for the next widget; one called right after the element was inserted mounts it at once.
 */
export class QuoteMarkElement extends HTMLElement {
  /** `article-id`: keys the saved annotations (default: a hash of the text). Remounts. */
  articleId: string | null;
  /** `article-title`. Remounts. */
  articleTitle: string | null;
  /** `readonly`: a reader view. Acts at once, without a remount. */
  readOnly: boolean;
  /** `storage`: `"local"` (default) or `"none"`. Remounts. */
  storage: string | null;
  /** `speakers`: names separated by `;`. Remounts. */
  speakers: string | null;
  /** `annotations`: `#id` of a `<script type="application/json">` holding a file. Remounts. */
  annotationsSource: string | null;
  /** `creation`: `"toolbar"` (default) or `"highlight"`. Remounts. */
  creation: string | null;
  /** `annotator`: who is annotating, written into exported files. Remounts. */
  annotator: string | null;
  /** `suggest`: show suggested quotes on load. Remounts. */
  suggestOnLoad: boolean;
  /** The widget's handle, or `null` while the element has none. */
  readonly handle: QuotemarkHandle | null;
  /** True while a widget is mounted in the element. */
  readonly mounted: boolean;
  /**
   * Resolves once the widget has rendered; rejects (with the `Error` `mount` threw) if the
   * content or attributes can't be used. After a remount, a new promise.
   */
  readonly ready: Promise<void>;
  /** Mounts the widget again from the element's current content and attributes. */
  remount(): void;
  /** The handle's `remove(id)` (the element's own `remove()` is the DOM's). */
  removeAnnotation(id: string): void;
  /** The options `mount()` gets from the content and attributes. */
  options(): MountOptions;
}

/** The events dispatched on the element (and on a `data-quotemark` or mounted element). */
export interface QuotemarkEventMap {
  "quotemark-create": CustomEvent<Annotation>;
  "quotemark-update": CustomEvent<AnnotationUpdate>;
  "quotemark-delete": CustomEvent<QuotemarkEvents["delete"]>;
  "quotemark-change": CustomEvent<QuotemarkEvents["change"]>;
  "quotemark-select": CustomEvent<Annotation | null>;
  "quotemark-widget-ready": CustomEvent<null>;
}

declare global {
  interface HTMLElementTagNameMap {
    "quote-mark": QuoteMarkElement;
  }
  interface HTMLElementEventMap extends QuotemarkEventMap {}
}
