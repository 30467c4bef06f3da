/** @file The unicode dtype "U" against NumPy (test/fixtures/structured.json from gen_structured.py): inference, truncation, printing, views, comparisons and sorting. */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";

const F = JSON.parse(fs.readFileSync(new URL("../fixtures/structured.json", import.meta.url), "utf8"));

describe("unicode arrays", () => {
  for (const c of F.unicode) {
    it(`${c.name}: dtype, tolist, str, repr`, () => {
      const a = np.array(c.values, c.dtype === null ? {} : { dtype: c.dtype });
      expect(a.shape).toEqual(c.shape);
      expect(a.dtype.str).toBe(c.dtype_str);
      expect(a.itemsize).toBe(4 * Number(c.dtype_str.slice(2)));
      expect(a.tolist()).toEqual(c.tolist);
      expect(String(a)).toBe(c.str);
      expect(np.array_repr(a)).toBe(c.repr);
    });
  }

  it("np.dtype spellings and names", () => {
    expect(np.dtype("U10").str).toBe("<U10");
    expect(np.dtype("<U3").itemsize).toBe(12);
    expect(np.dtype("str").str).toBe("<U0");
    expect(np.dtype("U3").name).toBe("str96");
    expect(np.dtype("U3").kind).toBe("U");
    expect(String(np.dtype("U3"))).toBe("<U3");
  });

  it("views: indexing, slicing, reshape and transpose share memory", () => {
    const a = np.array(["a", "bb", "ccc", "dddd"]);
    const v = a.reshape(2, 2).T;
    expect(v.tolist()).toEqual([["a", "ccc"], ["bb", "dddd"]]);
    expect(v.strides).toEqual([16, 32]);
    expect(a.get("1:3").base).toBe(a);
    a.set(1, "zzzzzz");
    expect(v.item(1, 0)).toBe("zzzz");
    expect(a.get(-1).item()).toBe("dddd");
    expect(String(a.get(0))).toBe("a");
    expect(np.array_repr(a.get(0))).toBe("array('a', dtype='<U4')");
    expect(a.copy().tolist()).toEqual(["a", "zzzz", "ccc", "dddd"]);
    expect(a.astype("U2").tolist()).toEqual(["a", "zz", "cc", "dd"]);
    // a trailing NUL is stripped on read, as NumPy does
    expect(np.array(["a\u0000"]).tolist()).toEqual(["a"]);
  });

  it("comparisons and string add (NumPy 2's string ufuncs)", () => {
    const a = np.array(["b", "a", "ab", "", "b"]);
    const b = np.array(["b", "b", "a", "", "ba"]);
    for (const op of ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"] as const) {
      const r = (np as unknown as Record<string, (x: unknown, y: unknown) => np.NDArray>)[op](a, b);
      expect(r.dtype.name).toBe("bool");
      expect(r.tolist()).toEqual(F.compare[op]);
    }
    expect(a.eq("b" as unknown as np.NDArray).tolist()).toEqual(F.compare.scalar_eq);
    const s = np.add(a, b);
    expect(s.dtype.str).toBe(F.compare.add_dtype);
    expect(s.tolist()).toEqual(F.compare.add);
  });

  it("computing on strings is NumPy's TypeError", () => {
    const a = np.array(["a"]);
    expect(() => np.multiply(a, a)).toThrow(/ufunc 'multiply' did not contain a loop with signature matching types \(dtype\('<U1'\), dtype\('<U1'\)\) -> None/);
    expect(() => a.sum()).toThrow(np.TypeError);
  });

  it("sorts by code point as Python does", () => {
    const a = np.array(["b", "a", "\u{1F600}", "\uffff", "ab", ""]);
    expect(np.sort(a).tolist()).toEqual(F.compare.sort);
  });
});
