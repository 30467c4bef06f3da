/** @file Indexing per API.md (integers, slice strings, "...", newaxis, masks, integer arrays, set with broadcasting, views vs copies, iteration) against NumPy via test/fixtures/core.json. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { runCases, type Cases } from "./core-fixture.js";

const a34 = () => np.arange(12).reshape(3, 4);
const b234 = () => np.arange(24).reshape(2, 3, 4);
const mask = (...xs: number[]) => np.array(xs.map(Boolean));

/** Run `f` on a fresh array and hand back the array, like NumPy's `a[...] = v; return a`. */
const after = (a: np.NDArray, f: (a: np.NDArray) => void) => {
  f(a);
  return a;
};

const cases: Cases = {
  idx_int: () => a34().get(1),
  idx_neg_int: () => a34().get(-1),
  idx_element: () => a34().get(1, 2),
  idx_element_neg: () => a34().get(-1, -4),
  idx_reverse: () => a34().get("::-1"),
  idx_reverse_both: () => a34().get("::-1, ::-1"),
  idx_step_neg_range: () => np.arange(10).get("1:-1:2"),
  idx_neg_start_neg_step: () => np.arange(10).get("-1::-1"),
  idx_neg_step_bounds: () => np.arange(10).get("8:2:-2"),
  idx_slice_past_end: () => np.arange(10).get("5:100"),
  idx_slice_empty: () => np.arange(10).get("7:3"),
  idx_slice_neg_big: () => np.arange(10).get("-100:3"),
  idx_neg_step_past_start: () => np.arange(10).get("3:-100:-1"),
  idx_tuple_string: () => a34().get("1:3, ::2"),
  idx_ellipsis_last: () => b234().get("...", 1),
  idx_ellipsis_first: () => b234().get(1, "..."),
  idx_ellipsis_middle: () => b234().get("0, ..., 2"),
  idx_newaxis: () => a34().get(":", np.newaxis, 1),
  idx_newaxis_front: () => np.arange(3).get(null),
  idx_newaxis_ellipsis: () => a34().get("..., None"),
  idx_0d_of_0d: () => np.array(5).get("..."),
  idx_oob: () => a34().get(3),
  idx_oob_neg: () => a34().get(0, -5),
  idx_too_many: () => a34().get(0, 0, 0),
  idx_two_ellipsis: () => a34().get("...", "..."),
  idx_mask_1d: () => np.arange(5).get(mask(1, 0, 1, 0, 1)),
  idx_mask_nd: () => {
    const a = a34();
    return a.get(a.gt(5));
  },
  idx_mask_rows: () => a34().get(mask(1, 0, 1)),
  idx_mask_cols: () => a34().get(":", mask(1, 0, 0, 1)),
  idx_mask_3d_leading: () => {
    const b = b234();
    return b.get(b.get(":, :, 0").gt(4));
  },
  idx_mask_mismatch: () => np.arange(3).get(mask(1, 0)),
  idx_mask_mismatch_axis1: () => a34().get(":", mask(1, 0)),
  idx_mask_list: () => np.arange(3).get([true, false, true]),
  idx_mask_all_false: () => a34().get(np.zeros([3, 4], { dtype: "bool" })),
  idx_mask_is_copy: () => {
    const a = np.arange(4);
    const m = a.get(a.gt(1));
    a.set(2, 100);
    return m;
  },
  idx_fancy_1d: () => np.arange(10).get([3, 1, -1]),
  idx_fancy_rows: () => a34().get([0, 2]),
  idx_fancy_pairs: () => a34().get([0, 2], [1, 3]),
  idx_fancy_broadcast: () => a34().get([[0], [2]], [1, 3]),
  idx_fancy_2d_index: () => np.arange(10).get(np.array([[1, 2], [3, 4]])),
  idx_fancy_cols: () => a34().get(":", [0, 2]),
  idx_fancy_slice_fancy: () => a34().get("1:", [0, 3, 1]),
  idx_fancy_nonadjacent: () => b234().get([0, 1], ":", [0, 1]),
  idx_fancy_adjacent_middle: () => b234().get(":", [0, 1], [1, 2]),
  idx_fancy_int_slice_array: () => b234().get(0, ":", [0, 1]),
  idx_fancy_array_int: () => b234().get(":", [0, 2], 1),
  idx_fancy_int_array_adjacent: () => b234().get(1, [0, 2], ":"),
  idx_fancy_newaxis: () => a34().get(null, [0, 1], "1:3"),
  idx_fancy_ellipsis: () => b234().get("...", [0, 3]),
  idx_fancy_negative: () => a34().get([-1, -3], [-1, 0]),
  idx_fancy_oob: () => a34().get([0, 3]),
  idx_fancy_oob_axis1: () => a34().get(":", [0, -5]),
  idx_fancy_broadcast_error: () => a34().get([0, 1], [0, 1, 2]),
  idx_fancy_int32_index: () => np.arange(10).get(np.array([2, 4], { dtype: "int32" })),
  idx_fancy_empty: () => np.arange(10).get([]),
  idx_fancy_float_index: () => np.arange(10).get(np.array([1.0, 2.0], { dtype: "float64" })),
  idx_fancy_is_copy: () => {
    const a = np.arange(4);
    const f = a.get([1, 2]);
    a.set(1, 100);
    return f;
  },
  idx_fancy_and_mask: () => a34().get(mask(1, 0, 1), [1, 2]),
  idx_float_scalar: () => a34().get(1.5),
  set_int_row: () => after(a34(), (a) => a.set(0, 99)),
  set_element: () => after(a34(), (a) => a.set(0, 1, 99)),
  set_column_broadcast: () => after(a34(), (a) => a.set(":", 1, [10, 20, 30])),
  set_slice_row_broadcast: () => after(a34(), (a) => a.set("1:3", "::2", np.array([7, 8]))),
  set_tuple_string: () => after(a34(), (a) => a.set("1:3, ::2", np.array([[1, 2], [3, 4]]))),
  set_float_into_int: () => after(np.arange(4), (a) => a.set("1:3", [2.7, -3.9])),
  set_scalar_float_into_int: () => after(np.arange(4), (a) => a.set(0, -1.5)),
  set_bool_into_float: () => after(np.zeros(3), (a) => a.set(1, true)),
  set_complex_value: () => after(np.zeros(2, { dtype: "complex128" }), (a) => a.set(1, np.complex(2, -3))),
  set_ellipsis: () => after(a34(), (a) => a.set("...", 5)),
  set_value_leading_ones: () => after(np.arange(4), (a) => a.set("1:3", np.array([[5, 6]]))),
  set_broadcast_error: () => after(np.arange(3), (a) => a.set("0:2", [1, 2, 3])),
  set_mask_scalar: () => after(a34(), (a) => a.set(a.gt(5), 0)),
  set_mask_values: () => after(np.arange(5), (a) => a.set(mask(1, 0, 1, 0, 1), [10, 20, 30])),
  set_mask_rows_broadcast: () => after(a34(), (a) => a.set(mask(1, 0, 1), [1, 2, 3, 4])),
  set_mask_wrong_count: () => after(np.arange(3), (a) => a.set(mask(1, 0, 1), [1, 2, 3])),
  set_fancy: () => after(np.arange(6), (a) => a.set([0, 2, 4], [10, 20, 30])),
  set_fancy_repeated_last_wins: () => after(np.zeros(4), (a) => a.set([1, 1, 1], [1, 2, 3])),
  set_fancy_pairs_scalar: () => after(a34(), (a) => a.set([0, 2], [1, 3], -1)),
  set_fancy_cols_broadcast: () => after(a34(), (a) => a.set(":", [0, 3], [[1, 2], [3, 4], [5, 6]])),
  set_fancy_cols_row_broadcast: () => after(a34(), (a) => a.set(":", [0, 3], np.array([100, 200]))),
  set_fancy_shape_error: () => after(np.arange(3), (a) => a.set([0, 1], [1, 2, 3])),
  set_fancy_oob: () => after(np.arange(3), (a) => a.set([0, 3], 1)),
  set_oob: () => after(np.arange(3), (a) => a.set(5, 1)),
  set_fancy_nonadjacent: () => after(b234(), (b) => b.set([0, 1], ":", [0, 1], np.array([100, 200, 300]))),
  idxview_write_seen_by_base: () => {
    const a = np.arange(5);
    const v = a.get("1:3");
    v.set(0, 99);
    return [a, v.base === a];
  },
  idxview_base_write_seen: () => {
    const a = np.arange(5);
    const v = a.get("::2");
    a.set(2, 77);
    return v;
  },
  idxview_of_view: () => {
    const a = np.arange(10);
    const v = a.get("2:8").get("::2");
    v.set(1, -1);
    return [a, v.base === a];
  },
  idxview_transpose_write: () => after(np.arange(6).reshape(2, 3), (a) => a.T.set(2, 0, 50)),
  idx_iterate_rows: () => [...a34()],
  idx_iterate_write_row: () => after(a34(), (a) => { for (const r of a) r.set(0, -1); }),
};

runCases("indexing vs NumPy", ["idx_", "set_", "idxview_"], cases);

describe("indexing details", () => {
  it("a string item equals the same items given separately", () => {
    const a = b234();
    expect(a.get("1, 1:, ::-2").tolist()).toEqual(a.get(1, "1:", "::-2").tolist());
    expect(a.get(" 0 , : , 1 ").tolist()).toEqual(a.get(0, ":", 1).tolist());
  });
  it("get of every axis is a 0-d array; item gives the JS value", () => {
    const a = a34();
    const e = a.get(2, 3);
    expect(e.shape).toEqual([]);
    expect(e.item()).toBe(11);
    expect(a.item(2, 3)).toBe(11);
  });
  it("destructures along the first axis", () => {
    const [x, y] = np.array([[1, 2], [3, 4]]);
    expect(x.tolist()).toEqual([1, 2]);
    expect(y.tolist()).toEqual([3, 4]);
    expect(() => [...np.array(3)]).toThrow("iteration over a 0-d array");
  });
  it("basic indexing views share memory, both ways, also through a lazy base", () => {
    const a = np.arange(6).mul(1);
    const v = a.get("1:4");
    v.set(0, 100);
    expect(a.tolist()).toEqual([0, 100, 2, 3, 4, 5]);
    a.set(2, 200);
    expect(v.tolist()).toEqual([100, 200, 3]);
  });
  it("rejects bad slice text and zero steps", () => {
    expect(() => np.arange(3).get("::0")).toThrow("slice step cannot be zero");
    expect(() => np.arange(3).get("a:b")).toThrow();
  });
  it("a failed set leaves the array untouched", () => {
    const a = np.arange(4);
    expect(() => a.set([0, 9], [1, 2])).toThrow(np.IndexError);
    expect(() => a.set(np.array([true, false, true, false]), [1, 2, 3])).toThrow(np.ValueError);
    expect(a.tolist()).toEqual([0, 1, 2, 3]);
  });
  it("0-d boolean index adds an axis", () => {
    const a = np.arange(3);
    expect(a.get(np.array(true)).shape).toEqual([1, 3]);
    expect(a.get(np.array(false)).shape).toEqual([0, 3]);
  });
});
