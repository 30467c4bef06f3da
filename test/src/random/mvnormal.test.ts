/**
 * @file Generator.multivariate_normal against NumPy (test/fixtures/random3.json). The standard normals
 * and the state after each call are exact. "cholesky" results match NumPy's to rtol 1e-12 (LAPACK and
 * BLAS sum in another order). For "svd"/"eigh" the factor's columns match NumPy's up to sign (rtol
 * 1e-10; LAPACK's signs are an accident of its algorithm, numfuse makes each column's largest entry
 * positive); the draws equal NumPy's where those signs agree, and otherwise equal mean + z @ (F D).T
 * with NumPy's factor F and the sign flips D.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as random from "../../../src/random/index.js";
import { NDArray } from "../../../src/ndarray.js";
import { cholesky, eigh, svd } from "../../../src/random/linalg-small.js";
import { decFloat } from "../../helpers/numpy.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/random3.json", import.meta.url), "utf8"));

function pcgState(bg: any): any {
  const st = bg.state;
  return { state: String(st.state.state), inc: String(st.state.inc), has_uint32: st.has_uint32, uinteger: st.uinteger };
}

const vals = (e: any) => Float64Array.from(e.values.map(decFloat));

function close(a: number, b: number, rtol: number, atol: number): boolean {
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

describe("multivariate_normal against NumPy", () => {
  for (const c of fx.mvn) {
    it(`seed ${c.seed} ${c.method} n=${c.mean.length} size=${JSON.stringify(c.size)}`, () => {
      const g = random.default_rng(c.seed);
      const x = g.multivariate_normal(c.mean, c.cov, c.size, { method: c.method });
      expect(x).toBeInstanceOf(NDArray);
      expect(x.dtype.name).toBe("float64");
      expect(x.shape).toEqual(c.result.shape);
      expect(pcgState(g.bit_generator)).toEqual(c.state);
      const got = Float64Array.from(x.ravel().tolist() as number[]);
      const want = vals(c.result);
      const n = c.mean.length;
      const covFlat = Float64Array.from((c.cov as number[][]).flat());
      if (c.method === "cholesky") {
        const L = cholesky(covFlat, n);
        vals(c.factor).forEach((v, i) => expect(close(L[i], v, 1e-12, 1e-15), `L[${i}] ${L[i]} vs ${v}`).toBe(true));
        got.forEach((v, i) => expect(close(v, want[i], 1e-12, 1e-13), `[${i}] ${v} vs ${want[i]}`).toBe(true));
        return;
      }
      // our factor, column k = u_k * sqrt(s_k)
      const F = new Float64Array(n * n);
      if (c.method === "svd") {
        const { u, s } = svd(covFlat, n);
        for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) F[i * n + k] = u[i * n + k] * Math.sqrt(s[k]);
      } else {
        const { w, v } = eigh(covFlat, n);
        for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) F[i * n + k] = v[i * n + k] * Math.sqrt(Math.abs(w[k]));
      }
      const Fnp = vals(c.factor);
      const scale = Math.max(...Fnp.map(Math.abs));
      const sign: number[] = [];
      for (let k = 0; k < n; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += F[i * n + k] * Fnp[i * n + k];
        sign.push(dot < 0 ? -1 : 1);
        for (let i = 0; i < n; i++) expect(close(F[i * n + k], sign[k] * Fnp[i * n + k], 1e-10, 1e-12 * scale), `F[${i},${k}]`).toBe(true);
      }
      const z = vals(c.z);
      const rows = z.length / n;
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < n; j++) {
          let acc = 0;
          for (let k = 0; k < n; k++) acc += z[r * n + k] * sign[k] * Fnp[j * n + k];
          const exp = sign.every((s) => s === 1) ? want[r * n + j] : c.mean[j] + acc;
          expect(close(got[r * n + j], exp, 1e-10, 1e-12), `[${r},${j}] ${got[r * n + j]} vs ${exp}`).toBe(true);
        }
      }
    });
  }

  it("diagonal and identity covariances give NumPy's draws exactly where LAPACK's factor is a signed permutation we share", () => {
    for (const c of fx.mvn.filter((m: any) => m.seed === 7 || m.seed === 8 || m.seed === 11 || m.seed === 12 || m.seed === 15)) {
      const x = random.default_rng(c.seed).multivariate_normal(c.mean, c.cov, c.size, { method: c.method });
      expect(x.ravel().tolist(), `seed ${c.seed}`).toEqual(vals(c.result).length ? Array.from(vals(c.result)) : []);
    }
  });
});

describe("multivariate_normal errors, warnings and the state after them", () => {
  afterEach(() => vi.restoreAllMocks());
  for (const c of fx.mvn_errors) {
    it(c.label, () => {
      const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
      const g = random.default_rng(0);
      let err: any = null, res: unknown = null;
      try {
        res = g.multivariate_normal(...c.args, c.kwargs);
      } catch (e) {
        err = e;
      }
      if (c.error) {
        expect(err, c.label).not.toBeNull();
        expect(err.name).toBe(c.error);
        expect(err.message).toBe(c.message);
      } else {
        expect(err).toBeNull();
        expect((res as NDArray).shape).toEqual(c.result.shape);
        expect((res as NDArray).dtype.name).toBe("float64");
      }
      expect(warn.mock.calls.map(([m, t]) => `${t}: ${m}`)).toEqual(c.warnings);
      expect(pcgState(g.bit_generator)).toEqual(c.state);
    });
  }

  it("complex mean or cov is a TypeError", () => {
    const g = random.default_rng(0);
    expect(() => g.multivariate_normal([{ re: 0, im: 1 }, 0] as never, [[1, 0], [0, 1]])).toThrow("mean and cov must not be complex");
  });
});

describe("linalg-small", () => {
  it("svd and eigh reconstruct random symmetric and general matrices", () => {
    const g = random.default_rng(5);
    for (const n of [1, 2, 3, 5, 8]) {
      const a = Float64Array.from((g.standard_normal([n * n]) as NDArray).tolist() as number[]);
      const sym = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sym[i * n + j] = a[i * n + j] + a[j * n + i];
      const { u, s, vh } = svd(a, n);
      const { w, v } = eigh(sym, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let r1 = 0, r2 = 0;
          for (let k = 0; k < n; k++) {
            r1 += u[i * n + k] * s[k] * vh[k * n + j];
            r2 += v[i * n + k] * w[k] * v[j * n + k];
          }
          expect(Math.abs(r1 - a[i * n + j])).toBeLessThan(1e-12 * n);
          expect(Math.abs(r2 - sym[i * n + j])).toBeLessThan(1e-12 * n);
        }
      }
      for (let k = 1; k < n; k++) {
        expect(s[k]).toBeLessThanOrEqual(s[k - 1]);
        expect(w[k]).toBeGreaterThanOrEqual(w[k - 1]);
      }
    }
  });
});
