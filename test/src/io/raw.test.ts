/** @file Raw bytes: frombuffer, fromfile, tobytes, tofile and byteswap against the data NumPy wrote in test/fixtures/npy (C, Fortran and big-endian layouts of every dtype). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { byteswap, frombuffer, fromfile, load, tobytes, tofile } from "../../../src/io/index.js";
import { expectArrayEqualNumpy, type EncodedArray } from "../../helpers/numpy.js";

const FIX = fileURLToPath(new URL("../../fixtures/npy/", import.meta.url));
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL("../../fixtures/npy.json", import.meta.url)), "utf8")) as {
  files: (EncodedArray & { file: string; fortran: boolean })[];
};
const DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "complex64", "complex128"];
/** every fixture of a 2x3 array has a 128-byte header; what follows is NumPy's tobytes of the file's layout */
const dataOf = (file: string) => new Uint8Array(fs.readFileSync(FIX + file)).subarray(128);
const info = (file: string) => fixture.files.find((f) => f.file === file)!;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

let tmp = "";
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "numfuse-raw-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("tobytes", () => {
  for (const dt of DTYPES) {
    it(`${dt}: C, F, A and K orders give NumPy's bytes`, () => {
      const c = load(FIX + `c_${dt}.npy`) as np.NDArray;
      const f = load(FIX + `f_${dt}.npy`) as np.NDArray;
      const cBytes = dataOf(`c_${dt}.npy`), fBytes = dataOf(`f_${dt}.npy`);
      expect(same(tobytes(c), cBytes)).toBe(true);
      expect(same(tobytes(c, "F"), fBytes)).toBe(true);
      expect(same(tobytes(f), cBytes)).toBe(true);
      expect(same(tobytes(f, { order: "A" }), fBytes)).toBe(true);
      expect(same(tobytes(c, "A"), cBytes)).toBe(true);
      expect(same(tobytes(f, "K"), cBytes)).toBe(true);
    });
  }

  it("copies: the bytes do not alias the array", () => {
    const a = np.arange(4).astype("int32");
    const b = tobytes(a);
    b[0] = 99;
    expect(a.tolist()).toEqual([0, 1, 2, 3]);
    expect(b).toBeInstanceOf(Uint8Array);
  });

  it("keeps every bit of strided int64 views and computes lazy arrays first", () => {
    const a = np.array([9007199254740993n, -1n, -9223372036854775808n, 5n], { dtype: "int64" });
    const v = a.get("::-2");
    const dv = new DataView(tobytes(v).buffer);
    expect([dv.getBigInt64(0, true), dv.getBigInt64(8, true)]).toEqual([5n, -1n]);
    const lazy = np.arange(3).astype("int16").mul(2);
    expect([...tobytes(lazy)]).toEqual([0, 0, 2, 0, 4, 0]);
    expect([...tobytes(np.array(true))]).toEqual([1]);
    expect(() => tobytes(a, "X" as never)).toThrow("order must be one of 'C', 'F', 'A', or 'K' (got 'X')");
  });
});

describe("frombuffer", () => {
  for (const dt of DTYPES) {
    it(`${dt}: NumPy's data read in place`, () => {
      const file = fs.readFileSync(FIX + `c_${dt}.npy`);
      const a = frombuffer(file, { dtype: dt, offset: 128 });
      expectArrayEqualNumpy(a.reshape(2, 3), info(`c_${dt}.npy`));
      expect(a.flags.owndata).toBe(false);
      expect(a.flags.writeable).toBe(true);
    });
  }

  it("shares memory with the buffer both ways", () => {
    const f = new Float64Array([1, 2, 3, 4]);
    const a = frombuffer(f.buffer);
    expect(a.dtype.name).toBe("float64");
    a.set(1, 20);
    expect(f[1]).toBe(20);
    f[2] = 30;
    expect(a.tolist()).toEqual([1, 20, 30, 4]);
    expect(a.base!.dtype.name).toBe("uint8");
    expect(a.base!.shape).toEqual([32]);
    expect(np.sum(a).item()).toBe(55);
  });

  it("takes typed arrays, DataView, Buffer and SharedArrayBuffer, with count and offset", () => {
    const big = new BigInt64Array([1n, -2n, 9007199254740993n]);
    expect(frombuffer(big, { dtype: "int64" }).tolist({ bigint: true })).toEqual([1n, -2n, 9007199254740993n]);
    expect(frombuffer(new DataView(big.buffer, 8), "int64", 1).tolist()).toEqual([-2]);
    const sab = new SharedArrayBuffer(8);
    new Int16Array(sab).set([1, -1, 300, 7]);
    expect(frombuffer(sab, { dtype: "int16", count: 2, offset: 4 }).tolist()).toEqual([300, 7]);
    const buf = Buffer.from([1, 0, 0, 0, 2, 0, 0, 0]);
    expect(frombuffer(buf, { dtype: "<u4" }).tolist()).toEqual([1, 2]);
    expect(frombuffer(new Uint8Array([0, 1, 2]), { dtype: "bool" }).tolist()).toEqual([false, true, true]);
    expect(frombuffer(new Float32Array([1.5, -2]), { dtype: "complex64" }).tolist()).toEqual([{ re: 1.5, im: -2 }]);
    expect(frombuffer(new Uint8Array(0), { dtype: "uint8" }).shape).toEqual([0]);
  });

  it("copies when the offset misaligns the dtype", () => {
    const bytes = new Uint8Array(17);
    new DataView(bytes.buffer).setFloat64(1, 2.5, true);
    new DataView(bytes.buffer).setFloat64(9, -1, true);
    const a = frombuffer(bytes, { offset: 1 });
    expect(a.tolist()).toEqual([2.5, -1]);
    expect(a.flags.owndata).toBe(true);
  });

  it("gives NumPy's errors", () => {
    const b = new Uint8Array(10);
    expect(() => frombuffer(b, { dtype: "f8" })).toThrow(new np.ValueError("buffer size must be a multiple of element size"));
    expect(() => frombuffer(b, { dtype: "u1", offset: 11 })).toThrow("offset must be non-negative and no greater than buffer length (10)");
    expect(() => frombuffer(b, { dtype: "u1", offset: -1 })).toThrow("offset must be non-negative and no greater than buffer length (10)");
    expect(() => frombuffer(b, { dtype: "u1", count: 11 })).toThrow("buffer is smaller than requested size");
    expect(() => frombuffer(b, { dtype: "f8", count: 2 })).toThrow("buffer is smaller than requested size");
    expect(frombuffer(b, { dtype: "u1", offset: 10 }).shape).toEqual([0]);
    expect(frombuffer(b, { dtype: "u1", count: -2 }).shape).toEqual([10]);
  });
});

describe("fromfile and tofile", () => {
  for (const dt of DTYPES) {
    it(`${dt}: NumPy's data, and tofile writes it back`, () => {
      const a = fromfile(FIX + `c_${dt}.npy`, { dtype: dt, offset: 128 });
      expectArrayEqualNumpy(a.reshape(2, 3), info(`c_${dt}.npy`));
      const f = load(FIX + `f_${dt}.npy`) as np.NDArray;
      tofile(f, path.join(tmp, `${dt}.bin`));
      // tofile always writes C order
      expect(same(new Uint8Array(fs.readFileSync(path.join(tmp, `${dt}.bin`))), dataOf(`c_${dt}.npy`))).toBe(true);
    });
  }

  it("reads counts, offsets and file descriptors as NumPy", () => {
    const p = path.join(tmp, "twenty.bin");
    fs.writeFileSync(p, Buffer.from(Array.from({ length: 20 }, (_, i) => i)));
    expect(fromfile(p, { dtype: "uint8", count: 3, offset: 2 }).tolist()).toEqual([2, 3, 4]);
    expect(fromfile(p, { dtype: "uint16" }).shape).toEqual([10]);
    expect(fromfile(p, "float64").shape).toEqual([2]); // whole elements only
    expect(fromfile(p, { dtype: "float64", count: 5 }).shape).toEqual([2]); // what there is
    expect(fromfile(p, { dtype: "uint8", offset: 20 }).shape).toEqual([0]);
    expect(() => fromfile(p, { dtype: "uint8", offset: 30 })).toThrow("negative dimensions are not allowed");
    // text mode (raw-text.test.ts has the rest): these bytes are no numbers
    expect(() => fromfile(p, { sep: "," })).toThrow("string or file could not be read to its end due to unmatched data");
    const fd = fs.openSync(p, "r");
    try {
      expect(fromfile(fd, { dtype: "uint8", count: 4 }).tolist()).toEqual([0, 1, 2, 3]);
      // offset counts from the current position; the position moves on
      expect(fromfile(fd, { dtype: "uint8", count: 2, offset: 1 }).tolist()).toEqual([5, 6]);
      expect(fromfile(fd, { dtype: "uint16" }).tolist()).toEqual([0x0807, 0x0a09, 0x0c0b, 0x0e0d, 0x100f, 0x1211]);
    } finally {
      fs.closeSync(fd);
    }
    const out = fs.openSync(path.join(tmp, "two.bin"), "w");
    tofile(np.arange(2).astype("uint8"), out);
    tofile(np.array([7]).astype("uint8"), out);
    fs.closeSync(out);
    expect([...fs.readFileSync(path.join(tmp, "two.bin"))]).toEqual([0, 1, 7]);
    tofile(np.arange(2), path.join(tmp, "x.txt"), { sep: " " });
    expect(fs.readFileSync(path.join(tmp, "x.txt"), "latin1")).toBe("0 1");
  });
});

describe("byteswap", () => {
  for (const dt of DTYPES) {
    it(`${dt}: NumPy's big-endian bytes`, () => {
      const c = load(FIX + `c_${dt}.npy`) as np.NDArray;
      const s = byteswap(c);
      expect(s.dtype.name).toBe(dt);
      expect(s.shape).toEqual([2, 3]);
      const want = dt === "bool" || dt.endsWith("int8") ? dataOf(`c_${dt}.npy`) : dataOf(`be_${dt}.npy`);
      expect(same(tobytes(s), want)).toBe(true);
      expect(same(tobytes(byteswap(s)), dataOf(`c_${dt}.npy`))).toBe(true);
    });
  }

  it("swaps in place through views, after pending reads", () => {
    const a = np.array([1, 256, 2, 512]).astype("int16");
    const before = a.add(0);
    const v = a.get("::2");
    expect(byteswap(v, true)).toBe(v);
    expect(a.tolist()).toEqual([256, 256, 512, 512]);
    expect(before.tolist()).toEqual([1, 256, 2, 512]);
    const c = np.array([{ re: 1, im: 2 }], { dtype: "complex64" });
    byteswap(c, { inplace: true });
    expect([...tobytes(c)]).toEqual([0x3f, 0x80, 0, 0, 0x40, 0, 0, 0]);
    expect(() => byteswap(np.broadcast_to(np.arange(2).astype("int16"), [2, 2]), true)).toThrow("array to be byte-swapped is read-only");
  });
});
