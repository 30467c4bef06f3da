import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";

// NumPy 2.4's result dtypes (printed by python for the same calls): a Python scalar of a higher
// kind than every array (1.5 with ints, 1 with bools) stands for its default dtype in the loop
// search of float-only ufuncs; otherwise it stays weak.
const EXPECTED: Record<string, [string, string[]]> = {
  b: ["bool", ["float64", "float64", "float64", "float16", "float16", "float16"]],
  i1: ["int8", ["float16", "float64", "float16", "float16", "float16", "float16"]],
  u1: ["uint8", ["float16", "float64", "float16", "float16", "float16", "float16"]],
  i2: ["int16", ["float32", "float64", "float32", "float32", "float32", "float32"]],
  f2: ["float16", ["float16", "float16", "float16", "float16", "float16", "float16"]],
  f4: ["float32", ["float32", "float32", "float32", "float32", "float32", "float32"]],
  i8: ["int64", ["float64", "float64", "float64", "float64", "float64", "float64"]],
};

describe("float ufunc loops with Python scalars (NEP 50)", () => {
  for (const [key, [dtype, want]] of Object.entries(EXPECTED)) {
    it(`${dtype}: arctan2(a, 1), (a, 1.5), (1, a), (a, true), sqrt(a), hypot(a, a)`, () => {
      const a = np.array(dtype === "bool" ? [true] : [1], { dtype });
      const got = [np.arctan2(a, 1), np.arctan2(a, 1.5), np.arctan2(1, a), np.arctan2(a, true), np.sqrt(a), np.hypot(a, a)];
      expect(got.map((x) => x.dtype.name), key).toEqual(want);
    });
  }
  it("np.angle of a bool array is float64, as NumPy's", () => {
    expect(np.angle(np.array([true, false])).dtype.name).toBe("float64");
    expect(np.arctan2(1, 2).dtype.name).toBe("float64");
  });
});
