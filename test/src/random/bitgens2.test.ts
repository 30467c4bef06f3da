/** @file PCG64DXSM, SFC64 and Philox against NumPy (test/fixtures/random3.json): raw draws, state dicts, advance, jumped, Generator streams; and out= / float32 for random, standard_normal, standard_exponential, standard_gamma with NumPy's errors. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import * as random from "../../../src/random/index.js";
import { NDArray } from "../../../src/ndarray.js";
import { decFloat } from "../../helpers/numpy.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/random3.json", import.meta.url), "utf8"));

const CTORS: Record<string, new (seed?: any) => random.BitGenerator> = {
  PCG64DXSM: random.PCG64DXSM,
  SFC64: random.SFC64,
  Philox: random.Philox as never,
};

const seedOf = (s: any) => (s !== null && typeof s === "object" && !Array.isArray(s) ? BigInt(s.big) : s);
const big = (xs: unknown[]) => xs.map(String);
const u64s = (a: NDArray) => big((a.tolist as (o: unknown) => unknown[])({ bigint: true }));

/** The state dict in the fixture's encoding (every integer a decimal string). */
function stateOf(bg: any): any {
  const st = bg.state;
  const out: any = { bit_generator: st.bit_generator, has_uint32: st.has_uint32, uinteger: st.uinteger };
  if (st.bit_generator === "PCG64DXSM") Object.assign(out, { state: String(st.state.state), inc: String(st.state.inc) });
  else if (st.bit_generator === "SFC64") out.words = u64s(st.state.state);
  else Object.assign(out, { counter: u64s(st.state.counter), key: u64s(st.state.key), buffer: u64s(st.buffer), buffer_pos: st.buffer_pos });
  return out;
}

function pcgState(bg: any): any {
  const st = bg.state;
  return { state: String(st.state.state), inc: String(st.state.inc), has_uint32: st.has_uint32, uinteger: st.uinteger };
}

const rawOf = (bg: random.BitGenerator, n: number) => u64s(bg.random_raw(n) as NDArray);

/** Exact equality with NumPy's result: dtype and shape first, then every value (floats by Object.is). */
function expectExact(got: unknown, want: any, what: string): void {
  if ("values" in want) {
    expect(got, what).toBeInstanceOf(NDArray);
    const a = got as NDArray;
    expect(a.dtype.name, what).toBe(want.dtype);
    expect(a.shape, what).toEqual(want.shape);
    const vals = (a.ravel().tolist as (o?: unknown) => unknown[])({ bigint: true });
    const isF = want.dtype.startsWith("float");
    want.values.forEach((v: any, k: number) => {
      if (isF) expect(Object.is(vals[k], decFloat(v)), `${what} [${k}]: ${vals[k]} vs ${v}`).toBe(true);
      else expect(String(vals[k]), `${what} [${k}]`).toBe(String(v));
    });
    return;
  }
  if (want.dtype === "float" || want.dtype.startsWith("float")) expect(Object.is(got, decFloat(want.scalar)), `${what}: ${got} vs ${want.scalar}`).toBe(true);
  else expect(String(got), what).toBe(String(want.scalar));
}

describe("PCG64DXSM, SFC64, Philox", () => {
  for (const c of fx.bitgens) {
    it(`${c.name}(${JSON.stringify(c.seed)}): seeding, raw draws, Generator stream and state after each call`, () => {
      const Ctor = CTORS[c.name];
      const bg = new Ctor(seedOf(c.seed));
      expect(stateOf(bg)).toEqual(c.initial);
      expect(rawOf(bg, 9)).toEqual(c.raw);
      expect(stateOf(bg)).toEqual(c.after_raw);
      const g = new random.Generator(new Ctor(seedOf(c.seed)));
      expect(g.bit_generator).toBeInstanceOf(Ctor);
      for (const call of c.calls) {
        const what = `${call.method}(${JSON.stringify(call.args)}, ${JSON.stringify(call.kwargs)})`;
        const res = (g as any)[call.method](...call.args, call.kwargs);
        expectExact(res, call.result, what);
        expect(stateOf(g.bit_generator), what).toEqual(call.state);
      }
    });
    if (c.name === "SFC64") continue;
    it(`${c.name}(${JSON.stringify(c.seed)}): advance and jumped`, () => {
      const Ctor = CTORS[c.name] as any;
      const b2 = new Ctor(seedOf(c.seed));
      b2.random_raw(3);
      new random.Generator(b2).random({ dtype: "float32" });
      expect(stateOf(b2)).toEqual(c.before_jump);
      const j = b2.jumped();
      expect(j).toBeInstanceOf(Ctor);
      expect(stateOf(j)).toEqual(c.jumped);
      expect(stateOf(b2.jumped(3))).toEqual(c.jumped3);
      expect(rawOf(b2.jumped(), 5)).toEqual(c.jumped_raw);
      expect(stateOf(b2)).toEqual(c.before_jump);
      const b3 = new Ctor(seedOf(c.seed));
      b3.random_raw(1);
      expect(b3.advance(1000)).toBe(b3);
      expect(stateOf(b3)).toEqual(c.advanced_1000);
      expect(rawOf(b3, 6)).toEqual(c.advanced_1000_raw);
      b3.advance(c.name === "Philox" ? (1n << 128n) + 5n : (1n << 128n) - 1000n);
      expect(stateOf(b3)).toEqual(c.advanced_more);
    });
  }

  it("state dicts round-trip, and a restored generator repeats the stream", () => {
    for (const Ctor of Object.values(CTORS)) {
      const a = new Ctor(77);
      a.random_raw(5);
      new random.Generator(a).random({ dtype: "float32" });
      const saved = a.state;
      const first = rawOf(a, 7);
      const b = new Ctor(1);
      b.state = saved;
      expect(rawOf(b, 7)).toEqual(first);
      expect(stateOf(b)).toEqual(stateOf(a));
    }
  });

  it("spawn gives NumPy's child streams through SeedSequence", () => {
    const ss = new random.SeedSequence(5);
    const kids = ss.spawn(2);
    // Philox(SeedSequence(5).spawn(2)[1]).random_raw(2)
    const p = new random.Philox(kids[1]);
    const again = new random.Philox(new random.SeedSequence(5, { spawn_key: [1] }));
    expect(rawOf(p, 2)).toEqual(rawOf(again, 2));
    const g = new random.Generator(new random.SFC64(3));
    const sub = g.spawn(2);
    expect(sub[0].bit_generator).toBeInstanceOf(random.SFC64);
    expect(stateOf(sub[0].bit_generator)).toEqual(stateOf(new random.SFC64(new random.SeedSequence(3, { spawn_key: [0] }))));
  });

  it("are registered on np.random", () => {
    expect(np.random.PCG64DXSM).toBe(random.PCG64DXSM);
    expect(np.random.SFC64).toBe(random.SFC64);
    expect(np.random.Philox).toBe(random.Philox);
    const g = new np.random.Generator(new np.random.SFC64(1));
    expect(typeof g.random()).toBe("number");
    expect("advance" in new random.SFC64(1)).toBe(false);
  });
});

describe("Philox key and counter", () => {
  for (const c of fx.philox_keyed) {
    it(JSON.stringify(c.kwargs), () => {
      const kw: any = {};
      for (const [k, v] of Object.entries(c.kwargs)) kw[k] = Array.isArray(v) ? np.array(v.map((x: string) => BigInt(x)) as never, { dtype: "uint64" }) : BigInt(v as string);
      const bg = new random.Philox(kw);
      expect(stateOf(bg)).toEqual(c.initial);
      expect(bg.seed_seq === null).toBe("key" in c.kwargs);
      expect(rawOf(bg, 10)).toEqual(c.raw);
      expect(stateOf(bg)).toEqual(c.after);
      bg.advance((1n << 64n) - 1n);
      expect(stateOf(bg)).toEqual(c.advanced);
      expect(rawOf(bg, 3)).toEqual(c.advanced_raw);
    });
  }
  it("positional counter and key", () => {
    const a = new random.Philox(null, 5, 9);
    const b = new random.Philox({ counter: 5, key: 9 });
    expect(stateOf(a)).toEqual(stateOf(b));
    expect(u64s(a.state.state.counter)).toEqual(["5", "0", "0", "0"]);
  });
});

describe("bit generator errors", () => {
  const make: Record<string, () => unknown> = {
    "philox seed and key": () => new random.Philox(1, { key: 3 }),
    "philox negative key": () => new random.Philox({ key: -3 }),
    "philox key too big": () => new random.Philox({ key: 1n << 128n }),
    "philox key array length": () => new random.Philox({ key: [1, 2, 3] }),
    "philox counter array length": () => new random.Philox(1, { counter: [1, 2] }),
    "philox counter too big": () => new random.Philox(1, { counter: 1n << 256n }),
    "dxsm wrong state": () => ((new random.PCG64DXSM(1) as any).state = { bit_generator: "PCG64" }),
    "sfc64 wrong state": () => ((new random.SFC64(1) as any).state = { bit_generator: "PCG64" }),
    "philox wrong state": () => ((new random.Philox(1) as any).state = { bit_generator: "SFC64" }),
    "dxsm state not dict": () => ((new random.PCG64DXSM(1) as any).state = [1]),
  };
  for (const c of fx.errors) {
    it(c.label, () => {
      let err: any = null;
      try {
        make[c.label]();
      } catch (e) {
        err = e;
      }
      expect(err, c.label).not.toBeNull();
      expect(err.name).toBe(c.error);
      expect(err.message).toBe(c.message);
    });
  }
});

/** A fresh out array: C order, or F order as the transpose of a C array of the reversed shape. */
function makeOut(spec: { shape: number[]; dtype: string; order: string }): NDArray {
  if (spec.order === "C") return np.empty(spec.shape, { dtype: spec.dtype });
  const a = np.empty([...spec.shape].reverse(), { dtype: spec.dtype }).T;
  expect(a.flags.f_contiguous).toBe(true);
  return a;
}

describe("out= and float32 (NumPy's double_fill / float_fill / cont / cont_f)", () => {
  it(`default_rng(${fx.out.seed}): each call's values and the state after it`, () => {
    const g = random.default_rng(fx.out.seed);
    for (const st of fx.out.steps) {
      const what = `${st.method}(${JSON.stringify(st.args)}, ${JSON.stringify(st.kwargs)}) out=${JSON.stringify(st.out)}`;
      const kw = { ...st.kwargs };
      if (st.out) kw.out = makeOut(st.out);
      const res = (g as any)[st.method](...st.args, kw);
      if (st.out) expect(res, what).toBe(kw.out);
      expectExact(res, st.result, what);
      expect(pcgState(g.bit_generator), what).toEqual(st.state);
    }
  });

  for (const c of fx.out_errors) {
    it(`error: ${c.label}`, () => {
      const g = random.default_rng(0);
      const before = pcgState(g.bit_generator);
      const kw = { ...c.kwargs };
      if (c.out) {
        let base = c.out.order === "F" ? makeOut({ shape: c.out.base, dtype: c.out.dtype, order: "F" }) : np.empty(c.out.base, { dtype: c.out.dtype });
        if (c.out.step) base = base.get(...c.out.step.map((s: number) => `::${s}`));
        kw.out = base;
      }
      let err: any = null;
      try {
        (g as any)[c.method](...c.args, kw);
      } catch (e) {
        err = e;
      }
      expect(err, c.label).not.toBeNull();
      expect(err.name).toBe(c.error);
      expect(err.message).toBe(c.message);
      expect(pcgState(g.bit_generator)).toEqual(before);
    });
  }

  it("out= writes the caller's memory: views see it, arrays computed earlier from it do not change", () => {
    const g = random.default_rng(1);
    const out = np.zeros([2, 3]);
    const view = out.get(1);
    const before = out.add(1);
    expect(g.standard_normal({ out })).toBe(out);
    const ref = random.default_rng(1).standard_normal([2, 3]) as NDArray;
    expect(out.tolist()).toEqual(ref.tolist());
    expect(view.tolist()).toEqual((ref.tolist() as number[][])[1]);
    expect(before.tolist()).toEqual([[1, 1, 1], [1, 1, 1]]);
    const ro = np.broadcast_to(np.zeros(3), [2, 3]);
    expect(() => g.random({ out: ro })).toThrow("Supplied output array must be contiguous, writable, aligned, and in machine byte-order.");
    expect(() => g.random({ out: [1, 2] })).toThrow(TypeError);
  });
});
