import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";

// expected values are NumPy 2.4's outputs for the same calls
describe("ufunc objects carry their methods", () => {
  it("outer, at and reduceat on the public ufuncs", () => {
    expect((np.add.outer([1, 2], [10, 20, 30]) as np.NDArray).tolist()).toEqual([[11, 21, 31], [12, 22, 32]]);
    const a = np.zeros(3, { dtype: "int64" });
    np.add.at(a, [0, 0, 2], 1);
    expect(a.tolist()).toEqual([2, 0, 1]);
    expect(np.add.reduceat(np.arange(8), [0, 4, 1, 5, 2, 6, 3, 7]).tolist()).toEqual([6, 4, 10, 5, 14, 6, 18, 7]);
    expect((np.multiply.outer(np.arange(3), 2) as np.NDArray).shape).toEqual([3]);
  });
  it("reduce and accumulate of ufuncs without a reduction primitive", () => {
    expect(np.subtract.reduce(np.array([10, 2, 3])).tolist()).toBe(5);
    expect(np.hypot.accumulate(np.array([3, 4, 12])).tolist()).toEqual([3, 5, 13]);
    expect(np.divmod.nout).toBe(2);
    expect(typeof np.divmod.outer).toBe("function");
  });
});

describe("rollaxis", () => {
  it("moves an axis to before `start`, with NumPy's errors", () => {
    expect(np.rollaxis(np.ones([3, 4, 5, 6]), 3, 1).shape).toEqual([3, 6, 4, 5]);
    expect(np.rollaxis(np.ones([3, 4, 5, 6]), 2).shape).toEqual([5, 3, 4, 6]);
    expect(np.rollaxis(np.ones([3, 4, 5, 6]), 1, 4).shape).toEqual([3, 5, 6, 4]);
    expect(np.rollaxis(np.ones([3, 4, 5, 6]), -1, -2).shape).toEqual([3, 4, 6, 5]);
    expect(() => np.rollaxis(np.ones([3, 4]), 0, 5)).toThrow("'start' arg requires -2 <= start < 3, but 5 was passed in");
    expect(() => np.rollaxis(np.ones([3, 4]), 2)).toThrow(np.AxisError);
  });
});

describe("real, imag, angle", () => {
  it("as functions", () => {
    const z = np.array([{ re: 1, im: 1 }, { re: -1, im: 0 }]);
    expect(np.real(z).tolist()).toEqual([1, -1]);
    expect(np.imag(z).tolist()).toEqual([1, 0]);
    expect(np.imag(3.0).tolist()).toBe(0);
    expect(np.angle(z).tolist()).toEqual([0.7853981633974483, 3.141592653589793]);
    expect(np.angle(np.array([1, -2, 0])).tolist()).toEqual([0, 3.141592653589793, 0]);
    expect(np.angle(np.array([1, -2], { dtype: "float32" })).dtype.name).toBe("float32");
    expect(np.angle({ re: 0, im: 1 }, true).tolist()).toBe(90);
  });
});
