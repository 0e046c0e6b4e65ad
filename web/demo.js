// The demo page: shows the Helsinki article through the public `mount` API, lets the
// visitor load another article by pasting it or opening a file, and opens the teacher's
// compare view (the public `compare` API) for the article shown.

const widgetElement = document.getElementById("quotemark-demo");
const message = document.getElementById("demo-message");
const form = document.getElementById("article-form");
const formatSelect = document.getElementById("article-format");
const input = document.getElementById("article-input");
const fileInput = document.getElementById("article-file");

let handle = null;
let compareHandle = null;
const compareElement = document.getElementById("quotemark-compare");
const compareOpen = document.getElementById("compare-open");
const compareClose = document.getElementById("compare-close");

function showMessage(text) {
  message.textContent = text;
  message.hidden = !text;
}

// Trunk's loader instantiates the module and announces it; it may already have done so.
function bindings() {
  if (window.wasmBindings) return Promise.resolve(window.wasmBindings);
  return new Promise((resolve) =>
    addEventListener("TrunkApplicationStarted", () => resolve(window.wasmBindings), { once: true }),
  );
}

// The last article that mounted, shown again when a new one can't be.
let lastGood = null;

// Mounts the article, keeping the current one when the new one can't be shown.
async function showAndRemember(article) {
  const before = lastGood;
  const { mount } = await bindings();
  if (compareHandle) closeCompare();
  handle?.destroy();
  handle = null;
  window.quotemarkDemo = null;
  try {
    handle = mount(widgetElement, { article });
    // Tests and curious visitors reach the widget's handle API through this.
    window.quotemarkDemo = handle;
    lastGood = article;
    showMessage("");
  } catch (error) {
    showMessage(`That article can't be shown: ${error.message}`);
    if (before) handle = mount(widgetElement, { article: before });
    window.quotemarkDemo = handle;
  }
}

function formatOfFile(name) {
  const lower = name.toLowerCase();
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
  if (lower.endsWith(".html") || lower.endsWith(".htm")) return "html";
  return "text";
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  showAndRemember({ [formatSelect.value]: input.value });
});

fileInput.addEventListener("change", async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  let text;
  try {
    text = await file.text();
  } catch (error) {
    showMessage(`The file "${file.name}" could not be read: ${error.message}`);
    return;
  }
  const format = formatOfFile(file.name);
  await showAndRemember({ [format]: text });
  fileInput.value = "";
});

async function start() {
  try {
    const response = await fetch("helsinki-summit.txt");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    widgetElement.textContent = "";
    await showAndRemember({ text, id: "helsinki-summit" });
  } catch (error) {
    showMessage(`The demo article could not be loaded: ${error.message}`);
  }
}

// The compare view for the article currently shown; files are opened or dropped in it.
async function openCompare() {
  if (!lastGood) return;
  const { compare } = await bindings();
  compareHandle?.destroy();
  try {
    compareHandle = compare(compareElement, { article: lastGood, files: [] });
    // Tests and curious teachers reach the compare handle through this.
    window.quotemarkCompare = compareHandle;
    compareOpen.hidden = true;
    compareClose.hidden = false;
    compareElement.querySelector("[data-quotemark-host]")?.scrollIntoView({ block: "start" });
  } catch (error) {
    showMessage(`The comparison can't be opened: ${error.message}`);
  }
}

function closeCompare() {
  compareHandle?.destroy();
  compareHandle = null;
  window.quotemarkCompare = null;
  compareOpen.hidden = false;
  compareClose.hidden = true;
  compareOpen.focus();
}

compareOpen.addEventListener("click", openCompare);
compareClose.addEventListener("click", closeCompare);

start();
