// Two tabs on one project: what each stored since the other last looked is merged answer by
// answer, so neither tab's edit is lost, and an answer both changed is named, not dropped silently.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ProjectStore, mergeStates, sameValue, dataIn } from "../../docs/assets/js/calculator/store.js";
import { MemoryStorage } from "./memory-storage.js";

const base = { answers: { title: "Plan", "indicators.0.name": "Meetings", level: "" } };

test("each tab's own edits survive the other's", () => {
  const local = { answers: { ...base.answers, title: "Plan for 2026" } };
  const remote = { answers: { ...base.answers, "indicators.0.name": "Meetings held", level: "impact" } };
  const { state, conflicts } = mergeStates(base, local, remote);
  assert.deepEqual(state.answers, { title: "Plan for 2026", "indicators.0.name": "Meetings held", level: "impact" });
  assert.deepEqual(conflicts, []);
});

test("an answer removed in one tab stays removed; one added in the other is kept", () => {
  const local = { answers: { ...base.answers, "indicators.1.name": "Visits" } };
  const remote = { answers: { title: "Plan", level: "" } }; // the other tab removed the meetings
  const { state } = mergeStates(base, local, remote);
  assert.deepEqual(state.answers, { title: "Plan", level: "", "indicators.1.name": "Visits" });
});

test("the same answer changed in both tabs: the stored one stands and is named", () => {
  const local = { answers: { ...base.answers, title: "Mine" } };
  const remote = { answers: { ...base.answers, title: "Theirs" } };
  const { state, conflicts } = mergeStates(base, local, remote);
  assert.equal(state.answers.title, "Theirs");
  assert.deepEqual(conflicts, ["answers.title"]);
  // Both typed the same text: no conflict.
  assert.deepEqual(mergeStates(base, remote, remote).conflicts, []);
});

test("parts beside the answers (imported participants) merge as wholes", () => {
  const participants = [{ name: "Ann" }];
  const local = { ...base, participants };
  const remote = { answers: { ...base.answers, title: "New" } };
  const { state, conflicts } = mergeStates(base, local, remote);
  assert.deepEqual(state, { participants, answers: { ...base.answers, title: "New" } });
  assert.deepEqual(conflicts, []);
  const both = mergeStates({ ...base, participants: [] }, local, { ...base, participants: [{ name: "Bob" }] });
  assert.deepEqual(both.state.participants, [{ name: "Bob" }]);
  assert.deepEqual(both.conflicts, ["participants"]);
});

test("the same state in another key order is the same", () => {
  assert.ok(sameValue({ answers: { a: "1", b: ["x", "y"] } }, { answers: { b: ["x", "y"], a: "1" } }));
  assert.ok(!sameValue({ answers: { b: ["y", "x"] } }, { answers: { b: ["x", "y"] } }));
  assert.ok(!sameValue({ answers: { a: "" } }, { answers: {} }));
});

test("a tab sees that another stored its project since it last read it", () => {
  const storage = new MemoryStorage(); // one browser's localStorage, shared by both tabs
  const first = new ProjectStore("soimpact", storage);
  const id = first.create({ format: "samskaping-guide", project: "Plan", data: base });
  const second = new ProjectStore("soimpact", storage);
  const seen = second.raw(id);
  assert.deepEqual(dataIn(seen), base);
  first.save(id, { format: "samskaping-guide", project: "Plan", data: { answers: { title: "Typed in the first tab" } } });
  assert.notEqual(second.raw(id), seen);
  assert.equal(dataIn(second.raw(id)).answers.title, "Typed in the first tab");
  assert.equal(dataIn("not json"), null);
  assert.equal(second.raw("gone"), null);
});
