/** @file Named-case fixtures (test/fixtures/pad.json from gen_pad.py, and others in its format): one vitest case per named NumPy case, values or NumPy's error. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type * as np from "../../src/index.js";
import { expectArrayEqualNumpy, type EncodedArray } from "./numpy.js";

export type Enc = EncodedArray | { list: Enc[] };
export interface CaseFixture { cases: Record<string, { result?: Enc; error?: string; message?: string }> }
/** A fixture of named cases in test/fixtures/ */
export const loadCases = (file: string): CaseFixture => JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8")) as CaseFixture;
export const fixture = loadCases("pad.json");
export type Result = np.NDArray | Result[];
/** fails: a known engine bug in a file this suite does not own (named at the case) */
export type Spec = (() => Result) | { fn: () => Result; rtol?: number; fails?: boolean };

export function check(actual: Result, e: Enc, rtol: number): void {
  if ("list" in e) {
    expect(Array.isArray(actual), "a list").toBe(true);
    expect((actual as Result[]).length).toBe(e.list.length);
    e.list.forEach((x, i) => check((actual as Result[])[i], x, rtol));
  } else expectArrayEqualNumpy(actual as np.NDArray, e, { rtol });
}

/** One `it` per case, and every fixture case with this prefix must have one. */
export function runCases(prefix: string, cases: Record<string, Spec>, from: CaseFixture = fixture): void {
  const fixture = from;
  describe(prefix, () => {
    it("covers every fixture case of this group", () => {
      const mine = Object.keys(fixture.cases).filter((n) => n.startsWith(prefix));
      expect(mine.filter((n) => !(n in cases))).toEqual([]);
      expect(Object.keys(cases).filter((n) => !(n in fixture.cases))).toEqual([]);
    });
    for (const [name, spec] of Object.entries(cases)) {
      const { fn, rtol = 0, fails = false } = typeof spec === "function" ? { fn: spec } : spec;
      (fails ? it.fails : it)(name, () => {
        const c = fixture.cases[name];
        if (c.error !== undefined) {
          let thrown: unknown;
          try {
            fn();
          } catch (err) {
            thrown = err;
          }
          expect(thrown, `${name} throws`).toBeInstanceOf(Error);
          expect((thrown as Error).name).toBe(c.error);
          expect((thrown as Error).message).toBe(c.message);
        } else check(fn(), c.result!, rtol);
      });
    }
  });
}

