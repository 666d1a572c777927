// The store's rules under Node: the names and keys a reader's browser already holds, unique
// project names, and storage refusals that change nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ProjectStore, StorageProblem, MAX_PROJECTS, MAX_NAME_LENGTH, tidyName, nameIn, byName } from "../../docs/assets/js/calculator/store.js";
import { MemoryStorage } from "./memory-storage.js";

const envelope = (project, answers = {}) => ({ format: "samskaping-guide", tool: "matrix", version: 1, project, data: { answers } });

test("a project name is one tidy line of at most MAX_NAME_LENGTH characters", () => {
  assert.equal(tidyName("  Our\tproject\n2025\u200b "), "Our project 2025");
  assert.equal(tidyName(null), "");
  assert.equal(Array.from(tidyName("ø".repeat(200))).length, MAX_NAME_LENGTH);
  assert.equal(nameIn(JSON.stringify(envelope(" Plan "))), "Plan");
  assert.equal(nameIn("not json"), "");
});

test("names sort as people read them", () => {
  const names = ["Project 10", "Project 2", "apple", "Project 1"].map((name, id) => ({ name, id: String(id) }));
  assert.deepEqual(names.sort(byName).map(({ name }) => name), ["apple", "Project 1", "Project 2", "Project 10"]);
});

test("projects keep the keys today's release wrote", () => {
  const storage = new MemoryStorage();
  storage.setItem("samskaping-guide:tool:matrix:project:0a1b", JSON.stringify(envelope("Old")));
  storage.setItem("samskaping-guide:tool:matrix:open", JSON.stringify("0a1b"));
  storage.setItem("samskaping-guide:tool:soimpact:project:ffff", JSON.stringify(envelope("Other tool")));
  const store = new ProjectStore("matrix", storage);
  assert.deepEqual(store.list(), [{ id: "0a1b", name: "Old" }]);
  assert.equal(store.lastOpen(), "0a1b");
  const id = store.create(envelope("New"));
  assert.match(id, /^[0-9a-f]{12}$/);
  assert.ok(storage.getItem(`samskaping-guide:tool:matrix:project:${id}`));
  store.save(id, envelope("New", { a: "1" }), "previous");
  assert.ok(storage.getItem(`samskaping-guide:tool:matrix:project:${id}:previous`));
  store.delete(id);
  assert.equal(storage.length, 3);
});

test("a taken name gets a number, case and all", () => {
  const store = new ProjectStore("matrix", new MemoryStorage());
  const first = store.create(envelope("Plan"));
  assert.equal(store.unique("plan"), "plan (2)");
  assert.equal(store.unique("Plan", first), "Plan");
  assert.ok(store.isTaken("PLAN"));
  assert.equal(Array.from(store.unique("x".repeat(MAX_NAME_LENGTH))).length, MAX_NAME_LENGTH);
});

test("another tab's change is noted, and only this tool's projects count", () => {
  const store = new ProjectStore("matrix", new MemoryStorage());
  assert.ok(store.noteChange("samskaping-guide:tool:matrix:project:beef", JSON.stringify(envelope("From the other tab"))));
  assert.equal(store.names.get("beef"), "From the other tab");
  assert.ok(!store.noteChange("samskaping-guide:tool:matrix:project:beef:previous", "{}"));
  assert.ok(!store.noteChange("samskaping-guide:language", '"nb"'));
  assert.ok(store.noteChange("samskaping-guide:tool:matrix:project:beef", null));
  assert.ok(!store.has("beef"));
});

test("at most MAX_PROJECTS projects", () => {
  const store = new ProjectStore("matrix", new MemoryStorage());
  for (let count = 0; count < MAX_PROJECTS; count++) store.create(envelope(`P${count}`));
  assert.throws(() => store.create(envelope("one more")), (problem) => problem instanceof StorageProblem && problem.reason === "project-limit");
});

test("old single-slot work moves into a project whole, or stays where it was", () => {
  const old = envelope("", { planning: "together" });
  const previous = envelope("", { planning: "alone" });
  const fill = (storage) => {
    storage.setItem("samskaping-guide:tool:matrix:current", JSON.stringify(old));
    storage.setItem("samskaping-guide:tool:matrix:previous", JSON.stringify(previous));
  };
  const roomy = new MemoryStorage();
  fill(roomy);
  const store = new ProjectStore("matrix", roomy);
  const id = store.migrate({ ...store.legacy(), project: "Project 1" });
  assert.deepEqual(store.load(id, "previous"), previous);
  assert.equal(roomy.getItem("samskaping-guide:tool:matrix:current"), null);

  const full = new MemoryStorage(JSON.stringify(old).length * 2 + JSON.stringify(previous).length + 200);
  fill(full);
  const cramped = new ProjectStore("matrix", full);
  const before = [...full.items];
  assert.throws(() => cramped.migrate({ ...cramped.legacy(), project: "Project 1" }), (problem) => problem.reason === "storage-full");
  assert.deepEqual([...full.items], before);
  assert.deepEqual(cramped.list(), []);
});

test("a browser that blocks storage refuses every write and reads as empty", () => {
  const store = new ProjectStore("matrix", null);
  assert.deepEqual(store.list(), []);
  assert.equal(store.lastOpen(), null);
  assert.throws(() => store.create(envelope("x")), (problem) => problem.reason === "storage-off");
});
