/** @file The block paths of integers/randint (every integer dtype, Lemire and masked, endpoint, ranges around 2**32) and of the legacy polar Box-Muller against NumPy (test/fixtures/random_fast.json), with the wasm kernels on and off: values bit for bit (glibc's log included), state after each call. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomWasm } from "../../../runtime/random/pcg64-wasm.js";
import { MT19937Core } from "../../../runtime/random/mt19937.js";
import { PCG64Core } from "../../../runtime/random/pcg64.js";
import { log, logUnit } from "../../../runtime/random/glibc-log.js";
import { wasmAlloc, wasmMemory } from "../../../runtime/wasm-memory.js";
import { decFloat } from "../../helpers/numpy.js";
import { decArg, expectResult, M64, make, stateOf, word, type Enc } from "../../helpers/random-fixture.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/random_fast.json", import.meta.url), "utf8"));

const GAUSS = new Set(["randn", "standard_normal", "normal"]);
const sizeOf = (r: any): number => ("scalar" in r ? 1 : r.shape.reduce((a: number, b: number) => a * b, 1));

/**
 * The fixture's result with NumPy's own values put back. gen_random_fast.py stored numfuse's old
 * values where glibc's log (NumPy's) is not correctly rounded (cr_log_patches: [index, old value,
 * NumPy's value], 1-2 ulp apart, ~1 pair in 4500); glibc-log.ts reproduces glibc, so NumPy's values
 * are the expected ones now: in the values, the head/tail, and the hash (sum of (i+1) * bits mod 2**64).
 */
function numpyResult(c: any): any {
  if (!c.cr_log_patches) return c.result;
  const want = structuredClone(c.result);
  const n = sizeOf(want);
  for (const [k, ours, theirs] of c.cr_log_patches as [number, Enc, Enc][]) {
    if ("scalar" in want) want.scalar = theirs;
    else if ("values" in want) want.values[k] = theirs;
    else {
      if (k < want.head.length) want.head[k] = theirs;
      if (k >= n - want.tail.length) want.tail[k - (n - want.tail.length)] = theirs;
      const h = BigInt(want.hash) + BigInt(k + 1) * (word(decFloat(theirs), "float64") - word(decFloat(ours), "float64"));
      want.hash = String(((h % (M64 + 1n)) + M64 + 1n) % (M64 + 1n));
    }
  }
  return want;
}

/**
 * The state after call i with NumPy's cached gauss: the fixture stored numfuse's old one when that
 * differed; NumPy's is the [0, old, NumPy's] patch of the next call that hands the cached value out.
 */
function numpyState(calls: any[], i: number): any {
  const st = calls[i].state;
  if (!st.has_gauss) return st;
  for (let j = i + 1; j < calls.length; j++) {
    if (!GAUSS.has(calls[j].method) || sizeOf(calls[j].result) === 0) continue;
    const p = (calls[j].cr_log_patches ?? []).find((q: [number, Enc, Enc]) => q[0] === 0);
    return p && Object.is(decFloat(p[1]), decFloat(st.gauss)) ? { ...st, gauss: p[2] } : st;
  }
  return st;
}

const wantState = (kind: string, s: any) => (kind === "RandomState" ? { ...s, gauss: decFloat(s.gauss) } : s);

for (const wasm of [true, false]) {
  describe(`block paths against NumPy (wasm kernels ${wasm ? "on" : "off"})`, () => {
    const saved = randomWasm.enabled;
    beforeAll(() => void (randomWasm.enabled = wasm));
    afterAll(() => void (randomWasm.enabled = saved));
    for (const ses of fx.sessions) {
      const label = ses.calls.some((c: any) => c.method === "randn") ? "polar gauss" : ses.calls[0].method;
      it(`${ses.kind}(${ses.seed}) ${label}`, () => {
        const obj = make(ses.kind, ses.seed);
        expect(stateOf(ses.kind, obj), "initial state").toEqual(wantState(ses.kind, ses.initial));
        ses.calls.forEach((c: any, i: number) => {
          const what = `#${i} ${c.method}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kwargs)})`;
          const args = c.args.map(decArg);
          const got = Object.keys(c.kwargs).length ? obj[c.method](...args, c.kwargs) : obj[c.method](...args);
          expectResult(got, numpyResult(c), what);
          expect(stateOf(ses.kind, obj), `${what}: state after`).toEqual(wantState(ses.kind, numpyState(ses.calls, i)));
        });
      });
    }
  });
}

describe("raw block fills equal the one-at-a-time draws", () => {
  it("MT19937 fillUint32/fillDouble (wasm and JS, odd starts) match nextUint32/nextDouble", () => {
    const a = new MT19937Core(), b = new MT19937Core();
    a.initGenrand(5489);
    b.initGenrand(5489);
    // in wasm memory when there is one (NUMFUSE_NOWASM=1: plain memory, JS loops only)
    const blk = wasmAlloc(8 * 3000);
    const buf = blk ? wasmMemory()!.buffer : new ArrayBuffer(8 * 3000);
    const u = new Uint32Array(buf, blk ? blk[0] : 0, 3000);
    const d = new Float64Array(buf, blk ? blk[0] : 0, 1500);
    for (const [n, wasm] of [[1, true], [700, true], [1300, false], [2999, true], [5, false]] as const) {
      randomWasm.enabled = wasm;
      a.fillUint32(u, 1, n);
      for (let i = 1; i < n; i++) expect(u[i]).toBe(b.nextUint32());
      a.fillDouble(d, 0, n >> 1);
      for (let i = 0; i < n >> 1; i++) expect(d[i]).toBe(b.nextDouble());
      expect(a.pos).toBe(b.pos);
      expect([...a.key]).toEqual([...b.key]);
    }
    randomWasm.enabled = true;
  });

  it("PCG64 fillUint32 keeps nextUint32's buffered half and stale uinteger", () => {
    const a = new PCG64Core(), b = new PCG64Core();
    a.seed(12345n, 678n);
    b.seed(12345n, 678n);
    const u = new Uint32Array(5000);
    for (const n of [1, 2, 3, 1000, 4097, 1, 0, 7]) {
      a.fillUint32(u, 0, n);
      for (let i = 0; i < n; i++) expect(u[i]).toBe(b.nextUint32());
      expect([a.hasUint32, a.uinteger, a.state128]).toEqual([b.hasUint32, b.uinteger, b.state128]);
    }
  });

  it("logUnit gives log's bits on (0, 1)", () => {
    let x = 1e-12;
    for (let i = 0; i < 4000; i++) {
      x = (x * 1.0007 + 1.3e-5) % 1;
      for (const y of [x, x * 2 ** -20, 1 - x * 1e-3, 2 ** -32 * (1 + x)]) expect(Object.is(logUnit(y), log(y)), `${y}`).toBe(true);
    }
  });
});
