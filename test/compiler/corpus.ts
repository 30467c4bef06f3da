/** @file The differential corpus: graphs built through the public API, shared by the differential, kernel-source and golden tests so every plan they compile is checked both for values and for source. */
import * as np from "../../src/index.js";

type NDArray = np.NDArray;

export interface Case {
  name: string;
  /** inputs for a seed: seed 1 is the main run, seed 2 gives other values with the same shapes, dtypes and layouts */
  make: (seed: number) => NDArray[];
  /** the graph; must not read values (np.jit traces it) */
  fn: (...xs: NDArray[]) => NDArray | NDArray[];
}

/** mulberry32: small, deterministic, good enough to spread test values */
function rng(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const count = (shape: readonly number[]) => shape.reduce((p, n) => p * n, 1);
const shaped = (flat: NDArray, shape: readonly number[]) => (shape.length === 1 ? flat : flat.reshape([...shape]));

const SPECIAL = [NaN, Infinity, -Infinity, -0, 0, 0.5, -0.5, 1.5, -2.5];

/** floats in [lo, hi); with `special`, every fifth value is NaN, ±inf, ±0 or a half. */
export function F(shape: readonly number[], seed: number, o: { dtype?: string; lo?: number; hi?: number; special?: boolean } = {}): NDArray {
  const r = rng(seed), lo = o.lo ?? -3, hi = o.hi ?? 3;
  const vals = Array.from({ length: count(shape) }, (_, i) => (o.special && i % 5 === 2 ? SPECIAL[Math.floor(r() * SPECIAL.length)] : lo + (hi - lo) * r()));
  if (shape.length === 0) return np.array(vals[0], { dtype: o.dtype ?? "float64" });
  return shaped(np.array(vals, { dtype: o.dtype ?? "float64" }), shape);
}

/** integers in [lo, hi] */
export function I(shape: readonly number[], seed: number, dtype = "int64", lo = -50, hi = 50): NDArray {
  const r = rng(seed);
  const vals = Array.from({ length: count(shape) }, () => lo + Math.floor((hi - lo + 1) * r()));
  if (shape.length === 0) return np.array(vals[0], { dtype });
  return shaped(np.array(vals, { dtype }), shape);
}

/** integers in [lo, hi] that are never zero (divisors) */
export function NZ(shape: readonly number[], seed: number, dtype = "int64", lo = -9, hi = 9): NDArray {
  const r = rng(seed);
  const vals = Array.from({ length: count(shape) }, () => {
    const v = lo + Math.floor((hi - lo + 1) * r());
    return v === 0 ? 1 : v;
  });
  return shaped(np.array(vals, { dtype }), shape);
}

export function B(shape: readonly number[], seed: number, p = 0.5): NDArray {
  const r = rng(seed);
  return shaped(np.array(Array.from({ length: count(shape) }, () => r() < p), { dtype: "bool" }), shape);
}

export function Z(shape: readonly number[], seed: number, dtype = "complex128"): NDArray {
  const r = rng(seed);
  const vals = Array.from({ length: count(shape) }, () => np.complex(-2 + 4 * r(), -2 + 4 * r()));
  return shaped(np.array(vals, { dtype }), shape);
}

const s = (seed: number, k: number) => seed * 1000 + k;

export const CORPUS: Case[] = [
  // ---- elementwise chains, one per dtype family ----
  { name: "f64 chain", make: (z) => [F([100], s(z, 1)), F([100], s(z, 2)), F([100], s(z, 3))], fn: (a, b, c) => np.exp(a.mul(b).add(c).sub(1)).div(2).neg() },
  { name: "f64 1000x3", make: (z) => [F([1000, 3], s(z, 1)), F([1000, 3], s(z, 2))], fn: (a, b) => a.mul(b).add(np.sin(a)) },
  { name: "f32 chain", make: (z) => [F([64], s(z, 1), { dtype: "float32" }), F([64], s(z, 2), { dtype: "float32" }), F([64], s(z, 3), { dtype: "float32" })], fn: (a, b, c) => a.mul(b).add(c).mul(0.5) },
  { name: "f32 transcendental", make: (z) => [F([50], s(z, 1), { dtype: "float32" }), F([50], s(z, 2), { dtype: "float32" })], fn: (a, b) => np.sin(a).mul(np.cos(b)).add(np.sqrt(np.abs(a))).sub(np.tanh(b)) },
  { name: "f64 unary zoo", make: (z) => [F([40], s(z, 1), { lo: 0.1, hi: 0.9 })], fn: (a) => np.log1p(a).add(np.expm1(a)).add(np.arcsin(a)).add(np.arctanh(a)).add(np.cbrt(a)).add(np.log2(a)).add(np.exp2(a)).add(np.log10(a)) },
  { name: "f64 rounding", make: (z) => [F([45], s(z, 1), { special: true, lo: -4, hi: 4 })], fn: (a) => [np.floor(a), np.ceil(a), np.trunc(a), np.rint(a), np.sign(a)] },
  { name: "f64 floor_divide remainder", make: (z) => [F([30], s(z, 1), { lo: -10, hi: 10 }), F([30], s(z, 2), { lo: -4, hi: 4 })], fn: (a, b) => np.floor_divide(a, b).add(np.remainder(a, b)).add(np.fmod(a, b)) },
  { name: "f64 predicates", make: (z) => [F([40], s(z, 1), { special: true })], fn: (a) => [np.isnan(a), np.isinf(a), np.isfinite(a), np.signbit(a)] },
  { name: "f64 nan-aware max min", make: (z) => [F([40], s(z, 1), { special: true }), F([40], s(z, 2), { special: true })], fn: (a, b) => [np.maximum(a, b), np.minimum(a, b), np.fmax(a, b), np.fmin(a, b)] },
  { name: "f64 binary zoo", make: (z) => [F([30], s(z, 1)), F([30], s(z, 2))], fn: (a, b) => np.hypot(a, b).add(np.arctan2(a, b)).add(np.logaddexp(a, b)).add(np.copysign(a, b)).add(np.heaviside(a, 0.5)) },
  { name: "f64 power", make: (z) => [F([30], s(z, 1), { lo: 0.1, hi: 3 }), F([30], s(z, 2))], fn: (a, b) => np.power(a, b).add(a.pow(2)).add(np.square(b)) },
  { name: "i32 arithmetic", make: (z) => [I([60], s(z, 1), "int32", -1000, 1000), NZ([60], s(z, 2), "int32")], fn: (a, b) => a.mul(b).add(np.floor_divide(a, b)).sub(np.remainder(a, b)) },
  { name: "i32 wrap", make: (z) => [I([40], s(z, 1), "int32", -2e9, 2e9), I([40], s(z, 2), "int32", -2e9, 2e9)], fn: (a, b) => a.add(b).mul(a).sub(b) },
  { name: "i8 wrap", make: (z) => [I([50], s(z, 1), "int8", -128, 127), I([50], s(z, 2), "int8", -128, 127), I([50], s(z, 3), "int8", -128, 127)], fn: (a, b, c) => a.mul(b).add(c) },
  { name: "u8 wrap", make: (z) => [I([50], s(z, 1), "uint8", 0, 255), I([50], s(z, 2), "uint8", 0, 255)], fn: (a, b) => [a.sub(b), np.negative(a), a.mul(b).add(7)] },
  { name: "i16 weak scalar wrap", make: (z) => [I([40], s(z, 1), "int16", -32768, 32767)], fn: (a) => a.mul(300).add(12345) },
  { name: "u32 wrap", make: (z) => [I([40], s(z, 1), "uint32", 0, 4294967295), I([40], s(z, 2), "uint32", 0, 4294967295)], fn: (a, b) => [a.mul(b), a.add(b), a.sub(b)] },
  { name: "i64 exact", make: (z) => [I([40], s(z, 1), "int64", -1e6, 1e6), I([40], s(z, 2), "int64", -1e6, 1e6), NZ([40], s(z, 3), "int64", -1000, 1000)], fn: (a, b, c) => a.mul(b).add(c).sub(np.floor_divide(a, c)).add(np.remainder(b, c)) },
  { name: "u16 chain", make: (z) => [I([40], s(z, 1), "uint16", 0, 65535), I([40], s(z, 2), "uint16", 0, 65535), I([40], s(z, 3), "uint16", 0, 65535)], fn: (a, b, c) => a.mul(b).add(c).sub(a) },
  // exact wraps: powers of two stay exact doubles, so the 2**63 overflow is NumPy's bit for bit
  { name: "i64 u64 wrap", make: (z) => [np.array([2 ** 62, -(2 ** 62), 2 ** 61 * z, 3 * z, -(2 ** 63)], { dtype: "int64" }), np.array([0, 1, 2 ** 40, 7 * z, 2 ** 63], { dtype: "uint64" })], fn: (a, u) => [a.mul(2), np.negative(a), u.sub(3), u.mul(2)] },
  { name: "u64 add", make: (z) => [I([30], s(z, 1), "uint64", 0, 1e12), I([30], s(z, 2), "uint64", 0, 1e12)], fn: (a, b) => a.add(b).mul(3) },
  { name: "int power", make: (z) => [I([30], s(z, 1), "int64", -20, 20), I([30], s(z, 2), "int32", -40, 40), I([30], s(z, 3), "int32", 0, 9)], fn: (a, b, e) => [a.pow(3), np.power(b, e)] },
  { name: "shifts", make: (z) => [I([30], s(z, 1), "int32", -1000, 1000), I([30], s(z, 2), "int32", 0, 12), I([30], s(z, 3), "int16", -30000, 30000)], fn: (a, k, h) => [np.left_shift(a, k), np.right_shift(a, k), np.right_shift(h, 3)] },
  { name: "i64 bitwise", make: (z) => [I([30], s(z, 1), "int64", -1e12, 1e12), I([30], s(z, 2), "int64", -1e12, 1e12)], fn: (a, b) => [a.and(b), a.or(b), a.xor(b), np.invert(a)] },
  { name: "narrow bitwise and invert", make: (z) => [I([30], s(z, 1), "uint8", 0, 255), I([30], s(z, 2), "int16", -30000, 30000)], fn: (a, h) => [np.invert(a), np.invert(h), a.xor(77), h.and(255)] },
  { name: "int reciprocal", make: (z) => [NZ([30], s(z, 1), "int32", -3, 3)], fn: (a) => np.reciprocal(a) },
  { name: "square int32 float32", make: (z) => [I([30], s(z, 1), "int32", -60000, 60000), F([30], s(z, 2), { dtype: "float32" })], fn: (a, f) => [np.square(a), np.square(f)] },
  { name: "bool logic", make: (z) => [B([40], s(z, 1)), B([40], s(z, 2)), B([40], s(z, 3))], fn: (a, b, c) => [a.and(b), a.or(np.invert(c)), a.xor(c), np.logical_not(a), np.logical_and(a, c)] },
  { name: "comparisons", make: (z) => [F([40], s(z, 1), { special: true }), F([40], s(z, 2)), F([40], s(z, 3))], fn: (a, b, c) => [a.lt(b), b.ge(c), a.eq(b), a.ne(c), a.gt(0)] },
  { name: "mixed promotion", make: (z) => [I([30], s(z, 1), "int32", -100, 100), F([30], s(z, 2), { dtype: "float32" }), I([30], s(z, 3), "int8", -100, 100), I([30], s(z, 4), "uint8", 0, 255)], fn: (a, f, b, u) => [a.add(f), b.add(u), b.mul(u).add(a), f.mul(b)] },
  { name: "bool arithmetic", make: (z) => [B([30], s(z, 1)), I([30], s(z, 2), "int16", -100, 100)], fn: (m, a) => [m.add(a), m.mul(2.5), np.add(m, m)] },
  { name: "complex128 chain", make: (z) => [Z([30], s(z, 1)), Z([30], s(z, 2))], fn: (a, b) => a.mul(b).add(np.conjugate(a)).sub(np.exp(b)).div(a) },
  { name: "complex64 chain", make: (z) => [Z([30], s(z, 1), "complex64"), Z([30], s(z, 2), "complex64"), Z([30], s(z, 3), "complex64")], fn: (a, b, c) => a.mul(b).sub(c) },
  { name: "complex abs sqrt", make: (z) => [Z([30], s(z, 1))], fn: (a) => [np.abs(a), np.sqrt(a), np.log(a), a.eq(a)] },

  // ---- broadcasting ----
  { name: "broadcast 3x1 1x4", make: (z) => [F([3, 1], s(z, 1)), F([1, 4], s(z, 2))], fn: (a, b) => a.add(b).mul(a) },
  { name: "broadcast 5x4x3", make: (z) => [F([5, 4, 3], s(z, 1)), F([3], s(z, 2)), F([4, 1], s(z, 3))], fn: (a, b, c) => a.mul(b).add(c) },
  { name: "broadcast 0-d", make: (z) => [F([], s(z, 1)), I([2, 3], s(z, 2), "int32", -9, 9)], fn: (a, b) => b.mul(a).sub(a) },
  { name: "broadcast_to", make: (z) => [F([4], s(z, 1))], fn: (a) => np.broadcast_to(a, [3, 4]).mul(np.arange(3).reshape(3, 1)) },

  // ---- strided inputs ----
  { name: "transposed input", make: (z) => [F([4, 6], s(z, 1)).T, F([6, 4], s(z, 2))], fn: (a, b) => a.add(b).mul(2) },
  { name: "negative stride input", make: (z) => [F([20], s(z, 1)).get("::-1"), F([20], s(z, 2))], fn: (a, b) => a.mul(b).sub(a) },
  { name: "sliced inputs", make: (z) => [F([6, 8], s(z, 1)).get("1:5, ::2"), F([5, 9], s(z, 2)).get(":4, 1::2")], fn: (a, b) => a.sub(b).mul(a) },
  { name: "transpose inside", make: (z) => [F([3, 5], s(z, 1)), F([5, 3], s(z, 2))], fn: (a, b) => a.T.mul(b).add(b.get("::-1", ":")) },
  { name: "reversed both axes, same storage", make: (z) => [F([4, 5], s(z, 1))], fn: (a) => a.get("::-1, ::-1").add(a).mul(a.get(":, ::-1")) },
  { name: "reshape of transpose copies", make: (z) => [F([3, 4], s(z, 1))], fn: (a) => a.T.reshape(-1).add(1).mul(np.arange(12)) },
  { name: "strided 3-d", make: (z) => [F([4, 5, 6], s(z, 1)).transpose(2, 0, 1).get("::2, :, 1:4")], fn: (a) => np.exp(a).add(a) },

  // ---- reductions ----
  { name: "sum axis 0", make: (z) => [F([50, 7], s(z, 1))], fn: (a) => a.sum({ axis: 0 }) },
  { name: "sum axis 1 f32", make: (z) => [F([20, 30], s(z, 1), { dtype: "float32" })], fn: (a) => a.sum({ axis: 1 }) },
  { name: "sum all int8", make: (z) => [I([8, 9], s(z, 1), "int8", -128, 127)], fn: (a) => a.sum() },
  { name: "sum uint8 to uint64", make: (z) => [I([10, 10], s(z, 1), "uint8", 0, 255)], fn: (a) => a.sum({ axis: 1 }) },
  { name: "prod axis 1", make: (z) => [I([6, 5], s(z, 1), "int32", -9, 9), F([6, 5], s(z, 2), { lo: 0.5, hi: 1.5 })], fn: (a, f) => [a.prod({ axis: 1 }), f.prod({ axis: 0 })] },
  { name: "max min with nan", make: (z) => [F([6, 7], s(z, 1), { special: true })], fn: (a) => [a.max({ axis: 1 }), a.min({ axis: 0 }), a.max()] },
  { name: "argmax argmin", make: (z) => [I([6, 8], s(z, 1), "int32", -3, 3), F([5, 6], s(z, 2), { special: true })], fn: (a, f) => [a.argmax({ axis: 1 }), a.argmin({ axis: 0 }), f.argmax({ axis: 1 }), f.argmin(), a.argmax()] },
  { name: "any all", make: (z) => [B([5, 6], s(z, 1), 0.8), F([5, 6], s(z, 2), { special: true })], fn: (m, f) => [m.all({ axis: 1 }), m.any({ axis: 0 }), f.any({ axis: 1 }), f.all()] },
  { name: "sum axes 0 2", make: (z) => [F([4, 3, 5], s(z, 1))], fn: (a) => a.sum({ axis: [0, 2] }) },
  { name: "sum of transposed input", make: (z) => [F([30, 8], s(z, 1)).T], fn: (a) => [a.sum({ axis: 1 }), a.sum({ axis: 0 })] },
  { name: "sum keepdims 3-d", make: (z) => [F([3, 4, 5], s(z, 1))], fn: (a) => a.sum({ axis: 1, keepdims: true }).mul(2) },
  { name: "row normalization", make: (z) => [F([6, 10], s(z, 1), { lo: 0.5, hi: 2 })], fn: (a) => a.div(a.sum({ axis: 1, keepdims: true })) },
  { name: "softmax", make: (z) => [F([5, 9], s(z, 1), { lo: -5, hi: 5 })], fn: (a) => {
    const e = np.exp(a.sub(a.max({ axis: 1, keepdims: true })));
    return e.div(e.sum({ axis: 1, keepdims: true }));
  } },
  { name: "column centering", make: (z) => [F([12, 4], s(z, 1))], fn: (a) => a.sub(a.mean({ axis: 0, keepdims: true })) },
  { name: "zscore rows", make: (z) => [F([7, 11], s(z, 1))], fn: (a) => a.sub(a.mean({ axis: 1, keepdims: true })).div(a.std({ axis: 1, keepdims: true })) },
  { name: "pairwise distances", make: (z) => [F([5, 3], s(z, 1)), F([4, 3], s(z, 2))], fn: (A, Bm) => {
    const d = A.get(":", null, ":").sub(Bm.get(null, ":", ":"));
    return np.sqrt(d.mul(d).sum({ axis: -1 }));
  } },
  { name: "mean var std", make: (z) => [F([6, 9], s(z, 1))], fn: (a) => [a.mean({ axis: 1 }), np.var(a, { axis: 0 }), a.std({ axis: 1, ddof: 1 }), a.mean()] },
  { name: "mean f32 int", make: (z) => [F([8, 8], s(z, 1), { dtype: "float32" }), I([8, 8], s(z, 2), "int16", -1000, 1000)], fn: (f, i) => [f.mean(), i.mean({ axis: 0 }), i.std()] },
  { name: "count_nonzero ptp", make: (z) => [I([6, 7], s(z, 1), "int32", -2, 2)], fn: (a) => [np.count_nonzero(a, { axis: 1 }), np.ptp(a, { axis: 0 })] },
  { name: "sum with where mask", make: (z) => [F([5, 6], s(z, 1)), B([5, 6], s(z, 2))], fn: (a, m) => a.sum({ axis: 1, where: m }) },
  { name: "reduction of reduction", make: (z) => [F([8, 9], s(z, 1))], fn: (a) => a.sum({ axis: 1 }).max().add(a.min()) },
  { name: "complex sum", make: (z) => [Z([4, 6], s(z, 1))], fn: (a) => [a.sum({ axis: 1 }), a.prod({ axis: 0 })] },

  { name: "argmax over columns of a transpose", make: (z) => [F([7, 5], s(z, 1), { special: true }).T], fn: (a) => [a.argmax({ axis: 0 }), a.argmin({ axis: 1 }), a.max({ axis: 0 })] },
  { name: "softmax over axis 0", make: (z) => [F([6, 4], s(z, 1), { lo: -4, hi: 4 })], fn: (a) => {
    const e = np.exp(a.sub(a.max({ axis: 0, keepdims: true })));
    return e.div(e.sum({ axis: 0, keepdims: true }));
  } },
  { name: "center over axes 0 2", make: (z) => [F([3, 4, 5], s(z, 1))], fn: (a) => a.sub(a.mean({ axis: [0, 2], keepdims: true })) },
  { name: "sum of a broadcast", make: (z) => [F([3], s(z, 1))], fn: (a) => [np.broadcast_to(a, [4, 3]).sum({ axis: 0 }), np.broadcast_to(a, [4, 3]).sum({ axis: 1 })] },
  { name: "int8 sum in int8", make: (z) => [I([9, 6], s(z, 1), "int8", -128, 127)], fn: (a) => [a.sum({ axis: 0, dtype: "int8" }), a.sum({ axis: 1, dtype: "int8" })] },
  { name: "int mean of transpose", make: (z) => [I([5, 8], s(z, 1), "int32", -1000, 1000).T], fn: (a) => [a.mean({ axis: 0 }), a.mean({ axis: 1 })] },
  { name: "f32 var ddof", make: (z) => [F([6, 10], s(z, 1), { dtype: "float32" })], fn: (a) => [np.var(a, { axis: 1, ddof: 1 }), a.std({ axis: 0 })] },
  { name: "mean with where", make: (z) => [F([4, 6], s(z, 1)), B([4, 6], s(z, 2), 0.7)], fn: (a, m) => a.mean({ axis: 1, where: m }) },
  { name: "sum with initial", make: (z) => [F([4, 6], s(z, 1))], fn: (a) => [a.sum({ axis: 1, initial: 10 }), a.max({ axis: 0, initial: 2 })] },
  { name: "complex any all", make: (z) => [Z([3, 4], s(z, 1))], fn: (a) => [a.mul(0).any({ axis: 1 }), a.all({ axis: 0 })] },
  { name: "empty arrays", make: (z) => [F([0, 3], s(z, 1)), I([0, 3], s(z, 2))], fn: (a, i) => [a.add(1), a.sum({ axis: 0 }), i.prod({ axis: 0 }), i.any({ axis: 0 })] },
  { name: "size-1 dims", make: (z) => [F([1, 5], s(z, 1)), F([5, 1], s(z, 2))], fn: (a, b) => [a.mul(b), a.mul(b).sum({ axis: 0, keepdims: true }).sub(a)] },

  // ---- casts ----
  { name: "float to int casts", make: (z) => [F([40], s(z, 1), { lo: -400, hi: 400 })], fn: (a) => [a.astype("int32"), a.astype("uint8"), a.astype("int8"), a.astype("int64"), a.astype("uint16")] },
  { name: "int float bool casts", make: (z) => [I([30], s(z, 1), "int64", -1e9, 1e9), F([30], s(z, 2), { special: true })], fn: (a, f) => [a.astype("float32"), a.astype("int16"), f.astype("bool"), a.astype("bool").astype("float64")] },
  { name: "complex casts", make: (z) => [Z([20], s(z, 1)), F([20], s(z, 2))], fn: (c, f) => [c.astype("complex64"), f.astype("complex128").mul(c), np.abs(c).astype("float32")] },
  { name: "cast chain int", make: (z) => [I([30], s(z, 1), "int32", -70000, 70000)], fn: (a) => a.astype("int8").astype("uint16").astype("float64").add(a) },

  // ---- where ----
  { name: "ufunc where", make: (z) => [F([30], s(z, 1)), F([30], s(z, 2)), B([30], s(z, 3))], fn: (a, b, m) => np.add(a, b, { where: m }).mul(m) },
  { name: "clip", make: (z) => [F([30], s(z, 1), { special: true })], fn: (a) => a.clip(-1, 1) },

  // ---- several outputs sharing work ----
  { name: "eval shares work", make: (z) => [F([6, 8], s(z, 1)), F([6, 8], s(z, 2))], fn: (x, y) => {
    const p = x.mul(y);
    return [p.sum({ axis: 0 }), p.max({ axis: 1 }), p.add(1)];
  } },
  { name: "mean and std together", make: (z) => [F([5, 12], s(z, 1))], fn: (x) => [x.mean({ axis: 1 }), x.std({ axis: 1 }), x.sub(x.mean({ axis: 1, keepdims: true }))] },
  // logical ops on booleans made inside the same kernel (JS path: a transposed / int32 operand)
  { name: "bool logic chain", make: (z) => [B([5, 8], s(z, 1)).T, B([8, 5], s(z, 2)), B([8, 5], s(z, 3))], fn: (a, b, c) => a.and(b).or(np.invert(c)).xor(np.logical_and(a, c)) },
  { name: "combined comparisons", make: (z) => [I([40], s(z, 1), "int32", -3, 3), I([40], s(z, 2), "int32", -3, 3), I([40], s(z, 3), "int32", -3, 3)], fn: (a, b, c) => [a.lt(b).and(b.ge(c)), a.eq(b).or(a.ne(c)), np.logical_not(a.gt(0))] },
  { name: "count of a comparison", make: (z) => [F([6, 7], s(z, 1))], fn: (a) => np.logical_not(a.gt(0)).sum({ axis: 1 }) },
  // int64 add/subtract work on the two 32-bit words: 2**62 + 2**62 wraps to -2**63, then - 1 wraps to 2**63 - 1 as in NumPy
  { name: "int64 wrap then arithmetic", make: (z) => [np.array([2 ** 62, -(2 ** 62), 3 * z, -(2 ** 63)], { dtype: "int64" })], fn: (a) => a.add(a).sub(1) },
  { name: "int64 reductions past 2**53 on words", make: (z) => [np.array([1700000000123456790n, 1700000000123456789n, 1700000000123456791n + BigInt(z), 5n, 9223372036854775807n, -9223372036854775807n], { dtype: "int64" }).reshape(2, 3), np.array([18446744073709551615n, 3n, 18446744073709551614n, 7n], { dtype: "uint64" })], fn: (a, u) => [a.sum(), a.max({ axis: 1 }), a.min({ axis: 0 }), a.argmax({ axis: 1 }), a.argmin(), a.sub(a.max({ axis: 1, keepdims: true })), u.sum(), u.max(), u.argmin()] },
  { name: "int64 constant shifts and narrowing casts past 2**53", make: (z) => [np.array([1700000000123456791n, 3n, -1n - BigInt(z), 9223372036854775807n, -9223372036854775807n], { dtype: "int64" }), np.array([18446744073709551615n, 9223372036854775808n, 5n], { dtype: "uint64" })], fn: (a, u) => [np.left_shift(a, 3), np.right_shift(a, 33), np.left_shift(u, 40), np.right_shift(u, 63), a.astype("int32"), a.astype("uint8"), a.astype("bool"), u.astype("int16")] },
  { name: "int64 floor_divide and remainder past 2**53", make: (z) => [np.array([1700000000123456791n, 3n, -1n, 9223372036854775807n, -9223372036854775808n, -1700000000123456791n, BigInt(z), 17n], { dtype: "int64" }), np.array([7n, 0n, 1000000000n, -1n, -1n, 1000000000n, 5n, -5n], { dtype: "int64" })], fn: (a, b) => [np.floor_divide(a, 1000000000), np.remainder(a, 1000000000), np.floor_divide(a, b), np.remainder(a, b)] },
  { name: "int64 shifts by arrays and powers past 2**53", make: (z) => [np.array([1700000000123456791n, 3n, -1n, 9223372036854775807n, -9223372036854775807n, -5n - BigInt(z)], { dtype: "int64" }), np.array([0n, 1n, 63n, 64n, -1n, 33n], { dtype: "int64" }), np.array([3n, -3n, 7n, 2n, 5n, 1n], { dtype: "int64" }), np.array([40n, 41n, 25n, 63n, 0n, 64n], { dtype: "int64" })], fn: (a, k, b, e) => [np.left_shift(a, k), np.right_shift(a, k), np.power(b, e), np.power(a, 2)] },
  { name: "int64 square, invert, bitwise_count, fmax, gcd and lcm past 2**53", make: (z) => [np.array([3037000499n, 1700000000123456791n, -5n - BigInt(z), -9223372036854775808n], { dtype: "int64" }), np.array([4294967311n, 1099511627776n, 4611686018427387904n, -4n], { dtype: "int64" }), np.array([4294967357n, 3298534883328n, 3n, 6n], { dtype: "int64" })], fn: (a, b, c) => [np.square(a), np.invert(a), np.bitwise_count(a), np.fmax(a, 5), np.gcd(a, 1700000000123456790n), np.gcd(a, 0), np.lcm(b, c), np.clip(a, 0, 1700000000123456790n)] },
  { name: "int64 compare, select and bitwise past 2**53", make: (z) => [np.array([2n ** 62n + 1n, 2n ** 62n, -(2n ** 62n) - BigInt(z), 9007199254740993n], { dtype: "int64" }), np.array([2n ** 62n, 2n ** 62n + 1n, 5n, 9007199254740992n], { dtype: "int64" })], fn: (a, b) => [a.gt(b), np.maximum(a, b), np.where(a.lt(b), a, b) as NDArray, np.bitwise_xor(a, b), np.negative(a).add(b)] },
];

/** Cases whose results differ from NumPy's because of an engine bug; the tests mark them it.fails. */
export const KNOWN_BAD: Case[] = [];

/** Results that differ from NumPy by a documented limitation (README: int64 is exact up to 2**53 in kernels). */
export const LIMITATIONS: Case[] = [
  // float32 chains are computed in double and rounded once per store (README), so (x + 1e8) - 1e8 keeps x;
  // NumPy rounds each op to float32 and gives 0
  { name: "f32 per-op rounding", make: (z) => [F([8], s(z, 1), { dtype: "float32", lo: 0, hi: 4 })], fn: (a) => a.add(1e8).sub(1e8) },

];

export const asList = (r: NDArray | NDArray[]): NDArray[] => (Array.isArray(r) ? r : [r]);
