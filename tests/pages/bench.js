// The browser benchmark's page side (driven by benches/browser.rs through WebDriver). Every
// time is measured here with performance.now(), so WebDriver round trips never count.
// "Painted" means: the expected DOM is there, checked once per animation frame, and one more
// animation frame has started after the frame that found it — two frames after the change.

import init, { mount } from "/quotemark.js";

const wasm = await init();
const slot = document.getElementById("bench-slot");
let handle = null;

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
const microtasks = async (count) => {
  for (let i = 0; i < count; i += 1) await Promise.resolve();
};
const widgetRoot = () => document.querySelector("[data-quotemark-host]")?.shadowRoot ?? null;

// Number of annotations whose first mark is in the DOM (each id appears once in data-qm-starts).
function startedAnnotations(root) {
  let count = 0;
  for (const mark of root.querySelectorAll("mark[data-qm-starts]")) {
    count += mark.getAttribute("data-qm-starts").split(" ").length;
  }
  return count;
}

// Checks `ready` at each animation frame; once it holds, waits for one more frame and for the
// DOM to stay unchanged through a frame. Returns { found, painted, checks } in ms since page
// start, where `checks` is the time spent inside `ready` (the measurement's own cost).
async function paintedWhen(ready, timeoutMs = 60000) {
  const deadline = performance.now() + timeoutMs;
  let checks = 0;
  for (;;) {
    await frame();
    const before = performance.now();
    const done = ready();
    checks += performance.now() - before;
    if (done) break;
    if (performance.now() > deadline) return { found: null, painted: null, checks, timedOut: true };
  }
  const found = performance.now();
  let changed = true;
  let painted = found;
  while (changed) {
    changed = false;
    const observer = new MutationObserver(() => (changed = true));
    observer.observe(widgetRoot() ?? document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
    painted = await frame();
    observer.disconnect();
  }
  return { found, painted, checks, timedOut: false };
}

// With `profile`, samples the page (JS and wasm frames; asked for every 1 ms, Chromium
// samples every ~10 ms) until `stop` is called, which
// returns the frames that took most samples, by self and by total time.
function startProfiler(profile) {
  if (!profile || typeof Profiler !== "function") return { stop: async () => null };
  const profiler = new Profiler({ sampleInterval: 1, maxBufferSize: 1_000_000 });
  return {
    stop: async () => {
      const trace = await profiler.stop();
      const label = (frameId) => {
        const frame = trace.frames[frameId];
        const resource = frame.resourceId === undefined ? "" : trace.resources[frame.resourceId];
        const file = resource ? resource.split("/").pop() : "";
        return `${frame.name || "(anonymous)"}${file ? ` ${file}` : ""}`;
      };
      const self = new Map();
      const total = new Map();
      // For each leaf frame, its callers' chains (up to 6 frames, innermost first).
      const chains = new Map();
      let idle = 0;
      for (const sample of trace.samples) {
        if (sample.stackId === undefined) {
          idle += 1;
          continue;
        }
        let stack = trace.stacks[sample.stackId];
        const leaf = label(stack.frameId);
        self.set(leaf, (self.get(leaf) ?? 0) + 1);
        const chain = [];
        for (let caller = stack; caller && chain.length < 6; ) {
          chain.push(label(caller.frameId).replace(/::h[0-9a-f]{16}/g, "").slice(0, 90));
          caller = caller.parentId === undefined ? null : trace.stacks[caller.parentId];
        }
        const byChain = chains.get(leaf) ?? new Map();
        const key = chain.join(" ← ");
        byChain.set(key, (byChain.get(key) ?? 0) + 1);
        chains.set(leaf, byChain);
        const seen = new Set();
        while (stack) {
          const name = label(stack.frameId);
          if (!seen.has(name)) {
            seen.add(name);
            total.set(name, (total.get(name) ?? 0) + 1);
          }
          stack = stack.parentId === undefined ? null : trace.stacks[stack.parentId];
        }
      }
      const top = (map) =>
        [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, samples]) => ({ name, samples }));
      const times = trace.samples.map((sample) => sample.timestamp);
      const interval = times.length > 1 ? (times[times.length - 1] - times[0]) / (times.length - 1) : null;
      const callers = top(self)
        .slice(0, 3)
        .map(({ name }) => ({ name, chains: top(chains.get(name)).slice(0, 3) }));
      return { samples: trace.samples.length, interval, noScript: idle, self: top(self), total: top(total), callers };
    },
  };
}

function memory() {
  if (typeof window.gc === "function") window.gc();
  return {
    jsHeap: performance.memory?.usedJSHeapSize ?? null,
    wasm: wasm.memory.buffer.byteLength,
  };
}

async function fetchText(url) {
  if (!url) return null;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

// Mounts the article and loads the annotations, through importJson (mode "import") or from
// localStorage (mode "storage"), and times each step from the mount call.
window.benchLoad = async ({ mode, textUrl, jsonUrl, envelopeUrl, storageKey, articleId, expected, profile }) => {
  const baseline = memory();
  let text = await fetchText(textUrl);
  let json = mode === "import" ? await fetchText(jsonUrl) : null;
  localStorage.clear();
  let seedError = null;
  if (mode === "storage") {
    let envelope = await fetchText(envelopeUrl);
    try {
      localStorage.setItem(storageKey, envelope);
    } catch (error) {
      seedError = `${error.name}: ${error.message}`;
    }
    envelope = null;
  }
  if (typeof window.gc === "function") window.gc();
  await frame();

  const profiler = startProfiler(profile);
  const t0 = performance.now();
  handle = mount(slot, {
    article: { text },
    id: articleId,
    storage: mode === "import" ? "none" : "local",
  });
  const mountReturned = performance.now();
  await microtasks(4);
  const firstRender = performance.now();
  let importStarted = null;
  let importReturned = null;
  let importRendered = null;
  let report = null;
  if (mode === "import") {
    // importJson needs the first render to have happened; it normally has by now.
    for (let attempt = 0; ; attempt += 1) {
      try {
        importStarted = performance.now();
        report = handle.importJson(json);
        importReturned = performance.now();
        break;
      } catch (error) {
        if (attempt > 100 || !String(error.message).includes("still starting")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    await microtasks(4);
    importRendered = performance.now();
  }
  const root = widgetRoot();
  const result = await paintedWhen(
    () => root.querySelector("[data-qm-block]") && startedAnnotations(root) >= expected,
    30000,
  );
  const profiled = await profiler.stop();
  const started = startedAnnotations(root);
  text = null;
  json = null;
  const loaded = memory();
  const since = (t) => (t === null ? null : t - t0);
  return {
    mountCall: mountReturned - t0,
    firstRender: since(firstRender),
    importCall: importStarted === null ? null : importReturned - importStarted,
    importRendered: since(importRendered),
    found: result.timedOut ? null : since(result.found),
    painted: result.timedOut ? null : since(result.painted),
    timedOut: result.timedOut,
    checkMs: result.checks,
    started,
    marks: root.querySelectorAll("mark").length,
    blocks: root.querySelectorAll("[data-qm-block]").length,
    imported: report?.added ?? null,
    report: report === null ? null : JSON.stringify(report).slice(0, 300),
    seedError,
    baseline,
    loaded,
    profile: profiled,
  };
};

// Scrolls to the block at each fraction of the article and times until it is painted.
window.benchScroll = async (fractions) => {
  const root = widgetRoot();
  const blocks = root.querySelectorAll("[data-qm-block]");
  const results = [];
  for (const fraction of fractions) {
    const block = blocks[Math.min(blocks.length - 1, Math.round(fraction * (blocks.length - 1)))];
    await frame();
    const t0 = performance.now();
    block.scrollIntoView({ block: "start", behavior: "instant" });
    const result = await paintedWhen(() => block.getBoundingClientRect().top < innerHeight);
    results.push({
      fraction,
      block: Number(block.getAttribute("data-qm-block")),
      marks: block.querySelectorAll("mark").length,
      ms: result.painted - t0,
    });
  }
  return results;
};

let dragResult = null;
let enterResult = null;

// Brings the annotation-free block `index` into view and returns viewport points for a drag
// over part of its text; arms a capture-phase pointerup listener that times the toolbar.
window.benchArmDrag = async (index) => {
  const root = widgetRoot();
  const block = root.querySelector(`[data-qm-block="${index}"]`);
  block.scrollIntoView({ block: "center", behavior: "instant" });
  await frame();
  await frame();
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  const length = node.data.length;
  const at = (start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range.getBoundingClientRect();
  };
  const first = at(4, 5);
  const lastIndex = Math.min(length - 4, 120);
  const last = at(lastIndex - 1, lastIndex);
  dragResult = new Promise((resolve, reject) => {
    addEventListener(
      "pointerup",
      (event) => {
        const up = performance.now();
        const stamp = event.timeStamp;
        paintedWhen(() => root.querySelector(".qm-toolbar") !== null)
          .then((result) =>
            resolve({
              fromHandler: result.painted - up,
              fromEvent: result.painted - stamp,
              domFromEvent: result.found - stamp,
              excerpt: root.querySelector(".qm-toolbar-excerpt")?.textContent ?? "",
            }),
          )
          .catch(reject);
      },
      { capture: true, once: true },
    );
  });
  return {
    from: [Math.round(first.left + 1), Math.round((first.top + first.bottom) / 2)],
    to: [Math.round(last.right - 1), Math.round((last.top + last.bottom) / 2)],
  };
};

window.benchAwaitDrag = async () => dragResult;

// Focuses the toolbar's speaker field and arms a capture-phase keydown listener that times
// Enter to the new highlight painted in block `index` (and reads the save that follows).
window.benchArmEnter = async (index, profile) => {
  const root = widgetRoot();
  const profiler = startProfiler(profile);
  performance.clearMeasures("quotemark-save");
  const input = root.getElementById("qm-speaker-input");
  input.focus();
  const block = root.querySelector(`[data-qm-block="${index}"]`);
  enterResult = new Promise((resolve, reject) => {
    addEventListener(
      "keydown",
      (event) => {
        if (event.key !== "Enter") return;
        const down = performance.now();
        const stamp = event.timeStamp;
        paintedWhen(() => block.querySelector("mark[data-qm-starts]") !== null)
          .then(async (result) => {
            const saves = performance.getEntriesByName("quotemark-save");
            resolve({
              profile: await profiler.stop(),
              fromHandler: result.painted - down,
              fromEvent: result.painted - stamp,
              domFromEvent: result.found - stamp,
              save: saves.length ? saves[saves.length - 1].duration : null,
              saveStatus: root.querySelector(".qm-save")?.textContent ?? null,
            });
          })
          .catch(reject);
      },
      { capture: true },
    );
  });
  return document.activeElement === document.querySelector("[data-quotemark-host]");
};

window.benchAwaitEnter = async () => enterResult;

// Times the two exports the host can call.
window.benchExport = () => {
  let t0 = performance.now();
  const w3c = handle.exportW3c();
  const w3cMs = performance.now() - t0;
  t0 = performance.now();
  const native = handle.exportJson();
  const nativeMs = performance.now() - t0;
  return { w3cMs, w3cBytes: w3c.length, nativeMs, nativeBytes: native.length };
};

window.benchReady = true;
