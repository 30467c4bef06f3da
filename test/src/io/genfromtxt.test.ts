/** @file np.genfromtxt against NumPy 2.4 (test/fixtures/genfromtxt.json from gen_genfromtxt.py): missing and filling values, inference, names, bad lines, and the shapes NumPy returns. */
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { genfromtxt } from "../../../src/io/genfromtxt.js";
import { decFloat, expectArrayEqualNumpy, expectNumpyError, type EncodedArray } from "../../helpers/numpy.js";

type Struct = { struct: string; shape: number[]; records: unknown };
type Result = EncodedArray | Struct | { list: Result[] };
interface Case { text: string; kw: Record<string, unknown>; result?: Result; error?: string; msg?: string; name?: string }
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL("../../fixtures/genfromtxt.json", import.meta.url)), "utf8")) as { cases: Case[]; converters: Case[] };

/** A fixture record value as numfuse's tolist() gives it (enc_py: floats as numbers or "nan"/"inf", complex as {re, im}). */
function decRecord(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(decRecord);
  if (typeof x === "object" && x !== null) return { re: decFloat((x as { re: unknown }).re), im: decFloat((x as { im: unknown }).im) };
  if (x === "nan" || x === "inf" || x === "-inf" || x === "-0") return decFloat(x);
  return x;
}

function expectResult(got: unknown, want: Result): void {
  if ("list" in want) {
    expect(Array.isArray(got)).toBe(true);
    const arr = got as np.NDArray[];
    expect(arr.length).toBe(want.list.length);
    want.list.forEach((w, i) => expectResult(arr[i], w));
    return;
  }
  const a = got as np.NDArray;
  if ("struct" in want) {
    expect(a.shape, "shape").toEqual(want.shape);
    expect(String(a.dtype), "dtype").toBe(want.struct);
    expect(a.tolist()).toEqual(decRecord(want.records));
    return;
  }
  if (want.dtype.startsWith("<U")) {
    expect(a.shape, "shape").toEqual(want.shape);
    expect(String(a.dtype), "dtype").toBe(want.dtype);
    expect(a.flatten().tolist()).toEqual(want.values);
    return;
  }
  expectArrayEqualNumpy(a, want);
}

const CONV: Record<string, unknown> = {
  double: { 1: (s: string) => Number(s) * 2 },
  yesno: { b: (s: string) => (s.trim() === "yes" ? 1 : 0) },
};

function check(c: Case): void {
  const kw = { ...c.kw, ...(c.name ? { converters: CONV[c.name] } : {}) };
  const fn = () => genfromtxt(Buffer.from(c.text), kw as never);
  if (c.error) {
    expectNumpyError(fn, { error: c.error, msg: c.msg! });
    return;
  }
  expectResult(fn(), c.result!);
}

describe("genfromtxt matches NumPy", () => {
  for (const c of fixture.cases) it(`${JSON.stringify(c.text).slice(0, 36)} ${JSON.stringify(c.kw)}`, () => check(c));
  for (const c of fixture.converters) it(`converters: ${c.name}`, () => check(c));
});

describe("genfromtxt sources and warnings", () => {
  it("lines, text, np.genfromtxt", () => {
    for (const src of [["1,2", "3,4"], "1,2\n3,4\n"]) {
      const a = np.genfromtxt(src, { delimiter: "," }) as np.NDArray;
      expect(a.dtype.name).toBe("float64");
      expect(a.tolist()).toEqual([[1, 2], [3, 4]]);
    }
  });
  it("invalid_raise=false skips bad lines with a warning", () => {
    const warnings: string[] = [];
    const on = (w: Error) => warnings.push(w.message);
    process.on("warning", on);
    try {
      const a = genfromtxt(["1,2", "3", "4,5"], { delimiter: ",", invalid_raise: false }) as np.NDArray;
      expect(a.tolist()).toEqual([[1, 2], [4, 5]]);
    } finally {
      // the warning is emitted on the next tick
      setTimeout(() => process.off("warning", on), 0);
    }
  });
});
