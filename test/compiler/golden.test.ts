/** @file Golden kernel sources: the JS generated for a fixed set of corpus graphs, compared with test/compiler/golden/*.js; UPDATE_GOLDEN=1 rewrites the files after an intended renderer change. */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as np from "../../src/index.js";
import { CORPUS, asList } from "./corpus.js";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const GOLDEN = [
  "f64 chain", "f64 1000x3", "f32 chain", "i8 wrap", "u32 wrap", "i64 bitwise", "bool logic", "complex128 chain",
  "broadcast 5x4x3", "transposed input", "negative stride input", "sum axis 0", "sum axis 1 f32", "argmax argmin",
  "row normalization", "softmax", "zscore rows", "pairwise distances", "mean var std", "float to int casts",
  "ufunc where", "eval shares work",
];

/** Node and storage ids in kernel comments depend on creation order, not on the code. */
const normalize = (s: string) => s.replace(/\bx\d+\b/g, "x#").replace(/\bbuf\d+\b/g, "buf#");
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function generated(name: string): string {
  const c = CORPUS.find((x) => x.name === name);
  if (!c) throw new Error(`no corpus case ${name}`);
  const plan = np.compile(...asList(c.fn(...c.make(1))));
  return normalize(plan.kernels.map((k) => k.source).join("\n\n")) + "\n";
}

describe("golden kernel sources", () => {
  for (const name of GOLDEN) {
    it(name, () => {
      const file = join(DIR, `${slug(name)}.js`);
      const src = generated(name);
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, src);
        return;
      }
      if (!existsSync(file)) expect.fail(`missing ${file}: run UPDATE_GOLDEN=1 npx vitest run test/compiler/golden.test.ts`);
      expect(src, `${file} is stale; if the change is intended, rerun with UPDATE_GOLDEN=1`).toBe(normalize(readFileSync(file, "utf8")));
    });
  }
});
