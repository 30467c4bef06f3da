/** @file np.testing assertions against NumPy 2.4's exact failure messages recorded in test/fixtures/testing.json (gen_testing.py). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import {
  AssertionError, assert_allclose, assert_array_almost_equal, assert_array_equal, assert_array_less, assert_equal, formatG,
} from "../../src/testing.js";
import { decodeArray, decodeValue, type Enc } from "../helpers/numpy.js";

type Input =
  | { dtype: string; shape: number[]; values: Enc[] }
  | { dtype: string; shape: number[]; fill: Enc; set: [number, Enc][] }
  | { py: unknown };

interface Case {
  fn: string;
  a: Input;
  b: Input;
  kw: Record<string, unknown>;
  msg: string | null;
}

const fixture = JSON.parse(readFileSync(new URL("../fixtures/testing.json", import.meta.url), "utf8")) as { cases: Case[] };

function decodePy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodePy);
  if (typeof v === "string") return decodeValue(v, "float64");
  if (typeof v === "object" && v !== null) {
    const c = v as { re: Enc; im: Enc };
    return { re: decodeValue(c.re, "float64"), im: decodeValue(c.im, "float64") };
  }
  return v;
}

function decodeInput(x: Input): unknown {
  if ("py" in x) return decodePy(x.py);
  if ("values" in x) return decodeArray(x);
  const size = x.shape.reduce((p, n) => p * n, 1);
  const flat = new Array(size).fill(decodeValue(x.fill, x.dtype));
  for (const [i, v] of x.set) flat[i] = decodeValue(v, x.dtype);
  return np.array(flat as never, { dtype: x.dtype }).reshape(x.shape);
}

const FNS: Record<string, (a: never, b: never, kw: never) => void> = {
  assert_allclose, assert_array_equal, assert_array_almost_equal, assert_array_less, assert_equal,
};

function run(c: Case): string | null {
  try {
    FNS[c.fn](decodeInput(c.a) as never, decodeInput(c.b) as never, c.kw as never);
  } catch (e) {
    if (e instanceof AssertionError) return e.message;
    throw e;
  }
  return null;
}

describe("np.testing messages match NumPy", () => {
  fixture.cases.forEach((c, i) => {
    it(`#${i} ${c.fn} ${JSON.stringify(c.kw)}`, () => {
      expect(run(c)).toBe(c.msg);
    });
  });
});

describe("np.testing basics", () => {
  it("AssertionError is an Error named AssertionError", () => {
    let caught: unknown;
    try {
      assert_array_equal([1, 2], [1, 3]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AssertionError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe("AssertionError");
  });

  it("formats like Python's %g", () => {
    const cases: [number, number, string][] = [
      [1e-7, 6, "1e-07"], [0, 6, "0"], [0.001, 6, "0.001"], [1e-5, 6, "1e-05"], [123456789, 6, "1.23457e+08"],
      [100, 3, "100"], [1000, 3, "1e+03"], [33.25, 3, "33.2"], [33.35, 3, "33.4"], [0.0001, 3, "0.0001"],
      [9.9996e-5, 3, "0.0001"], [2.5e-5, 3, "2.5e-05"], [99.95, 3, "100"], [0.5, 6, "0.5"], [-1.5e-10, 6, "-1.5e-10"],
    ];
    for (const [x, p, s] of cases) expect(formatG(x, p)).toBe(s);
  });

  it("passes for lazily computed inputs", () => {
    const a = np.arange(6).reshape([2, 3]).mul(0.5);
    assert_allclose(a, np.array([[0, 0.5, 1], [1.5, 2, 2.5]]));
    assert_array_less(a, 10);
  });
});
