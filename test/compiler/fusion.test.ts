import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";

describe("fusion", () => {
  it("a 5-op elementwise chain is one kernel", () => {
    const a = np.ones([100]), b = np.arange(100).astype("float64"), c = np.full([100], 2.0);
    const r = np.exp(a.mul(b).add(c).sub(1)).div(2).neg();
    expect(np.compile(r).kernels.length).toBe(1);
  });

  it("row-normalization is one kernel", () => {
    const x = np.arange(12).reshape(3, 4).astype("float64");
    const z = x.sub(x.mean({ axis: 1, keepdims: true })).div(x.std({ axis: 1, keepdims: true }));
    const plan = np.compile(z);
    expect(plan.kernels.length).toBe(1);
    expect(plan.buffers.length).toBe(1);
    const row = [-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738];
    const got = z.tolist() as number[][];
    for (const r of got) r.forEach((v, i) => expect(v).toBeCloseTo(row[i], 14));
  });

  it("a broadcast pairwise-distance sum never allocates the 3-d temporary", () => {
    const A = np.arange(6).reshape(3, 2).astype("float64");
    const B = np.arange(8).reshape(4, 2).astype("float64");
    const d = A.get(":", null, ":").sub(B.get(null, ":", ":"));
    const D = d.mul(d).sum({ axis: -1 });
    const plan = np.compile(D);
    expect(plan.kernels.length).toBe(1);
    expect(plan.buffers.map((b) => b.shape)).toEqual([[3, 4]]);
    expect(D.tolist()).toEqual([[0, 8, 32, 72], [8, 0, 8, 32], [32, 8, 0, 8]]);
  });
});

describe("np.jit", () => {
  it("gives the same values as eval and reuses its plan", () => {
    const f = np.jit((a, b, c) => a.mul(b).add(c).sum({ axis: 0 }));
    const r1 = f(np.ones([1000, 3]), np.arange(3), 2.5) as np.NDArray;
    const r2 = f(np.ones([1000, 3]).mul(2), np.arange(3), 2.5) as np.NDArray;
    expect(r1.tolist()).toEqual([2500, 3500, 4500]);
    expect(r2.tolist()).toEqual([2500, 4500, 6500]);
  });
});

describe("deep graphs", () => {
  it("a 6000-op chain evaluates in kernels of bounded depth, with NumPy's values", () => {
    const a = np.arange(100).astype("float64");
    let x = a;
    for (let i = 0; i < 3000; i++) x = x.mul(1.0001).add(0.5);
    const plan = np.compile(x);
    expect(plan.kernels.length).toBeGreaterThan(100);
    expect(plan.kernels.length).toBeLessThan(200);
    // python: x = np.arange(100.); for i in range(3000): x = x*1.0001 + 0.5
    expect(x.item(5)).toBe(1755.941998783372);
  });

  it("a transpose of a deep lazy expression does not rebuild it node by node", () => {
    let x = np.arange(6).reshape(2, 3).astype("float64");
    for (let i = 0; i < 500; i++) x = x.add(1);
    expect(x.T.tolist()).toEqual([[500, 503], [501, 504], [502, 505]]);
  });
});
