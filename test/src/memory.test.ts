/** @file shares_memory / may_share_memory, ascontiguousarray / asfortranarray and copy(order) against NumPy (test/fixtures/methods.json), with strides and flags. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { ascontiguousarray, asfortranarray, copy, may_share_memory, shares_memory } from "../../src/memory.js";
import { runCases, type Cases } from "./core-fixture.js";

const A = np.arange(24, { dtype: "float64" }).eval();
const B = np.arange(24).reshape(2, 3, 4).eval();
const cases: Cases = {
  shm_self: () => shares_memory(A, A),
  shm_step: () => shares_memory(A, A.get("::2")),
  shm_interleaved: () => shares_memory(A.get("::2"), A.get("1::2")),
  mayshm_interleaved: () => may_share_memory(A.get("::2"), A.get("1::2")),
  shm_disjoint: () => shares_memory(A.get(":10"), A.get("10:")),
  mayshm_disjoint: () => may_share_memory(A.get(":10"), A.get("10:")),
  shm_copy: () => shares_memory(A, A.copy()),
  shm_transpose: () => shares_memory(A.reshape(4, 6).T, A.get("5:6")),
  shm_cols: () => shares_memory(A.reshape(4, 6).get(":", 0), A.reshape(4, 6).get(":", 1)),
  shm_rev: () => shares_memory(A.get("::-3"), A.get("1::3")),
  shm_list: () => shares_memory(A, [1.0, 2.0]),
  shm_empty: () => shares_memory(A.get(":0"), A),
  ascontig_T: () => ascontiguousarray(B.T),
  ascontig_0d: () => ascontiguousarray(2.5),
  ascontig_dtype: () => ascontiguousarray(B.get(":", "::2"), { dtype: "float32" }),
  asfortran: () => asfortranarray(B),
  asfortran_1d: () => asfortranarray(np.arange(3)),
  copy_bad_order: () => copy(B, { order: "X" as "C" }),
};
for (const order of ["C", "F", "A", "K"] as const) {
  cases[`copy_${order}_T`] = () => copy(B.transpose(1, 0, 2), { order });
  cases[`copy_${order}_rev`] = () => copy(B.get(":", "::-1", "::2").transpose(2, 0, 1), { order });
  cases[`copy_${order}_F`] = () => copy(asfortranarray(B), { order });
}
runCases("memory vs NumPy", ["shm_", "mayshm_", "ascontig", "asfortran", "copy_"], cases, "methods");

describe("memory of lazy arrays", () => {
  it("lazy arrays share memory only with views of the same owner", () => {
    const x = np.arange(10).mul(2);
    expect(shares_memory(x, x.mul(1))).toBe(false);
    expect(shares_memory(x, x.get("::2"))).toBe(true);
    expect(shares_memory(x.get("::2"), x.get("1::2"))).toBe(false);
    expect(may_share_memory(x.get("::2"), x.get("1::2"))).toBe(true);
    x.eval();
    expect(shares_memory(x, x.get("3"))).toBe(true);
  });
  it("returns the input itself when it already has the layout; copies own their data", () => {
    expect(ascontiguousarray(B)).toBe(B);
    const f = asfortranarray(B);
    expect(asfortranarray(f)).toBe(f);
    expect(shares_memory(f, B)).toBe(false);
    const c = copy(B, { order: "F" });
    expect(c.flags.owndata).toBe(true);
    expect(c.tolist()).toEqual(B.tolist());
  });
});
