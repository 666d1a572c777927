// @ts-check
// The self-check's module worker: if it runs at all, the server sends .mjs as JavaScript and the
// Content-Security-Policy allows module workers. It then tries to compile the smallest
// WebAssembly module under the worker's own policy, as Pyodide must, and reports back.

const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

try {
  await WebAssembly.compile(EMPTY_MODULE);
  self.postMessage({ started: true, wasm: "" });
} catch (error) {
  self.postMessage({ started: true, wasm: String(error.message || error) });
}
