/** @file SeedSequence, PCG64 and MT19937 against NumPy (test/fixtures/random.json) and PCG64's limb arithmetic against a BigInt reference. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as random from "../../../src/random/index.js";
import { PCG64Core, PCG_MULT } from "../../../runtime/random/pcg64.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/random.json", import.meta.url), "utf8"));
const big = (v: string | number | (string | number)[]) => (Array.isArray(v) ? v.map((x) => BigInt(x)) : BigInt(v));

describe("SeedSequence", () => {
  for (const c of fx.seedsequence) {
    it(`entropy ${JSON.stringify(c.entropy).slice(0, 40)} spawn_key ${JSON.stringify(c.spawn_key)} pool ${c.pool_size}`, () => {
      const ss = new random.SeedSequence(big(c.entropy) as never, { spawn_key: c.spawn_key.map(Number), pool_size: c.pool_size });
      expect(Array.from(ss.pool)).toEqual(c.pool);
      const u32 = ss.generate_state(9);
      expect(u32.dtype.name).toBe("uint32");
      expect(u32.tolist()).toEqual(c.u32);
      const u64 = ss.generate_state(5, "uint64");
      expect(u64.dtype.name).toBe("uint64");
      expect(u64.shape).toEqual([5]);
      expect((u64.tolist as (o: unknown) => unknown)({ bigint: true })).toEqual(c.u64.map(BigInt));
      const kids = [...ss.spawn(2), ...ss.spawn(1)];
      expect(ss.n_children_spawned).toBe(3);
      kids.forEach((k, i) => {
        expect(k.spawn_key).toEqual(c.children[i].spawn_key);
        expect(Array.from(k.pool)).toEqual(c.children[i].pool);
      });
    });
  }
  it("rejects negative and float entropy", () => {
    expect(() => new random.SeedSequence(-1)).toThrow(random.SeedSequence.length >= 0 ? Error : Error);
    expect(() => new random.SeedSequence(1.5)).toThrow(TypeError);
  });
});

const pcgState = (bg: random.PCG64) => {
  const s = bg.state;
  return { state: String(s.state.state), inc: String(s.state.inc), has_uint32: s.has_uint32, uinteger: s.uinteger };
};

describe("PCG64", () => {
  for (const c of fx.pcg64) {
    it(`seed ${JSON.stringify(c.seed)}: state, raw draws, advance, jumped`, () => {
      const seed = Array.isArray(c.seed) ? c.seed : typeof c.seed === "string" ? BigInt(c.seed) : c.seed;
      const bg = new random.PCG64(seed);
      expect(pcgState(bg)).toEqual(c.initial);
      const raw = bg.random_raw(12);
      expect(((raw as { tolist: (o: unknown) => unknown }).tolist)({ bigint: true })).toEqual(c.raw.map(BigInt));
      const b2 = new random.PCG64(seed);
      b2.advance(1000);
      expect(pcgState(b2)).toEqual(c.advanced_1000);
      b2.advance((1n << 128n) - 1000n);
      expect(pcgState(b2)).toEqual(c.advanced_back);
      const b3 = new random.PCG64(seed);
      b3.random_raw();
      new random.Generator(b3).random({ dtype: "float32" });
      expect(pcgState(b3)).toEqual(c.before_jump);
      const j1 = b3.jumped();
      expect(pcgState(j1)).toEqual(c.jumped);
      expect(pcgState(b3.jumped(3))).toEqual(c.jumped3);
      expect(pcgState(b3)).toEqual(c.after_jump_source);
      const jr = j1.random_raw(3) as unknown as { tolist: (o: unknown) => unknown };
      expect(jr.tolist({ bigint: true })).toEqual(c.jumped_raw.map(BigInt));
    });
  }

  it("limb arithmetic equals the BigInt LCG and XSL-RR over many steps", () => {
    const M = (1n << 128n) - 1n, M64 = (1n << 64n) - 1n;
    const core = new PCG64Core();
    // awkward values: all-ones limbs, carries through every column
    for (const [st, inc] of [[M, M], [123456789n << 90n, 1n], [0xffffffff00000000ffffffff00000000n, 0x8000000000000000000000000000001n]] as const) {
      core.state128 = st;
      core.inc128 = inc;
      let s = st;
      for (let i = 0; i < 2000; i++) {
        s = (s * PCG_MULT + inc) & M;
        const x = ((s >> 64n) ^ s) & M64;
        const rot = s >> 122n;
        const want = ((x >> rot) | (x << ((64n - rot) & 63n))) & M64;
        core.next64();
        expect((BigInt(core.hi) << 32n) | BigInt(core.lo)).toBe(want);
      }
      expect(core.state128).toBe(s);
    }
  });

  it("state can be set from NumPy's dict shape", () => {
    const a = new random.PCG64(1), b = new random.PCG64(2);
    a.random_raw(3);
    b.state = a.state;
    expect(b.random_raw()).toBe(a.random_raw());
    expect(() => (b.state = { bit_generator: "MT19937" })).toThrow("state must be for a PCG64 PRNG");
  });
});

describe("MT19937", () => {
  for (const c of fx.mt19937.legacy) {
    it(`legacy seeding ${JSON.stringify(c.seed).slice(0, 30)}`, () => {
      const rs = new random.RandomState(c.seed);
      const key = (rs.get_state() as unknown as [string, { tolist(): number[] }])[1].tolist();
      expect(key.slice(0, 5)).toEqual(c.key_first);
      expect(key[623]).toBe(c.key_last);
      expect(String(key.reduce((a, b) => a + b, 0))).toBe(c.key_sum);
      expect((rs.randint(0, 2 ** 32, 8, { dtype: "uint32" }) as { tolist(): number[] }).tolist()).toEqual(c.u32);
    });
  }
  it("SeedSequence seeding (Generator's MT19937)", () => {
    const c = fx.mt19937.seedseq_mt;
    const bg = new random.MT19937(c.seed);
    const st = bg.state;
    expect(st.state.pos).toBe(c.pos);
    const key = st.state.key.tolist() as number[];
    expect(key.slice(0, 5)).toEqual(c.key_first);
    expect(String(key.reduce((a, b) => a + b, 0))).toBe(c.key_sum);
    expect(((bg.random_raw(6) as unknown as { tolist: (o: unknown) => unknown }).tolist)({ bigint: true })).toEqual(c.raw.map(BigInt));
  });
  it("legacy seed errors as NumPy", () => {
    expect(() => new random.RandomState(-1)).toThrow("Seed must be between 0 and 2**32 - 1");
    expect(() => new random.RandomState(2 ** 32)).toThrow("Seed must be between 0 and 2**32 - 1");
    expect(() => new random.RandomState([])).toThrow("Seed must be non-empty");
    expect(() => new random.RandomState([[1, 2]])).toThrow("Seed array must be 1-d");
  });
});

