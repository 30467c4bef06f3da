/** @file astype between "U" and every numeric dtype, and np.array(strings, {dtype: number}), against NumPy (test/fixtures/str_casts.json, written by gen_str_casts.py): str() of each value as a numpy scalar, Python's int/float/complex/bool of each string, NumPy's errors. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as np from "../../src/index.js";
import { decodeValue, expectNumpyError, type Enc } from "../helpers/numpy.js";

type Result = { dtype: string; shape: number[]; values: Enc[] } | { error: string; message: string };
const fx = JSON.parse(readFileSync(new URL("../fixtures/str_casts.json", import.meta.url), "utf8")) as {
  to_str: Record<string, { values: Enc[]; str: Result; U3: Result; reversed_2d: Result }>;
  from_str: Record<string, { strings: string[]; dtype: string; astype: Result; array: Result }>;
  bad: Record<string, { strings: string[]; dtype: string; astype: Result; array: Result }>;
};

function check(fn: () => np.NDArray, want: Result): void {
  if ("error" in want) return expectNumpyError(fn, { error: want.error, msg: want.message });
  const r = fn();
  expect(r.shape).toEqual(want.shape);
  if (want.dtype.startsWith("<U")) {
    expect(r.dtype.str).toBe(want.dtype);
    expect((r.ravel().tolist() as string[])).toEqual(want.values);
    return;
  }
  expect(r.dtype.name).toBe(want.dtype);
  const got = (r.ravel().tolist() as unknown[]).map((v) => (typeof v === "object" && v !== null ? { ...(v as object) } : v));
  const exp = want.values.map((v) => decodeValue(v, want.dtype)).map((v) => (typeof v === "bigint" && v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v));
  expect(got).toEqual(exp);
}

describe("numbers to str", () => {
  for (const [dt, c] of Object.entries(fx.to_str)) {
    it(dt, () => {
      const a = np.array(c.values.map((v) => decodeValue(v, dt)) as never, { dtype: dt });
      check(() => a.astype("str"), c.str);
      check(() => a.astype("U3"), c.U3);
      check(() => np.concatenate([a, a]).get("::-1").reshape(2, -1).astype("U"), c.reversed_2d);
    });
  }
});

describe("str to numbers", () => {
  for (const [name, c] of Object.entries(fx.from_str)) {
    it(name, () => {
      check(() => np.array(c.strings).astype(c.dtype), c.astype);
      check(() => np.array(c.strings, { dtype: c.dtype }), c.array);
    });
  }
  for (const [name, c] of Object.entries(fx.bad)) {
    it(`error: ${name}`, () => {
      check(() => np.array(c.strings).astype(c.dtype), c.astype);
      check(() => np.array(c.strings, { dtype: c.dtype }), c.array);
    });
  }
});
