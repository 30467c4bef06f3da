/** @file Reductions (sum ... ptp) checked case by case against NumPy's results and errors recorded in test/fixtures/reductions.json. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { ACCUMULATIONS, describeCases } from "../helpers/reductions-fixture.js";

describeCases("reductions against NumPy fixtures", (c) => !ACCUMULATIONS.has(c.fn));

describe("reductions: semantics beyond the fixture", () => {
  it("a later write into the input does not change a pending reduction (lazy never changes results)", () => {
    const x = np.array([[1, 2, 3], [4, 5, 6]], { dtype: "float64" });
    const s = x.sum({ axis: 0 });
    const m = np.mean(x);
    x.set(0, 0, 100);
    expect(s.tolist()).toEqual([5, 7, 9]);
    expect(m.item()).toBe(3.5);
    expect(x.sum({ axis: 0 }).tolist()).toEqual([104, 7, 9]);
  });

  it("a reduction into out= of a view writes through to the base", () => {
    const base = np.zeros([2, 3]);
    const row = base.get(1);
    const r = np.sum(np.array([[1, 2, 3], [4, 5, 6]], { dtype: "float64" }), { axis: 0, out: row });
    expect(r).toBe(row);
    expect(base.tolist()).toEqual([[0, 0, 0], [5, 7, 9]]);
  });

  it("AxisError is both a ValueError and an IndexError, with NumPy's message", () => {
    const x = np.ones([2, 3]);
    let err: unknown;
    try {
      np.sum(x, { axis: 2 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(np.AxisError);
    expect(err).toBeInstanceOf(np.ValueError);
    expect(err).toBeInstanceOf(np.IndexError);
    expect((err as Error).message).toBe("axis 2 is out of bounds for array of dimension 2");
  });

  it("shape and dtype errors are thrown at the call, before anything is evaluated", () => {
    const x = np.ones([0, 3]);
    expect(() => np.max(x, { axis: 0 })).toThrow("zero-size array to reduction operation maximum which has no identity");
    expect(() => np.argmax(x, { axis: 0 })).toThrow("attempt to get argmax of an empty sequence");
    expect(np.max(x, { axis: 1 }).shape).toEqual([0]);
  });

  it("amax/amin are max/min; reductions over all axes give 0-d arrays", () => {
    const x = np.array([[3, -1], [7, 2]], { dtype: "int16" });
    expect(np.amax(x).ndim).toBe(0);
    expect(np.amax(x).item()).toBe(7);
    expect(np.amin(x, { axis: 1 }).tolist()).toEqual([-1, 2]);
    expect(np.amin(x).dtype.name).toBe("int16");
  });

  it("a standardization chain built from mean and std matches NumPy", () => {
    // NumPy: x = arange(12).reshape(3, 4); (x - x.mean(1, keepdims=True)) / x.std(1, keepdims=True)
    const x = np.arange(12).reshape(3, 4).astype("float64");
    const z = x.sub(x.mean({ axis: 1, keepdims: true })).div(x.std({ axis: 1, keepdims: true }));
    const want = [-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738];
    for (const row of z.tolist() as number[][]) row.forEach((v, i) => expect(v).toBeCloseTo(want[i], 14));
  });
});

describe("float32 sums add in float32, as NumPy's", () => {
  it("match NumPy bit for bit along a contiguous axis, along axis 0, and in means", () => {
    const r = np.array([-0.6666666865348816, 2.6666667461395264, 2.3333332538604736, 2.0], { dtype: "float32" });
    expect(np.sum(r).item()).toBe(6.3333330154418945);
    expect(np.mean(r).item()).toBe(1.5833332538604736);
    // numpy: x = np.arange(100003).astype(np.float32) * np.float32(0.1)
    const x = np.arange(100003).astype("float32").mul(0.1);
    expect(x.sum().item()).toBe(500024992);
    expect(x.get(":100000").reshape(1000, 100).sum({ axis: 0 }).item(3)).toBe(4995296.5);
    expect(x.get(":100000").reshape(100, 1000).sum({ axis: 1 }).item(7)).toBe(749950);
  });
});

describe("positional arguments in NumPy's order (API.md)", () => {
  const a = np.arange(6).reshape(2, 3);
  it("np.sum(a, 0) and a.sum(1) reduce over that axis", () => {
    expect(np.sum(a, 0).tolist()).toEqual([3, 5, 7]);
    expect(a.sum(1).tolist()).toEqual([3, 12]);
    expect(np.mean(a, 1, "float32").dtype.name).toBe("float32");
    expect(np.max(a, 0, null, true).tolist()).toEqual([[3, 4, 5]]);
    expect(np.std(a, null, null, null, 1).item()).toBeCloseTo(1.8708286933869707, 14);
    expect(np.argmax(a, 1).tolist()).toEqual([2, 2]);
    expect(np.cumsum(a, 1).tolist()).toEqual([[0, 1, 3], [3, 7, 12]]);
    expect(np.count_nonzero(a, 0).tolist()).toEqual([1, 2, 2]);
  });
  it("a parameter given both ways is NumPy's TypeError", () => {
    expect(() => np.sum(a, 0, { axis: 1 })).toThrow("sum() got multiple values for argument 'axis'");
  });
});
