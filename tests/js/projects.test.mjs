// The project picker's module loads without a page; its default names skip the taken ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstFreeName } from "../../docs/assets/js/calculator/projects.js";

test("the first numbered name nobody has", () => {
  const taken = new Set(["Project 1", "Project 3"]);
  assert.equal(firstFreeName((number) => `Project ${number}`, (name) => taken.has(name)), "Project 2");
  assert.equal(firstFreeName((number) => `Prosjekt ${number}`, () => false), "Prosjekt 1");
});
