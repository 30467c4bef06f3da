/** @file ufunc.outer / ufunc.at / ufunc.reduceat against NumPy (test/fixtures/methods.json), plus outer's fusion and at's in-place laziness rules. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { ufuncs } from "../../src/ufunc/all.js";
import { ufuncAt, ufuncOuter, ufuncReduceat } from "../../src/ufunc-methods.js";
import { runCases, type Cases } from "./core-fixture.js";

type NDArray = np.NDArray;
const U = ufuncs;
const fl = (shape: number[]) => np.arange(shape.reduce((p, n) => p * n, 1), { dtype: "float64" }).mul(0.75).sub(2).reshape(shape);
const O = (...a: Parameters<typeof ufuncOuter>) => ufuncOuter(...a) as NDArray;
const at = (uf: (typeof U)[string], a: NDArray, idx: unknown, b?: unknown) => (ufuncAt(uf, a, idx, b as never), a);

const cases: Cases = {
  outer_mul_int: () => O(U.multiply, np.arange(1, 4), np.arange(4)),
  outer_add_2d: () => O(U.add, fl([2, 2]), fl([3])),
  outer_sub_i8: () => O(U.subtract, np.arange(3, { dtype: "int8" }), np.arange(2, { dtype: "int8" })),
  outer_scalar: () => O(U.add, np.arange(3, { dtype: "int8" }), 1),
  outer_ge: () => O(U.greater_equal, np.arange(3), np.arange(3)),
  outer_max_f32: () => O(U.maximum, np.array([1, -2], { dtype: "float32" }), np.array([0.5, NaN], { dtype: "float32" })),
  outer_unary_err: () => O(U.sqrt, [1.0], [2.0]),

  at_add_repeat: () => at(U.add, np.arange(6, { dtype: "float64" }), [0, 0, 1, 5, 5, 5], 1),
  at_add_vals: () => at(U.add, np.arange(5), [1, 1, 3], [10, 20, 30]),
  at_mul_i8: () => at(U.multiply, np.arange(1, 6, { dtype: "int8" }), [4, 4, 4], 10),
  at_sub_slice: () => at(U.subtract, np.arange(6).reshape(2, 3), [":", 1], [5, 7]),
  at_max_tuple: () => at(U.maximum, np.zeros([2, 3]), [[0, 1, 0], [2, 2, 2]], [1.5, -1, 4]),
  at_neg: () => at(U.negative, np.arange(5, { dtype: "float64" }), [0, 2, 2]),
  at_float_into_int: () => at(U.add, np.arange(3), [0, 0], 1.5),
  at_bitor: () => at(U.bitwise_or, np.zeros([3], { dtype: "uint8" }), [0, 0, 2], [1, 4, 8]),
  at_logical_and: () => at(U.logical_and, np.ones([3], { dtype: "bool" }), [1], false),
  at_f32: () => at(U.add, np.zeros([2], { dtype: "float32" }), [0, 0, 0], 0.1),
  at_divide: () => at(U.true_divide, np.full([3], 8, { dtype: "float64" }), [0, 0, 1], 2.0),
  at_floor_divide: () => at(U.floor_divide, np.arange(10, 15), [0, 0, 4], 3),
  at_oob: () => at(U.add, np.arange(3), [5], 1),
  at_bad_shape: () => at(U.add, np.arange(3), [0, 1], [1, 2, 3]),

  reduceat_doc: () => ufuncReduceat(U.add, np.arange(8), [0, 4, 1, 5, 2, 6, 3, 7]),
  reduceat_float: () => ufuncReduceat(U.add, fl([10]), [0, 3, 3, 9]),
  reduceat_axis1: () => ufuncReduceat(U.multiply, fl([3, 4]).add(3), [0, 2, 1], { axis: 1 }),
  reduceat_axis_neg: () => ufuncReduceat(U.maximum, fl([2, 5]), [1, 3], { axis: -1 }),
  reduceat_i8: () => ufuncReduceat(U.add, np.arange(6, { dtype: "int8" }), [0, 2]),
  reduceat_bool_mul: () => ufuncReduceat(U.multiply, np.array([true, false, true]), [0, 2]),
  reduceat_logical_or: () => ufuncReduceat(U.logical_or, np.array([0, 0, 3, 0]), [0, 2, 3]),
  reduceat_min_2d: () => ufuncReduceat(U.minimum, fl([4, 2]), [0, 2]),
  reduceat_dtype: () => ufuncReduceat(U.add, np.arange(5), [0, 1], { dtype: "float32" }),
  reduceat_oob: () => ufuncReduceat(U.add, np.arange(5), [0, 7]),
  reduceat_neg_idx: () => ufuncReduceat(U.add, np.arange(5), [-1]),
  reduceat_bad_axis: () => ufuncReduceat(U.add, np.arange(5).reshape(5, 1), [0, 2], { axis: 2 }),
};
runCases("ufunc methods vs NumPy", ["outer_", "at_", "reduceat_"], cases, "methods");

describe("outer and at semantics", () => {
  it("outer is lazy and fuses with the next op", () => {
    const r = O(U.multiply, np.arange(3), np.arange(4)).add(1);
    expect(np.compile(r).kernels.length).toBe(1);
    expect(r.shape).toEqual([3, 4]);
  });
  it("at writes in place after pending readers have read the old values", () => {
    const a = np.arange(4, { dtype: "float64" });
    const before = a.mul(2); // lazy, reads a
    const view = a.get("1:");
    ufuncAt(U.add, a, [1, 1], 10);
    expect(before.tolist()).toEqual([0, 2, 4, 6]);
    expect(view.tolist()).toEqual([21, 2, 3]);
    expect(a.tolist()).toEqual([0, 21, 2, 3]);
  });
  it("at refuses read-only arrays", () => {
    const d = np.diagonal(np.zeros([2, 2])) as NDArray;
    expect(() => ufuncAt(U.add, d, [0], 1)).toThrow(np.ValueError);
  });
});
