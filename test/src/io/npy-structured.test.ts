/** @file np.save / np.load of structured and unicode arrays: byte-identical to NumPy's np.save, and NumPy-written files (big-endian, aligned, padded, nested, Fortran) load with their values (test/fixtures/structured.json). */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { npyParts } from "../../../src/io/npy.js";

const F = JSON.parse(fs.readFileSync(new URL("../../fixtures/structured.json", import.meta.url), "utf8"));
const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));
const saved = (a: np.NDArray) => {
  const [h, d] = npyParts(a);
  return Buffer.concat([h, d]);
};
const norm = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("np.save of structured and unicode arrays", () => {
  for (const c of F.arrays) {
    it(`${c.name}: byte-identical to NumPy, and loads back`, () => {
      const vals = c.name === "bools" ? c.values.map((r: unknown[]) => [r[0], r[1], { re: (r[2] as number[])[0], im: (r[2] as number[])[1] }]) : c.values;
      const a = np.array(vals, { dtype: np.dtype(c.spec, { align: c.align }) });
      expect(saved(a).equals(Buffer.from(b64(c.npy)))).toBe(true);
      const back = np.load(b64(c.npy)) as np.NDArray;
      expect(back.shape).toEqual(c.shape);
      expect(back.itemsize).toBe(a.itemsize);
      expect(norm(back.tolist())).toEqual(c.tolist);
    });
  }
  for (const c of F.unicode) {
    it(`unicode ${c.name}: byte-identical to NumPy`, () => {
      const a = np.array(c.values, c.dtype === null ? {} : { dtype: c.dtype });
      expect(saved(a).equals(Buffer.from(b64(c.npy)))).toBe(true);
      expect((np.load(b64(c.npy)) as np.NDArray).tolist()).toEqual(c.tolist);
    });
  }
  it("a strided view saves its elements in C order", () => {
    const a = np.array([["a", 1], ["b", 2], ["c", 3]], { dtype: [["s", "U1"], ["i", "u1"]] });
    const back = np.load(saved(a.get("::-2"))) as np.NDArray;
    expect(back.tolist()).toEqual([["c", 3], ["a", 1]]);
  });
});

describe("np.load of NumPy-written structured files", () => {
  for (const c of F.loads) {
    it(c.name, () => {
      const a = np.load(b64(c.npy)) as np.NDArray;
      expect(a.shape).toEqual(c.shape);
      expect(a.itemsize).toBe(c.itemsize);
      expect(norm(a.tolist())).toEqual(c.tolist);
      // big-endian fields keep their byte order, as in NumPy
      if (Array.isArray(c.descr)) expect(norm(a.dtype.descr)).toEqual(c.descr);
    });
  }
});
