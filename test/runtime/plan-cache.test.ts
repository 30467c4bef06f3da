import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { planCacheStats } from "../../runtime/plan-cache.js";

const hitsDuring = (fn: () => void): number => {
  const before = planCacheStats.hits;
  fn();
  return planCacheStats.hits - before;
};

describe("eval-time plan cache", () => {
  it("reruns a plan seen before with the new arrays bound", () => {
    const a = np.arange(6).astype("float64").eval();
    const b = np.arange(6).astype("float64").mul(10).eval();
    // commutative operands are ordered by node age, so the first graph may differ in operand order
    a.mul(2).add(1).sum().item();
    a.mul(2).add(1).sum().item();
    let r = 0;
    expect(hitsDuring(() => { r = b.mul(2).add(1).sum().item() as number; })).toBe(1);
    expect(r).toBe(306);
  });

  it("tells aliased inputs from distinct ones", () => {
    const a = np.array([1, 2, 3]);
    const b = np.array([10, 20, 30]);
    expect(a.add(b).tolist()).toEqual([11, 22, 33]);
    // same structure, but both operands read one storage: must not reuse the two-input plan wrongly
    expect(a.add(a).tolist()).toEqual([2, 4, 6]);
    expect(b.add(a).tolist()).toEqual([11, 22, 33]);
  });

  it("keeps layouts, dtypes and constants in the key", () => {
    const x = np.arange(12).reshape(3, 4).astype("float64");
    expect(x.mul(2).sum({ axis: 0 }).tolist()).toEqual([24, 30, 36, 42]);
    expect(x.T.mul(2).sum({ axis: 0 }).tolist()).toEqual([12, 44, 76]);
    expect(x.mul(3).sum({ axis: 0 }).tolist()).toEqual([36, 45, 54, 63]);
    expect(x.astype("float32").mul(3).sum({ axis: 0 }).dtype.name).toBe("float32");
  });

  it("binds out= targets afresh on every call", () => {
    const a = np.array([1.5, 2.5]);
    const o1 = np.zeros(2);
    const o2 = np.zeros(2);
    np.multiply(a, 2, { out: o1 });
    expect(hitsDuring(() => np.multiply(a, 2, { out: o2 }))).toBeGreaterThanOrEqual(1);
    expect(o1.tolist()).toEqual([3, 5]);
    expect(o2.tolist()).toEqual([3, 5]);
    // in place: out is also the input
    np.multiply(o1, 2, { out: o1 });
    expect(o1.tolist()).toEqual([6, 10]);
    expect(o2.tolist()).toEqual([3, 5]);
  });

  it("gives every run fresh result storage", () => {
    const a = np.array([1, 2, 3]);
    const r1 = a.add(1).eval();
    const r2 = a.add(1).eval();
    r2.set(0, 100);
    expect(r1.tolist()).toEqual([2, 3, 4]);
    expect(r2.tolist()).toEqual([100, 3, 4]);
  });
});
