/** @file concatenate/stack family, split family, atleast_Nd, tile and repeat against NumPy (test/fixtures/surface.json). */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import * as C from "../../src/combine.js";
import { runCases, type Cases } from "./core-fixture.js";

const DTS = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "complex64", "complex128"];
/** (arange(n) % 5 - 2, or - 0 for unsigned).astype(dt).reshape(shape), as gen_surface.py's base() */
const base = (dt: string, shape: number[]) =>
  np.arange(shape.reduce((p, n) => p * n, 1)).mod(5).sub(dt.startsWith("uint") ? 0 : 2).astype(dt).reshape(shape);
/** arange(n) * 0.5 - 1 in float64, as gen_surface.py's fl() */
const fl = (shape: number[]) => np.arange(shape.reduce((p, n) => p * n, 1), { dtype: "float64" }).mul(0.5).sub(1).reshape(shape);

const cases: Cases = {};
for (const dt of DTS) {
  cases[`concat_${dt}`] = () => C.concatenate([base(dt, [2, 3]), base(dt, [1, 3])]);
  cases[`stack_${dt}`] = () => C.stack([base(dt, [2, 3]), base(dt, [2, 3]).get("::-1")], { axis: -1 });
  cases[`tile_${dt}`] = () => C.tile(base(dt, [2, 3]), [2, 1, 2]);
  cases[`repeat_${dt}`] = () => C.repeat(base(dt, [2, 3]), [1, 0, 2], 1);
}
Object.assign(cases, {
  concat_axis1: () => C.concatenate([fl([2, 1]), fl([2, 3]), fl([2, 0])], 1),
  concat_axis_neg: () => C.concatenate([fl([2, 2, 1]), fl([2, 2, 2])], { axis: -1 }),
  concat_none: () => C.concatenate([fl([2, 2]), np.arange(3)], null),
  concat_promote: () => C.concatenate([np.arange(3, { dtype: "int8" }), np.arange(2, { dtype: "uint8" }), np.array([1.5], { dtype: "float32" })]),
  concat_dtype: () => C.concatenate([np.arange(3), np.arange(2)], { dtype: "float32" }),
  concat_casting_bad: () => C.concatenate([fl([2]), np.arange(2)], { dtype: "int64" }),
  concat_casting_unsafe: () => C.concatenate([fl([4]), np.arange(2)], { dtype: "int64", casting: "unsafe" }),
  concat_out: () => {
    const o = np.zeros(5);
    return [C.concatenate([np.arange(2), np.arange(3)], { out: o }), o];
  },
  concat_out_wrong: () => C.concatenate([np.arange(2), np.arange(3)], { out: np.zeros(4) }),
  concat_out_dtype_both: () => C.concatenate([np.arange(2)], { out: np.zeros(2), dtype: "float64" }),
  concat_empty_list: () => C.concatenate([]),
  concat_0d: () => C.concatenate([np.array(1), np.array(2)]),
  concat_ndim: () => C.concatenate([fl([2, 2]), fl([2])]),
  concat_shape: () => C.concatenate([fl([2, 2]), fl([2, 3])]),
  concat_axis_bad: () => C.concatenate([fl([2, 2]), fl([2, 2])], 2),
  concat_views: () => C.concatenate([fl([3, 4]).T, fl([4, 3]).get(":", "::-1")]),
  concat_lazy_input: () => C.concatenate([fl([3]).mul(2).add(1), np.sqrt(fl([2]).add(2))]),
  stack_axis1: () => C.stack([np.arange(3), np.arange(3).mul(2)], { axis: 1 }),
  stack_shape_bad: () => C.stack([np.arange(3), np.arange(2)]),
  stack_empty: () => C.stack([]),
  stack_axis_bad: () => C.stack([np.arange(3)], { axis: 3 }),
  stack_0d: () => C.stack([np.array(1.5), np.array(2.5)]),
  vstack_1d: () => C.vstack([np.arange(3), np.arange(3, 6)]),
  vstack_2d: () => C.vstack([fl([1, 3]), fl([2, 3])]),
  row_stack: () => C.row_stack([np.arange(2), np.arange(2)]),
  hstack_1d: () => C.hstack([np.arange(3), np.arange(2)]),
  hstack_2d: () => C.hstack([fl([2, 1]), fl([2, 2])]),
  hstack_0d: () => C.hstack([np.array(1), np.array(2)]),
  dstack: () => C.dstack([np.arange(3), np.arange(3)]),
  dstack_2d: () => C.dstack([fl([2, 2]), fl([2, 2])]),
  column_stack: () => C.column_stack([np.arange(3), fl([3, 2])]),
  split_sections: () => C.split(np.arange(6), 3),
  split_indices: () => C.split(np.arange(10).reshape(5, 2), [1, 3, 10], 0),
  split_neg_idx: () => C.split(np.arange(8), [-3, 2, 6]),
  split_unequal: () => C.split(np.arange(7), 3),
  array_split: () => C.array_split(np.arange(7), 3),
  array_split_more: () => C.array_split(np.arange(3), 5),
  array_split_axis1: () => C.array_split(fl([2, 5]), 2, 1),
  array_split_zero: () => C.array_split(np.arange(3), 0),
  split_axis_bad: () => C.split(np.arange(4), 2, 1),
  hsplit: () => C.hsplit(fl([2, 4]), 2),
  hsplit_1d: () => C.hsplit(np.arange(4), [1]),
  hsplit_0d: () => C.hsplit(np.array(1), 1),
  vsplit: () => C.vsplit(fl([4, 2]), [1]),
  vsplit_1d: () => C.vsplit(np.arange(4), 2),
  dsplit: () => C.dsplit(fl([1, 2, 4]), 2),
  dsplit_2d: () => C.dsplit(fl([2, 4]), 2),
  atleast_1d: () => [C.atleast_1d(np.array(3.5)) as np.NDArray, C.atleast_1d(np.arange(2)) as np.NDArray],
  atleast_2d: () => C.atleast_2d(np.array(3.5), np.arange(2), fl([2, 2])) as np.NDArray[],
  atleast_3d: () => C.atleast_3d(np.array(3.5), np.arange(2), fl([2, 2])) as np.NDArray[],
  tile_int: () => C.tile(np.arange(3), 2),
  tile_ones: () => C.tile(fl([2, 2]), 1),
  tile_zero: () => C.tile(np.arange(3), [2, 0]),
  tile_empty: () => C.tile(np.zeros([0, 2]), 3),
  tile_transposed: () => C.tile(fl([2, 3]).T, [2, 2]),
  repeat_scalar: () => C.repeat(fl([2, 2]), 2),
  repeat_axis0: () => C.repeat(fl([2, 2]), 3, 0),
  repeat_axis_neg: () => C.repeat(fl([2, 2]), [2, 1], -1),
  repeat_bad_len: () => C.repeat(np.arange(3), [1, 2]),
  repeat_negative: () => C.repeat(np.arange(3), -1),
  repeat_empty: () => C.repeat(np.zeros([0]), 3),
  repeat_bad_axis: () => C.repeat(np.arange(3), 2, 1),
} satisfies Cases);

runCases("combine", ["concat_", "stack_", "vstack", "row_stack", "hstack", "dstack", "column_stack", "split", "array_split", "hsplit", "vsplit", "dsplit", "atleast", "tile_", "repeat_"], cases, "surface");

it("concatenate writes each input straight into the result and protects pending readers", () => {
  const a = np.arange(4, { dtype: "float64" });
  const lazy = a.mul(2);
  const out = np.zeros(8);
  const kept = out.add(1);
  C.concatenate([lazy, a], { out });
  a.set(0, 100);
  expect(out.tolist()).toEqual([0, 2, 4, 6, 0, 1, 2, 3]);
  expect(kept.tolist()).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
});

it("tile and repeat by a scalar are one kernel with the input's work fused in", () => {
  const x = () => np.arange(6, { dtype: "float64" }).reshape(2, 3).mul(2).add(1);
  for (const f of [() => C.tile(x(), [2, 2]), () => C.repeat(x(), 3, 1)]) {
    const before = np.counters.kernelsRun;
    f();
    expect(np.counters.kernelsRun - before).toBe(1);
  }
});

it("split pieces are views that see writes", () => {
  const a = np.arange(6);
  const [p, q] = C.split(a, 2);
  q.set(0, 99);
  expect(a.tolist()).toEqual([0, 1, 2, 99, 4, 5]);
  expect(p.base).toBe(a);
});

// engine bug (runtime cast, not owned here): int64 -> uint64 of a negative value gives 0, NumPy wraps
it("astype uint64 wraps negative int64", () => {
  expect(np.array([-2]).astype("uint64").tolist({ bigint: true })).toEqual([18446744073709551614n]);
});

describe("np.block", () => {
  it("assembles nested blocks as NumPy does", () => {
    const A = np.eye(2).mul(2), B = np.eye(3).mul(3);
    const r = np.block([[A, np.zeros([2, 3])], [np.ones([3, 2]), B]]);
    expect(r.dtype.name).toBe("float64");
    expect(r.tolist()).toEqual([[2, 0, 0, 0, 0], [0, 2, 0, 0, 0], [1, 1, 3, 0, 0], [1, 1, 0, 3, 0], [1, 1, 0, 0, 3]]);
    expect(np.block([1, 2, 3]).tolist()).toEqual([1, 2, 3]);
    expect(np.block([[1, 2], [3, 4]]).tolist()).toEqual([[1, 2], [3, 4]]);
    expect(np.block([np.arange(2), 5]).tolist()).toEqual([0, 1, 5]);
  });
  it("raises NumPy's errors for ragged and empty nests", () => {
    expect(() => np.block([[1, 2], 3])).toThrow("List depths are mismatched. First element was at depth 2, but there is an element at depth 1 (arrays[1])");
    expect(() => np.block([])).toThrow("List at arrays cannot be empty");
    expect(() => np.block([[1, 2], [3]])).toThrow("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 1");
  });
});
