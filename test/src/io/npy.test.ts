/** @file np.save / np.load / np.savez / NpzFile against files NumPy wrote (test/fixtures/npy, from gen_npy.py): values both ways and byte-identical output. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { BadZipFile, EOFError, KeyError, load, NpzFile, save, savez, savez_compressed } from "../../../src/io/index.js";
import { npyParts } from "../../../src/io/npy.js";
import { MemoryAccess } from "../../../runtime/io/source.js";
import { readZipDirectory, writeZip } from "../../../runtime/io/zip.js";
import { decodeArray, expectArrayEqualNumpy, type EncodedArray } from "../../helpers/numpy.js";

const FIX = fileURLToPath(new URL("../../fixtures/npy/", import.meta.url));
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL("../../fixtures/npy.json", import.meta.url)), "utf8")) as {
  files: (EncodedArray & { file: string; fortran: boolean; same_as?: string; big_endian?: boolean })[];
  npz: { arrays: Record<string, EncodedArray>; unicode: EncodedArray; mixed_x: EncodedArray };
};
const fixtureBytes = (name: string) => new Uint8Array(fs.readFileSync(FIX + name));

let tmp = "";
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "numfuse-npy-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});
const tmpFile = (name: string) => path.join(tmp, name);

const isF = (a: np.NDArray) => a.flags.f_contiguous && !a.flags.c_contiguous;

describe("np.load of files NumPy wrote", () => {
  for (const f of fixture.files) {
    it(f.file, () => {
      const a = load(FIX + f.file) as np.NDArray;
      expectArrayEqualNumpy(a, f);
      expect(isF(a)).toBe(f.fortran);
      if (f.fortran) {
        // as NumPy: a transposed view of the data read in file order
        expect(a.flags.owndata).toBe(false);
      }
    });
  }

  it("reads the same values from a path, a Buffer, a Uint8Array at an offset, an ArrayBuffer and a file descriptor", () => {
    const f = fixture.files.find((x) => x.file === "c_complex128.npy")!;
    const bytes = fs.readFileSync(FIX + f.file);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const fd = fs.openSync(FIX + f.file, "r");
    try {
      for (const src of [FIX + f.file, new URL(`file://${FIX}${f.file}`), bytes, shifted.subarray(3), ab, fd]) {
        expectArrayEqualNumpy(load(src) as np.NDArray, f);
      }
    } finally {
      fs.closeSync(fd);
    }
  });

  it("loads big-endian data with its big-endian dtype and the same values", () => {
    for (const f of fixture.files.filter((x) => x.big_endian)) {
      const a = load(FIX + f.file) as np.NDArray;
      expect(a.dtype.str.startsWith(">") || a.dtype.itemsize === 1).toBe(true);
      expectArrayEqualNumpy(a, fixture.files.find((x) => x.file === f.same_as)!);
    }
  });

  it("loads into fresh memory that kernels compute on", () => {
    const a = load(FIX + "c_float64.npy") as np.NDArray;
    const b = load(FIX + "f_int32.npy") as np.NDArray;
    expect(np.isnan(a).tolist()).toEqual([[false, false, true], [false, false, false]]);
    // int32 wraps at 2**31 - 1 + 1 before the int64 sum, as in NumPy
    expect(b.add(1).sum().item()).toBe(-4294897291);
    const c = load(FIX + "c_bool.npy") as np.NDArray;
    expect(c.not().tolist()).toEqual([[false, true, false], [false, true, true]]);
  });

  it("refuses object arrays and pickles with NumPy's errors", () => {
    expect(() => load(FIX + "object.npy")).toThrow(new np.ValueError("Object arrays cannot be loaded when allow_pickle=False"));
    expect(() => load(FIX + "object.npy", { allow_pickle: true })).toThrow(/numfuse has no object dtype/);
    expect(() => load(FIX + "pickle.pkl")).toThrow(
      "This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.");
    expect(() => load(FIX + "pickle.pkl", { allow_pickle: true })).toThrow(/as a pickle/);
  });

  it("gives NumPy's errors for empty files, bad options and truncated data", () => {
    fs.writeFileSync(tmpFile("empty.npy"), "");
    expect(() => load(tmpFile("empty.npy"))).toThrow(EOFError);
    expect(() => load(new Uint8Array(0))).toThrow("No data left in file");
    expect(() => load(FIX + "c_int8.npy", { encoding: "utf8" as never })).toThrow("encoding must be 'ASCII', 'latin1', or 'bytes'");
    expect(() => load(fixtureBytes("c_int8.npy"), { mmap_mode: "r" })).toThrow("mmap_mode='r' needs a file path in numfuse");
    const whole = fixtureBytes("c_int64.npy");
    fs.writeFileSync(tmpFile("cut.npy"), whole.subarray(0, whole.length - 20));
    // a real file is read with fromfile, BytesIO-like sources in chunks: NumPy words them differently
    expect(() => load(tmpFile("cut.npy"))).toThrow(
      "Failed to read all data for array. Expected (2, 3) = 6 elements, could only read 3 elements. (file seems not fully written?)");
    expect(() => load(whole.subarray(0, whole.length - 20))).toThrow("EOF: reading array data, expected 48 bytes got 28");
    expect(() => load(FIX + "c_int8.npy", { max_header_size: 10 })).toThrow(/Header info length \(118\) is large/);
  });
});

/** C-order values of the transpose of `f` (a 2-D or 3-D array) */
function transposedValues(f: EncodedArray): EncodedArray["values"] {
  const shape = f.shape, nd = shape.length, out: EncodedArray["values"] = [];
  const rev = [...shape].reverse();
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, n) => p * n, 1));
  const total = shape.reduce((p, n) => p * n, 1);
  for (let k = 0; k < total; k++) {
    let rem = k, off = 0;
    for (let d = nd - 1; d >= 0; d--) {
      const i = rem % rev[d];
      rem = (rem - i) / rev[d];
      off += i * strides[nd - 1 - d];
    }
    out.push(f.values[off]);
  }
  return out;
}

describe("np.save writes NumPy's bytes", () => {
  it("replaces a longer existing file whole (it rewrites in place, then cuts to length)", () => {
    const p = tmpFile("shrink.npy");
    save(p, np.arange(5000).astype("float64"));
    save(p, np.array([1, 2, 3], { dtype: "int8" }));
    expect(fs.statSync(p).size).toBe(128 + 3);
    expect((load(p) as np.NDArray).tolist()).toEqual([1, 2, 3]);
  });
  // bug in copy() (shape-ops / kernels): int64 and uint64 go through doubles, so values beyond
  // 2**53 change; np.save and tobytes gather raw bytes instead and are not affected
  it("copy() keeps every bit of int64 values beyond 2**53", () => {
    const a = np.array([9007199254740993n, -9223372036854775808n], { dtype: "int64" });
    expect(a.copy().tolist({ bigint: true })).toEqual([9007199254740993n, -9223372036854775808n]);
  });

  for (const f of fixture.files) {
    if (f.big_endian || f.file.startsWith("v") || f.file.startsWith("py2")) continue;
    it(`${f.file} from the loaded array and from the same values built here`, () => {
      save(tmpFile("out.npy"), load(FIX + f.file) as np.NDArray);
      expect(Buffer.from(fixtureBytes(f.file)).equals(fs.readFileSync(tmpFile("out.npy")))).toBe(true);
      // an F-ordered array: the transposed values laid out in C order, viewed transposed
      const built = f.fortran ? decodeArray({ ...f, shape: [...f.shape].reverse(), values: transposedValues(f) }).T : decodeArray(f);
      save(tmpFile("built.npy"), built);
      expect(Buffer.from(fixtureBytes(f.file)).equals(fs.readFileSync(tmpFile("built.npy")))).toBe(true);
    });
  }

  it("writes big-endian arrays back as NumPy wrote them, and C order for non-contiguous sources", () => {
    save(tmpFile("be.npy"), load(FIX + "be_float64.npy") as np.NDArray);
    expect(Buffer.from(fixtureBytes("be_float64.npy")).equals(fs.readFileSync(tmpFile("be.npy")))).toBe(true);
    save(tmpFile("le.npy"), (load(FIX + "be_float64.npy") as np.NDArray).astype("<f8"));
    expect(Buffer.from(fixtureBytes("c_float64.npy")).equals(fs.readFileSync(tmpFile("le.npy")))).toBe(true);
    const a = np.arange(24).reshape(2, 3, 4).astype("uint16").transpose(1, 0, 2);
    save(tmpFile("t.npy"), a);
    expect(Buffer.from(fixtureBytes("t3d_u2.npy")).equals(fs.readFileSync(tmpFile("t.npy")))).toBe(true);
  });

  it("adds .npy to a path as NumPy does, and writes at a file descriptor's position", () => {
    save(tmpFile("noext"), np.arange(3));
    expect(fs.existsSync(tmpFile("noext.npy"))).toBe(true);
    save(tmpFile("has.npy"), np.arange(3));
    expect(fs.existsSync(tmpFile("has.npy.npy"))).toBe(false);
    // two arrays in one stream, read back one after the other as NumPy does with a file object
    const fd = fs.openSync(tmpFile("two.bin"), "w");
    save(fd, np.arange(5).astype("int8"));
    save(fd, np.array([[1.5, 2.5]]), { allow_pickle: false });
    fs.closeSync(fd);
    const rd = fs.openSync(tmpFile("two.bin"), "r");
    try {
      expect((load(rd) as np.NDArray).tolist()).toEqual([0, 1, 2, 3, 4]);
      expect((load(rd) as np.NDArray).tolist()).toEqual([[1.5, 2.5]]);
      expect(() => load(rd)).toThrow(EOFError);
    } finally {
      fs.closeSync(rd);
    }
  });

  it("computes lazy arrays and views before writing, and leaves the file alone on failure", () => {
    const x = np.arange(12).reshape(3, 4).astype("float64");
    save(tmpFile("lazy.npy"), x.mul(2).get(":", "1:3"));
    expect((load(tmpFile("lazy.npy")) as np.NDArray).tolist()).toEqual([[2, 4], [10, 12], [18, 20]]);
    save(tmpFile("nested.npy"), [[1, 2], [3, 4]]);
    expect((load(tmpFile("nested.npy")) as np.NDArray).dtype.name).toBe("int64");
    fs.writeFileSync(tmpFile("keep.npy"), "old");
    expect(() => save(tmpFile("keep.npy"), [[1, 2], [3]] as never)).toThrow(np.ValueError);
    expect(fs.readFileSync(tmpFile("keep.npy"), "utf8")).toBe("old");
  });
});

describe(".npz", () => {
  const arrays = fixture.npz.arrays;
  const build = () => ({ a: decodeArray(arrays.arr_0), b: decodeArray(arrays.arr_1), c: decodeArray(arrays.named) });

  it("loads NumPy's savez and savez_compressed archives", () => {
    for (const file of ["savez.npz", "savez_compressed.npz", "zip64.npz"]) {
      const z = load(FIX + file) as NpzFile;
      try {
        expect(z).toBeInstanceOf(NpzFile);
        expect(z.files).toEqual(["named", "arr_0", "arr_1"]);
        expect([...z]).toEqual(z.files);
        expect(z.length).toBe(3);
        for (const name of z.files) expectArrayEqualNumpy(z.get(name) as np.NDArray, arrays[name]);
        expectArrayEqualNumpy(z.get("arr_0.npy") as np.NDArray, arrays.arr_0);
        expect(z.has("named") && z.has("named.npy") && !z.has("nope")).toBe(true);
        expect(() => z.get("nope")).toThrow(new KeyError("nope is not a file in the archive"));
        expect(z.get("nope", null)).toBe(null);
        expect(String(z)).toBe(`NpzFile '${FIX + file}' with keys: named, arr_0, arr_1`);
        expect(z.items().map(([k]) => k)).toEqual(z.files);
      } finally {
        z.close();
      }
      expect(() => z.get("named")).toThrow(np.ValueError);
    }
  });

  it("loads archives from bytes and file descriptors, unicode names and non-npy members", () => {
    const z = load(fs.readFileSync(FIX + "savez.npz")) as NpzFile;
    expect(String(z)).toBe("NpzFile 'object' with keys: named, arr_0, arr_1");
    expectArrayEqualNumpy(z.get("arr_1") as np.NDArray, arrays.arr_1);
    const fd = fs.openSync(FIX + "savez_compressed.npz", "r");
    const zf = load(fd) as NpzFile;
    fs.closeSync(fd);
    expectArrayEqualNumpy(zf.get("named") as np.NDArray, arrays.named);
    const u = load(FIX + "savez_unicode.npz") as NpzFile;
    expect(u.files).toEqual(["größe"]);
    expectArrayEqualNumpy(u.get("größe") as np.NDArray, fixture.npz.unicode);
    u.close();
    const m = load(FIX + "mixed.npz") as NpzFile;
    expect(m.files).toEqual(["readme.txt", "x"]);
    expect(Buffer.from(m.get("readme.txt") as Uint8Array).toString()).toBe("hello npz");
    expectArrayEqualNumpy(m.get("x") as np.NDArray, fixture.npz.mixed_x);
    m.close();
    const e = load(FIX + "savez_empty.npz") as NpzFile;
    expect(e.files).toEqual([]);
    e.close();
  });

  it("savez writes NumPy's archive byte for byte", () => {
    const { a, b, c } = build();
    savez(tmpFile("z"), a, b, { named: c });
    expect(Buffer.from(fixtureBytes("savez.npz")).equals(fs.readFileSync(tmpFile("z.npz")))).toBe(true);
    savez(tmpFile("empty.npz"));
    expect(Buffer.from(fixtureBytes("savez_empty.npz")).equals(fs.readFileSync(tmpFile("empty.npz")))).toBe(true);
    savez(tmpFile("u.npz"), { größe: np.arange(3).astype("int8") });
    expect(Buffer.from(fixtureBytes("savez_unicode.npz")).equals(fs.readFileSync(tmpFile("u.npz")))).toBe(true);
  });

  it("lays out ZIP64 records exactly as zipfile does", () => {
    // gen_npy.py shrank zipfile's limits (ZIP64 at 100 bytes, 2 members) to write zip64.npz
    const { a, b, c } = build();
    const members = [{ name: "named.npy", parts: npyParts(c) }, { name: "arr_0.npy", parts: npyParts(a) }, { name: "arr_1.npy", parts: npyParts(b) }];
    const chunks: Uint8Array[] = [];
    writeZip((x) => chunks.push(x.slice()), members, false, { zip64: 100, fileCount: 2 });
    expect(Buffer.concat(chunks).equals(fs.readFileSync(FIX + "zip64.npz"))).toBe(true);
  });

  it("savez_compressed matches NumPy's archive except for the deflate bytes", () => {
    const { a, b, c } = build();
    savez_compressed(tmpFile("zc.npz"), a, b, { named: c });
    const ours = readZipDirectory(new MemoryAccess(fs.readFileSync(tmpFile("zc.npz"))));
    const theirs = readZipDirectory(new MemoryAccess(fs.readFileSync(FIX + "savez_compressed.npz")));
    const key = (e: (typeof ours)[number]) => [e.name, e.method, e.flags, e.crc, e.usize];
    expect(ours.map(key)).toEqual(theirs.map(key));
    const z = load(tmpFile("zc.npz")) as NpzFile;
    for (const name of z.files) expectArrayEqualNumpy(z.get(name) as np.NDArray, arrays[name]);
    z.close();
  });

  it("names positional arrays arr_N after the named ones and refuses clashes", () => {
    const fd = fs.openSync(tmpFile("fd.npz"), "w");
    savez(fd, np.arange(2), [1.5], { x: np.ones(2) });
    fs.closeSync(fd);
    const z = load(tmpFile("fd.npz")) as NpzFile;
    expect(z.files).toEqual(["x", "arr_0", "arr_1"]);
    expect((z.get("arr_1") as np.NDArray).tolist()).toEqual([1.5]);
    z.close();
    expect(() => savez(tmpFile("bad"), np.arange(2), { arr_0: np.ones(2) })).toThrow(new np.ValueError("Cannot use un-named variables and keyword arr_0"));
    expect(fs.existsSync(tmpFile("bad.npz"))).toBe(false);
  });

  it("refuses damaged archives with zipfile's errors", () => {
    const good = fixtureBytes("savez.npz");
    const flipped = Uint8Array.from(good);
    flipped[Buffer.from(good).indexOf("PK\x03\x04", 4, "latin1") + 59 + 128 + 5] ^= 0xff; // inside arr_0's data
    const z = load(flipped) as NpzFile;
    expect(() => z.get("arr_0")).toThrow(new BadZipFile("Bad CRC-32 for file 'arr_0.npy'"));
    expect(() => load(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(new BadZipFile("File is not a zip file"));
    const badLocal = Uint8Array.from(good);
    badLocal[Buffer.from(good).indexOf("PK\x03\x04", 4, "latin1") + 1] = 0; // arr_0's local header
    expect(() => (load(badLocal) as NpzFile).get("arr_0")).toThrow("Bad magic number for file header");
    expect(() => load(good.subarray(0, good.length - 30))).toThrow(np.ValueError);
  });
});
