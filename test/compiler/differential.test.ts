/** @file Differential tests: every corpus graph's compiled result (eval and np.jit, first and re-bound call) against the reference interpreter run on the same graph before evaluation. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { interpret, type Interpreted } from "../../runtime/interp.js";
import type { JSScalar } from "../../runtime/scalar.js";
import { CORPUS, KNOWN_BAD, LIMITATIONS, asList, type Case } from "./corpus.js";

type C = { re: number; im: number };
const isC = (x: unknown): x is C => typeof x === "object" && x !== null && !Array.isArray(x) && "re" in x;

function flat(x: unknown): JSScalar[] {
  if (!Array.isArray(x)) return [x as JSScalar];
  return x.flatMap(flat);
}

/** Lanes of a value list as numbers (complex split in re, im), for one tolerance rule. */
function lanes(vals: readonly JSScalar[]): number[] {
  return vals.flatMap((v) => (isC(v) ? [v.re, v.im] : [typeof v === "boolean" ? +v : Number(v)]));
}

/**
 * rtol per dtype, plus an absolute floor of rtol times the output's largest magnitude: sums that cancel to
 * ~0 (pairwise against sequential order, float32 intermediates kept in double) still compare.
 */
function expectMatches(got: np.NDArray, ref: Interpreted, label: string): void {
  expect(got.shape, `${label}: shape`).toEqual(ref.shape);
  expect(got.dtype.name, `${label}: dtype`).toBe(ref.dtype.name);
  const g = flat(got.tolist());
  expect(g.length, `${label}: size`).toBe(ref.values.length);
  const dt = ref.dtype;
  if (dt.kind === "b" || dt.kind === "i" || dt.kind === "u") {
    expect(g, label).toEqual(ref.values);
    return;
  }
  const rtol = dt.name === "float32" || dt.name === "complex64" ? 1e-6 : 1e-12;
  const gl = lanes(g), rl = lanes(ref.values);
  const scale = Math.max(0, ...rl.filter(Number.isFinite).map(Math.abs));
  gl.forEach((x, i) => {
    const y = rl[i];
    if (Number.isNaN(y) || !Number.isFinite(y)) {
      expect(x, `${label}[${i}]`).toBe(y);
      return;
    }
    if (Math.abs(x - y) > rtol * Math.abs(y) + rtol * scale) {
      expect.fail(`${label}[${i}]: got ${x}, reference ${y} (rtol ${rtol})`);
    }
  });
}

function runCase(c: Case): void {
  // eval against the interpreter, which reads the graph before anything is computed
  const xs = c.make(1);
  const outs = asList(c.fn(...xs));
  const refs = outs.map((o) => interpret(o._node));
  np.eval(...outs);
  outs.forEach((o, i) => expectMatches(o, refs[i], `${c.name} eval #${i}`));
  const evaluated = outs.map((o) => o.tolist());

  // np.jit: the first call equals eval exactly; a second call with new values reuses the plan
  let traces = 0;
  const f = np.jit((...a: np.NDArray[]) => {
    traces++;
    return c.fn(...a);
  });
  const j1 = asList(f(...c.make(1)));
  expect(j1.map((o) => o.tolist()), `${c.name} jit == eval`).toEqual(evaluated);
  const ys = c.make(2);
  const refs2 = asList(c.fn(...ys)).map((o) => interpret(o._node));
  const j2 = asList(f(...ys));
  expect(traces, `${c.name}: the second call is not traced again`).toBe(1);
  j2.forEach((o, i) => expectMatches(o, refs2[i], `${c.name} jit rebound #${i}`));
  // the re-bound run wrote fresh outputs: the first call's results are untouched
  expect(j1.map((o) => o.tolist()), `${c.name}: first jit results kept`).toEqual(evaluated);
}

describe("compiled plans match the reference interpreter", () => {
  for (const c of CORPUS) it(c.name, () => runCase(c));
});

// vitest rejects an empty suite: this one exists only while a known engine bug does
if (KNOWN_BAD.length) {
  describe("known engine bugs (the interpreter holds NumPy's value)", () => {
    for (const c of KNOWN_BAD) it.fails(c.name, () => runCase(c));
  });
}

describe("documented limitations (the interpreter holds NumPy's value)", () => {
  for (const c of LIMITATIONS) it.fails(c.name, () => runCase(c));
});
