/** @file Shared test helpers: decode NumPy fixture values (gen_*.py encoding) and compare numfuse arrays with NumPy's results. */
import { expect } from "vitest";
import * as np from "../../src/index.js";

/**
 * One value as the fixture generators write it: floats as numbers or "nan" / "inf" / "-inf" / "-0";
 * int64 and uint64 as decimal strings; bools as booleans; complex as [re, im].
 */
export type Enc = number | string | boolean | [Enc, Enc];

/** An array as the generators write it (`enc_array`): C-order values. dtype may be "float16" (see below). */
export interface EncodedArray {
  dtype: string;
  shape: number[];
  values: Enc[];
}

export type Complex = { re: number; im: number };
export type Value = number | bigint | boolean | Complex;

/** A fixture float: a number, or "nan", "inf", "-inf", "-0". */
export function decFloat(v: unknown): number {
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "-0") return -0;
  return v as number;
}

/** The JS value numfuse uses for a fixture value of `dtype`: int64/uint64 as exact bigints. */
export function decodeValue(v: Enc, dtype: string): Value {
  if (dtype === "bool") return v as boolean;
  if (dtype.startsWith("complex")) {
    const [re, im] = v as [Enc, Enc];
    return { re: decFloat(re), im: decFloat(im) };
  }
  if (dtype === "int64" || dtype === "uint64") return BigInt(v as string);
  return decFloat(v);
}

/** A new numfuse array holding the fixture array. */
export function decodeArray(e: EncodedArray): np.NDArray {
  const dtype = e.dtype;
  const flat = e.values.map((v) => decodeValue(v, dtype));
  const a = np.array(flat as never, { dtype });
  return e.shape.length === 1 ? a : a.reshape(e.shape);
}

export interface CompareOptions {
  /** relative tolerance for float lanes, complex values relative to their modulus (0: exact, which also tells -0 from 0) */
  rtol?: number;
  /** absolute tolerance for float lanes */
  atol?: number;
}

const flatten = (x: unknown, out: unknown[] = []): unknown[] => {
  if (Array.isArray(x)) for (const y of x) flatten(y, out);
  else out.push(x);
  return out;
};

function floatClose(actual: number, expected: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (rtol === 0 && atol === 0) return Object.is(actual, expected);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

/**
 * Assert that `actual` equals NumPy's `expected`: shape, then dtype, then every value (NaN equals
 * NaN; exact unless tolerances are given; int64/uint64 compared as bigints, so exactly).
 */
export function expectArrayEqualNumpy(actual: np.NDArray, expected: EncodedArray, opts: CompareOptions = {}): void {
  expect(actual.shape, "shape").toEqual(expected.shape);
  expect(actual.dtype.name, "dtype").toBe(expected.dtype);
  const rtol = opts.rtol ?? 0;
  const atol = opts.atol ?? 0;
  const got = flatten(actual.tolist({ bigint: true }));
  const dt = actual.dtype.name;
  const want = expected.values.map((v) => decodeValue(v, dt));
  expect(got.length, "size").toBe(want.length);
  const bad: string[] = [];
  const show = (v: unknown) => (typeof v === "object" && v !== null ? `${(v as Complex).re}${(v as Complex).im < 0 || Object.is((v as Complex).im, -0) ? "" : "+"}${(v as Complex).im}j` : Object.is(v, -0) ? "-0" : String(v));
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i];
    let ok: boolean;
    if (typeof w === "object") {
      const gc = g as Complex;
      if ((rtol !== 0 || atol !== 0) && Number.isFinite(w.re) && Number.isFinite(w.im)) {
        // relative to |w|: a tiny lane next to a large one carries the large one's rounding error
        ok = Math.hypot(gc.re - w.re, gc.im - w.im) <= atol + rtol * Math.hypot(w.re, w.im);
      } else ok = floatClose(gc.re, w.re, rtol, atol) && floatClose(gc.im, w.im, rtol, atol);
    } else if (typeof w === "number") {
      ok = typeof g === "number" && floatClose(g, w, rtol, atol);
    } else ok = g === w;
    if (!ok) bad.push(`[${i}] got ${show(g)} want ${show(w)}`);
  }
  expect(bad, `values (rtol ${rtol})`).toEqual([]);
}

/** The numfuse error class for a NumPy exception name recorded by a generator. */
export function errorClass(name: string): new (...args: never[]) => Error {
  switch (name) {
    case "TypeError": return np.TypeError;
    case "ValueError": return np.ValueError;
    case "OverflowError": return np.OverflowError;
    case "AxisError": return np.AxisError;
    case "IndexError": return np.IndexError;
    default: throw new Error(`no numfuse class for ${name}`);
  }
}

/** A generator's expected outcome: an array, or NumPy's error class and message. */
export type Expected = EncodedArray | { error: string; message: string };

/** `fn`'s result equals NumPy's array (within `opts`), or `fn` throws NumPy's error exactly. */
export function expectNumpyOutcome(fn: () => np.NDArray, expected: Expected, opts: CompareOptions = {}): void {
  if ("error" in expected) expectNumpyError(fn, { error: expected.error, msg: expected.message });
  else expectArrayEqualNumpy(fn(), expected, opts);
}

/** Assert that `fn` throws NumPy's error class with NumPy's exact message. */
export function expectNumpyError(fn: () => unknown, expected: { error: string; msg: string }): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${expected.error}: ${expected.msg}`).toBeInstanceOf(errorClass(expected.error));
  expect((caught as Error).message).toBe(expected.msg);
}
