/** @file np.pad against NumPy (test/fixtures/pad.json, written by gen_pad.py): every mode and dtype, wide pads, pad_width/values forms, errors; plus a kernel-count check that the interior is written once. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { pad } from "../../src/pad.js";
import { runCases, type Result, type Spec } from "../helpers/pad-fixture.js";


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
