/** @file np.unique, the unique_* functions and the set routines against NumPy (test/fixtures/set_ops.json, written by gen_set_ops.py). */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { loadCases, runCases, type Result } from "../helpers/pad-fixture.js";

const size = (s: number[]) => s.reduce((p, n) => p * n, 1);
/** (arange(n) * 7 % 5 - 2) as `dt`, as base() in gen_set_ops.py */
function base(dt: string, shape: number[]): np.NDArray {
  const shift = dt.startsWith("uint") || dt === "bool" ? 0 : 2;
  return np.arange(size(shape)).mul(7).mod(5).sub(shift).astype(dt).reshape(shape);
}
const NANS = np.array([NaN, 1, 2.5, NaN, 0, -Infinity, 1, Infinity]);
const c = (re: number, im: number) => ({ re, im });
const CPLX = np.array([c(1, 1), c(NaN, 0), c(1, 0), c(0, NaN), c(1, 1), c(2, NaN), c(-1, 0), c(NaN, NaN)]);
const M = np.array([[1, 0, 1, 0], [2, 3, 2, 3], [1, 0, 1, 0]]);
const all = { return_index: true, return_inverse: true, return_counts: true };

const dtypes = ["bool", "int8", "uint8", "int16", "int32", "int64", "uint64", "float16", "float32", "float64", "complex64", "complex128"];
runCases("set_", {
  ...Object.fromEntries(dtypes.map((dt) => [`set_unique_${dt}`, () => np.unique(base(dt, [3, 4]), all) as Result])),
  set_unique_plain: () => np.unique(base("int64", [3, 4])) as Result,
  set_unique_index: () => np.unique(base("int64", [12]), true) as Result,
  set_unique_inverse: () => np.unique(base("int64", [3, 4]), { return_inverse: true }) as Result,
  set_unique_counts: () => np.unique(base("int64", [12]), false, false, true) as Result,
  set_unique_empty: () => np.unique(np.array([]), all) as Result,
  set_unique_empty_int: () => np.unique(np.zeros([0, 3], { dtype: "int32" }), { return_inverse: true }) as Result,
  set_unique_scalar: () => np.unique(np.array(5), { return_inverse: true }) as Result,
  set_unique_nan: () => np.unique(NANS, all) as Result,
  set_unique_nan_apart: () => np.unique(NANS, { return_counts: true, equal_nan: false }) as Result,
  set_unique_complex_nan: () => np.unique(CPLX, { return_index: true, return_counts: true }) as Result,
  set_unique_complex_nan_apart: () => np.unique(CPLX, { equal_nan: false }) as Result,
  set_unique_int64_big: () => np.unique(np.array([2n ** 62n + 1n, 2n ** 62n, 2n ** 62n + 1n, -(2n ** 63n)], { dtype: "int64" }), { return_counts: true }) as Result,
  set_unique_list: () => np.unique([3, 1, 2, 3, 1]) as Result,
  set_unique_axis0: () => np.unique(M, { axis: 0, ...all }) as Result,
  set_unique_axis1: () => np.unique(M, { axis: 1, ...all }) as Result,
  set_unique_axis_neg: () => np.unique(base("int8", [2, 3, 4]).mod(2), { axis: -1, return_inverse: true }) as Result,
  set_unique_axis_3d: () => np.unique(np.stack([M, M, M.get("::-1")]), { axis: 0, return_counts: true }) as Result,
  set_unique_axis_nan_rows: () => np.unique(np.array([[1, NaN], [1, NaN], [0, 2]]), { axis: 0, return_counts: true }) as Result,
  set_unique_axis_neg_zero: () => np.unique(np.array([[-0, 1], [0, 1]], { dtype: "float64" }), { axis: 0 }) as Result,
  set_unique_axis_empty_rows: () => np.unique(np.zeros([3, 0]), { axis: 0, return_counts: true }) as Result,
  set_unique_axis_bad: () => np.unique(M, { axis: 2 }) as Result,
  set_unique_strided: () => np.unique(base("float64", [4, 6]).get("::2", "::-3"), { return_inverse: true }) as Result,
  set_unique_all: () => [...np.unique_all(base("int32", [3, 4]))],
  set_unique_counts_fn: () => [...np.unique_counts(NANS)],
  set_unique_inverse_fn: () => [...np.unique_inverse(base("int16", [2, 5]))],
  set_union1d: () => np.union1d(base("int64", [3, 4]), [10, -7, 1]),
  set_union1d_mixed: () => np.union1d(np.array([1, 2], { dtype: "int8" }), np.array([2.5, 1.0])),
  set_intersect1d: () => np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]) as Result,
  set_intersect1d_indices: () => np.intersect1d([1, 3, 4, 3, 7], [3, 1, 2, 1, 9, 7], { return_indices: true }) as Result,
  set_intersect1d_unique_indices: () => np.intersect1d([5, 1, 3], [3, 5, 0], true, true) as Result,
  set_intersect1d_nan: () => np.intersect1d(NANS, [NaN, 0.0, Infinity]) as Result,
  set_setdiff1d: () => np.setdiff1d(base("int64", [3, 4]), [0, 2]),
  set_setdiff1d_assume: () => np.setdiff1d([5, 3, 1, 7], [1, 9], { assume_unique: true }),
  set_setdiff1d_nan: () => np.setdiff1d(NANS, [1.0]),
  set_setxor1d: () => np.setxor1d([1, 2, 3, 2, 4], [2, 3, 5, 7, 5]),
  set_setxor1d_empty: () => np.setxor1d(np.array([], { dtype: "int64" }), np.array([], { dtype: "int64" })),
  set_isin: () => np.isin(base("int64", [3, 4]), [0, 2, 9]),
  set_isin_invert: () => np.isin(base("int64", [3, 4]), [0, 2, 9], { invert: true }),
  set_isin_nan: () => np.isin(NANS, [NaN, 0.0, 1.0]),
  set_isin_mixed: () => np.isin(np.array([1, 2, 3], { dtype: "uint8" }), np.array([2.0, 3.5])),
  set_isin_complex: () => np.isin(CPLX, [c(1, 1), -1, c(NaN, 0)]),
  set_isin_scalar: () => np.isin(np.array(3), [1, 3]),
  set_isin_table: () => np.isin(base("int16", [5]), [0, 1], { kind: "table" }),
  set_isin_bad_kind: () => np.isin([1], [1], { kind: "hash" }),
  set_isin_table_float: () => np.isin([1.5], [1.0], { kind: "table" }),
}, loadCases("set_ops.json"));

describe("np.unique beyond numbers", () => {
  it("strings and records, sorted as NumPy sorts them", () => {
    const [u, idx, inv, cnt] = np.unique(np.array(["b", "a", "b", "", "a"]), { return_index: true, return_inverse: true, return_counts: true }) as np.NDArray[];
    expect([u.tolist(), idx.tolist(), inv.tolist(), cnt.tolist()]).toEqual([["", "a", "b"], [3, 1, 0], [2, 1, 2, 0, 1], [1, 2, 2]]);
    const recs = np.array([["x", 2], ["a", 1], ["x", 2]], { dtype: [["s", "U1"], ["n", "i4"]] });
    expect((np.unique(recs) as np.NDArray).tolist()).toEqual([["a", 1], ["x", 2]]);
    expect(np.isin(np.array(["a", "c"]), ["c", "d"]).tolist()).toEqual([false, true]);
  });

  it("unique_* results carry NumPy's field names", () => {
    const r = np.unique_all(np.array([3, 1, 3]));
    expect([r.values.tolist(), r.indices.tolist(), r.inverse_indices.tolist(), r.counts.tolist()]).toEqual([[1, 3], [1, 0], [1, 0, 1], [1, 2]]);
    const { values, inverse_indices } = np.unique_inverse(np.array([[2, 2]]));
    expect([values.tolist(), inverse_indices.shape]).toEqual([[2], [1, 2]]);
  });

  it("-0 and 0 are one value (which one stands for both follows NumPy's unstable sort there)", () => {
    const [u, counts] = np.unique(np.array([0, -0, 1, -0]), { return_counts: true }) as np.NDArray[];
    expect([(u.tolist() as number[]).map(Math.abs), counts.tolist()]).toEqual([[0, 1], [3, 1]]);
  });

  it("keeps a big-endian dtype, as NumPy's", () => {
    expect((np.unique(np.array([2, 1, 2], { dtype: ">i4" })) as np.NDArray).dtype.str).toBe(">i4");
  });
});
