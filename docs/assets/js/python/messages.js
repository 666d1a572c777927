// @ts-check
// The messages between a calculator page and its Python worker, declared once. The page
// (python-worker.js, for calculator/calculator.js) sends a Call; the worker (pyodide-worker.mjs)
// answers each with a Result, in order, and reports its start-up with Status messages. A request
// is handed to calculators.runtime.run as JSON, and its response comes back from there.
// Types only: both sides import them in JSDoc, so nothing here is fetched at run time.

/**
 * A request to calculators/runtime.py. Every request but the warm-up names its tool and carries
 * the page's language (`lang`), in which results, messages and CSV headers come back.
 * @typedef {{ action: "warm-up" }} WarmUpRequest
 *   Loads the model before the first real request (sent by the worker itself).
 * @typedef {{ action: "compute", tool: string, state: State, lang: string }} ComputeRequest
 * @typedef {{ action: "import", tool: string, text: string, lang: string }} ImportRequest
 *   `text`: a saved file or a share link's JSON.
 * @typedef {{ action: "operate", tool: string, op: string, payload: object, state: State, lang: string }} OperateRequest
 *   An operation of the tool (load an example, add participants' files, a new round …).
 * @typedef {{ action: "csv", tool: string, table?: string, state: State, lang: string }} CsvRequest
 *   Without `table`, the tool's only (or default) table.
 * @typedef {WarmUpRequest | ComputeRequest | ImportRequest | OperateRequest | CsvRequest} Request
 */

/**
 * A tool's state: the form's answers (dotted names to text or lists of text) and whatever else
 * the tool keeps (e.g. participants' imported answers).
 * @typedef {{ answers?: Record<string, string | string[]>, [kept: string]: unknown }} State
 */

/**
 * The response to a request: `ok` says whether it was answered as asked.
 * @typedef {{ ok: true, blocks?: Block[], summary?: Summary, state?: State, csv?: string, file?: [string, string] }} Answer
 *   `blocks` and `summary` for compute, `state` for import and operate, `csv` and `file` (the
 *   words of its file name in the page's language: the tool's and the table's, "" for a tool's
 *   only one) for csv.
 * @typedef {{ ok: false, message?: string, errors?: { field: string, message: string }[], summary?: Summary }} Refusal
 *   `errors`: problems of a compute, each beside its field, with the `summary` of the answers
 *   so far; `message`: any other refusal.
 * @typedef {{ count: string, lines: string[] }} Summary
 *   The result in brief, beside the form: how much is answered ("4 of 9 questions answered")
 *   and the result's main lines, none until the answers it needs are in.
 * @typedef {Answer | Refusal} Response
 * @typedef {{ type: string, [property: string]: unknown }} Block
 *   A result block (calculator/render.js draws each type).
 */

/**
 * Page → worker.
 * @typedef {{ type: "call", id: number, request: Request }} Call
 */

/**
 * Worker → page: the answer to the Call with the same id.
 * @typedef {{ type: "result", id: number, response: Response }} Result
 */

/**
 * Worker → page: how the start goes. `stage` names a status message of the page
 * ("stage-<stage>"); `ms` is the time to ready; `snapshot` whether Python started from one.
 * @typedef {{ type: "progress", stage: "download" | "start" | "calculators", percent: number }} Progress
 * @typedef {{ type: "ready", ms: number, snapshot: boolean }} Ready
 * @typedef {{ type: "failed", message: string }} Failed
 * @typedef {Progress | Ready | Failed} Status
 */

export {};
