/** @file glibc-log.ts, glibc-exp.ts, glibc-pow.ts, glibc-log1p.ts, glibc-expm1.ts, glibc-float.ts and fma.ts against this machine's glibc (test/fixtures/libm.json, from gen_libm.py): bit for bit on inputs where glibc is not correctly rounded or a float32 result sits near a rounding midpoint, NumPy's polar r2 among them, and on random ones. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { log, logUnit } from "../../../runtime/random/glibc-log.js";
import { exp } from "../../../runtime/random/glibc-exp.js";
import { fmaExact } from "../../../runtime/random/fma.js";
import { pow } from "../../../runtime/random/glibc-pow.js";
import { log1p, log1pNeg } from "../../../runtime/random/glibc-log1p.js";
import { expm1 } from "../../../runtime/random/glibc-expm1.js";
import { expf, log1pf, log1pfNeg, logf, powf } from "../../../runtime/random/glibc-float.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/libm.json", import.meta.url), "utf8"));

const F = new Float64Array(1);
const B = new BigUint64Array(F.buffer);
const numD = (h: string): number => ((B[0] = BigInt("0x" + h)), F[0]);
const bitsD = (v: number): string => ((F[0] = v), B[0].toString(16).padStart(16, "0"));
const num = numD, bits = bitsD;

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const numf = (h: string): number => ((U32[0] = parseInt(h, 16)), F32[0]);
const bitsf = (v: number): string => ((F32[0] = v), U32[0].toString(16).padStart(8, "0"));

function mismatches(rows: string[][], fn: (...a: number[]) => number, single = false): string[] {
  const [num, bits] = single ? [numf, bitsf] : [numD, bitsD];
  const bad: string[] = [];
  for (const row of rows) {
    const args = row.slice(0, -1).map(num);
    const got = bits(fn(...args));
    // glibc's NaNs carry its own payload and sign: any NaN will do
    if (got !== row[row.length - 1] && !(Number.isNaN(num(got)) && Number.isNaN(num(row[row.length - 1])))) bad.push(`${args} -> ${got}, glibc ${row[row.length - 1]}`);
  }
  return bad;
}

describe("glibc's libm, bit for bit", () => {
  it("log", () => {
    expect(fx.log.length).toBeGreaterThan(1000);
    expect(mismatches(fx.log, log)).toEqual([]);
  });
  it("logUnit gives log's bits on (0, 1)", () => {
    const unit = fx.log.filter((r: string[]) => num(r[0]) > 0 && num(r[0]) < 1);
    expect(unit.length).toBeGreaterThan(500);
    expect(mismatches(unit, logUnit)).toEqual([]);
  });
  it("exp", () => {
    expect(fx.exp.length).toBeGreaterThan(1000);
    expect(mismatches(fx.exp, exp)).toEqual([]);
  });
  it("fmaExact rounds a * b + c once", () => {
    expect(mismatches(fx.fma, fmaExact)).toEqual([]);
  });
  it("pow, special cases included", () => {
    expect(fx.pow.length).toBeGreaterThan(1000);
    expect(mismatches(fx.pow, pow)).toEqual([]);
  });
  it("log1p", () => {
    expect(fx.log1p.length).toBeGreaterThan(1000);
    expect(mismatches(fx.log1p, log1p)).toEqual([]);
  });
  it("log1pNeg(u) is log1p(-u)", () => {
    const neg = fx.log1p.filter((r: string[]) => num(r[0]) <= 0 && num(r[0]) > -1);
    expect(neg.length).toBeGreaterThan(500);
    expect(mismatches(neg.map((r: string[]) => [bits(-num(r[0])), r[1]]), log1pNeg)).toEqual([]);
  });
  it("expm1", () => {
    expect(fx.expm1.length).toBeGreaterThan(1000);
    expect(mismatches(fx.expm1, expm1)).toEqual([]);
  });
  it("expf", () => {
    expect(fx.expf.length).toBeGreaterThan(500);
    expect(mismatches(fx.expf, expf, true)).toEqual([]);
  });
  it("logf", () => {
    expect(fx.logf.length).toBeGreaterThan(500);
    expect(mismatches(fx.logf, logf, true)).toEqual([]);
  });
  it("powf, special cases included", () => {
    expect(fx.powf.length).toBeGreaterThan(1000);
    expect(mismatches(fx.powf, powf, true)).toEqual([]);
  });
  it("log1pf", () => {
    expect(fx.log1pf.length).toBeGreaterThan(1000);
    expect(mismatches(fx.log1pf, log1pf, true)).toEqual([]);
  });
  it("log1pfNeg(u) is log1pf(-u)", () => {
    const neg = fx.log1pf.filter((r: string[]) => numf(r[0]) <= 0 && numf(r[0]) > -1);
    expect(neg.length).toBeGreaterThan(500);
    expect(mismatches(neg.map((r: string[]) => [bitsf(-numf(r[0])), r[1]]), log1pfNeg, true)).toEqual([]);
  });
});
