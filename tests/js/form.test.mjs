// The form's answers as the page reads them, without a page: lists for repeated names and for
// groups of several checkboxes, and the item count of a repeat group.
import { test } from "node:test";
import assert from "node:assert/strict";
import { collectAnswers, itemCount } from "../../docs/assets/js/calculator/form.js";

test("a name given once is text, more than once a list, a checkbox group always a list", () => {
  const entries = [["participant", "Kari"], ["roles", "co-designer"], ["tags", "a"], ["tags", "b"], ["file", { name: "x.json" }]];
  assert.deepEqual(collectAnswers(entries, new Set(["roles"])), { participant: "Kari", roles: ["co-designer"], tags: ["a", "b"] });
  assert.deepEqual(collectAnswers([], new Set(["roles"])), {});
});

test("a repeat group holds one more item than the highest index named", () => {
  const answers = { "indicators.0.name": "a", "indicators.3.name": "", "indicators.1.measurements.4.value": "7", "indicatorsx.9.name": "" };
  assert.equal(itemCount(answers, "indicators"), 4);
  assert.equal(itemCount(answers, "indicators.1.measurements"), 5);
  assert.equal(itemCount(answers, "groups"), 0);
});
