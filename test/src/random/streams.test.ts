/** @file np.random streams against NumPy (test/fixtures/random.json): every Generator and RandomState call replayed, values bit for bit, state after each call. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as random from "../../../src/random/index.js";
import { NDArray } from "../../../src/ndarray.js";
import * as np from "../../../src/index.js";
import { decFloat } from "../../helpers/numpy.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/random.json", import.meta.url), "utf8"));

type Enc = number | string | boolean;
const decArg = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(decArg) : x && typeof x === "object" && "int" in x ? BigInt((x as { int: string }).int) : x;


/** Exact comparison of a result with NumPy's: dtype and shape first, then every value (floats by identity, ints as bigints). */
function expectResult(got: unknown, want: any, what: string): void {
  if (want === null) {
    expect(got, what).toBeUndefined();
    return;
  }
  if ("values" in want) {
    expect(got, what).toBeInstanceOf(NDArray);
    const a = got as NDArray;
    expect(a.dtype.name, what).toBe(want.dtype);
    expect(a.shape, what).toEqual(want.shape);
    const vals = (a.ravel().tolist as (o?: unknown) => unknown)({ bigint: true }) as unknown[];
    const exp = want.values.map((v: Enc) =>
      want.dtype === "bool" ? v : want.dtype === "int64" || want.dtype === "uint64" ? BigInt(v as string) : want.dtype.startsWith("float") ? decFloat(v) : v);
    expect(vals, what).toEqual(exp);
    return;
  }
  const v = want.scalar;
  if (want.dtype === "float" || want.dtype.startsWith("float")) expect(Object.is(got, decFloat(v)) || got === decFloat(v), `${what}: ${got} vs ${v}`).toBe(true);
  else if (want.dtype === "bool") expect(got, what).toBe(v);
  else expect(BigInt(got as number), what).toBe(BigInt(v));
}

function stateOf(kind: string, obj: any): any {
  if (kind === "RandomState") {
    const [, key, pos, hasGauss, gauss] = obj.get_state();
    const k = key.tolist() as number[];
    return { pos, key_sum: String(k.reduce((a, b) => a + b, 0)), key0: k[0], key623: k[623], has_gauss: hasGauss, gauss };
  }
  const st = obj.bit_generator.state;
  if (st.bit_generator === "PCG64") return { state: String(st.state.state), inc: String(st.state.inc), has_uint32: st.has_uint32, uinteger: st.uinteger };
  const k = st.state.key.tolist() as number[];
  return { pos: st.state.pos, key_sum: String(k.reduce((a, b) => a + b, 0)), key0: k[0], key623: k[623] };
}

function make(kind: string, seed: unknown): any {
  const s = typeof seed === "string" ? BigInt(seed) : seed;
  if (kind === "default_rng") return random.default_rng(s as number);
  if (kind === "Generator_MT19937") return new random.Generator(new random.MT19937(s as number));
  return new random.RandomState(s);
}

describe("sessions replayed against NumPy", () => {
  for (const ses of fx.sessions) {
    it(`${ses.kind}(${JSON.stringify(ses.seed)})`, () => {
      const obj = make(ses.kind, ses.seed);
      expect(stateOf(ses.kind, obj), "initial state").toEqual(ses.initial);
      ses.calls.forEach((c: any, i: number) => {
        const what = `#${i} ${c.method}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kwargs)})`;
        const args = decArg(c.args) as unknown[];
        const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decArg(v)]));
        let got: unknown;
        if (c.method === "shuffle") {
          const { dtype, ...rest } = kw as Record<string, unknown>;
          const arr = np.array(args[0] as never, dtype ? { dtype } : {});
          obj.shuffle(arr, ...(Object.keys(rest).length ? [rest] : []));
          got = arr;
        } else if (c.method === "rand" || c.method === "randn") {
          got = obj[c.method](...args);
        } else {
          got = obj[c.method](...args, ...(Object.keys(kw).length ? [kw] : []));
        }
        expectResult(got, c.result, what);
        expect(stateOf(ses.kind, obj), `${what}: state after`).toEqual(c.state);
      });
    });
  }
});
