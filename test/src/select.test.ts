/** @file where/select/choose/clip/nan_to_num, nonzero/take/put families and isclose/array_equal against NumPy (test/fixtures/surface.json), plus kernel counts for the fused ones. */
import { expect, it } from "vitest";
import * as np from "../../src/index.js";
import * as S from "../../src/select.js";
import * as T from "../../src/take.js";
import { py, runCases, type Cases } from "./core-fixture.js";

const DTS = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "complex64", "complex128"];
const base = (dt: string, shape: number[]) =>
  np.arange(shape.reduce((p, n) => p * n, 1)).mod(5).sub(dt.startsWith("uint") ? 0 : 2).astype(dt).reshape(shape);
const fl = (shape: number[]) => np.arange(shape.reduce((p, n) => p * n, 1), { dtype: "float64" }).mul(0.5).sub(1).reshape(shape);
const W = (...a: Parameters<typeof S.where>) => S.where(...a) as np.NDArray;
const Wn = (...a: Parameters<typeof S.where>) => S.where(...a) as np.NDArray[];
const b = (xs: boolean[]) => np.array(xs);
const after = (a: np.NDArray, f: (a: np.NDArray) => void) => (f(a), a);

const cases: Cases = {};
for (const dt of DTS) {
  cases[`where_${dt}`] = () => W(fl([2, 3]).gt(0), base(dt, [2, 3]), base(dt, [3]));
  cases[`take_${dt}`] = () => T.take(base(dt, [3, 4]), [[0, -1], [2, 1]], { axis: 1 });
  cases[`nonzero_${dt}`] = () => T.nonzero(base(dt, [3, 4]));
  cases[`clip_${dt}`] = () => (dt === "bool" ? S.clip(base(dt, [5]), false, true) : S.clip(base(dt, [5]), base(dt, [5]).get("::-1"), base(dt, [1]).add(1)));
  cases[`choose_${dt}`] = () => S.choose(np.array([0, 1, 2, 1]), [base(dt, [4]), base(dt, [4]).get("::-1"), base(dt, [1])]);
}
Object.assign(cases, {
  where_weak_i8: () => W(b([true, false]), np.arange(2, { dtype: "int8" }), 100),
  where_weak_wrap: () => W(b([true, false]), np.arange(2, { dtype: "int8" }), 1000),
  where_weak_f32: () => W(b([true, false]), np.arange(2, { dtype: "float32" }), 0.1),
  where_scalars: () => W(np.array([[true], [false]]), 1, 2.5),
  where_leaky: () => { const x = fl([7]); return W(x.gt(0), x, x.mul(0.1)); },
  where_int_cond: () => W(np.arange(4).mod(2), np.arange(4), np.arange(4).neg()),
  where_bcast_bad: () => W(np.ones(3, { dtype: "bool" }), np.arange(2), 0),
  where_one: () => Wn(fl([2, 3]).gt(0)),
  where_two: () => W(np.ones(3, { dtype: "bool" }), 1),
  select: () => S.select([np.arange(5).lt(2), np.arange(5).gt(3)], [np.arange(5), np.arange(5).mul(10)], -1),
  select_i8: () => S.select([b([true, false])], [np.array([1, 2], { dtype: "int8" })]),
  select_len: () => S.select([np.ones(2, { dtype: "bool" })], []),
  select_empty: () => S.select([], []),
  select_notbool: () => S.select([np.arange(2)], [np.arange(2)]),
  select_float_default: () => S.select([b([true, false])], [np.arange(2)], 0.5),
  choose_modes: () => (["wrap", "clip"] as const).map((mode) => S.choose(np.array([0, 3, -1, 5]), [np.arange(4), np.arange(4).mul(10)], { mode })),
  choose_bad: () => S.choose(np.array([0, 2]), [np.arange(2), np.arange(2)]),
  choose_bcast: () => S.choose(np.array([[0], [1]]), [np.arange(3), 7.5]),
  clip_scalars: () => S.clip(fl([6]), -0.5, 0.5),
  clip_nan: () => S.clip(np.array([NaN, 1.0, -3.0]), np.array([0.0, NaN, 0.0], { dtype: "float64" }), 2.0),
  clip_lo_gt_hi: () => S.clip(np.arange(5), 3, 1),
  clip_none: () => [S.clip(np.arange(5), null, 2), S.clip(np.arange(5), 2, null), S.clip(np.arange(5), null, null)],
  clip_i8_bounds: () => S.clip(np.arange(-3, 3, { dtype: "int8" }), -300, 300),
  clip_i8_overflow: () => S.clip(np.arange(3, { dtype: "int8" }), 300, 400),
  clip_uint8_neg: () => S.clip(np.arange(3, { dtype: "uint8" }), -5, -1),
  clip_float_bound_int: () => S.clip(np.arange(4, { dtype: "int8" }), 0.5, 2),
  clip_out: () => { const o = np.zeros(5); return [S.clip(np.arange(5, { dtype: "float64" }), 1, 3, { out: o }), o]; },
  clip_out_cast: () => S.clip(np.arange(5, { dtype: "float64" }), 1, 3, { out: np.zeros(5, { dtype: "int64" }) }),
  clip_array_bounds: () => S.clip(fl([2, 3]), np.array([[-0.5], [0.0]]), np.array([0.0, 0.5, 1.0])),
  clip_f32_weak: () => S.clip(fl([4]).astype("float32"), 0.1, 0.7),
  nan_to_num: () => S.nan_to_num(np.array([NaN, Infinity, -Infinity, 1.5, -0])),
  nan_to_num_f32: () => S.nan_to_num(np.array([NaN, Infinity, -Infinity, 1.5], { dtype: "float32" })),
  nan_to_num_vals: () => S.nan_to_num(np.array([NaN, Infinity, -Infinity, 1.5]), { nan: -1.0, posinf: 9.0, neginf: -9.0 }),
  nan_to_num_int: () => S.nan_to_num(np.arange(3)),
  nan_to_num_complex: () => S.nan_to_num(np.array([np.complex(NaN, Infinity), np.complex(-Infinity, 2), np.complex(1, 1)])),
  nan_to_num_inplace: () => { const x = np.array([NaN, 1, Infinity]); return [S.nan_to_num(x, { copy: false }), x]; },
  nonzero_0d: () => T.nonzero(np.array(1)),
  nonzero_empty: () => T.nonzero(np.zeros([0, 3])),
  argwhere: () => T.argwhere(fl([2, 3]).gt(0)),
  argwhere_0d: () => [T.argwhere(np.array(1)), T.argwhere(np.array(0))],
  flatnonzero: () => T.flatnonzero(fl([3, 2]).T.gt(0)),
  extract: () => T.extract(np.arange(6).reshape(2, 3).mod(2).eq(0), fl([2, 3])),
  compress: () => [T.compress([0, 1], fl([2, 3]), { axis: 0 }), T.compress([1, 0, 1], fl([2, 3]), 1), T.compress([true, false], fl([2, 3]))],
  compress_long: () => T.compress([0, 1, 1, 1], np.arange(3)),
  compress_2d: () => T.compress([[1]], np.arange(3)),
  take_flat: () => T.take(fl([3, 4]), [5, -1, 0]),
  take_modes: () => (["wrap", "clip"] as const).map((mode) => T.take(np.arange(4), [5, -6, 2], { mode })),
  take_oob: () => T.take(np.arange(4), [4]),
  take_empty_axis: () => T.take(np.zeros([0]), [0]),
  take_empty_idx: () => T.take(fl([3, 4]), np.array([], { dtype: "int64" }), 0),
  take_float_idx: () => T.take(np.arange(4), np.array([1.5])),
  take_scalar_idx: () => T.take(fl([3, 4]), 1, { axis: 1 }),
  take_out: () => { const o = np.zeros(2, { dtype: "int64" }); return [T.take(np.arange(4), [1, 2], { out: o }), o]; },
  take_along_axis: () => {
    // np.argsort(-fl((3, 4)), axis=1): every row descending
    const idx = np.array([[3, 2, 1, 0], [3, 2, 1, 0], [3, 2, 1, 0]]);
    return T.take_along_axis(fl([3, 4]), idx, 1);
  },
  take_along_axis0: () => T.take_along_axis(fl([3, 4]), np.array([[2, 0, 1, 1]]), 0),
  take_along_bcast: () => T.take_along_axis(fl([3, 1]), np.array([[0, 0]]), 0),
  take_along_none: () => T.take_along_axis(fl([3, 4]), np.array([11, 0]), null),
  take_along_ndim: () => T.take_along_axis(fl([3, 4]), np.array([1]), 1),
  take_along_float: () => T.take_along_axis(fl([3, 4]), np.array([[1.5]]), 1),
  take_along_oob: () => T.take_along_axis(fl([3, 4]), np.array([[4]]), 1),
  put: () => after(np.arange(6).reshape(2, 3), (a) => T.put(a, [0, -1, 2], [10, 20])),
  put_modes: () => (["wrap", "clip"] as const).map((m) => after(np.arange(4), (a) => T.put(a, [5, -6], [9, 8], m))),
  put_oob: () => after(np.arange(4), (a) => T.put(a, [4], 1)),
  put_view: () => { const a = np.arange(6, { dtype: "float64" }).reshape(2, 3); return [after(a.T, (t) => T.put(t, [1], 99.5)), a]; },
  put_cast: () => after(np.arange(4), (a) => T.put(a, [0, 1], [1.7, -2.5])),
  put_along_axis: () => after(fl([3, 4]), (a) => T.put_along_axis(a, np.array([[1], [0], [3]]), 99.0, 1)),
  put_along_axis_vals: () => after(np.zeros([2, 3]), (a) => T.put_along_axis(a, np.array([[0, 2], [1, 1]]), np.array([[1.0, 2.0], [3.0, 4.0]], { dtype: "float64" }), 1)),
  place: () => after(np.arange(6).reshape(2, 3), (a) => T.place(a, np.arange(6).reshape(2, 3).gt(2), [44, 55])),
  place_empty_vals: () => after(np.arange(3), (a) => T.place(a, b([true, false, false]), [])),
  place_size: () => after(np.arange(3), (a) => T.place(a, b([true, false]), [1])),
  putmask: () => after(np.arange(6), (a) => T.putmask(a, np.arange(6).mod(2).eq(1), [-1, -2, -3, -4])),
  putmask_size: () => after(np.arange(6), (a) => T.putmask(a, b([true]), [0])),
  isclose: () => S.isclose(np.array([1.0, 1e-9, NaN, Infinity, 100.0]), np.array([1.0 + 1e-6, 0.0, NaN, Infinity, 100.001])),
  isclose_equal_nan: () => S.isclose(np.array([NaN, 1.5]), np.array([NaN, 2.5]), { equal_nan: true }),
  isclose_tols: () => S.isclose(np.array([1.0, 2.0], { dtype: "float64" }), np.array([1.1, 2.5]), { rtol: 0.0, atol: 0.2 }),
  isclose_int: () => S.isclose(np.array([1, 2, -9223372036854775808n]), np.array([1, 3, -9223372036854775808n])),
  isclose_scalar: () => S.isclose(1.5, 1.5 + 1e-9),
  allclose: () => [S.allclose([1.5, 2.5], [1.5, 2.5 + 1e-9]), S.allclose([1.5, NaN], [1.5, NaN]), S.allclose([1.5, NaN], [1.5, NaN], { equal_nan: true }), S.allclose([1.0], [1.1])],
  array_equal: () => [S.array_equal([1, 2], [1, 2]), S.array_equal([1, 2], [1, 2, 3]), S.array_equal(np.array([1.5, NaN]), np.array([1.5, NaN])), S.array_equal(np.array([1.5, NaN]), np.array([1.5, NaN]), { equal_nan: true }), S.array_equal(np.ones([2, 1]), np.ones([1, 2]))],
  array_equiv: () => [S.array_equiv([1, 2], [[1, 2], [1, 2]]), S.array_equiv([1, 2], [[1, 2], [1, 3]]), S.array_equiv([1, 2], [1, 2, 3])],
} satisfies Cases);
void py;

runCases("select", ["where_", "select", "choose_", "clip_", "nan_to_num", "nonzero_", "argwhere", "flatnonzero", "extract", "compress", "take_", "put", "place", "isclose", "allclose", "array_e"], cases, "surface");

it("where(x > 0, x, 0.1 * x), clip and nan_to_num compile to one kernel each", () => {
  const x = np.arange(1000, { dtype: "float64" }).sub(500).mul(0.01);
  expect(np.compile(W(x.gt(0), x, x.mul(0.1))).kernels.length).toBe(1);
  expect(np.compile(S.clip(x.mul(2), -1, 1)).kernels.length).toBe(1);
  expect(np.compile(S.nan_to_num(x.div(0))).kernels.length).toBe(1);
});

it("put protects pending readers of the array it writes", () => {
  const a = np.arange(4, { dtype: "float64" });
  const lazy = a.mul(2);
  T.put(a, [0], 100);
  expect(lazy.tolist()).toEqual([0, 2, 4, 6]);
  expect(a.tolist()).toEqual([100, 1, 2, 3]);
});
