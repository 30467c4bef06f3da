/** @file insert, delete, append, resize, trim_zeros, unravel_index and ravel_multi_index against NumPy (test/fixtures/pad.json, written by gen_pad.py). */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import * as E from "../../src/edit.js";
import { runCases } from "../helpers/pad-fixture.js";


const size = (s: number[]) => s.reduce((p, n) => p * n, 1);
const fl = (shape: number[]) => np.arange(size(shape), { dtype: "float64" }).mul(0.75).sub(2).reshape(shape);
const a5 = np.arange(5).mul(10);
const m23 = np.arange(6).reshape(2, 3);
const sq = np.array([[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 2, 0], [0, 0, 0, 0]]);
runCases("edit_", {
  edit_insert_scalar: () => E.insert(a5, 2, 99),
  edit_insert_end: () => E.insert(a5, 5, [7, 8]),
  edit_insert_neg: () => E.insert(a5, -1, 99),
  edit_insert_list: () => E.insert(a5, [3, 1, 1, -1], [1, 2, 3, 4]),
  edit_insert_list_scalar_value: () => E.insert(a5, [0, 5], 7),
  edit_insert_slice: () => E.insert(a5, "1:4", [1, 2, 3]),
  edit_insert_float_value: () => E.insert(a5, 1, 2.9),
  edit_insert_axis0: () => E.insert(m23, 1, [7, 8, 9], 0),
  edit_insert_axis1_scalar_idx: () => E.insert(m23, 1, [7, 8], { axis: 1 }),
  edit_insert_axis1_list_idx: () => E.insert(m23, [1], [[7], [8]], 1),
  edit_insert_axis1_multi: () => E.insert(m23, [0, 2, 2], [[1, 2, 3], [4, 5, 6]], 1),
  edit_insert_axis_none_2d: () => E.insert(m23, 3, [-1, -2]),
  edit_insert_neg_axis: () => E.insert(fl([2, 2, 2]), 0, 5.5, -1),
  edit_insert_bool_mask: () => E.insert(a5, np.array([false, true, false, true, false]), -1),
  edit_insert_empty_obj: () => E.insert(a5, [], 1),
  edit_insert_oob: () => E.insert(a5, 9, 1),
  edit_insert_oob_list: () => E.insert(a5, [9, 1], 1),
  edit_insert_2d_obj: () => E.insert(a5, [[1]], 1),
  edit_insert_bad_axis: () => E.insert(m23, 0, 1, 2),
  edit_insert_shape_bad: () => E.insert(m23, 1, [1, 2], 0),
  edit_delete_int: () => E.delete(a5, 1),
  edit_delete_neg: () => E.delete(a5, -1),
  edit_delete_list: () => E.delete(a5, [0, 3, 3, -1]),
  edit_delete_slice: () => E.delete(np.arange(10), "1:8:3"),
  edit_delete_slice_neg: () => E.delete(np.arange(10), "::-2"),
  edit_delete_slice_empty: () => E.delete(np.arange(4), "3:1"),
  edit_delete_mask: () => E.delete(a5, np.array([true, false, false, true, false])),
  edit_delete_axis1: () => E.delete(m23, [0, 2], 1),
  edit_delete_axis0: () => E.delete(m23, 0, { axis: 0 }),
  edit_delete_axis_none: () => E.delete(m23, [1, 4]),
  edit_delete_empty: () => E.delete(a5, []),
  edit_delete_oob: () => E.delete(a5, 7),
  edit_delete_oob_list: () => E.delete(a5, [1, 7]),
  edit_delete_float: () => E.delete(a5, [1.5]),
  edit_delete_mask_bad: () => E.delete(a5, np.array([true, false])),
  edit_append: () => E.append([1, 2, 3], [[4, 5, 6], [7, 8, 9]]),
  edit_append_axis0: () => E.append(m23, [[7, 8, 9]], 0),
  edit_append_promote: () => E.append(np.arange(3, { dtype: "int8" }), 2.5),
  edit_append_bad: () => E.append(m23, [7, 8, 9], { axis: 0 }),
  edit_resize_grow: () => E.resize(np.arange(4), [3, 3]),
  edit_resize_shrink: () => E.resize(m23, 4),
  edit_resize_zero: () => E.resize(m23, [0, 2]),
  edit_resize_empty_input: () => E.resize(np.zeros(0, { dtype: "int32" }), [2, 2]),
  edit_resize_negative: () => E.resize(np.arange(3), -1),
  edit_resize_float32: () => E.resize(np.array([0.5, 1.5], { dtype: "float32" }), 5),
  edit_trim_fb: () => E.trim_zeros(np.array([0, 0, 1, 0, 2, 0])),
  edit_trim_f: () => E.trim_zeros(np.array([0, 0, 1, 0, 2, 0]), "f"),
  edit_trim_b: () => E.trim_zeros(np.array([0, 0, 1, 0, 2, 0]), "B"),
  edit_trim_all_zero: () => E.trim_zeros(np.zeros(4)),
  edit_trim_2d: () => E.trim_zeros(sq),
  edit_trim_2d_axis0: () => E.trim_zeros(sq, { axis: 0 }),
  edit_trim_2d_axis_neg_b: () => E.trim_zeros(sq, "b", -1),
  edit_trim_2d_all_zero: () => E.trim_zeros(np.zeros([2, 3])),
  edit_trim_bad: () => E.trim_zeros(np.array([0, 1]), "x"),
  edit_trim_float: () => E.trim_zeros(np.array([0.0, -0.0, 0.5, NaN, 0.0])),
  edit_unravel_scalar: () => E.unravel_index(22, [7, 6]),
  edit_unravel_array: () => E.unravel_index([22, 41, 37], [7, 6]),
  edit_unravel_F: () => E.unravel_index(np.array([[31, 41], [13, 0]]), [7, 6], "F"),
  edit_unravel_3d: () => E.unravel_index(np.arange(6), [1, 2, 3]),
  edit_unravel_int_shape: () => E.unravel_index([3, 4], 5),
  edit_unravel_oob: () => E.unravel_index(42, [7, 6]),
  edit_unravel_negative: () => E.unravel_index(-1, [7, 6]),
  edit_unravel_float: () => E.unravel_index(1.5, [7, 6]),
  edit_unravel_bad_order: () => E.unravel_index(1, [7, 6], "X" as never),
  edit_unravel_empty_shape: () => E.unravel_index(0, []),
  edit_ravel: () => E.ravel_multi_index([[3, 6, 6], [4, 5, 1]], [7, 6]),
  edit_ravel_F: () => E.ravel_multi_index([[3, 6, 6], [4, 5, 1]], [7, 6], { order: "F" }),
  edit_ravel_clip: () => E.ravel_multi_index([[3, 9, -2], [4, 5, 1]], [7, 6], "clip"),
  edit_ravel_wrap: () => E.ravel_multi_index([[3, 9, -2], [4, 8, -7]], [7, 6], "wrap"),
  edit_ravel_modes: () => E.ravel_multi_index([[3, 9, -2], [4, 8, -7]], [7, 6], ["clip", "wrap"]),
  edit_ravel_scalar: () => E.ravel_multi_index([3, 1, 4, 1], [6, 7, 8, 9]),
  edit_ravel_broadcast: () => E.ravel_multi_index([[[0], [1]], [0, 1, 2]], [2, 3]),
  edit_ravel_raise: () => E.ravel_multi_index([[0, 2], [1, 1]], [2, 3]),
  edit_ravel_len: () => E.ravel_multi_index([[0]], [2, 3]),
  edit_ravel_bad_mode: () => E.ravel_multi_index([[0], [1]], [2, 3], "foo" as never),
  edit_ravel_modes_len: () => E.ravel_multi_index([1, 1], [2, 3], ["clip"]),
  edit_ravel_float: () => E.ravel_multi_index([[0.5], [1]], [2, 3]),
  edit_ravel_neg_dims: () => E.ravel_multi_index([[0], [1]], [2, -3]),
});

describe("edit: views and laziness", () => {
  it("trim_zeros returns a view of its input", () => {
    const x = np.array([0, 3, 0, 4, 0]);
    const t = E.trim_zeros(x);
    expect(t.base).toBe(x);
    expect(t.tolist()).toEqual([3, 0, 4]);
  });
  it("insert/delete copy: later writes to the input do not show", () => {
    const x = np.arange(4).copy();
    const d = E.delete(x, 1);
    const i = E.insert(x, 1, 9);
    x.set(0, 100);
    expect(d.tolist()).toEqual([0, 2, 3]);
    expect(i.tolist()).toEqual([0, 9, 1, 2, 3]);
  });
  it("unravel_index and ravel_multi_index invert each other", () => {
    const flat = np.arange(24);
    const coords = E.unravel_index(flat, [2, 3, 4], "F");
    expect(E.ravel_multi_index(coords, [2, 3, 4], { order: "F" }).tolist()).toEqual(flat.tolist());
  });
});
