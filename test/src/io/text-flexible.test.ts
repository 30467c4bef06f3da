import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";

interface Out { value: unknown; dtype: string; shape: number[] }
interface Case { text: string; kwargs: Record<string, unknown>; value?: unknown; dtype?: string; shape?: number[]; unpacked?: Out[]; error?: string; message?: string }
const cases = JSON.parse(fs.readFileSync(fileURLToPath(new URL("../../fixtures/text_flexible.json", import.meta.url)), "utf8")) as Case[];

const check = (a: np.NDArray, o: Out) => {
  expect(a.shape).toEqual(o.shape);
  expect(String(a.dtype)).toBe(o.dtype);
  expect(a.tolist()).toEqual(o.value);
};

describe("np.loadtxt into unicode and structured dtypes (NumPy's results)", () => {
  cases.forEach((c, k) => {
    it(`${k}: ${JSON.stringify(c.kwargs)}`, () => {
      const run = () => np.loadtxt(Buffer.from(c.text), c.kwargs);
      if (c.error) {
        expect(run).toThrow(c.message!);
        return;
      }
      const r = run();
      if (c.unpacked) {
        const list = r as unknown as np.NDArray[];
        expect(list.length).toBe(c.unpacked.length);
        list.forEach((a, i) => check(a, c.unpacked![i]));
      } else check(r, c as Out);
    });
  });
});
