/** @file cumsum/cumprod (functions and methods) checked case by case against NumPy's results and errors recorded in test/fixtures/reductions.json. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { ACCUMULATIONS, describeCases } from "../helpers/reductions-fixture.js";

describeCases("accumulations against NumPy fixtures", (c) => ACCUMULATIONS.has(c.fn));

describe("accumulations: semantics beyond the fixture", () => {
  it("int64/uint64 cumsum and cumprod are exact past 2**53 and wrap as NumPy's (values from NumPy 2.4)", () => {
    const a = np.array([1700000000123456791n, 3n, -1n, 9223372036854775807n], { dtype: "int64" });
    const big = (x: np.NDArray) => x.tolist({ bigint: true });
    expect(big(np.cumsum(a))).toEqual([1700000000123456791n, 1700000000123456794n, 1700000000123456793n, -7523372036731319016n]);
    expect(big(np.cumprod(np.array([4294967297n, 4294967297n, 3n], { dtype: "int64" })))).toEqual([4294967297n, 8589934593n, 25769803779n]);
    expect(big(np.cumsum(a.reshape(2, 2).T, { axis: 1 }))).toEqual([[1700000000123456791n, 1700000000123456790n], [3n, -9223372036854775806n]]);
    expect(big(np.cumsum(np.array([18446744073709551615n, 2n], { dtype: "uint64" })))).toEqual([18446744073709551615n, 1n]);
  });
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
