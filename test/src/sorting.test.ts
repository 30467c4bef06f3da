/** @file np.sort / argsort / a.sort() / searchsorted / bincount against NumPy fixtures (gen_sort.py). */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as np from "../../src/index.js";
import { argsort, bincount, searchsorted, sort, sortInPlace } from "../../src/sorting.js";
import { decodeArray, expectNumpyOutcome, type EncodedArray, type Expected } from "../helpers/numpy.js";

interface Case { op: "sort" | "argsort" | "sortInPlace"; a: EncodedArray; kw: Record<string, unknown>; expected: Expected }
const fx = JSON.parse(readFileSync(new URL("../fixtures/sort.json", import.meta.url), "utf8")) as {
  unstable_ties_differ: Record<string, boolean>;
  cases: Case[];
  searchsorted: { a: EncodedArray; v: EncodedArray | number; kw: Record<string, unknown>; expected: Expected }[];
  bincount: { x: EncodedArray; kw: Record<string, unknown>; expected: Expected }[];
};

const check = (fn: () => np.NDArray, expected: Expected): void => expectNumpyOutcome(fn, expected);

const label = (c: { a: EncodedArray; kw: Record<string, unknown> }, i: number) => `${i} ${c.a.dtype}${JSON.stringify(c.a.shape)} ${JSON.stringify(c.kw)}`;

describe("sort / argsort", () => {
  it("NumPy's unstable kinds order ties differently (so numfuse's stable order is checked on tie-free data for them)", () => {
    expect(fx.unstable_ties_differ).toEqual({ quicksort: true, heapsort: true });
  });
  const groups = new Map<string, [Case, number][]>();
  fx.cases.forEach((c, i) => {
    const k = `${c.op} ${c.a.dtype}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push([c, i]);
  });
  for (const [name, list] of groups) {
    it(name, () => {
      for (const [c, i] of list) {
        const a = decodeArray(c.a);
        const kw = { ...c.kw };
        if (kw.kind === null) delete kw.kind;
        try {
          if (c.op === "sortInPlace") {
            const before = np.copy(a);
            const view = a.reshape(-1);
            sortInPlace(a, kw);
            check(() => a, c.expected);
            // a lazy reader made before the sort still sees the old values; a view sees the new ones
            check(() => before, c.a);
            check(() => view.reshape(a.shape), c.expected);
          } else {
            check(() => (c.op === "sort" ? sort(a, kw) : argsort(a, kw)), c.expected);
          }
        } catch (e) {
          throw new Error(`case ${label(c, i)}: ${(e as Error).message}`);
        }
      }
    });
  }

  it("sorts strided and lazy inputs, positional axis", () => {
    const a = np.array([[5, 1, 4], [2, 8, 0]]).mul(3).T;
    expect(sort(a, 0).tolist()).toEqual([[3, 0], [12, 6], [15, 24]]);
    expect(argsort(a, null).tolist()).toEqual([5, 2, 1, 4, 0, 3]);
  });

  it("a.sort() on a strided view writes through to the base", () => {
    const base = np.array([[9, 8, 7], [6, 5, 4]], { dtype: "float32" });
    const col = base.get(":", 1);
    const pending = base.sum();
    sortInPlace(col);
    expect(base.tolist()).toEqual([[9, 5, 7], [6, 8, 4]]);
    expect(pending.item()).toBe(39);
  });
});

describe("searchsorted", () => {
  fx.searchsorted.forEach((c, i) => {
    it(`${i} ${c.a.dtype}${JSON.stringify(c.a.shape)} ${JSON.stringify({ ...c.kw, sorter: c.kw.sorter ? "…" : undefined })}`, () => {
      const a = decodeArray(c.a);
      const v = typeof c.v === "number" ? c.v : decodeArray(c.v);
      const kw: Record<string, unknown> = { ...c.kw };
      if (kw.sorter) kw.sorter = decodeArray(kw.sorter as EncodedArray);
      check(() => searchsorted(a, v, kw), c.expected);
    });
  });
});

describe("bincount", () => {
  fx.bincount.forEach((c, i) => {
    it(`${i} ${c.x.dtype}${JSON.stringify(c.x.shape)} ${Object.keys(c.kw).join(",")}`, () => {
      const kw: Record<string, unknown> = { ...c.kw };
      if (kw.weights) kw.weights = decodeArray(kw.weights as EncodedArray);
      check(() => bincount(decodeArray(c.x), kw), c.expected);
    });
  });
});

describe("records with a complex field", () => {
  it("sort in NumPy's complex order: R + Rj, R + nanj, nan + Rj, nan + nanj", () => {
    // np.sort of [(1+nanj,), (2+0j,), (nan+0j,), (5j,)] with dtype [("c", "c16")]
    const c = (re: number, im: number) => ({ re, im });
    const recs = np.array([[c(1, NaN)], [c(2, 0)], [c(NaN, 0)], [c(0, 5)]], { dtype: [["c", "c16"]] });
    expect(sort(recs).tolist()).toEqual([[c(0, 5)], [c(2, 0)], [c(1, NaN)], [c(NaN, 0)]]);
  });
});
