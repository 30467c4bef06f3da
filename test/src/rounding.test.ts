/** @file np.round / np.around / ndarray.round and np.fix against NumPy 2.x (test/fixtures/rounding.json from gen_rounding.py): every dtype, decimals from -20 to 300, out=, scalars; plus the reference interpreter on the same graphs. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { interpret } from "../../runtime/interp.js";
import { decodeValue, expectArrayEqualNumpy, expectNumpyError, type Enc, type EncodedArray } from "../helpers/numpy.js";

type Result = EncodedArray | { error: string; msg: string };
const isError = (r: Result): r is { error: string; msg: string } => "error" in r;

interface Fixture {
  inputs: Record<string, Enc[]>;
  round: { dt: string; d: number; r: Result }[];
  fix: { dt: string; r: Result }[];
  out: { name: string; r: Result }[];
  other: { name: string; r: Result }[];
}

const fx = JSON.parse(readFileSync(new URL("../fixtures/rounding.json", import.meta.url), "utf8")) as Fixture;

const input = (dt: string) => np.array(fx.inputs[dt].map((x) => decodeValue(x, dt)) as never, { dtype: dt });

/** Rounding is exact in NumPy's steps, so every value is compared bit for bit (-0 included). */
function check(call: () => np.NDArray, r: Result): void {
  if (isError(r)) {
    expectNumpyError(() => call().eval(), r);
    return;
  }
  expectArrayEqualNumpy(call(), r);
}

const same = (a: unknown, b: unknown): boolean => {
  if (typeof a === "object" && a && typeof b === "object" && b) {
    const p = a as { re: number; im: number }, q = b as { re: number; im: number };
    return same(p.re, q.re) && same(p.im, q.im);
  }
  return Object.is(a, b) || (typeof a === "number" && typeof b === "number" && a !== a && b !== b);
};
const flat = (x: unknown): unknown[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);

describe("np.round(a, decimals) for every dtype", () => {
  for (const c of fx.round) {
    it(`${c.dt}, decimals=${c.d}`, () => check(() => np.round(input(c.dt), c.d), c.r));
  }
});

describe("np.fix", () => {
  for (const c of fx.fix) it(c.dt, () => check(() => np.fix(input(c.dt)), c.r));
});

describe("round with out=", () => {
  const F64 = () => np.array([2.675, -1.25, 12345.678, NaN], { dtype: "float64" });
  const I16 = () => np.array([125, -135, 32767, 4], { dtype: "int16" });
  const z = (dtype: string) => np.zeros(4, { dtype });
  const into = (out: np.NDArray, call: (o: np.NDArray) => np.NDArray) => () => {
    const r = call(out);
    expect(r).toBe(out);
    return r;
  };
  const calls: Record<string, () => np.NDArray> = {
    f64_to_f32: into(z("float32"), (o) => np.round(F64(), 2, o)),
    f64_neg_to_f64: into(z("float64"), (o) => np.round(F64(), -2, { out: o })),
    int_neg_to_f64: into(z("float64"), (o) => np.round(I16(), -1, { out: o })),
    int_neg_to_int: into(z("int16"), (o) => np.round(I16(), -1, { out: o })),
    int_pos_to_int32: into(z("int32"), (o) => np.round(I16(), 2, { out: o })),
    f64_zero_to_f32: into(z("float32"), (o) => np.round(F64(), 0, { out: o })),
    f64_to_int: into(z("int64"), (o) => np.round(F64(), 1, { out: o })),
    c128_to_c64: into(z("complex64"), (o) => np.round(F64().astype("complex128").mul(np.complex(1, 1)), 1, { out: o })),
    bool_to_f64: into(z("float64"), (o) => np.round(np.array([true, false, true, true]), 1, { out: o })),
    fix_out: into(z("float64"), (o) => np.fix(F64(), { out: o })),
    fix_out_f32: into(z("float32"), (o) => np.fix(F64(), o)),
  };
  for (const c of fx.out) {
    it(c.name, () => {
      expect(calls[c.name], "a numfuse call for every fixture case").toBeDefined();
      check(calls[c.name], c.r);
    });
  }
});

describe("scalars, np.around, ndarray.round", () => {
  const F64 = () => np.array([2.675, -1.25, 12345.678, NaN], { dtype: "float64" });
  const calls: Record<string, () => np.NDArray> = {
    // NumPy's own steps: 2.675 * 100 is exactly 267.5 in doubles, which rint takes to 268 (Python's round gives 2.67)
    scalar_2675: () => np.round(2.675, 2),
    scalar_half: () => np.round(0.5),
    scalar_int: () => np.round(1234, -2),
    around: () => np.around(F64(), 1),
    method: () => F64().round(1),
    method_neg: () => np.array([125, -135, 32767, 4], { dtype: "int16" }).round(-2),
    decimals_float: () => np.round(F64(), 1.5),
    fix_complex: () => np.fix(np.array([np.complex(1.5, 1)])),
    fix_2d: () => np.fix(np.array([[-1.7, 2.7], [0.2, -0.2]])),
  };
  for (const c of fx.other) {
    it(c.name, () => {
      expect(calls[c.name], "a numfuse call for every fixture case").toBeDefined();
      check(calls[c.name], c.r);
    });
  }
  it("decimals as an option, and ints rounded to decimals >= 0 are a new array", () => {
    const a = np.array([1, 2, 3]);
    const r = np.round(a, { decimals: 1 });
    expect(r === a).toBe(false);
    a.set(0, 100);
    expect(r.tolist()).toEqual([1, 2, 3]);
    expect(np.round(np.array([1.25, 1.35]), { decimals: 1 }).tolist()).toEqual([1.2, 1.4]);
  });
  it("fuses with the work around it: one kernel for (a * 3).round(2) + 1", () => {
    const a = np.array([0.1, 0.2, 0.3], { dtype: "float64" });
    const r = np.add(a.mul(3).round(2), 1);
    expect(np.compile(r).kernels.length).toBe(1);
    expect(r.tolist()).toEqual([1.3, 1.6, 1.9]);
  });
});

describe("the reference interpreter agrees with the compiled rounding kernels", () => {
  for (const dt of ["int8", "uint32", "float32", "float64", "complex64", "complex128"]) {
    for (const d of [-2, 1, 3]) {
      it(`${dt}, decimals=${d}`, () => {
        const r = np.round(input(dt), d);
        const ref = interpret(r._node);
        const got = flat(r.tolist());
        expect(ref.values.length).toBe(got.length);
        ref.values.forEach((v, i) => expect(same(got[i], v), `[${i}] ${String(got[i])} vs ${JSON.stringify(v)}`).toBe(true));
      });
    }
  }
});
