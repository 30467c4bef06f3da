/** @file ufuncReduce / ufuncAccumulate against NumPy (test/fixtures/apply.json from gen_apply.py): every binary ufunc, axes, dtype, initial, where, empty input, errors. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { ufuncAccumulate, ufuncReduce } from "../../src/ufunc-reduce.js";
import { decodeArray, expectArrayEqualNumpy, expectNumpyError, type EncodedArray } from "../helpers/numpy.js";

interface Case {
  ufunc: string;
  input: EncodedArray;
  opts: Record<string, unknown>;
  result?: EncodedArray;
  error?: string;
  msg?: string;
}
const fixture = JSON.parse(readFileSync(new URL("../fixtures/apply.json", import.meta.url), "utf8")) as { reduce: Case[]; accumulate: Case[] };

const rtolFor = (dt: string) => (dt === "float32" || dt === "complex64" ? 1e-6 : dt === "float64" || dt === "complex128" ? 1e-12 : 0);
const label = (c: Case) => `${c.ufunc} ${c.input.dtype}${JSON.stringify(c.input.shape)} ${JSON.stringify(c.opts, (k, v) => (k === "where" ? "mask" : v))}`;
const ufuncOf = (name: string) => (np as unknown as Record<string, np.NDArray>)[name] as never;


function runGroup(kind: "reduce" | "accumulate") {
  describe(kind, () => {
    for (const c of fixture[kind]) {
      it(label(c), () => {
        const opts: Record<string, unknown> = { ...c.opts };
        if (opts.where) opts.where = decodeArray(opts.where as EncodedArray);
        const fn = () => (kind === "reduce" ? ufuncReduce(ufuncOf(c.ufunc), decodeArray(c.input), opts) : ufuncAccumulate(ufuncOf(c.ufunc), decodeArray(c.input), opts));
        if (c.error === "AxisError") {
          // the shared helper has no AxisError mapping; np.AxisError is what NumPy's class maps to
          expect(fn).toThrow(np.AxisError);
          expect(fn).toThrow(c.msg!);
        } else if (c.error) expectNumpyError(fn, { error: c.error, msg: c.msg! });
        else expectArrayEqualNumpy(fn(), c.result!, { rtol: rtolFor(c.result!.dtype) });
      });
    }
  });
}
runGroup("reduce");
runGroup("accumulate");

describe("method checks and out=", () => {
  it("refuses unary and two-output ufuncs with NumPy's messages", () => {
    expectNumpyError(() => ufuncReduce(np.negative, [1, 2]), { error: "ValueError", msg: "reduce only supported for binary functions" });
    expectNumpyError(() => ufuncReduce(np.divmod as never, [1, 2]), { error: "ValueError", msg: "reduce only supported for functions returning a single value" });
    expectNumpyError(() => ufuncAccumulate(np.negative, [1, 2]), { error: "ValueError", msg: "accumulate only supported for binary functions" });
  });
  it("reduce writes into out (cast at the end, as NumPy's float loop then int out)", () => {
    const out = np.zeros([2], { dtype: "int8" });
    const r = ufuncReduce(np.subtract, np.arange(1, 7).reshape(2, 3), { axis: 1, out });
    expect(r).toBe(out);
    expect(out.dtype.name).toBe("int8");
    expect(out.tolist()).toEqual([-4, -7]);
    const o2 = np.zeros([], { dtype: "int64" });
    ufuncReduce(np.subtract, np.array([1.5, 0.4, 0.4]), { out: o2 });
    expect(o2.item()).toBe(0);
    expectNumpyError(() => ufuncReduce(np.subtract, np.arange(6).reshape(2, 3), { axis: 1, out: np.zeros([3]) }), {
      error: "ValueError", msg: "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)->(3,newaxis) (2,3) ",
    });
  });
  it("accumulate writes into out", () => {
    const out = np.zeros([3], { dtype: "int64" });
    expect(ufuncAccumulate(np.subtract, np.array([1.5, 0.4, 0.4]), { out })).toBe(out);
    expect(out.tolist()).toEqual([1, 1, 0]);
    expectNumpyError(() => ufuncAccumulate(np.subtract, np.arange(6).reshape(2, 3), { axis: 1, out: np.zeros([2, 2]) }), {
      error: "ValueError", msg: "operands could not be broadcast together with remapped shapes [original->remapped]: (2,2)->(2,2) (2,3)->(2,3) ",
    });
  });
  it("a long float64 fold runs in a typed-array loop", () => {
    const a = np.arange(200000, { dtype: "float64" });
    const t0 = performance.now();
    const r = ufuncReduce(np.subtract, a);
    expect(r.item()).toBe(-(199999 * 200000) / 2);
    expect(performance.now() - t0).toBeLessThan(500);
    const acc = ufuncAccumulate(np.subtract, a.get("0:5"));
    expect(acc.tolist()).toEqual([0, -1, -3, -6, -10]);
  });
});
