/** @file Shape manipulation, astype, dtype views, real/imag and NumPy's strides/flags for views, against NumPy via test/fixtures/core.json. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { runCases, type Cases } from "./core-fixture.js";

const a34 = () => np.arange(12).reshape(3, 4);
const b234 = () => np.arange(24).reshape(2, 3, 4);

const cases: Cases = {
  reshape_minus1: () => np.arange(6).reshape(2, -1),
  reshape_tuple_minus1: () => np.arange(24).reshape([-1, 3, 4]),
  reshape_order_f: () => np.arange(6).reshape([2, 3], { order: "F" }),
  reshape_order_f_3d: () => b234().reshape([4, 6], { order: "F" }),
  reshape_bad_size: () => np.arange(6).reshape(4, 2),
  reshape_bad_size_minus1: () => np.arange(7).reshape(2, -1),
  reshape_two_unknown: () => np.arange(6).reshape(-1, -1),
  reshape_is_view: () => {
    const a = np.arange(6);
    const r = a.reshape(2, 3);
    r.set(0, 0, 100);
    return [a, r.base === a];
  },
  reshape_transposed_copies: () => {
    const a = np.arange(6).reshape(2, 3);
    const r = a.T.reshape(6);
    a.set(0, 0, 100);
    return r;
  },
  reshape_slice_view: () => np.arange(24).reshape(4, 6).get(":, :4").reshape(4, 2, 2),
  reshape_slice_view_ones: () => np.arange(24).reshape(4, 6).get("::2, 1:5").reshape(2, 1, 2, 2, 1),
  reshape_to_0d: () => np.array([7]).reshape([]),
  ravel_view: () => {
    const a = np.arange(6).reshape(2, 3);
    const r = a.ravel();
    r.set(1, 50);
    return [a, r.base === a.base];
  },
  ravel_transposed_copy: () => {
    const a = np.arange(6).reshape(2, 3);
    const r = a.T.ravel();
    a.set(0, 1, 50);
    return r;
  },
  ravel_strided_1d_copies: () => {
    const a = np.arange(10);
    const r = a.get("::2").ravel();
    a.set(0, 100);
    return r;
  },
  ravel_order_f: () => np.arange(6).reshape(2, 3).ravel("F"),
  ravel_fn_list: () => np.ravel([[1, 2], [3, 4]]),
  flatten_copy: () => {
    const a = np.arange(6).reshape(2, 3);
    const f = a.flatten();
    a.set(0, 0, 100);
    return f;
  },
  flatten_order_f: () => np.arange(6).reshape(2, 3).flatten("F"),
  transpose_2d: () => np.arange(6).reshape(2, 3).T,
  transpose_axes: () => b234().transpose(1, 2, 0),
  transpose_axes_list: () => np.transpose(b234(), [2, 0, 1]),
  transpose_neg_axes: () => b234().transpose(-1, 0, 1),
  transpose_bad_axes: () => np.arange(6).reshape(2, 3).transpose(0, 0),
  transpose_1d: () => np.arange(3).T,
  swapaxes: () => b234().swapaxes(0, 2),
  swapaxes_neg: () => np.swapaxes(b234(), -1, 1),
  moveaxis_0_last: () => np.moveaxis(b234(), 0, -1),
  moveaxis_multi: () => np.moveaxis(np.arange(120).reshape(2, 3, 4, 5), [0, 1], [-1, -2]),
  moveaxis_last_first: () => np.moveaxis(b234(), -1, 0),
  expand_dims_0: () => np.expand_dims(np.arange(3), 0),
  expand_dims_neg: () => np.expand_dims(np.arange(6).reshape(2, 3), -1),
  expand_dims_tuple: () => np.expand_dims(np.arange(6).reshape(2, 3), [0, 2]),
  expand_dims_tuple_neg: () => np.expand_dims(np.arange(3), [-1, 0]),
  expand_dims_noncontig: () => np.expand_dims(np.arange(6).reshape(2, 3).get(":, ::2"), 1),
  expand_dims_bad: () => np.expand_dims(np.arange(3), 3),
  squeeze_all: () => np.zeros([1, 3, 1]).squeeze(),
  squeeze_axis: () => np.squeeze(np.arange(3).reshape(1, 3, 1), 2),
  squeeze_axis_tuple: () => np.squeeze(np.arange(3).reshape(1, 3, 1), [0, 2]),
  squeeze_bad_axis: () => np.squeeze(np.arange(3).reshape(1, 3, 1), 1),
  squeeze_view: () => {
    const a = np.arange(3).reshape(1, 3);
    a.squeeze().set(0, 9);
    return a;
  },
  broadcast_to: () => np.broadcast_to(np.arange(3), [2, 3]),
  broadcast_to_col: () => np.broadcast_to(np.arange(2).reshape(2, 1), [3, 2, 4]),
  broadcast_to_scalar: () => np.broadcast_to(5, [2, 2]),
  broadcast_to_bad: () => np.broadcast_to(np.arange(3), [4]),
  broadcast_to_write: () => {
    const b = np.broadcast_to(np.arange(3), [2, 3]);
    b.set(0, 0, 1);
    return b;
  },
  broadcast_to_sees_base: () => {
    const a = np.arange(3);
    const b = np.broadcast_to(a, [2, 3]);
    a.set(1, 10);
    return b;
  },
  broadcast_arrays: () => np.broadcast_arrays(np.arange(3), np.array([[10], [20]])),
  broadcast_arrays_same_shape: () => {
    const a = np.arange(3);
    const r = np.broadcast_arrays(a, np.arange(3).mul(2));
    return [r[0] === a, r[1]];
  },
  broadcast_to_more_dims: () => np.broadcast_to(np.zeros([2, 3]), [3]),
  broadcast_to_negative: () => np.broadcast_to(np.zeros(3), [-1, 3]),
  moveaxis_bad: () => np.moveaxis(np.zeros([2, 3]), 0, 5),
  swapaxes_bad: () => np.zeros([2, 3]).swapaxes(0, 2),
  transpose_wrong_count: () => np.zeros([2, 3]).transpose(0, 2),
  expand_dims_repeated: () => np.expand_dims(np.zeros(3), [0, 0]),
  // ndarray.ts: strides/flags of a lazy view report a C-contiguous layout, not the view's
  reshape_f_of_c_copy: { fn: () => np.arange(6).reshape(2, 3).reshape([3, 2], { order: "F" }) },
  reshape_f_view_of_f: () => np.arange(6).reshape(2, 3).T.reshape([6], { order: "F" }),
  view_of_dtype_view_slice: () => np.array([1.0, 2.0, 3.0], { dtype: "float64" }).view("uint8").reshape(3, 8).get("1:", 7),
  real_view_reshape_write: () => {
    const a = np.zeros([2, 2], { dtype: "complex128" });
    const r = a.real.reshape(4);
    r.set(3, 5);
    a.imag.set(0, 1, 2);
    return a;
  },
  broadcast_arrays_bad: () => np.broadcast_arrays(np.arange(3), np.arange(4)),
  astype_int_to_float: () => np.arange(3).astype("float64"),
  astype_float_to_int: () => np.array([1.9, -1.9, 2.5, -0.5]).astype("int32"),
  astype_to_bool: () => np.array([0, 1, -2, 0]).astype("bool"),
  astype_float_to_bool: () => np.array([0.0, -0.0, 0.1, NaN]).astype("bool"),
  astype_bool_to_f32: () => np.array([true, false]).astype(np.float32),
  astype_complex_to_float: () => np.array([np.complex(1, 2), np.complex(-3.5, 1)]).astype("float64"),
  astype_f64_to_f32: () => np.array([0.1, 1 / 3, 1e39]).astype("float32"),
  astype_int_wrap_int8: () => np.array([127, 128, 255, -129, 1000]).astype("int8"),
  astype_is_copy: () => {
    const a = np.arange(3);
    const b = a.astype("int64");
    a.set(0, 9);
    return [b, b === a, a.astype("int64", { copy: false }) === a];
  },
  astype_dtype_codes: () => [np.arange(3).astype("f4"), np.arange(3).astype("<i2"), np.arange(3).astype("c16")],
  view_f64_as_u8: () => np.array([1.0, -2.5]).view("uint8"),
  view_f64_as_i32: () => np.array([1.0, 1e300], { dtype: "float64" }).view("int32"),
  view_complex_as_f64: () => np.array([[np.complex(1, 2), np.complex(3, -4)]]).view("float64"),
  view_i32_as_i64: () => np.array([1, 0, -1, -1], { dtype: "int32" }).view("int64"),
  view_i64_as_f64: () => np.array([4607182418800017408n, 0]).view("float64"),
  view_u8_as_u16: () => np.arange(6, { dtype: "uint8" }).reshape(2, 3).get(":, :2").copy().view("uint16"),
  view_shares_memory: () => {
    const a = np.zeros(2);
    const v = a.view("uint8");
    v.set(7, 0x3f);
    v.set(6, 0xf0);
    return a;
  },
  view_noncontig_error: () => np.arange(6, { dtype: "int32" }).reshape(2, 3).get(":, ::2").view("int64"),
  view_bad_size: () => np.arange(3, { dtype: "int32" }).view("int64"),
  view_0d_error: () => np.array(1.0, { dtype: "float64" }).view("int32"),
  view_same_size: () => np.arange(6, { dtype: "int64" }).reshape(2, 3).get(":, 1:").view("uint64"),
  real_view: () => np.array([np.complex(1, 2), np.complex(3, -4), np.complex(0, 5)]).real,
  imag_view: () => np.array([np.complex(1, 2), np.complex(3, -4), np.complex(0, 5)]).imag,
  real_write_through: () => {
    const a = np.array([np.complex(1, 2), np.complex(3, -4)]);
    const r = a.real;
    r.set(0, 10);
    a.imag.set(1, 7);
    return a;
  },
  real_of_c64: () => np.array([np.complex(1.5, 2)], { dtype: "complex64" }).imag,
  // methods.ts: `.imag` of a real array is a writeable lazy array; NumPy's is read-only
  real_of_real: { fn: () => { const a = np.arange(3, { dtype: "float64" }); return [a.real, a.imag]; } },
  layout_owner: () => a34().copy(),
  layout_slice_rows: () => a34().get("::2"),
  layout_slice_cols: () => a34().get(":, 1:3"),
  layout_column: () => a34().get(":, 1"),
  layout_row: () => a34().get(1),
  layout_reversed: () => a34().get("::-1"),
  layout_newaxis: () => a34().get(null, ":", null),
  layout_f32_transpose: () => np.arange(6, { dtype: "float32" }).reshape(2, 3).T,
  // ndarray.ts: strides/flags of a lazy view report a C-contiguous layout, not the view's
  layout_complex_slice: { fn: () => np.arange(6).astype("complex128").reshape(2, 3).get(":, ::2") },
  layout_single_column_matrix: () => a34().get(":, 1:2"),
  // ndarray.ts: strides/flags of a lazy view report a C-contiguous layout, not the view's
  layout_zeros_transpose: { fn: () => np.zeros([2, 3]).T },
  // ndarray.ts: strides/flags of a lazy view report a C-contiguous layout, not the view's
  layout_lazy_transpose: { fn: () => np.arange(6).reshape(2, 3).mul(2).T },
};

runCases("shape manipulation vs NumPy", [
  "reshape_", "ravel_", "flatten_", "transpose_", "swapaxes", "moveaxis_", "expand_dims_", "squeeze_", "broadcast_",
  "astype_", "view_", "real_", "imag_", "layout_",
], cases);

describe("shape details", () => {
  it("reshape takes a shape, separate numbers or an options object", () => {
    const a = np.arange(6);
    expect(a.reshape([3, 2]).shape).toEqual([3, 2]);
    expect(a.reshape(3, 2).shape).toEqual([3, 2]);
    expect(np.reshape(a, [2, 3]).shape).toEqual([2, 3]);
    expect(a.reshape([2, 3], "F").tolist()).toEqual([[0, 2, 4], [1, 3, 5]]);
  });
  it("a view of a view reports the owner as base", () => {
    const a = np.arange(12);
    const v = a.reshape(3, 4).T.get("1:");
    expect(v.base).toBe(a);
    expect(v.flags.owndata).toBe(false);
    expect(a.flags.owndata).toBe(true);
  });
  it("astype with copy false keeps the array when the dtype is the same", () => {
    const a = np.arange(3);
    expect(a.astype("float64", { copy: false }) === a).toBe(false);
    expect(a.astype("int64", { copy: false }) === a).toBe(true);
  });
  it("view() without dtype is a view of the same data", () => {
    const a = np.arange(3);
    const v = a.view();
    expect(v.base).toBe(a);
    v.set(0, 5);
    expect(a.tolist()).toEqual([5, 1, 2]);
  });
  it("broadcast_to views are read-only, and NumPy's message says so", () => {
    const b = np.broadcast_to(np.arange(3), [2, 3]);
    expect(b.flags.writeable).toBe(false);
    expect(() => b.fill(0)).toThrow("assignment destination is read-only");
  });
});
