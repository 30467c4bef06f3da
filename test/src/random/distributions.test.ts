/** @file Generator's gamma/beta/poisson/binomial/lognormal/laplace/geometric/multinomial/permuted and RandomState's binomial/poisson against NumPy (test/fixtures/random2.json): values bit for bit, state after each call. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as random from "../../../src/random/index.js";
import { NDArray } from "../../../src/ndarray.js";
import * as np from "../../../src/index.js";
import { expectResult, make, stateOf } from "../../helpers/random-fixture.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/random2.json", import.meta.url), "utf8"));

describe("distributions replayed against NumPy", () => {
  for (const ses of fx.sessions) {
    it(`${ses.kind}(${JSON.stringify(ses.seed)})`, () => {
      const obj = make(ses.kind, ses.seed);
      expect(stateOf(ses.kind, obj), "initial state").toEqual(ses.initial);
      ses.calls.forEach((c: any, i: number) => {
        const what = `#${i} ${c.method}(${JSON.stringify(c.args).slice(0, 80)}, ${JSON.stringify(c.kwargs)})`;
        const args = c.method === "permuted" ? [np.array(c.args[0]), ...c.args.slice(1)] : c.args;
        const got = obj[c.method](...args, ...(Object.keys(c.kwargs).length ? [c.kwargs] : []));
        expectResult(got, c.result, what);
        expect(stateOf(ses.kind, obj), `${what}: state after`).toEqual(c.state);
      });
    });
  }
});

describe("argument checks as NumPy's", () => {
  const rng = random.default_rng(1);
  it("rejects out-of-range parameters before drawing", () => {
    expect(() => rng.gamma(-1)).toThrow("shape < 0");
    expect(() => rng.gamma(1, -0.0)).toThrow("scale < 0");
    expect(() => rng.beta(0, 1)).toThrow("a <= 0");
    expect(() => rng.poisson(-1)).toThrow("lam < 0 or lam is NaN");
    expect(() => rng.poisson(1e19)).toThrow("lam value too large");
    expect(() => rng.binomial(5, 1.5)).toThrow("p < 0, p > 1 or p is NaN");
    expect(() => rng.binomial(-1, 0.5)).toThrow("n < 0");
    expect(() => rng.geometric(0)).toThrow("p <= 0, p > 1 or p contains NaNs");
    expect(() => rng.multinomial(10, [0.7, 0.7, 0.1])).toThrow("sum(pvals[:-1]) > 1.0");
    expect(() => rng.poisson([1, -1])).toThrow("lam < 0");
  });
  it("permuted writes into out and returns it", () => {
    const x = np.arange(6).reshape([2, 3]);
    const out = np.zeros([2, 3], { dtype: "int64" });
    const r = random.default_rng(3).permuted(x, { axis: 1, out });
    expect(r).toBe(out);
    const want = random.default_rng(3).permuted(x, { axis: 1 });
    expect(out.tolist()).toEqual(want.tolist());
    expect(x.tolist()).toEqual([[0, 1, 2], [3, 4, 5]]);
  });
  it("np.random.binomial / poisson use the global RandomState", () => {
    random.seed(5);
    const a = random.binomial(10, 0.5, 4);
    random.seed(5);
    expect((new random.RandomState(5).binomial(10, 0.5, 4) as NDArray).tolist()).toEqual((a as NDArray).tolist());
  });
});

