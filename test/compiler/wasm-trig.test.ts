/** @file The wasm kernels' own sin and cos must give Math.sin's and Math.cos's bits for every input (the JS kernels call Math), on both lane paths and through np.sin/np.cos. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { F64, FnBuilder, I32, OP, i32const, moduleBytes, simd, SIMD, type ValType } from "../../compiler/render/wasm-asm.js";
import { beginConstants, emitTrigScalar, emitTrigVector, PIO2, withConstants, type TrigKind } from "../../compiler/render/wasm-trig.js";

/** A deterministic generator (xorshift), so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** Inputs over every branch of fdlibm's sin/cos: the kernels' thresholds, the reductions' cancellation near k*pi/2, the fallback. */
function inputs(): Float64Array {
  const out: number[] = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, -1e-300, 2 ** -27, -(2 ** -27), 2 ** -28,
    0.3, 0.78125, Math.PI / 4, -Math.PI / 4, Math.PI, 2 ** 19 * Math.PI, 2 ** 20 * Math.PI / 2, 1e300, -1e300,
    Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity];
  const r = rng(20240601);
  for (const range of [1, 10, 1e3, 1e6, 1.7e6, 1e9]) for (let i = 0; i < 30000; i++) out.push((r() * 2 - 1) * range);
  // around k*pi/2: the doubles next to it, and offsets of a few ulps to 2^-20 relative
  const f = new Float64Array(1), b = new BigInt64Array(f.buffer);
  const ks = [...Array.from({ length: 200 }, (_, k) => k - 100), ...Array.from({ length: 300 }, () => Math.floor((r() * 2 - 1) * 2 ** 21))];
  for (const k of ks) {
    const c = k * PIO2;
    f[0] = c;
    const bits = b[0];
    for (let d = -24n; d <= 24n; d++) {
      b[0] = bits + d;
      if (Number.isFinite(f[0])) out.push(f[0]);
    }
    for (let e = 12; e <= 52; e += 4) out.push(c * (1 + 2 ** -e), c * (1 - 2 ** -e), c + 2 ** -e, c - 2 ** -e);
  }
  // tiny, subnormal and threshold neighbourhoods
  for (let i = 0; i < 5000; i++) out.push(r() * 2 ** -1022, -r() * 2 ** -1060, (r() - 0.5) * 2 ** -26, (r() - 0.5) * 2 ** (-20 - 40 * r()));
  for (const edge of [0.3, 0.78125, Math.PI / 4, 3 * Math.PI / 4, 2 ** 19 * Math.PI / 2 * 2, 2 ** -27]) {
    f[0] = edge;
    const bits = b[0];
    for (let d = -3000n; d <= 3000n; d += 7n) {
      b[0] = bits + d * 1000003n;
      out.push(f[0], -f[0]);
    }
  }
  return new Float64Array(out);
}

const XS = inputs();
const MEM = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });

/** A module applying the emitter to `n` doubles in place, two lanes at a time or one. */
function runEmitter(kind: TrigKind, vector: boolean, xs: Float64Array): Float64Array {
  beginConstants();
  const fb = new FnBuilder([I32, I32] as ValType[], []);
  const i = fb.local(I32);
  fb.emit(...i32const(0)).set(i);
  fb.emit(OP.block, 0x40, OP.loop, 0x40);
  fb.get(i).get(1).emit(OP.i32GeU, OP.brIf, 1);
  fb.get(0).get(0);
  if (vector) {
    fb.emit(...simd(SIMD.load, 3, 0));
    emitTrigVector(fb, kind, 0);
    fb.emit(...simd(SIMD.store, 3, 0));
  } else {
    fb.emit(OP.f64Load, 3, 0);
    emitTrigScalar(fb, kind, 0);
    fb.emit(OP.f64Store, 3, 0);
  }
  fb.get(0).emit(...i32const(vector ? 16 : 8), OP.i32Add).set(0);
  fb.addTo(i, vector ? 2 : 1);
  fb.emit(OP.br, 0, OP.end, OP.end);
  const bytes = withConstants(moduleBytes([fb], [{ name: kind, params: [F64], results: [F64] }]));
  const need = xs.length * 8 + 16;
  if (MEM.buffer.byteLength < need) MEM.grow(Math.ceil((need - MEM.buffer.byteLength) / 65536));
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { mem: MEM, [kind]: Math[kind] } });
  const view = new Float64Array(MEM.buffer, 0, xs.length);
  view.set(xs);
  (inst.exports.k as (p: number, n: number) => void)(0, xs.length);
  return new Float64Array(view);
}

/** Inputs whose results differ from Math's in any bit (NaN payloads included). */
function mismatches(xs: Float64Array, got: Float64Array, f: (x: number) => number): [number, number, number][] {
  const want = xs.map(f);
  const g = new BigUint64Array(got.buffer, got.byteOffset, got.length), w = new BigUint64Array(want.buffer);
  const bad: [number, number, number][] = [];
  for (let k = 0; k < xs.length; k++) if (g[k] !== w[k] && !(Number.isNaN(got[k]) && Number.isNaN(want[k]))) bad.push([xs[k], got[k], want[k]]);
  return bad;
}

describe("wasm sin and cos", () => {
  it("rem_pio2's npio2_hw table is the high word of n * (Math.PI / 2)", () => {
    const table = [0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A,
      0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C,
      0x4041475C, 0x4042106C, 0x4042D97C, 0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB];
    const f = new Float64Array(1), u = new Uint32Array(f.buffer);
    table.forEach((hw, k) => {
      f[0] = (k + 1) * PIO2;
      expect(u[1]).toBe(hw);
    });
  });

  for (const kind of ["sin", "cos"] as const) {
    for (const vector of [false, true]) {
      it(`${kind}, ${vector ? "two lanes" : "one lane"}: Math.${kind}'s bits for ${XS.length} inputs`, () => {
        const bad = mismatches(XS, runEmitter(kind, vector, XS), Math[kind]);
        expect(bad.slice(0, 5)).toEqual([]);
      });
    }
    it(`np.${kind} through the kernels (both lane paths, -0 kept)`, () => {
      const xs = XS.slice(0, 20001);
      const got = new Float64Array((np[kind](np.array(Array.from(xs))).tolist() as number[]));
      expect(mismatches(xs, got, Math[kind]).slice(0, 5)).toEqual([]);
      // (a list of integers would make an int64 array: float64 keeps -0)
      const zeros = np[kind](np.array([-0, 0, -0, -0, -0], { dtype: "float64" })).tolist() as number[];
      expect(zeros.map((v) => Object.is(v, kind === "sin" ? -0 : 1))).toEqual([true, kind === "cos", true, true, true]);
    });
  }

  it("fused with other work, and inside a row reduction", () => {
    const xs = Array.from(XS.slice(0, 4000), (v) => (Number.isFinite(v) ? v % 100 : v));
    const a = np.array(xs);
    const got = np.sin(a).mul(np.cos(a.mul(2))).add(1).tolist() as number[];
    got.forEach((v, k) => expect(Object.is(v, Math.sin(xs[k]) * Math.cos(xs[k] * 2) + 1)).toBe(true));
    const rows = np.array(xs.slice(0, 2000).map((v) => (Number.isFinite(v) ? v : 0))).reshape(20, 100);
    const sums = np.cos(rows).sum({ axis: 1 }).tolist() as number[];
    (rows.tolist() as number[][]).forEach((r, k) => expect(sums[k]).toBeCloseTo(r.reduce((s, v) => s + Math.cos(v), 0), 10));
  });
});
