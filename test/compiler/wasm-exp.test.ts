/** @file The wasm kernels' own exp must give Math.exp's bits (the JS kernels call Math.exp), on both lane paths. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";

/** Deterministic inputs spread over exp's whole domain, with its edges. */
function inputs(): number[] {
  const out = [0, -0, 1, -1, 0.5, -0.5, 1e-300, -1e-300, 5e-324, 2 ** -28, -(2 ** -28), 0.34657359027997264, 1.0397207708399179,
    709.782712893384, 709.7827128933841, 709.78, -745.1332191019411, -745.1332191019412, -745.14, -708.4, -708.3964185322641,
    -740, 700, NaN, Infinity, -Infinity, 1e300, -1e300, 2, 10, -10, 100.5, -100.5];
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 20000; i++) {
    const scale = [1e-8, 1e-3, 1, 10, 100, 750][i % 6];
    out.push((rnd() * 2 - 1) * scale);
  }
  return out;
}

describe("wasm exp", () => {
  const xs = inputs();
  const want = xs.map(Math.exp);
  const check = (got: number[]) => {
    const bad = got.map((v, i) => [xs[i], v, want[i]]).filter(([, v, w]) => !Object.is(v, w));
    expect(bad.slice(0, 5)).toEqual([]);
  };

  it("two lanes at a time (contiguous float64) equals Math.exp bit for bit", () => {
    check(np.exp(np.array(xs)).tolist() as number[]);
  });

  it("one lane at a time (an odd tail) equals Math.exp bit for bit", () => {
    const a = np.array(xs);
    for (let start = 0; start < 3; start++) {
      const part = np.exp(a.get(`${start}:${start + 3}`)).tolist() as number[];
      part.forEach((v, i) => expect(Object.is(v, want[start + i])).toBe(true));
    }
  });

  it("inside a fused row reduction too", () => {
    const a = np.array(xs.slice(100, 2100).map((v) => v / 1000)).reshape(20, 100);
    const got = np.exp(a).sum({ axis: 1 }).tolist() as number[];
    const rows = a.tolist() as number[][];
    rows.forEach((r, i) => expect(got[i]).toBeCloseTo(r.reduce((s, v) => s + Math.exp(v), 0), 10));
  });
});
