/** @file The reductions fixture (test/fixtures/reductions.json, from gen_reductions.py): decoding, inputs, and one case run against NumPy's result or error. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";


export type Enc = number | string | boolean | Enc[];
export interface InputSpec {
  dtype: string;
  shape: number[];
  values?: Enc[];
  gen?: { seed: number; n: number; dtype?: string; add?: number };
}
export interface Case {
  group: string;
  fn: string;
  input: string;
  kwargs: Record<string, unknown>;
  view?: (string | [string, unknown])[];
  method?: boolean;
  exact?: boolean;
  tol?: string;
  error?: { type: string; msg: string };
  dtype?: string;
  shape?: number[];
  values?: Enc[];
}

export const fixture = JSON.parse(readFileSync(new URL("../fixtures/reductions.json", import.meta.url), "utf8")) as {
  inputs: Record<string, InputSpec>;
  cases: Case[];
};

export const decFloat = (v: Enc): number => (v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v === "-0" ? -0 : (v as number));

/** The generator's splitmix64 doubles, replayed bit for bit (BigInt: 64-bit wrapping products). */
export function splitmix(seed: number, n: number): Float64Array {
  const M = (1n << 64n) - 1n;
  const out = new Float64Array(n);
  let s = BigInt(seed);
  for (let i = 0; i < n; i++) {
    s = (s + 0x9e3779b97f4a7c15n) & M;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
    z ^= z >> 31n;
    out[i] = (Number(z >> 11n) / 2 ** 53 - 0.5) * 2 ** (Number(z & 7n) - 4);
  }
  return out;
}

export const inputCache = new Map<string, np.NDArray>();
export function input(name: string): np.NDArray {
  let a = inputCache.get(name);
  if (a) return a;
  const spec = fixture.inputs[name];
  if (spec.gen) {
    const { seed, n, dtype, add } = spec.gen;
    const g = splitmix(seed, n);
    const data = dtype === "float32" ? Float32Array.from(g, (x) => Math.fround(Math.fround(x) + (add ?? 0))) : g;
    a = np.array(data).reshape(spec.shape);
  } else {
    const vals = spec.values!.map((v) => {
      if (spec.dtype.startsWith("complex")) return np.complex(decFloat((v as Enc[])[0]), decFloat((v as Enc[])[1]));
      if (spec.dtype.startsWith("float")) return decFloat(v);
      return typeof v === "string" ? Number(v) : v;
    });
    a = np.array(vals as never, { dtype: spec.dtype }).reshape(spec.shape);
  }
  inputCache.set(name, a);
  return a;
}

export function applyView(a: np.NDArray, view: Case["view"]): np.NDArray {
  for (const step of view ?? []) {
    if (step === "T") a = a.T;
    else if (step[0] === "idx") a = a.get(step[1] as string);
    else a = a.transpose(step[1]);
  }
  return a;
}

export function flatList(x: unknown, depth: number): unknown[] {
  if (depth === 0) return [x];
  return (x as unknown[]).flatMap((y) => flatList(y, depth - 1));
}

/** First difference between a result and NumPy's values, or null. */
export function mismatch(c: Case, r: np.NDArray): string | null {
  const got = flatList(r.tolist({ bigint: true }), r.ndim);
  const want = c.values!;
  if (got.length !== want.length) return `length ${got.length} != ${want.length}`;
  const kind = c.dtype === "bool" ? "b" : c.dtype!.startsWith("complex") ? "c" : c.dtype!.startsWith("float") ? "f" : "i";
  const single = c.dtype === "float32" || c.dtype === "complex64";
  const rtol = single ? 1e-6 : 1e-12;
  const lanes = (v: Enc): number[] => (kind === "c" ? (v as Enc[]).map(decFloat) : [decFloat(v)]);
  let scale = 0;
  if (kind === "f" || kind === "c") for (const v of want) for (const x of lanes(v)) if (Number.isFinite(x)) scale = Math.max(scale, Math.abs(x));
  const atol = (single ? 1e-6 : 1e-13) * scale;
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i];
    if (kind === "b" || kind === "i") {
      if (String(g) !== String(w)) return `[${i}] got ${String(g)}, want ${String(w)}`;
      continue;
    }
    const gl = kind === "c" ? [(g as { re: number }).re, (g as { im: number }).im] : [g as number];
    const wl = lanes(w);
    for (let k = 0; k < wl.length; k++) {
      const a = gl[k], b = wl[k];
      const same = Number.isNaN(b) ? Number.isNaN(a) : c.exact ? Object.is(a, b) : a === b || Math.abs(a - b) <= rtol * Math.abs(b) + atol;
      if (!same) return `[${i}] got ${JSON.stringify(g)} (${String(a)}), want ${JSON.stringify(w)}`;
    }
  }
  return null;
}

export function options(c: Case): Record<string, unknown> {
  const o: Record<string, unknown> = { ...c.kwargs };
  const out = o.out as { dtype: string; shape: number[] } | undefined;
  if (out) o.out = np.zeros(out.shape, { dtype: out.dtype });
  return o;
}

export function run(c: Case): void {
  const x = applyView(input(c.input), c.view);
  const opts = options(c);
  const call = () => (c.method ? (x as unknown as Record<string, (o: object) => np.NDArray>)[c.fn](opts) : (np as unknown as Record<string, (a: np.NDArray, o: object) => np.NDArray>)[c.fn](x, opts));
  if (c.error) {
    let err: unknown = null;
    try {
      call().eval();
    } catch (e) {
      err = e;
    }
    expect(err, `expected ${c.error.type}: ${c.error.msg}`).toBeInstanceOf(Error);
    const cls = { AxisError: np.AxisError, ValueError: np.ValueError, TypeError: np.TypeError, OverflowError: np.OverflowError }[c.error.type];
    expect((err as Error).name).toBe(c.error.type);
    if (cls) expect(err).toBeInstanceOf(cls);
    expect((err as Error).message).toBe(c.error.msg);
    return;
  }
  const r = call();
  if (opts.out) expect(r).toBe(opts.out);
  expect(r.dtype.name).toBe(c.dtype);
  expect(r.shape).toEqual(c.shape);
  expect(mismatch(c, r)).toBeNull();
}

export function caseName(c: Case, i: number): string {
  const v = c.view ? ` view=${JSON.stringify(c.view)}` : "";
  return `#${i} ${c.method ? "a." : "np."}${c.fn}(${c.input}${v}, ${JSON.stringify(c.kwargs)})${c.exact ? " exact" : ""}`;
}

/** The fixture functions that accumulate (test/src/accumulate.test.ts); every other case is a reduction. */
export const ACCUMULATIONS: ReadonlySet<string> = new Set(["cumsum", "cumprod"]);

/** One describe per fixture group, with a test for each fixture case `keep` selects. */
export function describeCases(title: string, keep: (c: Case) => boolean): void {
  describe(title, () => {
    const groups = new Map<string, [Case, number][]>();
    fixture.cases.forEach((c, i) => {
      if (!keep(c)) return;
      if (!groups.has(c.group)) groups.set(c.group, []);
      groups.get(c.group)!.push([c, i]);
    });
    for (const [group, list] of groups) {
      describe(group, () => {
        for (const [c, i] of list) it(caseName(c, i), () => run(c));
      });
    }
  });
}
