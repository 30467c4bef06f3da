/** @file Worker threads (runtime/threads.ts): large wasm kernels split between threads give NumPy's values (test/fixtures/threads.json, written by gen_threads.py) and the very bits of one thread, for pairwise row sums, rows, columns and elementwise slices. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as np from "../../src/index.js";
import { setThreads, startThreads, threadCount } from "../../runtime/threads.js";
import { counters } from "../../runtime/debug.js";
import { wasmMemory } from "../../runtime/wasm-memory.js";

type Enc = number | string;
const fx = JSON.parse(readFileSync(new URL("../fixtures/threads.json", import.meta.url), "utf8")) as {
  cases: { n: number; dtype: string; sum: Enc; mean: Enc; var: Enc; std: Enc; normalized_sum: Enc }[];
  row_sums: Enc[];
  col_sums: Enc[];
  row_means_f32: Enc[];
};
const dec = (v: Enc) => (typeof v === "number" ? v : v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : -0);

/** gen_threads.py's data: every step correctly rounded, so both sides hold the same values */
const data = (n: number, dtype: string) => {
  const v = np.arange(n, { dtype: "int64" }).mul(7919).mod(1000003).div(3).sub(1e5);
  return v.mul(v).div(7).sub(1e9).astype(dtype).eval();
};

/** the same computation on one thread and on all: [threaded, single] */
function both<T>(f: () => T): [T, T] {
  const n = threadCount();
  const before = counters.threadedCalls;
  const par = f();
  const used = counters.threadedCalls > before;
  setThreads(1);
  try {
    const one = f();
    if (wasmMemory()) expect(used, "the call ran on worker threads").toBe(true);
    return [par, one];
  } finally {
    setThreads(n);
  }
}

const wasm = wasmMemory() !== null;
const saved = threadCount();
beforeAll(() => {
  setThreads(2);
  if (wasm) expect(startThreads()).toBe(2);
});
afterAll(() => setThreads(saved));

describe("pairwise rows split at NumPy's top-level point", () => {
  for (const c of fx.cases) {
    it(`${c.dtype} n=${c.n}: sum, mean, var, std, fused normalization`, () => {
      const x = data(c.n, c.dtype);
      const [par, one] = both(() => [
        x.sum().item(), x.mean().item(), x.var().item(), x.std().item(),
        x.sub(x.mean()).div(x.std()).sum().item(),
      ] as number[]);
      expect(par).toEqual(one);
      // float32 chains are computed in double and rounded once per stored value, so the fused
      // normalization's float32 sum of near-cancelling terms is not NumPy's bits
      const want = [c.sum, c.mean, c.var, c.std, c.normalized_sum].map(dec);
      expect(c.dtype === "float32" ? par.slice(0, 4) : par).toEqual(c.dtype === "float32" ? want.slice(0, 4) : want);
    });
  }
});

describe("independent slices", () => {
  const rows = () => data(700 * 1000, "float64").reshape(700, 1000);
  it("row sums (axis 1) and float32 row means", () => {
    const X = rows();
    const [par, one] = both(() => X.sum({ axis: 1 }).tolist() as number[]);
    expect(par).toEqual(one);
    expect(par).toEqual(fx.row_sums.map(dec));
    const X32 = X.astype("float32").eval();
    const [m32] = both(() => X32.mean({ axis: 1 }).tolist() as number[]);
    expect(m32).toEqual(fx.row_means_f32.map(dec));
  });
  it("column sums (axis 0)", () => {
    const X = rows();
    const [par, one] = both(() => X.sum({ axis: 0 }).tolist() as number[]);
    expect(par).toEqual(one);
    expect(par).toEqual(fx.col_sums.map(dec));
  });
  const same = (p: Uint8Array, o: Uint8Array) => expect(Buffer.from(p).equals(Buffer.from(o))).toBe(true);
  it("elementwise chains, contiguous, strided and in place", () => {
    const a = data(1 << 20, "float64");
    const b = a.mul(0.5).add(3).eval();
    const [p1, o1] = both(() => a.mul(b).add(a.mul(a)).sub(b).tobytes());
    same(p1, o1);
    const A = a.reshape(1024, 1024);
    const [p2, o2] = both(() => A.get("::-1", "1:").mul(2).add(A.get(":", ":-1")).tobytes());
    same(p2, o2);
    const [p3, o3] = both(() => {
      const c = a.copy().eval();
      np.add(c, 1.5, { out: c });
      return c.tobytes();
    });
    same(p3, o3);
  });
  it("small calls stay on one thread", () => {
    const before = counters.threadedCalls;
    np.arange(1000).mul(2).sum().eval();
    expect(counters.threadedCalls).toBe(before);
  });
});
