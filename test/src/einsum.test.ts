/** @file np.einsum against NumPy (test/fixtures/einsum.json, written by gen_einsum.py): subscripts in every form, broadcasting, diagonals, chains, dtypes and errors. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { loadCases, runCases, type Spec } from "../helpers/pad-fixture.js";

const size = (s: number[]) => s.reduce((p, n) => p * n, 1);
/** ((arange(n) * (7 + k)) % 11 - 5) / 4 as `dt` (integers: without the / 4), as r() in gen_einsum.py */
function r(shape: number[], dt = "float64", k = 1): np.NDArray {
  const v = np.arange(size(shape)).mul(7 + k).mod(11);
  const kind = np.dtype(dt).kind;
  if (kind === "i" || kind === "u" || kind === "b") return v.sub(kind === "i" ? 5 : 0).astype(dt).reshape(shape);
  return v.sub(5).div(4).astype(dt).reshape(shape);
}
const close = (fn: () => np.NDArray, rtol = 1e-12): Spec => ({ fn, rtol });

const errors: Record<string, [string, number[][]]> = {
  es_err_too_many: ["ij", [[3]]],
  es_err_letter: ["i1", [[3]]],
  es_err_out_missing: ["i->j", [[3]]],
  es_err_out_twice: ["i->ii", [[3]]],
  es_err_more_terms: ["i,j", [[3]]],
  es_err_fewer_terms: ["i", [[3], [3]]],
  es_err_dot: ["i..", [[3]]],
  es_err_two_ellipses: ["i......", [[3]]],
  es_err_no_ellipsis: ["i->", [[1, 3]]],
  es_err_out_no_ellipsis: ["...i->i", [[2, 3]]],
  es_err_diag: ["ii->i", [[2, 3]]],
};

runCases("es_", {
  es_matmul: close(() => np.einsum("ik,kj->ij", r([3, 4]), r([4, 5], "float64", 2))),
  es_matmul_large: close(() => np.einsum("ik,kj->ij", r([20, 30]), r([30, 25], "float64", 2))),
  es_matmul_large_T: close(() => np.einsum("ik,kj->ji", r([20, 30]), r([30, 25], "float64", 2))),
  es_batch_large: close(() => np.einsum("bij,bjk->bik", r([4, 16, 16]), r([4, 16, 16], "float64", 2))),
  es_matmul_own_sums: close(() => np.einsum("ijx,jky->ik", r([20, 30, 3]), r([30, 25, 2], "float64", 2))),
  es_matmul_int32: () => np.einsum("ik,kj->ij", r([20, 30], "int32").mul(1000), r([30, 25], "int32", 2).mul(1000)),
  es_batch: close(() => np.einsum("bij,bjk->bik", r([2, 3, 4]), r([2, 4, 2], "float64", 2))),
  es_dot: close(() => np.einsum("i,i", r([5]), r([5], "float64", 3))),
  es_rowdot: close(() => np.einsum("ij,ij->i", r([3, 4]), r([3, 4], "float64", 2))),
  es_outer: () => np.einsum("i,j->ij", r([3]), r([4], "float64", 2)),
  es_trace: close(() => np.einsum("ii", r([4, 4]))),
  es_diag: () => np.einsum("ii->i", r([4, 4])),
  es_diag3: () => np.einsum("iji->ij", r([3, 2, 3])),
  es_transpose: () => np.einsum("ij->ji", r([2, 3])),
  es_view_neg_zero: () => np.einsum("i->i", np.negative(np.zeros(3))),
  es_implicit: close(() => np.einsum("ij,jk", r([2, 3]), r([3, 4], "float64", 2))),
  es_implicit_order: close(() => np.einsum("Ba,ab", r([2, 3]), r([3, 2], "float64", 2))),
  es_implicit_transpose: () => np.einsum("ba", r([2, 3])),
  es_sum_all: close(() => np.einsum("ij->", r([3, 4]))),
  es_col_sums: close(() => np.einsum("ij->j", r([3, 4]))),
  es_ellipsis_batch: close(() => np.einsum("...ij,...jk->...ik", r([2, 1, 3, 4]), r([5, 4, 2], "float64", 2))),
  es_ellipsis_vec: close(() => np.einsum("...i,i", r([2, 3, 4]), r([4], "float64", 2))),
  es_ellipsis_front: close(() => np.einsum("i...->...", r([3, 2, 2]))),
  es_ellipsis_implicit: close(() => np.einsum("...j,j...", r([2, 4]), r([4, 2], "float64", 2))),
  es_chain4: close(() => np.einsum("ij,jk,kl,lm->im", r([2, 3]), r([3, 4], "float64", 2), r([4, 5], "float64", 3), r([5, 2], "float64", 4))),
  es_chain3_scalar: close(() => np.einsum("i,ij,j->", r([3]), r([3, 4], "float64", 2), r([4], "float64", 3))),
  es_three_outer: () => np.einsum("i,j,k->ijk", r([2]), r([3], "float64", 2), r([2], "float64", 3)),
  es_scalar: () => np.einsum("", np.array(3.5)),
  es_scalar_vec: () => np.einsum(",i", np.array(3), r([3], "int64")),
  es_size1: () => np.einsum("i,i->i", np.ones(1), r([3])),
  es_spaces: close(() => np.einsum("ij, jk -> ik", r([2, 3]), r([3, 2], "float64", 2))),
  es_int8_wrap: () => np.einsum("ij->", r([4, 5], "int8").mul(30)),
  es_uint8: () => np.einsum("ij,jk->ik", r([2, 3], "uint8"), r([3, 2], "uint8", 2)),
  es_int64: () => np.einsum("i,i", r([6], "int64").mul(123456789), r([6], "int64", 2).mul(987654)),
  es_bool: () => np.einsum("ij,jk->ik", r([2, 3], "bool"), r([3, 2], "bool", 2)),
  es_float16: close(() => np.einsum("i,i", r([6], "float16"), r([6], "float16", 2)), 1e-3),
  es_float32: close(() => np.einsum("ij,jk->ik", r([3, 4], "float32"), r([4, 2], "float32", 2)), 1e-6),
  es_mixed: close(() => np.einsum("ab,bc->ac", r([2, 3], "float32"), r([3, 2], "float16", 2)), 1e-6),
  es_int_float: () => np.einsum("i,i->i", r([3], "int32"), r([3], "float64", 2)),
  es_complex: close(() => np.einsum("i,i", np.add(r([4]), np.multiply(r([4], "float64", 2), np.complex(0, 1))) as np.NDArray, np.subtract(r([4], "float64", 3), np.complex(0, 0.5)) as np.NDArray)),
  es_dtype: () => np.einsum("i,i", r([4], "int32"), r([4], "int32", 2), { dtype: "float64" }),
  es_dtype_unsafe: () => np.einsum("i,i", r([4]), r([4], "float64", 2), { dtype: "int32", casting: "unsafe" }),
  es_empty: () => np.einsum("ij,jk->ik", np.ones([2, 0]), np.ones([0, 3])),
  es_empty_out: () => np.einsum("ij->i", np.ones([0, 3])),
  ...Object.fromEntries(Object.entries(errors).map(([name, [spec, shapes]]) => [name, () => np.einsum(spec, ...shapes.map((s) => np.ones(s)))])),
  es_sublist: close(() => np.einsum(r([2, 3]), [0, 1], r([3, 4], "float64", 2), [1, 2], [0, 2])),
  es_sublist_implicit: () => np.einsum(r([2, 3]), [30, 0]),
  es_sublist_ellipsis: close(() => np.einsum(r([2, 2, 3]), ["...", 1], r([3, 4], "float64", 2), [1, 2], ["...", 2])),
  es_sublist_range: () => np.einsum(r([2, 3]), [0, 52]),
  es_sublist_type: () => np.einsum(r([2, 3]), [0, 1.5]),
  es_err_casting: () => np.einsum("i,i", np.ones(3), np.ones(3), { dtype: "int32" }),
  es_out: close(() => {
    const out = np.zeros([3, 2]);
    np.einsum("ik,kj->ij", r([3, 4]), r([4, 2], "float64", 2), { out });
    return out;
  }),
}, loadCases("einsum.json"));

describe("np.einsum beyond the fixture", () => {
  it("one operand only rearranged is a view of it, as NumPy's", () => {
    const a = np.arange(9, { dtype: "float64" }).reshape(3, 3);
    const d = np.einsum("ii->i", a), t = np.einsum("ij->ji", a);
    expect([np.shares_memory(d, a), np.shares_memory(t, a), t.strides]).toEqual([true, true, [8, 24]]);
    d.set(0, 100);
    expect(a.get(0, 0).item()).toBe(100);
  });

  it("mismatched extents raise NumPy's broadcast ValueError", () => {
    expect(() => np.einsum("ij,jk", np.ones([2, 3]), np.ones([4, 4]))).toThrow(/^operands could not be broadcast together with remapped shapes \[original->remapped\]: /);
  });

  it("a two-operand contraction is one fused kernel, and the subscripts never reach its source", () => {
    const plan = np.compile(np.einsum("ij,jk->ik", np.ones([2, 3]), np.ones([3, 4])));
    expect(plan.kernels.length).toBe(1);
    expect(plan.toString()).not.toMatch(/ij|jk|ik/);
  });
});
