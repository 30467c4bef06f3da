/** @file Every exported ufunc against NumPy 2.x (test/fixtures/ufuncs.json from gen_ufuncs.py): dtypes, shape families, NEP 50 scalars, out=/where=/dtype=, attributes, reduce/accumulate, two-output ufuncs. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { interpret } from "../../../runtime/interp.js";
import { decodeArray, decodeValue, expectArrayEqualNumpy, expectNumpyError, type CompareOptions, type Enc, type EncodedArray } from "../../helpers/numpy.js";

/** one array, an error, or the arrays of a two-output ufunc (divmod, modf, frexp) */
type Result = EncodedArray | { error: string; msg: string } | { multi: EncodedArray[] };
const isError = (r: Result): r is { error: string; msg: string } => "error" in r;
const isMulti = (r: Result): r is { multi: EncodedArray[] } => "multi" in r;

interface Fixture {
  /** `bdt`: b's dtype where it is not the case's (ldexp's int32 exponents) */
  inputs: Record<string, Record<string, { a: Enc[]; b: Enc[]; bdt?: string }>>;
  aliases: Record<string, string>;
  cases: { u: string; dt: string; in: string; r: Result }[];
  shapes: { u: string; dt: string; in: string; family: string; r: Result }[];
  mixed: { u: string; a: EncodedArray; b: EncodedArray; r: Result }[];
  nep50: { u: string; a: EncodedArray; s: number | boolean | [number, number]; r: Result; rs: Result }[];
  options: { name: string; r: Result }[];
  attrs: { u: string; nin: number; nout: number; nargs: number; identity: number | boolean | string | null }[];
  reduce: { u: string; m: "reduce" | "accumulate" | "reduce_empty"; dt: string; axis: number | null; r: Result }[];
}

const fx = JSON.parse(readFileSync(new URL("../../fixtures/ufuncs.json", import.meta.url), "utf8")) as Fixture;
type AnyUfunc = ((...args: unknown[]) => np.NDArray | np.NDArray[]) & {
  nin: number; nout: number; nargs: number; identity: unknown;
  reduce: (a: unknown, o?: object) => np.NDArray; accumulate: (a: unknown, o?: object) => np.NDArray;
};
const U = np as unknown as Record<string, AnyUfunc>;

/** Ufuncs whose NumPy loops are correctly rounded (or exact) in float64: compared bit for bit. */
const EXACT = new Set([
  "add", "subtract", "multiply", "true_divide", "floor_divide", "remainder", "fmod", "maximum", "minimum", "fmax", "fmin",
  "copysign", "heaviside", "less", "less_equal", "greater", "greater_equal", "equal", "not_equal", "logical_and",
  "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "negative",
  "positive", "fabs", "sign", "conjugate", "sqrt", "square", "reciprocal", "floor", "ceil", "trunc", "rint", "invert",
  "logical_not", "isnan", "isinf", "isfinite", "signbit", "absolute",
  "divmod", "modf", "frexp", "ldexp", "nextafter", "spacing", "gcd", "lcm", "bitwise_count",
]);
/** exact in real arithmetic, but complex loops chain several roundings (NumPy's float32 steps vs our double ones) */
const COMPLEX_CHAINED = new Set(["multiply", "true_divide", "square", "reciprocal", "sqrt", "absolute", "sign"]);

/** Tolerance for ufunc `u` on inputs of `dt` giving `r`. */
function tolerance(u: string, dt: string, r?: Result): CompareOptions {
  // NumPy's complex64 log1p is log(hypot(1 + x, y)) in float32: it loses digits near 0 that our double
  // evaluation keeps (log1p(0.001) is 9.9950e-4 in NumPy, 9.99500e-4 here); compare at that precision
  if (u === "log1p" && dt === "complex64") return { rtol: 1e-4 };
  const out = r && !isError(r) ? (isMulti(r) ? r.multi[0].dtype : r.dtype) : dt;
  const single = out === "float32" || out === "complex64" || dt === "float32" || dt === "complex64";
  if (EXACT.has(u) && !(dt.startsWith("complex") && COMPLEX_CHAINED.has(u))) return {};
  // float16 loops compute in float32 and round once: transcendental results within one half ulp
  // (2**-10 relative; 2**-24 absolute among the subnormals)
  if (out === "float16") return { rtol: 2 ** -10, atol: 2 ** -24 };
  // transcendental loops: NumPy's SIMD/libm results are within an ulp or two of ours
  return single ? { rtol: 2e-6, atol: 1e-37 } : { rtol: 1e-12, atol: 1e-300 };
}

/** The dtype's fixture input pair as numfuse arrays. */
function inputs(set: string, dt: string): [np.NDArray, np.NDArray] {
  const s = fx.inputs[set][dt];
  const mk = (v: Enc[], d: string) => np.array(v.map((x) => decodeValue(x, d)) as never, { dtype: d });
  return [mk(s.a, dt), mk(s.b, s.bdt ?? dt)];
}

/** The shape families of gen_ufuncs.py family_inputs, built through numfuse's own views. */
function familyInputs(family: string, a: np.NDArray, b: np.NDArray): [np.NDArray, np.NDArray | null] {
  switch (family) {
    case "0d": return [a.get(3), b.get(3)];
    case "empty": return [np.zeros([0, 3], { dtype: a.dtype }), np.zeros([0, 3], { dtype: b.dtype })];
    case "bcast": return [a.get(":3").reshape(3, 1), b.get(":4")];
    case "step2": return [a.get("::2"), b.get("::2")];
    case "rev": return [a.get("::-1"), b];
    case "len1": return [a.get(":1"), b.get(":1")];
    case "T": return [a.get(":12").reshape(3, 4).T, null];
    default: throw new Error(family);
  }
}

/**
 * NumPy's result or error.
 */
function check(call: () => np.NDArray | np.NDArray[], r: Result, tol: CompareOptions = {}): void {
  if (isError(r)) {
    // value errors (negative integer powers) surface when the lazy result is computed
    expectNumpyError(() => {
      const got = call();
      for (const g of Array.isArray(got) ? got : [got]) g.eval();
    }, r);
    return;
  }
  const got = call();
  if (isMulti(r)) {
    // a JS array of the outputs, in NumPy's tuple order
    expect(Array.isArray(got), "a JS array of outputs").toBe(true);
    const gs = got as np.NDArray[];
    expect(gs.length).toBe(r.multi.length);
    r.multi.forEach((e, k) => expectArrayEqualNumpy(gs[k], e, tol));
    return;
  }
  expect(Array.isArray(got), "a single array").toBe(false);
  expectArrayEqualNumpy(got as np.NDArray, r, tol);
}

/** Cases that fail because of bugs in files this suite does not own (see the comment at each entry). */
const KNOWN: Record<string, string> = {
};

describe("ufunc x dtype (values with nan/inf/-0, wrap-around, division by zero)", () => {
  const byU = new Map<string, Fixture["cases"]>();
  for (const c of fx.cases) byU.set(c.u, [...(byU.get(c.u) ?? []), c]);
  for (const [u, cs] of byU) {
    describe(u, () => {
      for (const c of cs) {
        const key = `${u}:${c.dt}`;
        (KNOWN[key] ? it.fails : it)(c.dt, () => {
          const [a, b] = inputs(c.in, c.dt);
          const f = U[u];
          check(() => (f.nin === 1 ? f(a) : f(a, b)), c.r, tolerance(u, c.dt, c.r));
        });
      }
    });
  }
});

describe("shape families: 0-d, empty, broadcast, strided, reversed, length 1, transposed", () => {
  for (const c of fx.shapes) {
    const key = `${c.u}:${c.dt}:${c.family}`;
    (KNOWN[key] ? it.fails : it)(key, () => {
      const [a0, b0] = inputs(c.in, c.dt);
      const [a, b] = familyInputs(c.family, a0, b0);
      const f = U[c.u];
      check(() => (f.nin === 1 ? f(a) : f(a, b!)), c.r, tolerance(c.u, c.dt, c.r));
    });
  }
});

describe("mixed dtypes promote as NumPy 2", () => {
  for (const c of fx.mixed) {
    it(`${c.u}(${c.a.dtype}, ${c.b.dtype})`, () => {
      check(() => U[c.u](decodeArray(c.a), decodeArray(c.b)), c.r, tolerance(c.u, "float32", c.r));
    });
  }
});

describe("NEP 50: JS numbers are weak Python scalars", () => {
  const scalar = (s: Fixture["nep50"][number]["s"]) => (Array.isArray(s) ? np.complex(s[0], s[1]) : s);
  for (const c of fx.nep50) {
    const name = `${c.u}(${c.a.dtype}, ${JSON.stringify(c.s)})`;
    it(name, () => {
      check(() => U[c.u](decodeArray(c.a), scalar(c.s)), c.r, tolerance(c.u, c.a.dtype, c.r));
    });
    it(`${name} reversed`, () => {
      check(() => U[c.u](scalar(c.s), decodeArray(c.a)), c.rs, tolerance(c.u, c.a.dtype, c.rs));
    });
  }
});

describe("out=, where=, dtype=", () => {
  const A8 = () => np.array([1, 2, 3, 127], { dtype: "int8" });
  const B8 = () => np.array([1, -2, 3, 1], { dtype: "int8" });
  const F64 = () => np.array([0.5, -1.5, 2.0, 4.0], { dtype: "float64" });
  const MASK = () => np.array([true, false, true, false]);
  const withOut = (out: np.NDArray, call: (out: np.NDArray) => np.NDArray) => () => {
    const r = call(out);
    // NumPy returns the out array itself
    expect(r).toBe(out);
    return r;
  };
  /** two outputs: each given array (null: none given) comes back as that output */
  const withOuts = (outs: (np.NDArray | null)[], call: (outs: (np.NDArray | null)[]) => np.NDArray[]) => () => {
    const r = call(outs);
    outs.forEach((o, k) => o && expect(r[k]).toBe(o));
    return r;
  };
  const z = (dtype = "float64") => np.zeros(4, { dtype });
  const calls: Record<string, () => np.NDArray | np.NDArray[]> = {
    out_int16: withOut(np.zeros(4, { dtype: "int16" }), (o) => np.add(A8(), B8(), { out: o })),
    out_float32_from_f64: withOut(np.zeros(4, { dtype: "float32" }), (o) => np.multiply(F64(), F64(), { out: o })),
    out_int32_from_f64: withOut(np.zeros(4, { dtype: "int32" }), (o) => np.add(F64(), F64(), { out: o })),
    out_int8_from_int16: withOut(np.zeros(4, { dtype: "int8" }), (o) => np.add(A8(), B8().astype("int16"), { out: o })),
    out_unsafe: withOut(np.zeros(4, { dtype: "int32" }), (o) => np.add(F64(), F64(), { out: o, casting: "unsafe" })),
    out_bad_shape: withOut(np.zeros(3, { dtype: "int8" }), (o) => np.add(A8(), B8(), { out: o })),
    out_bcast: withOut(np.zeros([2, 4], { dtype: "int8" }), (o) => np.add(A8(), 1, { out: o })),
    out_uint8_from_int8: withOut(np.zeros(4, { dtype: "uint8" }), (o) => np.add(A8(), B8(), { out: o })),
    out_bool_from_int: withOut(np.zeros(4, { dtype: "int8" }), (o) => np.less(A8(), B8(), { out: o })),
    where_out: withOut(np.full(4, 9, { dtype: "int8" }), (o) => np.add(A8(), B8(), { out: o, where: MASK() })),
    where_bcast: withOut(np.full(4, -1, { dtype: "float64" }), (o) => np.multiply(F64(), 2, { out: o, where: np.array(true) })),
    where_unary: withOut(np.full(4, 7, { dtype: "float64" }), (o) => np.sqrt(F64(), { out: o, where: MASK() })),
    dtype_int16: () => np.add(A8(), B8(), { dtype: "int16" }),
    dtype_float64_sqrt: () => np.sqrt(A8(), { dtype: "float64" }),
    dtype_float32: () => np.true_divide(A8(), B8(), { dtype: "float32" }),
    dtype_int32_from_f64: () => np.add(F64(), F64(), { dtype: "int32" }),
    dtype_bool_less: () => np.less(A8(), B8(), { dtype: "int16" }),
    divmod_out_tuple: withOuts([z(), z("float32")], (o) => np.divmod(F64(), 1.5, { out: o })),
    divmod_out_none: withOuts([null, z("int16")], (o) => np.divmod(A8(), B8(), { out: o })),
    divmod_out_positional: withOuts([z("int32"), z("int32")], (o) => np.divmod(A8(), B8(), o[0], o[1])),
    divmod_out_not_tuple: () => np.divmod(A8(), B8(), { out: z("int8") }),
    divmod_out_short_tuple: () => np.divmod(A8(), B8(), { out: [z("int8")] }),
    divmod_out_both: () => np.divmod(A8(), B8(), z("int8"), { out: [null, null] }),
    divmod_where: withOuts([np.full(4, 9, { dtype: "float64" }), np.full(4, 8, { dtype: "float64" })], (o) => np.divmod(F64(), 2.0, { out: o, where: MASK() })),
    divmod_dtype: () => np.divmod(A8(), B8(), { dtype: "float32" }),
    divmod_bad_cast: () => np.divmod(F64(), F64(), { out: [z(), z("int32")] }),
    modf_out_tuple: withOuts([z("float32"), z()], (o) => np.modf(F64(), { out: o })),
    modf_too_many: () => (np.modf as unknown as AnyUfunc)(F64(), z(), z(), z()),
    frexp_dtype: () => np.frexp(F64(), { dtype: "float32" }),
    frexp_out_int16: withOuts([z(), z("int16")], (o) => np.frexp(F64(), { out: o })),
    frexp_out_float: withOuts([z(), z()], (o) => np.frexp(F64(), { out: o })),
    ldexp_dtype: () => np.ldexp(F64(), A8(), { dtype: "float64" }),
    ldexp_uint64: () => np.ldexp(F64(), np.array([1, 2, 3, 4], { dtype: "uint64" })),
    ldexp_float_exp: () => np.ldexp(F64(), F64()),
    ldexp_out_where: withOut(np.full(4, -1, { dtype: "float64" }), (o) => np.ldexp(F64(), A8(), { out: o, where: MASK() })),
    gcd_int64_uint64: () => np.gcd(A8().astype("int64"), A8().astype("uint64")),
    gcd_float: () => np.gcd(F64(), A8()),
    gcd_bool: () => np.gcd(MASK(), MASK()),
    gcd_weak_float: () => np.gcd(2.5, A8()),
    bitwise_count_float: () => np.bitwise_count(F64()),
    radians_complex: () => np.radians(F64().astype("complex128")),
  };
  for (const c of fx.options) {
    it(c.name, () => {
      expect(calls[c.name], "a numfuse call for every fixture case").toBeDefined();
      check(calls[c.name], c.r);
    });
  }
  it("out= given positionally", () => {
    const o = np.zeros(4, { dtype: "int16" });
    expect(np.add(A8(), B8(), o)).toBe(o);
    // the loop is int8 (from the inputs): 127 + 1 wraps before the cast to int16, as in NumPy
    expect(o.tolist()).toEqual([2, 0, 6, -128]);
  });
  it("out= that aliases an input", () => {
    const a = np.array([1, 2, 3, 4], { dtype: "float64" });
    const before = np.multiply(a, 2);
    np.add(a, a.get("::-1"), { out: a });
    expect(a.tolist()).toEqual([5, 5, 5, 5]);
    expect(before.tolist()).toEqual([2, 4, 6, 8]);
  });
});

describe("ufunc attributes", () => {
  for (const c of fx.attrs) {
    it(c.u, () => {
      const f = U[c.u];
      expect([f.nin, f.nout, f.nargs]).toEqual([c.nin, c.nout, c.nargs]);
      const want = c.identity === "-inf" ? -Infinity : c.identity === "inf" ? Infinity : c.identity;
      expect(f.identity).toBe(want);
    });
  }
  it("aliases are the same objects", () => {
    for (const [alias, name] of Object.entries(fx.aliases)) expect(U[alias], alias).toBe(U[name]);
  });
});

describe("reduce and accumulate", () => {
  const RED: Record<string, unknown[]> = {
    bool: [true, false, true, true, true, true, false, true, true, true, true, true],
    int8: [1, 2, 3, 100, -5, 6, 7, 100, 9, 10, -11, 12],
    int32: [1, -2, 3, 4, 5, 6, -7, 8, 9, 10, 11, 0],
    uint8: [1, 2, 3, 200, 5, 6, 7, 200, 9, 10, 11, 0],
    int64: [1, -2, 3, 4, 5, 6, -7, 8, 9, 10, 11, 12],
    float16: [0.5, -1.5, 2.25, 4.0, 1e-3, 6.5, -7.0, 8.0, 9.0, 10.0, 0.1, 12.0],
    float32: [0.5, -1.5, 2.25, 4.0, 1e-3, 6.5, -7.0, 8.0, 9.0, 10.0, 0.1, 12.0],
    float64: [0.5, -1.5, 2.25, NaN, 1e-3, 6.5, -7.0, 8.0, 9.0, -0, 0.1, 12.0],
    complex128: [np.complex(1, 1), 2, np.complex(3, -1), np.complex(0, 0.5), 1, 2, 3, 4, np.complex(0, 1), -1, np.complex(2, 2), 1],
  };
  for (const c of fx.reduce) {
    const name = `${c.u}.${c.m}(${c.dt}, axis=${c.axis})`;
    (KNOWN[name] ? it.fails : it)(name, () => {
      const a = c.m === "reduce_empty" ? np.zeros([0, 3], { dtype: c.dt }) : np.array(RED[c.dt] as never, { dtype: c.dt }).reshape(3, 4);
      const f = U[c.u];
      const tol = c.dt === "float32" || c.dt === "complex64" ? { rtol: 1e-6 } : c.dt.startsWith("f") || c.dt.startsWith("c") ? { rtol: 1e-14 } : {};
      check(() => (c.m === "accumulate" ? f.accumulate(a, { axis: c.axis }) : f.reduce(a, { axis: c.axis })), c.r, tol);
    });
  }
});

describe("the reference interpreter agrees with the compiled kernels on the new primitives", () => {
  const NEW = new Set(["divmod", "modf", "frexp", "ldexp", "nextafter", "spacing", "gcd", "lcm", "bitwise_count"]);
  const same = (a: unknown, b: unknown) => Object.is(a, b) || (typeof a === "number" && typeof b === "number" && a !== a && b !== b);
  const flat = (x: unknown): unknown[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);
  for (const c of fx.cases) {
    if (!NEW.has(c.u) || isError(c.r)) continue;
    it(`${c.u}:${c.dt}:${c.in}`, () => {
      const [a, b] = inputs(c.in, c.dt);
      const f = U[c.u];
      const got = f.nin === 1 ? f(a) : f(a, b);
      for (const g of Array.isArray(got) ? got : [got]) {
        // interpret the lazy graph first: evaluating replaces the array's node by a load of its result
        const ref = interpret(g._node).values;
        const vals = flat(g.tolist());
        const bad = ref.flatMap((v, i) => (same(vals[i], v) ? [] : [`[${i}] ${String(vals[i])} vs ${String(v)}`]));
        expect(bad).toEqual([]);
      }
    });
  }
});

describe("special cases named in NumPy's docs", () => {
  it("integer to a negative integer power raises ValueError", () => {
    expectNumpyError(() => np.power(np.array([2, 3]), np.array([1, -1])).eval(), { error: "ValueError", msg: "Integers to negative integer powers are not allowed." });
  });
  it("uint8 + 300 raises OverflowError", () => {
    expectNumpyError(() => np.add(np.array([1], { dtype: "uint8" }), 300), { error: "OverflowError", msg: "Python integer 300 out of bounds for uint8" });
  });
  it("two-output ufuncs destructure, and divmod(a, b) equals (a // b, a % b)", () => {
    const a = np.array([7, -7, 5, 0], { dtype: "int16" }), b = np.array([2, 2, -3, 0], { dtype: "int16" });
    const [q, r] = np.divmod(a, b);
    expect(q.tolist()).toEqual(np.floor_divide(a, b).tolist());
    expect(r.tolist()).toEqual(np.remainder(a, b).tolist());
    const [m, e] = np.frexp(np.array([8, 0.375], { dtype: "float64" }));
    expect([m.tolist(), e.tolist(), e.dtype.name]).toEqual([[0.5, 0.75], [4, -1], "int32"]);
    expect(np.ldexp(m, e).tolist()).toEqual([8, 0.375]);
  });
  it("divmod out= aliasing an input still reads the inputs before writing", () => {
    const a = np.array([7, -7.5, 3], { dtype: "float64" });
    const rem = np.zeros(3);
    np.divmod(a, 2, { out: [a, rem] });
    expect([a.tolist(), rem.tolist()]).toEqual([[3, -4, 1], [1, 0.5, 1]]);
  });
  it("np.radians and np.degrees are their own ufunc objects (NumPy names them in messages)", () => {
    expect(np.radians === np.deg2rad).toBe(false);
    expect([np.radians.__name__, np.degrees.__name__, np.divide.__name__]).toEqual(["radians", "degrees", "divide"]);
    expect(np.radians(np.array([180], { dtype: "float64" })).tolist()).toEqual(np.deg2rad(np.array([180], { dtype: "float64" })).tolist());
  });
  it("a lone ufunc call with too many arguments is a TypeError", () => {
    expect(() => np.sqrt(np.array([1.0]), np.array([1.0]), np.array([1.0]))).toThrow(np.TypeError);
  });
});
