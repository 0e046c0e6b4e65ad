// A TypeScript integrator's code using every declared member of the package, checked with
// `tsc -p tests/typescript` (strict, no output). It is only type-checked, never run.
import init, { compare, mount, mountAll, handleFor } from "quotemark";
import type {
  AgreementScores, Annotation, AnnotationChanges, AnnotationUpdate, ArticleOptions, CompareFile,
  CompareHandle, CompareOptions, Diagnostics, FeedbackSpan, ImportOptions, ImportReport,
  MountOptions, QuotemarkEvents, QuotemarkHandle, StudentFeedback, Suggestion, ThemeSetting,
} from "quotemark";
import "quotemark/auto";
import { QuoteMarkElement } from "quotemark/element";
import type { QuotemarkEventMap } from "quotemark/element";

export async function mounted(): Promise<void> {
  await init();
  await init({ module_or_path: new URL("/quotemark/quotemark_bg.wasm", location.href) });
  const article: ArticleOptions = { markdown: "# Headline\n\nText.", title: "Title", id: "a" };
  const setting: ThemeSetting = "accent";
  const options: MountOptions = {
    article,
    id: "story-42",
    readOnly: false,
    storage: "local",
    speakers: ["Aino Virtanen"],
    theme: { [setting]: "#b00020", measure: "42rem" },
    annotations: [],
    suggest: false,
    creation: "highlight",
    annotator: "Ann",
  };
  const element = document.getElementById("story");
  if (!element) return;
  const handle: QuotemarkHandle = mount(element, options);
  await handle.ready;
  await handle.rendered();
  const isMounted: boolean = handle.mounted;

  const onCreate = (annotation: Annotation) => console.log(annotation.exact, annotation.sourceId);
  handle.on("create", onCreate);
  handle.off("create", onCreate);
  handle.on("update", (annotation: AnnotationUpdate) => console.log(annotation.previous.note));
  handle.on("delete", ({ id }) => console.log(id));
  handle.on("change", (change) => console.log(change.annotations, change.created.length));
  handle.on("select", (annotation) => console.log(annotation?.id ?? "nothing"));
  handle.on("ready", (nothing: QuotemarkEvents["ready"]) => console.log(nothing));

  const native: string = handle.exportJson();
  const w3c: string = handle.exportW3c();
  const csv: string = handle.exportCsv();
  const importOptions: ImportOptions = { allowOtherArticle: true };
  const report: ImportReport = handle.importJson(native, "merge", importOptions);
  handle.importJson(JSON.parse(w3c) as object, "replace");
  console.log(report.added, report.duplicates, report.skipped[0]?.reason, report.orphans,
    report.speakersAdded, report.speakersMapped, report.article, report.summary, report.format,
    csv, isMounted);

  const added: Annotation = handle.add({ kind: "highlight", exact: "Text", start: 10, end: 14 });
  handle.add(JSON.stringify({ type: "Annotation" }));
  const changes: AnnotationChanges = { note: "n", speaker: null, kind: "quote", start: 10, end: 14 };
  const updated: Annotation = handle.update(added.id, changes);
  handle.update(updated.id, { speaker: "Aino Virtanen" });
  handle.remove(updated.id);
  const all: Annotation[] = handle.annotations();
  for (const a of all) {
    const range: [number | null, number | null] = [a.start, a.end];
    console.log(a.kind, a.prefix, a.suffix, a.speaker, a.note, a.status, a.score, a.created,
      a.modified, range);
  }

  const text: string = handle.text();
  const utf16: number = handle.toUtf16(text.length);
  const position: number = handle.fromUtf16(utf16);
  const diagnostics: Diagnostics = handle.diagnostics();
  console.log(position, diagnostics.annotations, diagnostics.speakers, diagnostics.readOnly,
    diagnostics.saveStatus, diagnostics.storageKey ?? "none", diagnostics.suggestions,
    diagnostics.undo, diagnostics.redo, diagnostics.wasmMemoryBytes);

  const suggestions: Suggestion[] = handle.suggest();
  const first = suggestions[0];
  if (first) {
    console.log(first.exact, first.start, first.end, first.speaker, first.confidence, first.reason);
    handle.acceptSuggestion(first.id, "Aino Virtanen");
    handle.rejectSuggestion(first.id);
  }
  handle.setReadOnly(true);
  handle.destroy();

  const count: number = mountAll();
  const declared: QuotemarkHandle | undefined = handleFor(element);
  console.log(count, declared?.mounted);
}

export function classroom(element: Element): void {
  const files: CompareFile[] = [{ name: "ann.json", content: "{}" }];
  const options: CompareOptions = { article: { text: "Headline\n\nText." }, id: "a", files };
  const view: CompareHandle = compare(element, options);
  const scores: AgreementScores = view.agreement();
  const pair = scores.pairs[0];
  const person = scores.annotators[0];
  console.log(pair?.a, pair?.b, pair?.spanF1Exact, pair?.spanF1Overlap, pair?.speakerAgreement,
    pair?.kappa, scores.alphaU, scores.alphaSpeaker, scores.notes, person?.name, person?.spans,
    person?.meanSpanF1Exact, person?.meanSpanF1Overlap, person?.meanSpeakerAgreement,
    person?.meanKappa);
  const feedback: StudentFeedback | null = view.feedback("ann.json");
  if (feedback) {
    const item = feedback.items[0];
    const span: FeedbackSpan | undefined = item?.key;
    console.log(feedback.name, feedback.found, feedback.boundaryOff, feedback.wrongSpeaker,
      feedback.missed, feedback.extra, feedback.score, item?.student, item?.outcome,
      item?.wrongSpeaker, item?.credit, feedback.extras.length, span?.start, span?.end,
      span?.kind, span?.speaker);
  }
  console.log(view.key(), view.feedbackFile("ann.json"), view.scoresCsv(), view.gradebookCsv());
  view.addFiles(files);
  view.destroy();
}

export async function element(): Promise<void> {
  // The tag name gives the element's type; its attributes are typed properties.
  const story: QuoteMarkElement = document.createElement("quote-mark");
  story.articleId = "story-42";
  story.articleTitle = "Council approves the harbour plan";
  story.readOnly = false;
  story.storage = "none";
  story.speakers = "Aino Virtanen; Mika Korhonen";
  story.annotationsSource = "#file";
  story.creation = "highlight";
  story.suggestOnLoad = false;
  story.annotator = "Ann";
  story.innerHTML = "<h1>Headline</h1><p>Text.</p>";
  document.body.append(story);
  await story.ready;
  await story.rendered();
  const found: QuoteMarkElement | null = document.querySelector("quote-mark");
  const handle: QuotemarkHandle | null = story.handle;
  const options: MountOptions = story.options();
  console.log(found?.mounted, handle?.mounted, story.mounted, options.article);

  story.addEventListener("quotemark-create", (event) => console.log(event.detail.exact));
  story.addEventListener("quotemark-update", (event) => console.log(event.detail.previous.exact));
  story.addEventListener("quotemark-delete", (event) => console.log(event.detail.id));
  story.addEventListener("quotemark-change", (event) => console.log(event.detail.updated));
  story.addEventListener("quotemark-select", (event) => console.log(event.detail?.speaker));
  story.addEventListener("quotemark-widget-ready", (event) => console.log(event.detail));
  const events: (keyof QuotemarkEventMap)[] = ["quotemark-create", "quotemark-change"];
  document.addEventListener("quotemark-ready", (event) => {
    console.log(events, event.detail.mountAll(), window.Quotemark?.handleFor(story));
  });

  const added = story.add({ kind: "highlight", exact: "Text", start: 10, end: 14 });
  story.update(added.id, { note: "Checked" });
  story.removeAnnotation(added.id);
  story.on("create", (annotation) => console.log(annotation.id));
  story.off("create", () => {});
  story.setReadOnly(true);
  const report = story.importJson(story.exportJson(), "merge", { allowOtherArticle: false });
  console.log(report.summary, story.exportW3c(), story.exportCsv(), story.annotations().length,
    story.text(), story.toUtf16(1), story.fromUtf16(1), story.diagnostics().undo);
  for (const suggestion of story.suggest()) {
    story.acceptSuggestion(suggestion.id);
    story.rejectSuggestion(suggestion.id);
  }
  story.remount();
  // The DOM's own remove() takes the element out (and destroys its widget).
  story.remove();
  console.log(new QuoteMarkElement() instanceof HTMLElement);
}
