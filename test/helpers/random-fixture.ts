/** @file What the random fixtures (test/fixtures/random*.json, integers_broadcast.json, random_fast.json) share: how their values and arguments are encoded, exact comparison of a result, and the generator states they record. */
import { expect } from "vitest";
import * as random from "../../src/random/index.js";
import { array } from "../../src/convert.js";
import { NDArray } from "../../src/ndarray.js";
import { decFloat } from "./numpy.js";

export type Enc = number | string | boolean;
export const M64 = (1n << 64n) - 1n;

/** One fixture value as tolist({bigint: true}) gives it: 64-bit ints as bigints, floats with "nan"/"-0". */
export function dec(v: Enc, dtype: string): unknown {
  if (dtype === "bool") return v;
  if (dtype === "int64" || dtype === "uint64") return BigInt(v as string);
  if (dtype.startsWith("float")) return decFloat(v);
  return v;
}

/** The generators' argument encoding: {"int"} bigints, {"float"} floats, {"array", "dtype"} arrays. */
export function decArg(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(decArg);
  if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if ("int" in o) return BigInt(o.int as string);
    if ("float" in o) return decFloat(o.float);
    if ("array" in o) return array(decArg(o.array) as never, { dtype: o.dtype as string });
  }
  return x;
}

/** A value's bit pattern as the generators' int_words: ints mod 2**64, bools 0/1, floats by their uint64 view. */
export function word(v: unknown, dtype: string): bigint {
  if (dtype === "bool") return v ? 1n : 0n;
  if (dtype.startsWith("float")) return new BigUint64Array(new Float64Array([v as number]).buffer)[0];
  return BigInt(v as number | bigint) & M64;
}

/**
 * A result against NumPy's, exactly: nothing (null), a scalar (floats by identity, ints as bigints),
 * or an array's dtype, shape and values (all of them, or the first and last 8 and a hash of all).
 */
export function expectResult(got: unknown, want: any, what: string): void {
  if (want === null) {
    expect(got, what).toBeUndefined();
    return;
  }
  if ("scalar" in want) {
    const v = want.scalar;
    if (want.dtype === "float" || want.dtype.startsWith("float")) expect(Object.is(got, decFloat(v)), `${what}: ${got} vs ${v}`).toBe(true);
    else if (want.dtype === "bool") expect(got, what).toBe(v);
    else expect(BigInt(got as number), what).toBe(BigInt(v));
    return;
  }
  expect(got, what).toBeInstanceOf(NDArray);
  const a = got as NDArray;
  expect(a.dtype.name, what).toBe(want.dtype);
  expect(a.shape, what).toEqual(want.shape);
  const vals = (a.ravel().tolist as (o?: unknown) => unknown)({ bigint: true }) as unknown[];
  if ("values" in want) {
    expect(vals, what).toEqual(want.values.map((v: Enc) => dec(v, want.dtype)));
    return;
  }
  expect(vals.slice(0, 8), `${what}: head`).toEqual(want.head.map((v: Enc) => dec(v, want.dtype)));
  expect(vals.slice(-8), `${what}: tail`).toEqual(want.tail.map((v: Enc) => dec(v, want.dtype)));
  let h = 0n;
  vals.forEach((v, i) => (h += BigInt(i + 1) * word(v, want.dtype)));
  expect(String(h & M64), `${what}: hash of all ${vals.length} values`).toBe(want.hash);
}

/**
 * The state the generators record after each call (MT19937 summarized by its key's sum and ends);
 * `gauss`: whether the fixture records RandomState's cached gauss too.
 */
export function stateOf(kind: string, obj: any, gauss = true): any {
  if (kind === "RandomState" || kind === "np.random") {
    const [, key, pos, hasGauss, cached] = obj.get_state();
    const k = key.tolist() as number[];
    const mt = { pos, key_sum: String(k.reduce((a, b) => a + b, 0)), key0: k[0], key623: k[623] };
    return gauss ? { ...mt, has_gauss: hasGauss, gauss: cached } : mt;
  }
  const st = obj.bit_generator.state;
  if (st.bit_generator === "PCG64") return { state: String(st.state.state), inc: String(st.state.inc), has_uint32: st.has_uint32, uinteger: st.uinteger };
  const k = st.state.key.tolist() as number[];
  return { pos: st.state.pos, key_sum: String(k.reduce((a, b) => a + b, 0)), key0: k[0], key623: k[623] };
}

/** The generator a session names: default_rng, Generator(MT19937), the seeded np.random module, or RandomState (string seeds are bigints). */
export function make(kind: string, seed: unknown): any {
  const s = typeof seed === "string" ? BigInt(seed) : seed;
  if (kind === "default_rng") return random.default_rng(s as number);
  if (kind === "Generator_MT19937") return new random.Generator(new random.MT19937(s as number));
  if (kind === "np.random") {
    random.seed(s as number);
    return random;
  }
  return new random.RandomState(s);
}
