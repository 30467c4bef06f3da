/** @file np.packbits / np.unpackbits against NumPy's values (computed with NumPy 2.4) and errors. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";

const a = np.array([[1, 0, 1, 1, 0, 0, 0, 1, 1], [0, 1, 0, 0, 0, 0, 1, 1, 0]], { dtype: "uint8" });
const b = np.array([[5, 255], [160, 1]], { dtype: "uint8" });

describe("np.packbits", () => {
  it("packs along None, an axis, and little bit order", () => {
    expect(np.packbits(a).tolist()).toEqual([177, 161, 128]);
    expect(np.packbits(a, { axis: 1 }).tolist()).toEqual([[177, 128], [67, 0]]);
    expect(np.packbits(a, 0).tolist()).toEqual([[128, 64, 128, 128, 0, 0, 64, 192, 128]]);
    expect(np.packbits(a, { axis: -1, bitorder: "little" }).tolist()).toEqual([[141, 1], [194, 0]]);
    expect(np.packbits(np.array([true, false, 2, -1])).tolist()).toEqual([176]);
    expect(np.packbits(np.array([], { dtype: "uint8" })).tolist()).toEqual([]);
    expect(np.packbits(a, { axis: 1 }).dtype.name).toBe("uint8");
  });
  it("raises NumPy's errors", () => {
    expect(() => np.packbits(np.array([1.5]))).toThrow("Expected an input array of integer or boolean data type");
    expect(() => np.packbits(a, { bitorder: "x" })).toThrow("'order' must be either 'little' or 'big'");
    expect(() => np.packbits(a, { axis: 2 })).toThrow("axis 2 is out of bounds for array of dimension 2");
  });
});

describe("np.unpackbits", () => {
  it("unpacks with axis, count (positive and negative) and little bit order", () => {
    expect(np.unpackbits(b).tolist()).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(np.unpackbits(b, { axis: 1 }).tolist()).toEqual([[0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]]);
    expect(np.unpackbits(b, { axis: 0, count: 3 }).tolist()).toEqual([[0, 1], [0, 1], [0, 1]]);
    expect(np.unpackbits(b, { count: -3 }).tolist()).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(np.unpackbits(b, { axis: 1, bitorder: "little", count: 10 }).tolist()).toEqual([[1, 0, 1, 0, 0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 1, 0, 1, 1, 0]]);
  });
  it("round-trips packbits and refuses other dtypes", () => {
    expect(np.unpackbits(np.packbits(a, { axis: 1 }), { axis: 1, count: 9 }).tolist()).toEqual(a.tolist());
    expect(() => np.unpackbits(np.array([1], { dtype: "int8" }))).toThrow("Expected an input array of unsigned byte data type");
  });
});
