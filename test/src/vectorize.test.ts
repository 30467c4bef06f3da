/** @file np.vectorize / np.frompyfunc against NumPy (test/fixtures/methods.json), plus fusion of inlined functions and bit-for-bit agreement of the inlined and per-element paths. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { frompyfunc, vectorize, vectorizePath } from "../../src/vectorize.js";
import { runCases, type Cases } from "./core-fixture.js";

type NDArray = np.NDArray;
const fl = (shape: number[]) => np.arange(shape.reduce((p, n) => p * n, 1), { dtype: "float64" }).mul(0.75).sub(2).reshape(shape);
const V = (f: (...a: never[]) => unknown, o: Parameters<typeof vectorize>[1] = {}) => vectorize(f, o) as unknown as (...a: unknown[]) => NDArray;

const cases: Cases = {
  vec_poly: () => V((x: number, y: number) => x * x + y)(fl([2, 3]), fl([3])),
  vec_poly_int_in: () => V((x: number, y: number) => x * x + y, { otypes: ["float64"] })(np.arange(6).reshape(2, 3), 0.5),
  vec_otypes_int: () => V((x: number) => x * 3 - 1, { otypes: "l" })(np.arange(5)),
  vec_otypes_f32: () => V((x: number) => x / 3, { otypes: [np.float32] })(fl([4])),
  vec_leaky: () => V((x: number) => (x > 0 ? x : 0.1 * x))(fl([7])),
  vec_cmp: () => V((x: number, y: number) => x < y)(fl([5]), 0.0),
  vec_logic: () => V((x: number, y: number) => x > -1.5 && y < -1)(fl([3, 1]), fl([4])),
  vec_fmod_pow: () => V((x: number) => (x % 1.5) + x ** 2)(fl([6])),
  vec_math: { fn: () => V((x: number) => Math.sin(x) + Math.sqrt(Math.abs(x)) + Math.exp(-x * x))(fl([6])), rtol: 1e-12 },
  vec_bool_in: () => V((x: boolean) => !x)(np.array([true, false, true])),
  vec_scalar: () => V((x: number, y: number) => x * y)(3.5, 2.0),
  vec_empty: () => V((x: number) => x + 1)(np.zeros([0])),
  vec_empty_otypes: () => V((x: number) => x + 1, { otypes: "d" })(np.zeros([2, 0])),
  vec_broadcast_err: () => V((x: number, y: number) => x + y)(np.zeros([3]), np.zeros([4])),
  vec_two_out: () => V((x: number) => [x + 1, x * 2])(fl([4])) as unknown as NDArray[],
  vec_complex_in: () => V((z: { re: number; im: number }) => ({ re: z.re * 2, im: z.im * 2 }))(np.array([np.complex(1, 2), np.complex(0, -3)])),
  vec_signature: () => V((a: NDArray, b: NDArray) => a.mul(b).sum(), { signature: "(n),(n)->()" })(fl([2, 3]), fl([3])),
};
runCases("vectorize vs NumPy", ["vec_"], cases, "methods");

/** the same function made opaque to the inliner (a closure over an outer variable) */
const zero = 0;
const bits = (a: NDArray) => Array.from(new Float64Array(new Float64Array((a.astype("float64").tolist() as number[])).buffer));

describe("inlining", () => {
  it("x * x + y then .add(1) is one kernel and equals the per-element path bit for bit", () => {
    const f = vectorize((x: number, y: number) => x * x + y);
    expect(vectorizePath(f)).toBe("inlined");
    const a = np.linspace(-3, 3, 101), b = np.linspace(1, 2, 101);
    const r = (f(a, b) as NDArray).add(1);
    expect(np.compile(r).kernels.length).toBe(1);
    expect(r.explain()).toContain("multiply");
    const g = vectorize((x: number, y: number) => x * x + y + zero);
    expect(vectorizePath(g)).toBe("per-element");
    const s = g(a, b) as NDArray;
    expect(vectorizePath(s)).toBe("per-element");
    expect(bits((f(a, b) as NDArray))).toEqual(bits(s));
  });

  // every construct the inliner accepts, on values that hit the edges of JS semantics (NaN, +-0, +-Infinity, halves)
  const edge = [NaN, 0, -0, 1, -1, 0.5, -0.5, 1.5, -2.5, 2, 3.7, -3.7, Infinity, -Infinity, 1e300, -1e-300, 0.49999999999999994];
  const xs = np.array(edge.flatMap((x) => edge.map(() => x)));
  const ys = np.array(edge.flatMap(() => edge));
  const fns: [string, (x: number, y: number) => number | boolean][] = [
    ["arith", (x, y) => (x + y) * (x - y) / (y || 3) - -x],
    ["fmod", (x, y) => x % y],
    ["pow", (x, y) => x ** y],
    ["Math.pow", (x, y) => Math.pow(x, y)],
    ["max", (x, y) => Math.max(x, y)],
    ["min3", (x, y) => Math.min(x, y, -0)],
    ["round", (x) => Math.round(x)],
    ["sign", (x) => Math.sign(x)],
    ["cmp", (x, y) => x <= y || x === y],
    ["not", (x) => !x],
    ["and_num", (x, y) => x && y],
    ["or_num", (x, y) => x || y],
    ["cond", (x, y) => (x > y ? Math.floor(x) : Math.ceil(y) + Math.trunc(x))],
    ["trig", (x, y) => Math.atan2(x, y) + Math.hypot(x, y) + Math.tanh(x) + Math.PI],
    ["logs", (x) => Math.log1p(x) + Math.log2(Math.abs(x)) + Math.cbrt(x) + Math.expm1(-x)],
    ["neq", (x, y) => x !== y],
    ["consts", (x) => x * Math.SQRT2 + Infinity * 0 + NaN],
  ];
  for (const [name, fn] of fns) {
    it(`${name}: inlined equals JS per element, bit for bit`, () => {
      const v = vectorize(fn);
      expect(vectorizePath(v)).toBe("inlined");
      const r = v(xs, ys) as NDArray;
      const ref = edge.flatMap((x) => edge.map((y) => fn(x, y)));
      const got = r.tolist() as (number | boolean)[];
      expect(got.length).toBe(ref.length);
      got.forEach((g, i) => expect(Object.is(g, ref[i]), `${name}(${xs.item(i)}, ${ys.item(i)}): ${g} vs ${ref[i]}`).toBe(true));
    });
  }

  it("function declarations with a single return are inlined; anything else falls back", () => {
    expect(vectorizePath(vectorize(function (x: number) { return x * 2; }))).toBe("inlined");
    expect(vectorizePath(vectorize((x: number) => { const y = x * 2; return y; }))).toBe("per-element");
    expect(vectorizePath(vectorize(Math.sqrt))).toBe("per-element");
    expect(vectorizePath(vectorize((x: number) => Math.random() * x))).toBe("per-element");
    expect(vectorizePath(vectorize((x: number) => String(x).length))).toBe("per-element");
    expect(vectorizePath(vectorize((x: number) => (x > 0 ? x : false)))).toBe("per-element");
    const r = vectorize((x: number) => { const y = x * 2; return y; })(np.arange(3)) as NDArray;
    expect(r.dtype.name).toBe("float64");
    expect(r.tolist()).toEqual([0, 2, 4]);
  });

  it("otypes casts both paths through the same cast", () => {
    const a = np.array([1.7, -1.7, 300.5, NaN]);
    const f = vectorize((x: number) => x * 2, { otypes: ["int8"] });
    const g = vectorize((x: number) => x * 2 + zero, { otypes: ["int8"] });
    expect((f(a) as NDArray).tolist()).toEqual((g(a) as NDArray).tolist());
    expect((f(a) as NDArray).dtype.name).toBe("int8");
  });

  it("frompyfunc: nin, nout, identity, several outputs", () => {
    const u = frompyfunc((x: number, y: number) => [x + y, x * y], 2, 2);
    expect([u.nin, u.nout, u.nargs, u.identity]).toEqual([2, 2, 4, null]);
    const [s, p] = u(np.array([1, 2]), np.array([3, 4])) as NDArray[];
    expect([s.tolist(), p.tolist()]).toEqual([[4, 6], [3, 8]]);
    expect(() => u(np.array([1]))).toThrow(np.TypeError);
    const w = frompyfunc((x: number) => x > 1, 1, 1);
    expect((w([0, 2, 3]) as NDArray).tolist()).toEqual([false, true, true]);
  });
});
