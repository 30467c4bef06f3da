/** @file The reference interpreter itself, against values NumPy 2.4 gives (computed once with python3 and written here), so the differential tests rest on a checked reference. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { interpret, InterpError } from "../../runtime/interp.js";
import { loadNode, loadStorage, contiguous } from "../../compiler/ir/node.js";
import { allocStorage } from "../../runtime/storage.js";
import { DTYPES } from "../../runtime/dtype.js";

/** interpret a lazy array's graph; the array is never evaluated */
const run = (a: np.NDArray) => interpret(a._node);
const values = (a: np.NDArray) => run(a).values;

describe("interpret: per-node NumPy semantics", () => {
  it("gives shape, dtype and C-order values", () => {
    const a = np.array([[1, 2, 3], [4, 5, 6]], { dtype: "int32" });
    const r = run(a.T.mul(10));
    expect(r.shape).toEqual([3, 2]);
    expect(r.dtype.name).toBe("int32");
    expect(r.values).toEqual([10, 40, 20, 50, 30, 60]);
  });

  it("reads transposed and reversed views", () => {
    const a = np.arange(6).reshape(2, 3).astype("float64").eval();
    expect(values(a.T.mul(10).add(a.T.get("::-1")))).toEqual([2, 35, 11, 44, 20, 53]);
  });

  it("wraps small ints at every node", () => {
    expect(values(np.array([100, -100, 127], { dtype: "int8" }).mul(2).add(1))).toEqual([-55, 57, -1]);
    const u = np.array([0, 1, 200], { dtype: "uint8" });
    expect(values(u.sub(1))).toEqual([255, 0, 199]);
    expect(values(np.negative(u))).toEqual([0, 255, 56]);
  });

  it("wraps int64 and multiplies uint32 exactly", () => {
    expect(values(np.array([2 ** 62, 3], { dtype: "int64" }).mul(2))).toEqual([-9223372036854775808, 6]);
    const a = np.array([4000000000, 123456789], { dtype: "uint32" });
    const b = np.array([3999999999, 987654321], { dtype: "uint32" });
    expect(values(a.mul(b))).toEqual([2278873088, 4227814277]);
    expect(values(np.array([100000, 100000], { dtype: "int32" }).prod({ dtype: "int32" }))).toEqual([1410065408]);
  });

  it("computes int64 exactly past 2**53, as NumPy's 64-bit loops do", () => {
    const big = (xs: string[]) => xs.map((x) => Number(BigInt(x)));
    const a = np.array([2 ** 62, -(2 ** 62), 3, -(2 ** 63)], { dtype: "int64" });
    expect(values(a.add(a).sub(1))).toEqual(big(["9223372036854775807", "9223372036854775807", "5", "-1"]));
    const x = np.array([2n ** 60n + 12345n, -(2n ** 59n) - 7n]), y = np.array([2n ** 61n - 1n, 2n ** 55n + 3n]);
    expect(values(x.and(y))).toEqual(big(["1152921504606859321", "36028797018963969"]));
    expect(values(x.or(y))).toEqual(big(["2305843009213693951", "-576460752303423493"]));
    expect(values(x.xor(y))).toEqual(big(["1152921504606834630", "-612489549322387462"]));
    expect(values(np.invert(x))).toEqual(big(["-1152921504606859322", "576460752303423494"]));
    const p = np.power(np.array([3, -3, 5]), np.array([40, 41, 27]));
    expect(values(p)).toEqual(big(["-6289078614652622815", "420491770248316829", "7450580596923828125"]));
  });

  it("shifts within the width", () => {
    expect(values(np.left_shift(np.array([1, 3, -1], { dtype: "int8" }), np.array([7, 6, 8], { dtype: "int8" })))).toEqual([-128, -64, 0]);
    expect(values(np.right_shift(np.array([-100, 100, -1], { dtype: "int16" }), np.array([3, 20, 1], { dtype: "int16" })))).toEqual([-13, 0, -1]);
  });

  it("integer floor division and remainder follow Python, 0 for division by zero", () => {
    const a = np.array([-7, 7, -7, 7, 5]), b = np.array([2, -2, -2, 2, 0]);
    expect(values(np.floor_divide(a, b))).toEqual([-4, -4, 3, 3, 0]);
    expect(values(np.remainder(a, b))).toEqual([1, -1, -1, 1, 0]);
  });

  it("rounds float32 after every op", () => {
    const x = np.array([1.5, 2.25, 3.125, 1e-3], { dtype: "float32" });
    expect(values(x.add(1e8).sub(1e8))).toEqual([0, 0, 0, 0]);
    expect(values(np.array([0.1, 0.2, 0.3], { dtype: "float32" }).mul(3))).toEqual([0.30000001192092896, 0.6000000238418579, 0.9000000357627869]);
  });

  it("casts as astype does", () => {
    const f = np.array([-1.5, 300.7, NaN, Infinity, -0, 2.5]);
    expect(values(f.astype("int32"))).toEqual([-1, 300, -2147483648, -2147483648, 0, 2]);
    expect(values(f.astype("uint8"))).toEqual([255, 44, 0, 0, 0, 2]);
    expect(values(f.astype("int8"))).toEqual([-1, 44, 0, 0, 0, 2]);
    expect(values(f.astype("bool"))).toEqual([true, true, true, true, false, true]);
    expect(values(np.array([65535, 1], { dtype: "uint16" }).astype("int16"))).toEqual([-1, 1]);
    expect(values(np.array([2 ** 63], { dtype: "uint64" }).astype("int64"))).toEqual([-9223372036854775808]);
    expect(values(np.array([1.5, 2.5, -0.5]).astype("float32").astype("int64"))).toEqual([1, 2, 0]);
  });

  it("keeps booleans booleans through logical ops on comparisons", () => {
    const x = np.array([1.5, 2.5, -1.5]), y = np.array([2.5, 0.5, 0.5]);
    expect(values(np.logical_and(x.lt(y), y.gt(x.mul(-1))))).toEqual([true, false, false]);
    expect(values(np.logical_not(x.gt(0)))).toEqual([false, false, true]);
    expect(values(x.gt(0).sum())).toEqual([2]);
  });

  it("computes complex values", () => {
    const r = run(np.array([np.complex(1, 2)]).mul(np.array([np.complex(3, -1)])));
    expect(r.dtype.name).toBe("complex128");
    expect(r.values).toEqual([{ re: 5, im: 5 }]);
    expect(values(np.abs(np.array([np.complex(3, 4)])))).toEqual([5]);
  });
});

describe("interpret: reductions", () => {
  const x = np.array([[1.0, NaN, 3.0], [2.0, 5.0, 5.0]]);

  it("max and min propagate NaN", () => {
    expect(values(x.max({ axis: 1 }))).toEqual([NaN, 5]);
    expect(values(x.min({ axis: 0 }))).toEqual([1, NaN, 3]);
  });

  it("argmax and argmin take the first occurrence, or the first NaN", () => {
    expect(values(x.argmax({ axis: 1 }))).toEqual([1, 1]);
    expect(values(x.argmin({ axis: 1 }))).toEqual([1, 0]);
    const t = np.array([[3, 1, 1], [2, 2, 0]], { dtype: "int32" });
    expect(values(t.argmin({ axis: 1 }))).toEqual([1, 2]);
    expect(values(t.argmax({ axis: 0 }))).toEqual([0, 1, 0]);
  });

  it("sums small ints in int64 and keeps keepdims shapes", () => {
    const r = run(np.array([120, 100, 90], { dtype: "int8" }).sum());
    expect(r.dtype.name).toBe("int64");
    expect(r.shape).toEqual([]);
    expect(r.values).toEqual([310]);
    const k = run(np.arange(24).reshape(2, 3, 4).sum({ axis: [0, 2], keepdims: true }));
    expect(k.shape).toEqual([1, 3, 1]);
    expect(k.values).toEqual([60, 92, 124]);
    expect(values(np.array([true, false, true]).sum())).toEqual([2]);
  });

  it("mean, any, all and empty sums", () => {
    expect(values(np.array([[1, 2], [3, 4]], { dtype: "float32" }).mean())).toEqual([2.5]);
    expect(values(np.array([0, 1, 2]).any())).toEqual([true]);
    expect(values(np.array([0, 1, 2]).all())).toEqual([false]);
    const e = run(np.sum(np.zeros([0, 3]), { axis: 0 }));
    expect(e.shape).toEqual([3]);
    expect(e.values).toEqual([0, 0, 0]);
  });
});

describe("interpret: bounds", () => {
  it("throws on a view reaching past its storage", () => {
    const st = allocStorage(4 * 8);
    const ok = loadStorage(st, { shape: [4], strides: [1], offset: 0 }, DTYPES.float64);
    expect(interpret(ok).values).toHaveLength(4);
    expect(() => interpret(loadStorage(st, { shape: [5], strides: [1], offset: 0 }, DTYPES.float64))).toThrow(InterpError);
    expect(() => interpret(loadStorage(st, { shape: [2], strides: [-1], offset: 0 }, DTYPES.float64))).toThrow(InterpError);
    expect(() => interpret(loadStorage(st, { shape: [2], strides: [2], offset: 3 }, DTYPES.float64))).toThrow(/out-of-range/);
  });

  it("throws on a view reaching past a materialized node", () => {
    const base = contiguous(np.arange(6).astype("float64").mul(2)._node);
    expect(interpret(loadNode(base, { shape: [3], strides: [2], offset: 1 })).values).toEqual([2, 6, 10]);
    expect(() => interpret(loadNode(base, { shape: [3], strides: [3], offset: 0 }))).toThrow(InterpError);
  });
});
