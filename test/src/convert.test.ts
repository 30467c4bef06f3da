/** @file Values handed back to JavaScript: item() and tolist() (bigint option, complex, nan/-0, views), against NumPy via test/fixtures/core.json. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { py, runCases, type Cases } from "./core-fixture.js";

const a34 = () => np.arange(12).reshape(3, 4);

const cases: Cases = {
  item_0d: () => py(np.array(3.5).item()),
  item_flat: () => py(a34().item(5)),
  item_nd: () => py(a34().item(2, 1)),
  item_size_error: () => py(a34().item()),
  item_bool: () => py(np.array([true]).item()),
  item_complex: () => py(np.array([np.complex(1, -2)]).item(0)),
  tolist_2d: () => py(a34().tolist()),
  tolist_float: () => py(np.array([[0.5, NaN], [Infinity, -0]]).tolist()),
  tolist_bool: () => py(np.array([true, false]).tolist()),
  tolist_complex: () => py(np.array([np.complex(1, 2), np.complex(-0, -1)]).tolist()),
  tolist_0d: () => py(np.array(7).tolist()),
  tolist_f32: () => py(np.array([0.1], { dtype: "float32" }).tolist()),
  tolist_view: () => py(a34().get("::-1, 1::2").tolist()),
  tolist_uint64: () => py(np.array([2n ** 64n - 1n, 3n], { dtype: "uint64" }).tolist({ bigint: true })),
  tolist_int64_big: () => py(np.array([-(2n ** 63n), 2n ** 62n + 1n]).tolist({ bigint: true })),
};

runCases("conversion to JS vs NumPy", ["item_", "tolist_"], cases);

describe("conversion details", () => {
  it("int64 tolist gives numbers by default and bigints on request", () => {
    const a = np.array([1, -2, 3]);
    expect(a.tolist()).toEqual([1, -2, 3]);
    expect(a.tolist({ bigint: true })).toEqual([1n, -2n, 3n]);
    expect(np.array([5], { dtype: "uint8" }).tolist({ bigint: true })).toEqual([5]);
  });
  it("item out of range is NumPy's IndexError", () => {
    expect(() => np.arange(3).item(5)).toThrow("index 5 is out of bounds for axis 0 with size 3");
  });
  // methods.ts: item(flat) on an n-d array throws ValueError; NumPy raises IndexError
  it("item(flat) out of range on an n-d array is an IndexError", () => {
    expect(() => np.arange(6).reshape(2, 3).item(7)).toThrow(np.IndexError);
  });
  it("item and tolist evaluate pending work", () => {
    const a = np.arange(4).mul(3);
    expect(a.item(2)).toBe(6);
    expect(a.add(1).tolist()).toEqual([1, 4, 7, 10]);
  });
  it("np.array of a lazy array is a new owning array", () => {
    const a = np.arange(3).add(1);
    const b = np.array(a);
    expect(b.flags.owndata).toBe(true);
    expect(b.tolist()).toEqual([1, 2, 3]);
    expect(np.asarray(a)).toBe(a);
  });
});
