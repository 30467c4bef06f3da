/** @file flip/rot90/roll, diag/diagflat/diagonal/trace, tri/tril/triu against NumPy (test/fixtures/surface.json), views and fusion. */
import { expect, it } from "vitest";
import * as np from "../../src/index.js";
import * as R from "../../src/rearrange.js";
import { runCases, type Cases } from "./core-fixture.js";

const DTS = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "complex64", "complex128"];
const base = (dt: string, shape: number[]) =>
  np.arange(shape.reduce((p, n) => p * n, 1)).mod(5).sub(dt.startsWith("uint") ? 0 : 2).astype(dt).reshape(shape);
const fl = (shape: number[]) => np.arange(shape.reduce((p, n) => p * n, 1), { dtype: "float64" }).mul(0.5).sub(1).reshape(shape);

const cases: Cases = {};
for (const dt of DTS) {
  cases[`roll_${dt}`] = () => R.roll(base(dt, [3, 4]), [1, -1], [0, 1]);
  cases[`diag_${dt}`] = () => R.diag(base(dt, [3]), -1);
  cases[`tril_${dt}`] = () => R.tril(base(dt, [2, 3, 4]), 1);
}
Object.assign(cases, {
  flip_all: () => R.flip(fl([2, 3])),
  flip_axis: () => R.flip(fl([2, 3, 2]), [0, -1]),
  flip_axis_bad: () => R.flip(fl([2, 3]), 2),
  fliplr: () => R.fliplr(fl([2, 3])),
  fliplr_1d: () => R.fliplr(np.arange(3)),
  flipud: () => R.flipud(fl([3, 2])),
  flipud_0d: () => R.flipud(np.array(1)),
  flip_empty: () => R.flip(np.zeros([0, 3])),
  roll_flat: () => R.roll(np.arange(10).reshape(2, 5), 3),
  roll_neg: () => R.roll(np.arange(5), -7),
  roll_axis: () => R.roll(fl([3, 4]), 1, 0),
  roll_dup_axes: () => R.roll(fl([3, 4]), [1, 1], [1, 1]),
  roll_shift_tuple_one_axis: () => R.roll(fl([3, 4]), [1, 2], 1),
  roll_mismatch: () => R.roll(fl([3, 4]), [1, 2], [0, 1, 1]),
  roll_empty: () => R.roll(np.zeros([0, 3]), 1, 1),
  roll_axis_bad: () => R.roll(np.arange(3), 1, 1),
  rot90_k0: () => R.rot90(fl([2, 3]), 0),
  rot90_k1: () => R.rot90(fl([2, 3]), 1),
  rot90_k2: () => R.rot90(fl([2, 3]), 2),
  rot90_k3: () => R.rot90(fl([2, 3]), 3),
  rot90_km1: () => R.rot90(fl([2, 3]), -1),
  rot90_k5: () => R.rot90(fl([2, 3]), 5),
  rot90_axes: () => R.rot90(fl([2, 3, 4]), 1, [2, 0]),
  rot90_same_axes: () => R.rot90(fl([2, 3]), 1, [1, 1]),
  rot90_axes_len: () => R.rot90(fl([2, 3]), 1, [0, 1, 2]),
  rot90_axes_range: () => R.rot90(fl([2, 3]), { k: 1, axes: [0, 5] }),
  diag_k: () => [R.diag(np.arange(3), 1), R.diag(np.arange(3), -2), R.diag(np.array([], { dtype: "int64" }))],
  diag_2d: () => [R.diag(fl([3, 4])), R.diag(fl([3, 4]), 2), R.diag(fl([3, 4]), -1), R.diag(fl([3, 4]), 9)],
  diag_3d: () => R.diag(fl([2, 2, 2])),
  diagflat: () => [R.diagflat(fl([2, 2])), R.diagflat([1, 2], -1)],
  diagonal: () => R.diagonal(fl([2, 3, 4]), 1, 2, 0),
  diagonal_neg: () => R.diagonal(fl([3, 4]), -1),
  diagonal_same_axes: () => R.diagonal(fl([3, 4]), 0, 1, 1),
  diagonal_1d: () => R.diagonal(np.arange(3)),
  diagonal_axis_bad: () => R.diagonal(fl([3, 4]), { axis2: 2 }),
  trace: () => [R.trace(fl([3, 4])), R.trace(np.arange(24, { dtype: "int8" }).reshape(2, 3, 4), 1, 1, 2), R.trace(fl([3, 3]), -1)],
  trace_dtype: () => R.trace(np.ones([3, 3], { dtype: "int8" }), { dtype: "float32" }),
  tri: () => [R.tri(3), R.tri(2, 4, 1), R.tri(3, 2, -1, { dtype: "int64" }), R.tri(0)],
  tril_triu: () => [R.tril(fl([3, 4]), -1), R.triu(fl([3, 4]), 1), R.triu(fl([4, 3])), R.tril(np.arange(3)), R.triu(fl([2, 3, 3]), -1)],
  tril_0d: () => R.tril(np.array(1)),
} satisfies Cases);

runCases("rearrange", ["flip", "roll_", "rot90_", "diag", "trace", "tri"], cases, "surface");

it("flip, rot90 and diagonal are views; diagonal is read-only", () => {
  const a = np.arange(6).reshape(2, 3);
  R.flip(a, 1).set(0, 0, 50);
  expect(a.item(0, 2)).toBe(50);
  R.rot90(a).set(0, 0, 60);
  expect(a.item(0, 2)).toBe(60);
  const d = R.diagonal(a);
  expect(d.flags.writeable).toBe(false);
  expect(() => d.set(0, 1)).toThrow(np.ValueError);
});

it("tril/triu and tri are one fused kernel", () => {
  const x = np.arange(12, { dtype: "float64" }).reshape(3, 4);
  expect(np.compile(R.triu(x.mul(2), 1)).kernels.length).toBe(1);
  expect(np.compile(R.tri(4, 5, 1)).kernels.length).toBe(1);
});
