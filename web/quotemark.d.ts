// Types for the Quotemark module (dist/quotemark.js). See the README for examples.

/** The article to annotate: exactly one of `text`, `markdown` or `html`. */
export interface ArticleOptions {
  /** Plain text: paragraphs separated by blank lines, the first one the headline. */
  text?: string;
  /** CommonMark. */
  markdown?: string;
  /** HTML, sanitised to an allow-list (no scripts, styles, handlers or unsafe links). */
  html?: string;
  title?: string;
  /** Keys the saved annotations; without it a hash of the article's text is used. */
  id?: string;
}

export type ThemeSetting =
  | "font" | "ui-font" | "text" | "muted" | "background" | "surface" | "border"
  | "accent" | "focus" | "measure" | "font-size";

export interface MountOptions {
  article: ArticleOptions;
  /** Same as `article.id`; this one wins when both are given. */
  id?: string;
  /** A reader view: highlights, speakers and notes, no editing. */
  readOnly?: boolean;
  /** `"local"` (default): localStorage under `quotemark:v1:<id>`; `"none"`: nothing is stored. */
  storage?: "local" | "none";
  /** Speakers to offer from the start, e.g. a newsroom's list. */
  speakers?: string[];
  /** CSS values for the `--quotemark-*` custom properties, e.g. `{ accent: "#b00020" }`. */
  theme?: Partial<Record<ThemeSetting, string>>;
  /**
   * An exported file (Quotemark or W3C JSON, as text or parsed) to start with, or an array of
   * annotations (native items or W3C `Annotation`s).
   */
  annotations?: string | object;
  /** Show suggested quotes for review as soon as the widget appears. */
  suggest?: boolean;
  /**
   * What a mouse-up on a selection does: `"toolbar"` (default) offers Quote and Note;
   * `"highlight"` makes a plain highlight at once, with no toolbar.
   */
  creation?: "toolbar" | "highlight";
  /** Who is annotating: written into exported files, so a teacher's comparison names them. */
  annotator?: string;
}

/** A suggested quote, pending review. Positions are Unicode code points, as in `annotations()`. */
export interface Suggestion {
  id: string;
  exact: string;
  start: number;
  end: number;
  /** The suggested speaker's name; `null` when none was found. */
  speaker: string | null;
  /** 0–1. */
  confidence: number;
  /** Why this speaker, e.g. "said Kessler, same sentence". */
  reason: string;
}

/** One annotation as `annotations()` and the events give it. Positions are Unicode code points. */
export interface Annotation {
  id: string;
  kind: "quote" | "highlight";
  exact: string;
  prefix: string;
  suffix: string;
  /** `null` when the annotation could not be found in this article (status `"orphan"`). */
  start: number | null;
  end: number | null;
  /** The speaker's name; `null` for a highlight or an unknown speaker. */
  speaker: string | null;
  note: string;
  status: "anchored" | "moved" | "fuzzy" | "orphan";
  /** For `"fuzzy"`: how well the text still matches, 0–1. */
  score: number | null;
  /** Milliseconds since the Unix epoch. */
  created: number;
  modified: number;
  /** The id it came with (through `add()` or a file) when it was given a new one; else `null`. */
  sourceId: string | null;
}

/** What `update(id, changes)` may change; positions are Unicode code points. */
export interface AnnotationChanges {
  note?: string;
  /** A speaker's name (added if new); `null` for an unknown speaker. */
  speaker?: string | null;
  kind?: "quote" | "highlight";
  start?: number;
  end?: number;
}

/** The `update` event's detail: the annotation as it is now, and as it was. */
export interface AnnotationUpdate extends Annotation {
  previous: Annotation;
}

/** What `diagnostics()` reports about a widget, for support requests and monitoring. */
export interface Diagnostics {
  annotations: number;
  speakers: number;
  readOnly: boolean;
  saveStatus: string;
  /** The `localStorage` key the widget saves under; `null` with `storage: "none"`. */
  storageKey: string | null;
  /** Pending suggestions. */
  suggestions: number;
  /** Undo and redo steps available. */
  undo: number;
  redo: number;
  wasmMemoryBytes: number;
}

export interface ImportReport {
  format: "quotemark" | "w3c";
  added: number;
  orphans: number;
  duplicates: number;
  skipped: { index: number; reason: string; message: string }[];
  speakersAdded: number;
  speakersMapped: number;
  /**
   * How the file's article relates to this one: the same text, an edited version (positions
   * re-anchored), a different article (imported only with `allowOtherArticle`), or unknown
   * (a file with no annotations that does not name its article).
   */
  article: "same" | "edited" | "different" | "unknown";
  summary: string;
}

export interface ImportOptions {
  /** Import a file made on a different article (refused with an `Error` otherwise). */
  allowOtherArticle?: boolean;
}

export interface QuotemarkEvents {
  /** Once, after the first render (the `ready` promise resolves then too). */
  ready: null;
  create: Annotation;
  update: AnnotationUpdate;
  delete: { id: string };
  /** After every change; a change of more than 100 annotations fires only this. */
  change: { annotations: number; created: string[]; updated: string[]; deleted: string[] };
  /** The annotation the reader selected, or `null`. */
  select: Annotation | null;
}

export class QuotemarkHandle {
  /** False once `destroy()` was called. */
  readonly mounted: boolean;
  /**
   * Resolves once the widget has rendered. Every method also works before that: calls made
   * right after `mount()` act on the starting state and the first render shows their result.
   */
  readonly ready: Promise<void>;
  /** Resolves once everything requested so far (through any method) is in the DOM. */
  rendered(): Promise<void>;
  /** Removes the widget and gives the element back its own content. */
  destroy(): void;
  /** Quotemark's native JSON (docs/formats.md). */
  exportJson(): string;
  /** A W3C Web Annotation `AnnotationCollection` (JSON-LD). */
  exportW3c(): string;
  exportCsv(): string;
  /**
   * Throws an `Error` (and changes nothing) when the file can't be used, or was made on a
   * different article and `options.allowOtherArticle` is not `true`.
   */
  importJson(
    json: string | object,
    mode?: "merge" | "replace",
    options?: ImportOptions,
  ): ImportReport;
  annotations(): Annotation[];
  /**
   * Adds one annotation: a plain object as `annotations()` gives them (`exact` and/or `start`
   * and `end`, `kind`, `speaker` as a name, `note`, `id`), a W3C `Annotation`, or either as JSON
   * text. Returns it as created, with a new `id`; the one it came with is kept as `sourceId`.
   * Throws an `Error` with a readable message (and changes nothing) if it can't be used.
   */
  add(annotation: object | string): Annotation;
  /** Changes an annotation (one undo step) and returns it. Throws for an unknown id. */
  update(id: string, changes: AnnotationChanges): Annotation;
  /** Deletes an annotation (one undo step). Throws for an unknown id. */
  remove(id: string): void;
  /** The article's text content, which every position counts in (Unicode code points). */
  text(): string;
  /** A code point position in `text()` as a UTF-16 offset (JavaScript string index). */
  toUtf16(position: number): number;
  /** A UTF-16 offset in `text()` as a code point position. */
  fromUtf16(offset: number): number;
  diagnostics(): Diagnostics;
  /** Finds quotes and their speakers, shows them for review in the widget, and returns them. */
  suggest(): Suggestion[];
  /** Makes a pending suggestion a quote (one undo step), by `speaker` if given. */
  acceptSuggestion(id: string, speaker?: string): void;
  /** Drops a pending suggestion. */
  rejectSuggestion(id: string): void;
  setReadOnly(readOnly: boolean): void;
  on<E extends keyof QuotemarkEvents>(event: E, listener: (detail: QuotemarkEvents[E]) => void): void;
  off<E extends keyof QuotemarkEvents>(event: E, listener: (detail: QuotemarkEvents[E]) => void): void;
}

/** Throws an `Error` with a readable message when the options or the article can't be used. */
export function mount(element: Element, options: MountOptions): QuotemarkHandle;
/** Mounts every `[data-quotemark]` element not mounted yet; returns how many. */
export function mountAll(): number;
/** The handle of a widget mounted from a `data-quotemark` element. */
export function handleFor(element: Element): QuotemarkHandle | undefined;

/** One exported file for the compare view: its name and its text. */
export interface CompareFile {
  name: string;
  content: string;
}

export interface CompareOptions {
  /** The article, exactly as for `mount`. */
  article: ArticleOptions;
  id?: string;
  files?: CompareFile[];
}

/** Scores over quotes and highlights together; `null` where a number is undefined. */
export interface AgreementScores {
  pairs: {
    a: string;
    b: string;
    spanF1Exact: number;
    spanF1Overlap: number;
    speakerAgreement: number | null;
    kappa: number | null;
  }[];
  alphaU: number | null;
  alphaSpeaker: number | null;
  annotators: {
    name: string;
    spans: number;
    meanSpanF1Exact: number | null;
    meanSpanF1Overlap: number | null;
    meanSpeakerAgreement: number | null;
    meanKappa: number | null;
  }[];
  notes: string[];
}

export interface FeedbackSpan {
  start: number;
  end: number;
  kind: "quote" | "highlight";
  speaker: string | null;
}

/** One student's work against the curated key. */
export interface StudentFeedback {
  name: string;
  found: number;
  boundaryOff: number;
  wrongSpeaker: number;
  missed: number;
  extra: number;
  /** 0–100, one decimal. */
  score: number;
  items: {
    key: FeedbackSpan;
    student: FeedbackSpan | null;
    outcome: "found" | "boundary off" | "missed";
    wrongSpeaker: boolean;
    credit: number;
  }[];
  extras: FeedbackSpan[];
}

export interface CompareHandle {
  agreement(): AgreementScores;
  /** The curated key as a native Quotemark file. */
  key(): string;
  feedback(name: string): StudentFeedback | null;
  /** The file "Download feedback" gives that student. */
  feedbackFile(name: string): string | null;
  scoresCsv(): string;
  gradebookCsv(): string;
  addFiles(files: CompareFile[]): void;
  destroy(): void;
}

/** The teacher's compare view. Throws an `Error` with a readable message when the options or
 * the article can't be used. */
export function compare(element: Element, options: CompareOptions): CompareHandle;

export default function init(
  moduleOrPath?: { module_or_path: RequestInfo | URL | BufferSource | WebAssembly.Module },
): Promise<unknown>;
