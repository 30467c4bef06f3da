/** @file Shared harness for the named-case fixture tests: loads test/fixtures/<name>.json (core.json from gen_core.py, surface.json from gen_surface.py) and compares numfuse results with NumPy's. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { decFloat } from "../helpers/numpy.js";

type Enc = number | string | boolean | Enc[] | { re: Enc; im: Enc };

interface ArrayEnc {
  dtype: string;
  shape: number[];
  values: Enc[];
  strides?: number[];
  c?: boolean;
  f?: boolean;
  owndata?: boolean;
  writeable?: boolean;
}
type ResultEnc = ArrayEnc | { list: ResultEnc[] } | { py: Enc } | boolean | number | string;

interface Case {
  result?: ResultEnc;
  error?: string;
  message?: string;
  layout?: boolean;
}

type Fixture = {
  numpy: string;
  cases: Record<string, Case>;
};
const fixtures = new Map<string, Fixture>();
const load = (name: string): Fixture => {
  let f = fixtures.get(name);
  if (!f) fixtures.set(name, (f = JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")) as Fixture));
  return f;
};

/** What a case function may return: arrays, JS values from tolist/item (wrapped in py), booleans. */
export type Result = np.NDArray | Result[] | { py: unknown } | boolean | number | string;

export interface CaseSpec {
  fn: () => Result;
  /** relative tolerance for float values (default: exact) */
  rtol?: number;
  /** a known engine bug (file not owned by this suite) makes it fail: named in the comment at the case */
  fails?: boolean;
}
export type Cases = Record<string, (() => Result) | CaseSpec>;

const py = (x: unknown) => ({ py: x });
export { py };


function closeTo(actual: number, expected: number, rtol: number, where: string): void {
  if (Number.isNaN(expected)) {
    expect(actual, where).toBeNaN();
    return;
  }
  if (rtol === 0 || !Number.isFinite(expected)) {
    expect(Object.is(actual, expected) || (actual === expected && expected !== 0), `${where}: ${actual} vs ${expected}`).toBe(true);
    return;
  }
  expect(Math.abs(actual - expected) <= rtol * Math.abs(expected) + 1e-300, `${where}: ${actual} vs ${expected}`).toBe(true);
}

function checkArray(a: np.NDArray, e: ArrayEnc, rtol: number, layout: boolean, where: string): void {
  expect(a, where).toBeInstanceOf(np.NDArray);
  expect(a.shape, `${where} shape`).toEqual(e.shape);
  expect(a.dtype.name, `${where} dtype`).toBe(e.dtype);
  const kind = a.dtype.kind;
  const wide = kind === "i" || kind === "u" ? a.dtype.itemsize === 8 : false;
  const flat = a.size === 0 ? [] : (a.reshape(-1).tolist({ bigint: wide }) as unknown[]);
  expect(flat.length, `${where} size`).toBe(e.values.length);
  e.values.forEach((ev, i) => {
    const av = flat[i];
    const w = `${where}[${i}]`;
    if (kind === "b") expect(av, w).toBe(ev);
    else if (wide) expect(av, w).toBe(BigInt(ev as string));
    else if (kind === "i" || kind === "u") expect(av, w).toBe(ev);
    else if (kind === "c") {
      const [re, im] = ev as [Enc, Enc];
      const c = av as { re: number; im: number };
      closeTo(c.re, decFloat(re), rtol, `${w}.re`);
      closeTo(c.im, decFloat(im), rtol, `${w}.im`);
    } else closeTo(av as number, decFloat(ev), rtol, w);
  });
  if (layout) {
    expect(a.strides, `${where} strides`).toEqual(e.strides);
    const f = a.flags;
    expect({ c: f.c_contiguous, f: f.f_contiguous, owndata: f.owndata, writeable: f.writeable }, `${where} flags`).toEqual({
      c: e.c, f: e.f, owndata: e.owndata, writeable: e.writeable,
    });
  }
}

/** A Python value (tolist/item) against the JS value numfuse returns. */
function checkPy(actual: unknown, e: Enc, rtol: number, where: string): void {
  if (Array.isArray(e)) {
    expect(Array.isArray(actual), `${where} is a list`).toBe(true);
    expect((actual as unknown[]).length, `${where} length`).toBe(e.length);
    e.forEach((x, i) => checkPy((actual as unknown[])[i], x, rtol, `${where}[${i}]`));
  } else if (typeof e === "object") {
    const c = actual as { re: number; im: number };
    closeTo(c.re, decFloat(e.re), rtol, `${where}.re`);
    closeTo(c.im, decFloat(e.im), rtol, `${where}.im`);
  } else if (typeof e === "boolean") expect(actual, where).toBe(e);
  else if (typeof e === "string" && !["nan", "inf", "-inf", "-0"].includes(e)) {
    // a Python int beyond 2**53
    expect(typeof actual === "bigint" ? actual : BigInt(actual as number), where).toBe(BigInt(e));
  } else if (typeof actual === "bigint") expect(actual, where).toBe(BigInt(e as number));
  else {
    expect(typeof actual, `${where} type`).toBe(typeof e === "boolean" ? "boolean" : "number");
    closeTo(actual as number, decFloat(e), rtol, where);
  }
}

function checkResult(actual: Result, e: ResultEnc, rtol: number, layout: boolean, where: string): void {
  if (typeof e !== "object") {
    expect(actual, where).toBe(e);
  } else if ("list" in e) {
    expect(Array.isArray(actual), `${where} is a list`).toBe(true);
    expect((actual as Result[]).length, `${where} length`).toBe(e.list.length);
    e.list.forEach((x, i) => checkResult((actual as Result[])[i], x, rtol, layout, `${where}[${i}]`));
  } else if ("py" in e) {
    expect(actual !== null && typeof actual === "object" && "py" in actual, `${where} is a JS value`).toBe(true);
    checkPy((actual as { py: unknown }).py, e.py, rtol, where);
  } else checkArray(actual as np.NDArray, e, rtol, layout, where);
}

/** One `it` per case; every fixture case whose name starts with one of `prefixes` must have a spec here. */
export function runCases(title: string, prefixes: string[], cases: Cases, file = "core"): void {
  const fixture = load(file);
  describe(title, () => {
    it("covers every fixture case of this group", () => {
      const mine = Object.keys(fixture.cases).filter((n) => prefixes.some((p) => n.startsWith(p)));
      expect(mine.filter((n) => !(n in cases))).toEqual([]);
      expect(Object.keys(cases).filter((n) => !(n in fixture.cases))).toEqual([]);
    });
    for (const [name, spec] of Object.entries(cases)) {
      const { fn, rtol = 0, fails = false } = typeof spec === "function" ? { fn: spec } : spec;
      const c = fixture.cases[name];
      const body = () => {
        expect(c, `fixture case ${name}`).toBeDefined();
        if (c.error !== undefined) {
          let thrown: unknown = undefined;
          try {
            fn();
          } catch (err) {
            thrown = err;
          }
          expect(thrown, `${name} throws`).toBeInstanceOf(Error);
          expect((thrown as Error).name, `${name} error class`).toBe(c.error);
          expect((thrown as Error).message, `${name} message`).toBe(c.message);
        } else {
          checkResult(fn(), c.result!, rtol, !!c.layout, name);
        }
      };
      (fails ? it.fails : it)(name, body);
    }
  });
}
