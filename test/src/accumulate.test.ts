/** @file cumsum/cumprod (functions and methods) checked case by case against NumPy's results and errors recorded in test/fixtures/reductions.json. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { Case, fixture, input, run, caseName } from "../helpers/reductions-fixture.js";

// ---- known bugs outside src/reductions.ts (see the report); it.fails keeps the suite green ----

const KNOWN_BUGS: [string, (c: Case) => boolean][] = [];

function knownBug(c: Case): string | undefined {
  return KNOWN_BUGS.find(([, p]) => p(c))?.[0];
}

const ACC = new Set(["cumsum", "cumprod"]);

describe("accumulations against NumPy fixtures", () => {
  const groups = new Map<string, [Case, number][]>();
  fixture.cases.forEach((c, i) => {
    if (!ACC.has(c.fn)) return;
    if (!groups.has(c.group)) groups.set(c.group, []);
    groups.get(c.group)!.push([c, i]);
  });
  for (const [group, list] of groups) {
    describe(group, () => {
      for (const [c, i] of list) {
        const bug = knownBug(c);
        (bug ? it.fails : it)(caseName(c, i) + (bug ? ` [bug: ${bug}]` : ""), () => run(c));
      }
    });
  }
});

describe("accumulations: semantics beyond the fixture", () => {
  it("cumsum of a lazy expression, then a write into its input, keeps NumPy's values", () => {
    const x = np.array([[1, 2, 3], [4, 5, 6]], { dtype: "int32" });
    const c = x.mul(2).cumsum({ axis: 1 });
    x.set(0, 0, 50);
    expect(c.dtype.name).toBe("int64");
    expect(c.tolist()).toEqual([[2, 6, 12], [8, 18, 30]]);
  });

  it("cumprod with out= returns out and fills it", () => {
    const out = np.zeros([4], { dtype: "float64" });
    const r = np.cumprod(np.array([1, 2, 3, 4], { dtype: "int8" }), { out });
    expect(r).toBe(out);
    expect(out.tolist()).toEqual([1, 2, 6, 24]);
  });
});
