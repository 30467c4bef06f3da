/** @file np.pad against NumPy (test/fixtures/pad.json, written by gen_pad.py): every mode and dtype, wide pads, pad_width/values forms, errors; plus plan and kernel counts (one plan, the interior written once), strings, and single-round odd reflection against inline NumPy values. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { pad, type PadOptions } from "../../src/pad.js";
import { runCases, type Spec } from "../helpers/pad-fixture.js";
import { counters, resetCounters } from "../../runtime/debug.js";
import { planCacheStats } from "../../runtime/plan-cache.js";


const size = (s: number[]) => s.reduce((p, n) => p * n, 1);
/** arange(n) * 7 % 11 - 3 (from 0 for unsigned and bool), as gen_pad.py's base() */
const base = (dt: string, shape: number[]) =>
  np.arange(size(shape)).mul(7).mod(11).sub(dt.startsWith("uint") || dt === "bool" ? 0 : 3).astype(dt).reshape(shape);
const fl = (shape: number[]) => np.arange(size(shape), { dtype: "float64" }).mul(0.75).sub(2).reshape(shape);

const cases: Record<string, Spec> = {};
const DTS = ["bool", "int8", "uint8", "int32", "int64", "uint64", "float32", "float64", "complex128"];
const MODES = ["constant", "edge", "reflect", "symmetric", "wrap", "linear_ramp", "maximum", "minimum", "mean", "median"] as const;
for (const dt of DTS) {
  for (const mode of MODES) {
    if (dt === "complex128" && ["maximum", "minimum", "median", "linear_ramp"].includes(mode)) continue;
    if (dt === "bool" && mode === "linear_ramp") continue;
    cases[`pad_${mode}_${dt}`] = () => pad(base(dt, [3, 4]), [[1, 2], [3, 1]], mode);
  }
}
for (const mode of ["reflect", "symmetric", "wrap"] as const) {
  cases[`pad_wide_${mode}`] = () => pad(np.arange(3), [7, 8], mode);
  cases[`pad_wide2d_${mode}`] = () => pad(fl([2, 3]), [[5, 4], [7, 6]], mode);
  cases[`pad_wide_${mode}_odd`] = () => pad(np.arange(4).pow(2), [9, 10], mode, mode === "wrap" ? {} : { reflect_type: "odd" });
}
const fn = (vector: np.NDArray, w: [number, number], iaxis: number, kwargs: Record<string, unknown>) => {
  const v = (kwargs.padder as number | undefined) ?? 10;
  vector.set(`:${w[0]}`, v);
  if (w[1] > 0) vector.set(`${-w[1]}:`, v + iaxis);
};
Object.assign(cases, {
  pad_reflect_odd_2d: () => pad(fl([3, 4]), 2, "reflect", { reflect_type: "odd" }),
  pad_symmetric_odd_int8: () => pad(base("int8", [3, 3]).mul(20), 2, { mode: "symmetric", reflect_type: "odd" }),
  pad_reflect_odd_uint8: () => pad(np.array([200, 10, 250], { dtype: "uint8" }), 2, "reflect", { reflect_type: "odd" }),
  pad_reflect_odd_bool: () => pad(np.array([true, false, true]), 2, "reflect", { reflect_type: "odd" }),
  pad_reflect_singleton: () => pad(fl([1, 3]), [[2, 3], [1, 1]], "reflect"),
  pad_symmetric_singleton: () => pad(fl([3, 1]), 2, "symmetric"),
  pad_wrap_singleton: () => pad(fl([1, 2]), 3, "wrap"),
  pad_3d_reflect: () => pad(fl([2, 3, 4]), [[1, 0], [2, 1], [0, 3]], "reflect"),
  pad_3d_edge: () => pad(base("int16", [2, 2, 3]), 1, "edge"),
  pad_3d_mean: () => pad(fl([2, 3, 2]), 2, "mean"),
  pad_0d: () => pad(np.array(5.0, { dtype: "float64" }), 3),
  pad_zero_width: () => pad(fl([2, 2]), 0, "reflect"),
  pad_width_int: () => pad(np.arange(3), 2),
  pad_width_pair: () => pad(fl([2, 2]), [1, 2], "edge"),
  pad_width_single_list: () => pad(fl([2, 2]), [[1]], "edge"),
  pad_width_per_axis: () => pad(fl([2, 2]), [[0, 1], [2, 0]], "edge"),
  pad_width_2x1: () => pad(fl([2, 2]), [[1], [2]], "edge"),
  pad_width_dict: () => pad(fl([2, 3]), { 1: [1, 2] }, "edge"),
  pad_width_dict_neg: () => pad(fl([2, 3]), { [-2]: 1 }, "wrap"),
  pad_width_negative: () => pad(fl([2, 2]), -1),
  pad_width_negative_pair: () => pad(fl([2, 2]), [[1, 2], [0, -1]]),
  pad_width_float: () => pad(fl([2, 2]), 1.5),
  pad_width_bad_shape: () => pad(fl([2, 2]), [[1, 2], [3, 4], [5, 6]]),
  pad_const_scalar: () => pad(fl([2, 2]), 1, { constant_values: -1.5 }),
  pad_const_pair: () => pad(fl([2, 2]), 1, "constant", { constant_values: [7, 8] }),
  pad_const_per_axis: () => pad(fl([2, 2]), [[1, 2], [2, 1]], { constant_values: [[1, 2], [3, 4]] }),
  pad_const_float_into_int: () => pad(np.arange(3, { dtype: "int16" }), 2, { constant_values: [2.7, -2.7] }),
  pad_const_wrap_uint8: () => pad(np.arange(3, { dtype: "uint8" }), 1, { constant_values: 300 }),
  pad_const_complex: () => pad(np.arange(3).mul(np.complex(1, 1)), 1, { constant_values: np.complex(2, -1) }),
  pad_const_bool: () => pad(np.array([true, false]), 1, { constant_values: [false, true] }),
  pad_const_empty_axis: () => pad(np.zeros([0, 2]), [[1, 1], [0, 1]], { constant_values: 3 }),
  pad_ramp_end_values: () => pad(fl([2, 3]), [[2, 3], [4, 1]], "linear_ramp", { end_values: [[1, -2], [5, 10]] }),
  pad_ramp_end_pair: () => pad(np.arange(5, { dtype: "int32" }), [4, 6], "linear_ramp", { end_values: [10, -5] }),
  pad_ramp_f32_strong: () => pad(np.array([0.1, 0.7, 0.3], { dtype: "float32" }), 5, "linear_ramp", { end_values: 0.3 }),
  pad_ramp_f32_weak: () => pad(np.array([[0.1, 0.7, 0.3]], { dtype: "float32" }), [[0, 0], [5, 3]], "linear_ramp", { end_values: [[0.2, 0.9], [0.3, 1.1]] }),
  pad_ramp_step_zero: () => pad(np.array([[3.0, 1.0], [0.0, 5.0]], { dtype: "float64" }), [[0, 0], [3, 3]], "linear_ramp", { end_values: [3.0, 0.1] }),
  pad_ramp_uint8: () => pad(np.array([250, 3], { dtype: "uint8" }), 3, "linear_ramp", { end_values: [0, 255] }),
  pad_stat_length: () => pad(fl([3, 5]), [[2, 1], [2, 3]], "mean", { stat_length: [[1, 2], [2, 3]] }),
  pad_stat_length_scalar: () => pad(base("int32", [4, 5]), 2, "maximum", { stat_length: 2 }),
  pad_stat_length_long: () => pad(np.arange(4), 2, "minimum", { stat_length: 10 }),
  pad_stat_length_zero: () => pad(np.arange(4), 2, "maximum", { stat_length: 0 }),
  pad_stat_length_neg: () => pad(np.arange(4), 2, "mean", { stat_length: -1 }),
  pad_mean_round_half_even: () => pad(np.array([1, 2, 2, 3, 4, 6], { dtype: "int8" }), 2, "mean", { stat_length: 2 }),
  pad_median_round: () => pad(np.array([1, 2, 5, 6]), 2, "median", { stat_length: [[2, 4]] }),
  pad_median_nan: () => pad(np.array([1.0, NaN, 3.0, 4.0]), 1, "median"),
  pad_median_f32: () => pad(np.array([[0.1, 0.7], [0.3, 0.9]], { dtype: "float32" }), 1, "median"),
  pad_mean_f32: () => pad(np.array([0.1, 0.7, 0.3, 0.35], { dtype: "float32" }), 2, "mean"),
  pad_bad_mode: () => pad(np.arange(3), 1, "nope" as never),
  pad_bad_kwarg: () => pad(np.arange(3), 1, "edge", { constant_values: 1 }),
  pad_empty_edge: () => pad(np.zeros([0, 3]), [[1, 1], [0, 0]], "edge"),
  pad_empty_edge_ok: () => pad(np.zeros([0, 3]), [[0, 0], [2, 1]], "edge"),
  pad_empty_mode_interior: () => pad(fl([2, 3]), 2, "empty").get("2:-2", "2:-2"),
  pad_view_input: () => pad(fl([3, 4]).T.get("::-1"), [1, 2], "symmetric"),
  pad_lazy_input: () => pad(fl([2, 3]).mul(2).add(1), 2, "wrap"),
  pad_callable: () => pad(np.arange(6).reshape(2, 3), 2, fn),
});
runCases("pad_", cases);

describe("pad internals", () => {
  it("a lazy input fuses into the one interior write; the result owns its memory", () => {
    const x = fl([4, 5]);
    const p = pad(x.mul(2).add(1), [2, 3], "reflect");
    expect(p.flags.owndata).toBe(true);
    expect(p.flags.c_contiguous).toBe(true);
    expect(p.isRealized).toBe(true);
    expect(p.get("2:6", "2:7").tolist()).toEqual(x.mul(2).add(1).tolist());
  });
  it("does not write into or depend on its input afterwards", () => {
    const x = fl([3, 3]).copy();
    const p = pad(x, 1, "edge");
    x.set(0, 0, 100);
    expect(p.item(0, 0)).toBe(-2);
    expect(x.item(0, 0)).toBe(100);
  });
});

describe("pad plans", () => {
  const run = (f: () => np.NDArray) => {
    resetCounters();
    const lookups = planCacheStats.hits + planCacheStats.misses;
    f();
    return { kernels: counters.kernelsRun, plans: planCacheStats.hits + planCacheStats.misses - lookups };
  };
  it("a single-period pad is one plan: the interior once, then two border fills per axis", () => {
    const x = fl([6, 5]).eval();
    for (const mode of ["reflect", "symmetric", "wrap", "edge", "constant"] as const) {
      expect(run(() => pad(x, 2, mode)), mode).toEqual({ kernels: 5, plans: 1 });
    }
    const x3 = fl([3, 4, 5]).eval();
    expect(run(() => pad(x3, 1, "reflect"))).toEqual({ kernels: 7, plans: 1 });
  });
  it("reflect_type odd in one round: corners from the stored borders, rounded as NumPy stores them", () => {
    // np.pad((np.arange(24) * 0.75 - 2).reshape(2, 3, 4), 1, 'reflect', reflect_type='odd')
    expect(pad(fl([2, 3, 4]), 1, "reflect", { reflect_type: "odd" }).tolist()).toEqual([[[-14.75, -14.0, -13.25, -12.5, -11.75, -11.0], [-11.75, -11.0, -10.25, -9.5, -8.75, -8.0], [-8.75, -8.0, -7.25, -6.5, -5.75, -5.0], [-5.75, -5.0, -4.25, -3.5, -2.75, -2.0], [-2.75, -2.0, -1.25, -0.5, 0.25, 1.0]], [[-5.75, -5.0, -4.25, -3.5, -2.75, -2.0], [-2.75, -2.0, -1.25, -0.5, 0.25, 1.0], [0.25, 1.0, 1.75, 2.5, 3.25, 4.0], [3.25, 4.0, 4.75, 5.5, 6.25, 7.0], [6.25, 7.0, 7.75, 8.5, 9.25, 10.0]], [[3.25, 4.0, 4.75, 5.5, 6.25, 7.0], [6.25, 7.0, 7.75, 8.5, 9.25, 10.0], [9.25, 10.0, 10.75, 11.5, 12.25, 13.0], [12.25, 13.0, 13.75, 14.5, 15.25, 16.0], [15.25, 16.0, 16.75, 17.5, 18.25, 19.0]], [[12.25, 13.0, 13.75, 14.5, 15.25, 16.0], [15.25, 16.0, 16.75, 17.5, 18.25, 19.0], [18.25, 19.0, 19.75, 20.5, 21.25, 22.0], [21.25, 22.0, 22.75, 23.5, 24.25, 25.0], [24.25, 25.0, 25.75, 26.5, 27.25, 28.0]]]);
    // float32 with width 2: one corner differs from computing in float64 and rounding once
    const b = np.array([[0.1, 0.7, 0.3, 1.3], [0.2, 0.9, 0.4, 2.1], [0.35, 0.15, 1.7, 0.05]], { dtype: "float32" });
    const want = [0.8000000715255737, -1.5499999523162842, -0.14999999105930328, 1.25, -1.100000023841858, 2.549999952316284, 6.199999809265137, 3.8499999046325684, -0.20000001788139343, -0.5, 0.0, 0.5, 0.20000001788139343, 0.5, 0.7999999523162842, 0.5, -0.10000000894069672, -0.5, 0.10000000149011612, 0.699999988079071, 0.30000001192092896, 1.2999999523162842, 2.299999952316284, 1.8999998569488525, 0.0, -0.4999999701976776, 0.20000000298023224, 0.8999999761581421, 0.4000000059604645, 2.0999999046325684, 3.799999713897705, 3.299999713897705, -1.0, 0.5499999523162842, 0.3499999940395355, 0.15000000596046448, 1.7000000476837158, 0.05000000074505806, -1.600000023841858, -0.05000000447034836, -2.0, 1.5999999046325684, 0.5, -0.5999999642372131, 3.0, -1.9999998807907104, -7.0, -3.3999998569488525, -1.9000002145767212, 1.5999999046325684, 0.5999999642372131, -0.3999999761581421, 3.1000001430511475, -1.1999999284744263, -5.5, -1.9999998807907104];
    expect(pad(b, 2, "reflect", { reflect_type: "odd" }).reshape(-1).tolist()).toEqual(want.map(Math.fround));
    const x = fl([6, 5]).eval();
    expect(run(() => pad(x, 2, "symmetric", { reflect_type: "odd" }))).toEqual({ kernels: 5, plans: 1 });
  });
  it("pads wider than one period still follow NumPy's rounds", () => {
    // np.pad(np.arange(3.), 5, 'reflect')
    expect(pad(np.arange(3, { dtype: "float64" }), 5, "reflect").tolist()).toEqual([1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1]);
  });
});

describe("pad of strings", () => {
  // np.pad(np.array(['ab', 'c', 'def']), 2, mode) in NumPy 2.x
  const s = () => np.array(["ab", "c", "def"]);
  it.each([
    ["edge", {}, ["ab", "ab", "ab", "c", "def", "def", "def"]],
    ["reflect", {}, ["def", "c", "ab", "c", "def", "c", "ab"]],
    ["symmetric", {}, ["c", "ab", "ab", "c", "def", "def", "c"]],
    ["wrap", {}, ["c", "def", "ab", "c", "def", "ab", "c"]],
    ["constant", { constant_values: "z" }, ["z", "z", "ab", "c", "def", "z", "z"]],
  ] as const)("%s", (mode, opts, want) => {
    expect(pad(s(), 2, mode, opts as PadOptions).tolist()).toEqual(want);
  });
});

describe("pad layout", () => {
  it("keeps Fortran order for an F-contiguous input, as NumPy's _pad_simple", () => {
    const f = fl([3, 4]).T.copy().T; // F-contiguous (3, 4)
    expect(f.flags.f_contiguous && !f.flags.c_contiguous).toBe(true);
    const p = pad(f, [1, 2], "reflect");
    expect(p.strides).toEqual([8, 48]); // np.pad(np.asfortranarray(x), (1, 2), 'reflect').strides
    expect(p.flags.owndata).toBe(true);
    expect(p.tolist()).toEqual(pad(fl([3, 4]), [1, 2], "reflect").tolist());
  });
});
