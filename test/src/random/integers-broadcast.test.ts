/** @file integers/randint with array-valued bounds against NumPy (test/fixtures/integers_broadcast.json): broadcasting with and without size, every integer dtype, the per-element buffered draws, NumPy's errors, and the state after each call. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as random from "../../../src/random/index.js";
import { array } from "../../../src/convert.js";
import { NDArray } from "../../../src/ndarray.js";
import { randomWasm } from "../../../runtime/random/pcg64-wasm.js";
import { decFloat } from "../../helpers/numpy.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/integers_broadcast.json", import.meta.url), "utf8"));

type Enc = number | string | boolean;
const M64 = (1n << 64n) - 1n;

/** gen_integers_broadcast.py's argument encoding: {"int"} bigints, {"float"} floats, {"array", "dtype"} typed arrays. */
function decArg(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(decArg);
  if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if ("int" in o) return BigInt(o.int as string);
    if ("float" in o) return decFloat(o.float);
    if ("array" in o) return array(decArg(o.array) as never, { dtype: o.dtype as string });
  }
  return x;
}

const dec = (v: Enc, dtype: string): unknown => (dtype === "bool" ? v : dtype === "int64" || dtype === "uint64" ? BigInt(v as string) : v);

function expectResult(got: unknown, want: any, what: string): void {
  if ("scalar" in want) {
    if (want.dtype === "bool") expect(got, what).toBe(want.scalar);
    else expect(BigInt(got as number), what).toBe(BigInt(want.scalar));
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
  vals.forEach((v, i) => (h += BigInt(i + 1) * (want.dtype === "bool" ? (v ? 1n : 0n) : BigInt(v as number | bigint) & M64)));
  expect(String(h & M64), `${what}: hash of all ${vals.length} values`).toBe(want.hash);
}

function stateOf(kind: string, obj: any): any {
  if (kind === "RandomState" || kind === "np.random") {
    const [, key, pos] = obj.get_state();
    const k = key.tolist() as number[];
    return { pos, key_sum: String(k.reduce((a, b) => a + b, 0)), key0: k[0], key623: k[623] };
  }
  const st = obj.bit_generator.state;
  if (st.bit_generator === "PCG64") return { state: String(st.state.state), inc: String(st.state.inc), has_uint32: st.has_uint32, uinteger: st.uinteger };
  const k = st.state.key.tolist() as number[];
  return { pos: st.state.pos, key_sum: String(k.reduce((a, b) => a + b, 0)), key0: k[0], key623: k[623] };
}

function make(kind: string, seed: number): any {
  if (kind === "default_rng") return random.default_rng(seed);
  if (kind === "Generator_MT19937") return new random.Generator(new random.MT19937(seed));
  if (kind === "np.random") {
    random.seed(seed);
    return random;
  }
  return new random.RandomState(seed);
}

for (const wasm of [true, false]) {
  describe(`array-valued bounds against NumPy (wasm kernels ${wasm ? "on" : "off"})`, () => {
    const saved = randomWasm.enabled;
    beforeAll(() => void (randomWasm.enabled = wasm));
    afterAll(() => void (randomWasm.enabled = saved));
    for (const ses of fx.sessions) {
      const errors = ses.calls.filter((c: any) => "error" in c).length;
      it(`${ses.kind}(${ses.seed}): ${ses.calls.length} calls, ${errors} errors`, () => {
        const obj = make(ses.kind, ses.seed);
        expect(stateOf(ses.kind, obj), "initial state").toEqual(ses.initial);
        ses.calls.forEach((c: any, i: number) => {
          const what = `#${i} ${c.method}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kwargs)})`;
          const args = c.args.map(decArg);
          const call = () => (Object.keys(c.kwargs).length ? obj[c.method](...args, c.kwargs) : obj[c.method](...args));
          if ("error" in c) {
            let err: any = null;
            try {
              call();
            } catch (e) {
              err = e;
            }
            expect(err, `${what}: should throw`).not.toBeNull();
            expect([err.name, err.message], what).toEqual([c.error, c.message]);
          } else expectResult(call(), c.result, what);
          expect(stateOf(ses.kind, obj), `${what}: state after`).toEqual(c.state);
        });
      });
    }
  });
}

describe("array-valued bounds: numfuse specifics", () => {
  it("bigints beyond uint64 in a JS array are exact Python ints (NumPy's object array)", () => {
    const a = random.default_rng(5).integers(0, [2n ** 64n, 7n], { dtype: "uint64" }) as NDArray;
    const b = random.default_rng(5).integers(0, array([2n ** 64n - 1n, 7n], { dtype: "uint64" }), { dtype: "uint64", endpoint: true }) as NDArray;
    expect(a.tolist({ bigint: true } as never)).toEqual(b.tolist({ bigint: true } as never));
  });

  it("a size-1 output over empty bounds throws where NumPy reads past the end", () => {
    expect(() => random.default_rng(0).integers([], 5, 1)).toThrow(/cannot fill size \(1,\)/);
  });

  it("NDArray views (transposed, strided) are read in logical C order", () => {
    const hi = array([[10, 20, 30], [40, 50, 60]]);
    const t = random.default_rng(3).integers(0, hi.T) as NDArray;
    const c = random.default_rng(3).integers(0, array([[10, 40], [20, 50], [30, 60]])) as NDArray;
    expect(t.tolist()).toEqual(c.tolist());
  });
});
