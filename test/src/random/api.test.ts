/** @file np.random's surface: the headline examples, module-level legacy functions, spawn, array parameters, realized results and NumPy's errors. */
import { describe, expect, it } from "vitest";
import * as random from "../../../src/random/index.js";
import * as np from "../../../src/index.js";

describe("np.random", () => {
  it("default_rng(42).normal(size=5) prints NumPy's values", () => {
    const x = random.default_rng(42).normal({ size: 5 }) as np.NDArray;
    expect(x.dtype.name).toBe("float64");
    expect(x.shape).toEqual([5]);
    expect(x.tolist()).toEqual([0.30471707975443135, -1.0399841062404955, 0.7504511958064572, 0.9405647163912139, -1.9510351886538364]);
  });

  it("np.random.seed(0); np.random.rand(3)", () => {
    random.seed(0);
    const x = random.rand(3) as np.NDArray;
    expect(x.tolist()).toEqual([0.5488135039273248, 0.7151893663724195, 0.6027633760716439]);
    random.seed(0);
    expect(random.random_sample()).toBe(0.5488135039273248);
    expect(typeof random.randint(10)).toBe("number");
  });

  it("spawn gives NumPy's independent child streams", () => {
    const g = random.default_rng(7);
    const kids = g.spawn(2);
    expect(kids.map((k) => (k.integers(0, 100, 3) as np.NDArray).tolist())).toEqual([[30, 79, 20], [68, 48, 39]]);
    expect(g.random()).toBe(0.625095466604667);
    const ss = new random.SeedSequence(5);
    expect(ss.spawn(2).map((s) => random.default_rng(s).random())).toEqual([0.4031184756244418, 0.2531538239071238]);
    expect(g.bit_generator).toBeInstanceOf(random.PCG64);
  });

  it("array parameters broadcast as NumPy's cont", () => {
    const r = random.default_rng(3);
    expect((r.normal([0, 10, 20], [1, 2, 3]) as np.NDArray).tolist()).toEqual([2.0409191213851825, 4.8886699373716365, 21.254296540177336]);
    const u = r.uniform([0, 1], [[2], [3]]) as np.NDArray;
    expect(u.shape).toEqual([2, 2]);
    expect(u.tolist()).toEqual([[1.1643240721287356, 1.094128642240399], [1.2993808207094215, 1.958102596281668]]);
    expect((r.normal(0, [1, 2], { size: [2, 2] }) as np.NDArray).tolist()).toEqual([[-0.23193237764418947, -1.7304261525498834], [3.3229995166448827, 0.4515732264558435]]);
  });

  it("draws happen at the call: results are realized and never re-drawn", () => {
    const r = random.default_rng(1);
    const x = r.random(5) as np.NDArray;
    const y = r.random(5) as np.NDArray;
    expect(x.isRealized).toBe(true);
    expect(x.tolist()).toEqual(x.tolist());
    expect(x.tolist()).not.toEqual(y.tolist());
    const s = x.add(1);
    expect((s.tolist() as number[]).map((v) => v - 1)).toEqual((x.tolist() as number[]).map((v) => v + 1 - 1));
  });

  it("shuffle writes in place after pending readers are computed", () => {
    const a = np.arange(10);
    const b = a.mul(2); // lazy reader of a
    random.default_rng(0).shuffle(a);
    expect(b.tolist()).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect([...(a.tolist() as number[])].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("NumPy's errors", () => {
    const r = random.default_rng(0);
    expect(() => r.integers(5, 5)).toThrow("low >= high");
    expect(() => r.integers(5, 4, { endpoint: true })).toThrow("low > high");
    expect(() => r.integers(-1, 10, { dtype: "uint8" })).toThrow("low is out of bounds for uint8");
    expect(() => r.integers(0, 300, { dtype: "uint8" })).toThrow("high is out of bounds for uint8");
    expect(() => r.normal(0, -1)).toThrow("scale < 0");
    expect(() => r.choice(5, 6, { replace: false })).toThrow("Cannot take a larger sample than population when replace is False");
    expect(() => r.choice(3, { p: [0.5, 0.5, 0.5] })).toThrow("probabilities do not sum to 1");
    expect(() => r.choice(3, { p: [0.5, 0.5] })).toThrow("a and p must have same size");
    expect(() => r.random(-1)).toThrow("negative dimensions are not allowed");
    expect(() => r.random({ dtype: "int32" })).toThrow(TypeError);
    expect(() => r.uniform(-Infinity, Infinity)).toThrow(np.OverflowError);
    expect(() => new random.Generator({} as never)).toThrow(TypeError);
  });

  it("RandomState state round-trips through get_state/set_state, including the cached gauss", () => {
    const rs = new random.RandomState(3);
    rs.randn();
    const st = rs.get_state();
    const a = rs.randn(4) as np.NDArray;
    rs.set_state(st);
    expect((rs.randn(4) as np.NDArray).tolist()).toEqual(a.tolist());
    const d = rs.get_state({ legacy: false }) as Record<string, unknown>;
    expect(d.bit_generator).toBe("MT19937");
    const rs2 = new random.RandomState(0);
    rs2.set_state(d);
    expect(rs2.randn()).toBe(rs.randn());
  });

  it("size 0 and shapes", () => {
    const r = random.default_rng(0);
    expect((r.random([2, 0]) as np.NDArray).shape).toEqual([2, 0]);
    expect((r.integers(0, 5, [0], { dtype: "int8" }) as np.NDArray).dtype.name).toBe("int8");
    expect((r.standard_normal([]) as np.NDArray).shape).toEqual([]);
  });
});
