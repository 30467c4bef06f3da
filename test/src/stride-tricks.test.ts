/** @file np.lib.stride_tricks against NumPy: sliding_window_view shapes/strides/values/errors, as_strided views and its bounds check, and rolling statistics as one kernel. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";

const { as_strided, sliding_window_view: swv } = np.lib.stride_tricks;

describe("sliding_window_view", () => {
  it("gives NumPy's shapes, byte strides, values and a read-only view", () => {
    const x = np.arange(10).astype("float64");
    const v = swv(x, 3);
    expect(v.shape).toEqual([8, 3]);
    expect(v.strides).toEqual([8, 8]);
    expect(v.flags.writeable).toBe(false);
    expect(v.base).toBe(x);
    expect(v.get(2).tolist()).toEqual([2, 3, 4]);
    expect(v.mean(-1).tolist()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const a = np.arange(12).reshape(3, 4);
    const w = swv(a, [2, 2]);
    expect(w.shape).toEqual([2, 3, 2, 2]);
    expect(w.strides).toEqual([32, 8, 32, 8]);
    expect(w.get(1, 2).tolist()).toEqual([[6, 7], [10, 11]]);
    const w2 = swv(a, 2, { axis: 0 });
    expect(w2.shape).toEqual([2, 4, 2]);
    expect(w2.strides).toEqual([32, 8, 32]);
    expect(w2.get(1).tolist()).toEqual([[4, 8], [5, 9], [6, 10], [7, 11]]);
  });

  it("raises NumPy's errors", () => {
    const x = np.arange(10).astype("float64"), a = np.arange(12).reshape(3, 4);
    expect(() => swv(x, 11)).toThrow("window shape cannot be larger than input array shape");
    expect(() => swv(x, -1)).toThrow("`window_shape` cannot contain negative values");
    expect(() => swv(a, [2, 2], { axis: 0 })).toThrow("Must provide matching length window_shape and axis; got 2 window_shape elements and 1 axes elements.");
    expect(() => swv(a, [2])).toThrow("Since axis is `None`, must provide window_shape for all dimensions of `x`; got 1 window_shape elements and `x.ndim` is 2.");
  });

  it("a moving mean over the windows is one kernel", () => {
    const x = np.arange(1000).astype("float64");
    const m = swv(x, 50).mean(-1);
    expect(np.compile(m).kernels.length).toBe(1);
    expect(m.item(0)).toBe(24.5);
    expect(m.item(950)).toBe(974.5);
  });
});

describe("as_strided", () => {
  it("views the memory with the given shape and byte strides", () => {
    const x = np.arange(10).astype("float64");
    const s = as_strided(x, { shape: [4, 3], strides: [16, 8] });
    expect(s.tolist()).toEqual([[0, 1, 2], [2, 3, 4], [4, 5, 6], [6, 7, 8]]);
    expect(s.flags.writeable).toBe(true);
    expect(np.shares_memory(s, x)).toBe(true);
  });

  it("refuses a view that reaches outside the array's memory, where NumPy would read out of bounds", () => {
    const x = np.arange(10).astype("float64");
    expect(() => as_strided(x, { shape: [5, 4], strides: [16, 8] })).toThrow("reaches outside");
    expect(as_strided(x, { shape: [4, 4], strides: [16, 8] }).item(3, 3)).toBe(9);
    expect(() => as_strided(x, { shape: [3], strides: [4] })).toThrow("multiples of the itemsize");
  });
});
