// @ts-check
// The server self-check page: asks the server for what the calculators need and says in plain
// words what to change. Only this page loads it, so only this page downloads the Python runtime.
// Requests use `cache: "no-store"` so that neither the browser's cache nor the guide's service
// worker answers in the server's place.

import { SITE_ROOT as ROOT } from "../paths.js";

const JAVASCRIPT = /^(text|application)\/(x-)?(java|ecma)script\b/i;
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const WORKER_TIMEOUT_MS = 15000;
const YEAR_SECONDS = 31536000;
const LABELS = { pass: "Passed", fail: "Problem", advice: "Advice" };
const CONFIG_NAMES = "the shipped nginx.conf, the site's .htaccess (Apache) or web.config (IIS)";

const pass = (detail) => ({ status: "pass", detail });
const fail = (detail, fix) => ({ status: "fail", detail, fix });
const advice = (detail, fix) => ({ status: "advice", detail, fix });

function fresh(url, method = "GET") {
  return fetch(url, { method, cache: "no-store" });
}

async function header(url, name) {
  const response = await fresh(url, "HEAD");
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response.headers.get(name) || "";
}

async function sha256(buffer) {
  if (!crypto.subtle) return null; // only on https or localhost
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function checkWasmType(pyodide) {
  const type = await header(new URL("pyodide.asm.wasm", pyodide), "Content-Type");
  if (type.split(";")[0].trim().toLowerCase() === "application/wasm") {
    return pass("WebAssembly files are sent as application/wasm.");
  }
  return fail(
    `pyodide.asm.wasm is sent as "${type || "no type"}", but browsers start WebAssembly only from application/wasm.`,
    `Make the server send .wasm files with the MIME type application/wasm (${CONFIG_NAMES} do this).`,
  );
}

async function checkModuleType(pyodide) {
  const type = await header(new URL("pyodide.mjs", pyodide), "Content-Type");
  if (JAVASCRIPT.test(type)) return pass(`JavaScript modules (.mjs) are sent as ${type.split(";")[0]}.`);
  return fail(
    `pyodide.mjs is sent as "${type || "no type"}"; browsers run modules only when they are sent as JavaScript.`,
    `Make the server send .mjs files with the MIME type text/javascript (${CONFIG_NAMES} do this).`,
  );
}

// Fetches `paths` and compares them with the build's sizes and SHA-256 checksums (`files`).
async function compareFiles(paths, files) {
  const problems = [];
  let hashed = true;
  for (const path of paths) {
    const expected = files[path];
    const response = await fresh(new URL(path, ROOT));
    if (!response.ok) {
      problems.push(`${path} answered ${response.status}`);
      continue;
    }
    const body = await response.arrayBuffer();
    const digest = await sha256(body);
    hashed &&= digest !== null;
    if (body.byteLength !== expected.bytes) {
      problems.push(`${path} has ${body.byteLength} bytes instead of ${expected.bytes}`);
    } else if (digest !== null && digest !== expected.sha256) {
      problems.push(`${path} has the right size but different content`);
    }
  }
  const how = hashed ? "sizes and SHA-256 checksums" : "sizes (this browser checks checksums only over https)";
  return { problems, how };
}

async function checkRuntime(folder, files) {
  const paths = Object.keys(files).filter((path) => path.startsWith(folder));
  const { problems, how } = await compareFiles(paths, files);
  if (problems.length === 0) {
    return pass(`All ${paths.length} files of the Python runtime arrived whole (${how} match the build).`);
  }
  return fail(
    `The Python runtime is not complete: ${problems.join("; ")}.`,
    `Copy the folder ${folder} again from the release archive, unchanged (binary mode), and check that no proxy or filter alters the files.`,
  );
}

// One calculator: its page in each language, their stylesheets and scripts, and the calculators'
// Python code.
async function checkCalculator({ pages, files: paths }, files) {
  const { problems, how } = await compareFiles(paths, files);
  const scripts = paths.filter((path) => /\.m?js$/.test(path)).length;
  const others = paths.length - pages.length;
  const result = problems.length === 0
    ? pass(`Its pages (${pages.join(", ")}) and the ${others} files they need (${scripts} scripts, stylesheets and the calculators' Python code) arrived whole (${how} match the build).`)
    : fail(
      `This calculator cannot work as built: ${problems.join("; ")}.`,
      "Copy the whole site folder again from the release archive, unchanged (binary mode), and check that no proxy or filter alters the files.",
    );
  return { ...result, files: paths };
}

function startWorker() {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ started: false, wasm: "" }), WORKER_TIMEOUT_MS);
    let worker;
    try {
      worker = new Worker(new URL("server-check-worker.mjs", import.meta.url), { type: "module" });
    } catch (error) {
      clearTimeout(timer);
      resolve({ started: false, wasm: "", error: String(error.message || error) });
      return;
    }
    worker.onmessage = ({ data }) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      resolve({ started: false, wasm: "", error: event.message || "the worker failed to load" });
    };
  });
}

async function checkWorker(result) {
  if (result.started) return pass("A module worker starts (the calculators run Python in one).");
  return fail(
    `The browser could not start a module worker${result.error ? `: ${result.error}` : ""}.`,
    "Send .mjs files as text/javascript, and if the server sends a Content-Security-Policy, let it allow worker-src 'self'.",
  );
}

async function checkWasmPolicy(worker) {
  let page = "";
  try {
    await WebAssembly.compile(EMPTY_MODULE);
  } catch (error) {
    page = String(error.message || error);
  }
  const refused = page || worker.wasm;
  if (!refused && worker.started) return pass("The Content-Security-Policy allows WebAssembly, in the page and in workers.");
  if (!refused) return fail("WebAssembly could not be tried in a worker, because no worker started.", "Fix the worker problem above first.");
  return fail(
    `The browser refused to compile WebAssembly: ${refused}`,
    "The Content-Security-Policy must allow WebAssembly: add 'wasm-unsafe-eval' to script-src (the shipped configurations send a policy that does).",
  );
}

async function checkCaching(pyodide) {
  const page = (await header(ROOT, "Cache-Control")).toLowerCase();
  const runtime = (await header(new URL("pyodide.asm.wasm", pyodide), "Cache-Control")).toLowerCase();
  const maxAge = Number(/max-age=(\d+)/.exec(runtime)?.[1] || 0);
  const notes = [];
  if (!/no-cache|no-store|max-age=0\b/.test(page)) {
    notes.push(`Pages are sent with "Cache-Control: ${page || "nothing"}": after an update, browsers may show old pages for a while. Send pages with "Cache-Control: no-cache".`);
  }
  if (maxAge < YEAR_SECONDS / 2 || /no-store/.test(runtime)) {
    notes.push(`The Python runtime is sent with "Cache-Control: ${runtime || "nothing"}": a repeat visit may download or revalidate 14 MB. Its folder name carries its version, so it may be cached for a year ("Cache-Control: public, max-age=31536000, immutable").`);
  }
  if (notes.length === 0) return pass("Pages are checked for updates on every visit, the versioned Python runtime is kept for a year.");
  return advice("Caching could be better.", notes.join(" "));
}

async function checkOffline() {
  if ("serviceWorker" in navigator) return pass("This browser may keep an offline copy of the guide (the address is https or localhost).");
  return advice(
    "Over plain http the browser keeps no offline copy; the guide still works, from the browser's cache.",
    "To let the guide work without the network after the first visit, serve it over https.",
  );
}

const CHECKS = [
  ["wasm-type", "WebAssembly MIME type", ({ pyodide }) => checkWasmType(pyodide)],
  ["module-type", "JavaScript module MIME type", ({ pyodide }) => checkModuleType(pyodide)],
  ["runtime-files", "Python runtime complete", ({ runtime, files }) => checkRuntime(runtime, files)],
  ["worker", "Module worker", ({ worker }) => checkWorker(worker)],
  ["wasm-policy", "WebAssembly allowed by the Content-Security-Policy", ({ worker }) => checkWasmPolicy(worker)],
  ["caching", "Caching", ({ pyodide }) => checkCaching(pyodide)],
  ["offline", "Offline copy", () => checkOffline()],
];

function show(list, id, title, result) {
  const item = document.createElement("li");
  item.dataset.check = id;
  item.dataset.status = result.status;
  const heading = Object.assign(document.createElement("strong"), { textContent: `${LABELS[result.status]}: ${title}. ` });
  item.append(heading, document.createTextNode(result.detail));
  if (result.fix) item.append(Object.assign(document.createElement("p"), { textContent: `What to do: ${result.fix}` }));
  if (result.files) {
    const files = document.createElement("details");
    files.append(Object.assign(document.createElement("summary"), { textContent: "The files it needs" }));
    const names = document.createElement("ul");
    names.append(...result.files.map((path) => Object.assign(document.createElement("li"), { textContent: path })));
    files.append(names);
    item.append(files);
  }
  list.append(item);
}

// The checks for this build: the fixed ones, then one per calculator page the build lists.
function checksFor(calculators) {
  return [
    ...CHECKS,
    ...calculators.map((calculator) => [
      `calculator-${calculator.tool}`,
      `Calculator “${calculator.title}”`,
      ({ files }) => checkCalculator(calculator, files),
    ]),
  ];
}

async function context() {
  const response = await fresh(new URL("site-files.json", ROOT));
  if (!response.ok) throw new Error(`site-files.json answered ${response.status}: copy the whole site folder`);
  const manifest = await response.json();
  return {
    pyodide: new URL(manifest.pyodide, ROOT).href,
    runtime: manifest.pyodide,
    files: manifest.files,
    calculators: manifest.calculators,
    worker: await startWorker(),
  };
}

async function run(button, summary, list) {
  button.disabled = true;
  list.setAttribute("aria-busy", "true"); // results arrive one by one: read them once all are in
  list.replaceChildren();
  summary.textContent = "Checking the server…";
  let found;
  try {
    found = await context();
  } catch (error) {
    summary.textContent = `The checks could not start: ${error.message}.`;
    list.removeAttribute("aria-busy");
    button.disabled = false;
    return;
  }
  const counts = { pass: 0, fail: 0, advice: 0 };
  for (const [id, title, check] of checksFor(found.calculators)) {
    let result;
    try {
      result = await check(found);
    } catch (error) {
      result = fail(`The check could not run: ${error.message}.`, "Make sure the whole site folder was copied.");
    }
    counts[result.status] += 1;
    show(list, id, title, result);
  }
  summary.textContent = counts.fail
    ? `${counts.fail} problem${counts.fail > 1 ? "s" : ""} found: the calculators will not work until ${counts.fail > 1 ? "they are" : "it is"} fixed. Details below.`
    : `All checks passed${counts.advice ? `, with ${counts.advice} piece${counts.advice > 1 ? "s" : ""} of advice` : ""}: the calculators can run from this server.`;
  list.removeAttribute("aria-busy");
  button.disabled = false;
}

const button = document.getElementById("server-check-run");
const summary = document.getElementById("server-check-summary");
const list = document.getElementById("server-check-results");
button.addEventListener("click", () => run(button, summary, list));
run(button, summary, list);
