/** @file np.memmap and np.lib.format.open_memmap: resident and paged (larger than a small resident cap) maps, block-wise reductions bit-exact against NumPy (fixtures from gen_memmap.py), block-wise writes, flush, modes and NumPy's errors. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { MemMap, pagedLimits } from "../../../src/io/memmap.js";

type Enc = number | string | boolean | { list: Enc[] };
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL("../../fixtures/memmap.json", import.meta.url)), "utf8")) as {
  cases: Record<string, { result: Enc }>;
};
const dec = (e: Enc): unknown => (typeof e === "object" ? e.list.map(dec) : e === "nan" ? NaN : e);
const expected = (name: string) => dec(fixture.cases[name].result);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "numfuse-memmap-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const tmp = (ext = ".bin") => path.join(dir, `f${fileNo++}${ext}`);

// a 64 KB block size and resident cap, so files of a few hundred KB take the paged path
const saved = { ...pagedLimits };
beforeEach(() => {
  pagedLimits.blockBytes = 64 * 1024;
  pagedLimits.residentBytes = 64 * 1024;
});
afterEach(() => Object.assign(pagedLimits, saved));

const N = 100_003, ROWS = 1000, COLS = 101;
/** the generator's data(n): ((i * 7919) % 1009) / 13 - 30 */
const data = (n: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1009) / 13 - 30);
function writeFile(arr: ArrayBufferView): string {
  const p = tmp();
  fs.writeFileSync(p, new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
  return p;
}
/** a file's bytes as a typed array (readFileSync may hand out a view into a shared pool) */
function fileAs<T>(ctor: new (b: ArrayBuffer) => T, p: string): T {
  const b = fs.readFileSync(p);
  return new ctor(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}
const num = (a: np.NDArray) => a.item() as number;

describe("paged reductions equal NumPy's bit for bit", () => {
  const x = data(N);
  const open = (dtype = "float64", arr: ArrayBufferView = x, shape?: number[]) => np.memmap(writeFile(arr), { dtype, mode: "r", shape });

  it("the map is paged (not loaded whole)", () => {
    const m = open();
    expect(m.paged).toBe(true);
    expect(m.shape).toEqual([N]);
    // reading the whole paged map in one piece is refused with the cap in the message
    expect(() => m.mul(2).tolist()).toThrow(/resident cap of 0\.06 MiB/);
  });
  it("sum, the pairwise order across blocks", () => expect(num(open().sum())).toBe((expected("sum") as number[])[0]));
  it("sum of an elementwise expression", () => expect(num(np.sum(open().mul(2).add(1)))).toBe((expected("sum_expr") as number[])[0]));
  it("mean", () => expect(num(open().mean())).toBe((expected("mean") as number[])[0]));
  it("var (two block-wise passes)", () => expect(num(open().var())).toBe((expected("var") as number[])[0]));
  it("min and max", () => {
    const m = open();
    expect([num(m.min()), num(m.max())]).toEqual(expected("minmax"));
  });
  it("prod", () => expect(num(np.prod(open().div(1e5).add(1)))).toBeCloseTo((expected("prod_small") as number[])[0], 6));
  it("float32 sum", () => expect(num(open("float32", Float32Array.from(x)).sum())).toBe((expected("sum_f32") as number[])[0]));
  it("int32 sum", () => {
    const xi = Int32Array.from({ length: N }, (_, i) => ((i * 7919) % 1009) - 500);
    expect(String(open("int32", xi).sum().item())).toBe(expected("sum_i32"));
  });
  it("any and all", () => {
    const m = open();
    expect([m.gt(47).any().item(), m.gt(48).any().item(), m.gt(-31).all().item(), m.gt(-29).all().item()]).toEqual(expected("any_all"));
  });
  describe("2-D", () => {
    const x2 = data(ROWS * COLS);
    const m2 = () => open("float64", x2, [ROWS, COLS]);
    it("sum over axis 0 (row after row, as NumPy)", () => expect(m2().sum({ axis: 0 }).tolist()).toEqual(expected("sum_axis0")));
    it("sum over the last axis", () => expect(m2().sum({ axis: 1 }).tolist()).toEqual(expected("sum_axis1")));
    it("max over axis 0", () => expect(m2().max({ axis: 0 }).tolist()).toEqual(expected("max_axis0")));
    it("mean over axis -1 of m*m", () => {
      const m = m2();
      expect(m.mul(m).mean({ axis: -1 }).tolist()).toEqual(expected("mean_axis1_expr"));
    });
    it("sum over all axes", () => expect(num(m2().sum())).toBe((expected("sum_2d_all") as number[])[0]));
  });
});

describe("slicing and writing a paged map", () => {
  it("get returns a view of the part: it sees later writes to the map, lazy readers keep the old values", () => {
    const p = writeFile(data(N));
    const m = np.memmap(p, { dtype: "float64", mode: "r+" });
    const part = m.get("1000:1010");
    expect([part.shape, part.base === m, part.flags.owndata]).toEqual([[10], true, false]);
    const want = Array.from(data(1010).subarray(1000));
    const twice = part.mul(2);
    m.set("1000:1010", 0);
    expect(part.tolist()).toEqual(Array(10).fill(0));
    expect(twice.tolist()).toEqual(want.map((x) => 2 * x));
    expect(m.get("1000:1003").tolist()).toEqual([0, 0, 0]);
    expect(m.item(1010)).toBe(data(1011)[1010]);
  });
  it("writes through slices (strided, across blocks) reach the map's reads, sums and the file on flush", () => {
    const p = writeFile(data(N));
    const m = np.memmap(p, { dtype: "float64", mode: "r+" });
    const want = data(N);
    const strided = m.get("8000:9000:3"); // 64 KB blocks: 8192 elements each, so this crosses one
    strided.set(":", -1);
    for (let i = 8000; i < 9000; i += 3) want[i] = -1;
    const tail = m.get(`${N - 5}:`);
    np.multiply(tail, 10, { out: tail });
    for (let i = N - 5; i < N; i++) want[i] *= 10;
    expect(m.get("7999:8004").tolist()).toEqual(Array.from(want.subarray(7999, 8004)));
    expect(num(m.sum())).toBe(num(np.array(want).sum()));
    // flush sends the slices' writes and every dirty block (some went back already: the cap is 2 blocks)
    m.flush();
    expect(fileAs(Float64Array, p)).toEqual(want);
    // a later write to the map reaches an existing slice
    m.set("8000:8010", 5);
    expect(strided.get(":4").tolist()).toEqual([5, 5, 5, 5]);
    // a slice written and nothing else: flush alone sends it
    const s2 = m.get("100:102");
    s2.set(":", 42);
    m.flush();
    expect(Array.from(fileAs(Float64Array, p).subarray(99, 103))).toEqual([want[99], 42, 42, want[102]]);
    const ro = np.memmap(p, { dtype: "float64", mode: "r" });
    expect(() => ro.get("0:3").set(0, 1)).toThrow("assignment destination is read-only");
  });
  it("set and fill run block by block; flush writes whole blocks", () => {
    const p = writeFile(data(N));
    const m = np.memmap(p, { dtype: "float64", mode: "r+" });
    m.set("5:10", 1);
    // not in the file before flush (one dirty block, under the cap)
    expect(fileAs(Float64Array, p)[5]).toBe(data(6)[5]);
    m.set(N - 1, -7);
    m.set("::1000", 3); // touches every block: the oldest dirty ones are written back on the way
    m.flush();
    const after = fileAs(Float64Array, p);
    const want = data(N);
    want.fill(1, 5, 10);
    want[N - 1] = -7;
    for (let i = 0; i < N; i += 1000) want[i] = 3;
    expect(after).toEqual(want);
    // sums see the writes
    expect(num(m.sum())).toBe(num(np.array(want).sum()));
    m.fill(2);
    m.flush();
    expect(fileAs(Float64Array, p).every((v) => v === 2)).toBe(true);
  });
  it("more dirty blocks than the cap are written back oldest first (bounded memory)", () => {
    const p = writeFile(data(N));
    const m = np.memmap(p, { dtype: "float64", mode: "r+" });
    m.set(":", 5);
    expect(m._file.dirtyBlocks).toBeLessThanOrEqual(2);
    m.flush();
    expect(m._file.dirtyBlocks).toBe(0);
    expect(fileAs(Float64Array, p).every((v) => v === 5)).toBe(true);
  });
  it("copy-on-write never touches the file and refuses more dirty data than the cap", () => {
    const p = writeFile(data(N));
    const m = np.memmap(p, { dtype: "float64", mode: "c" });
    m.set("0:3", 9);
    m.flush();
    expect(m.get("0:4").tolist()).toEqual([9, 9, 9, data(4)[3]]);
    expect(fileAs(Float64Array, p)[0]).toBe(data(1)[0]);
    expect(() => m.set(":", 1)).toThrow(np.ValueError);
  });
  it("mode r refuses writes with NumPy's error", () => {
    const m = np.memmap(writeFile(data(N)), { dtype: "float64", mode: "r" });
    expect(() => m.set("0:2", 1)).toThrow("assignment destination is read-only");
  });
});

describe("resident maps", () => {
  it("w+ creates the file; views share memory; flush writes back", () => {
    const p = tmp();
    const m = np.memmap(p, { dtype: "int32", mode: "w+", shape: [3, 4] });
    expect(m.paged).toBe(false);
    expect(fs.statSync(p).size).toBe(48);
    expect(m.tolist()).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    m.get(1).set(":", 7);
    m.flush();
    expect(Array.from(fileAs(Int32Array, p))).toEqual([0, 0, 0, 0, 7, 7, 7, 7, 0, 0, 0, 0]);
    expect(m.filename).toBe(path.resolve(p));
    expect(m.mode).toBe("w+");
    expect(m.offset).toBe(0);
    expect(m instanceof np.memmap).toBe(true);
    const r = np.memmap(p, "int32", "readonly", 16, [2]);
    expect(r.tolist()).toEqual([7, 7]);
    expect(r.mode).toBe("r");
    expect(r.flags.writeable).toBe(false);
  });
  it("order F and an offset", () => {
    const p = writeFile(Float64Array.from([9, 1, 2, 3, 4, 5, 6]));
    const m = np.memmap(p, { dtype: "float64", mode: "r", offset: 8, shape: [2, 3], order: "F" });
    expect(m.tolist()).toEqual([[1, 3, 5], [2, 4, 6]]);
  });
  it("r+ past the end extends the file, as NumPy", () => {
    const p = writeFile(new Uint8Array(10));
    np.memmap(p, { mode: "r+", offset: 8, shape: [2, 3] });
    expect(fs.statSync(p).size).toBe(14);
  });
  it("an empty file in r+ maps as shape (0,) and grows to 1 byte", () => {
    const p = writeFile(new Uint8Array(0));
    const m = np.memmap(p, { mode: "r+" });
    const [shape, size] = expected("empty_rplus") as [number[], number];
    expect(m.shape).toEqual(shape);
    expect(fs.statSync(p).size).toBe(size);
  });
  it("NumPy's errors", () => {
    const empty = writeFile(new Uint8Array(0));
    const ten = writeFile(new Uint8Array(10));
    const tries: Record<string, () => unknown> = {
      empty_r: () => np.memmap(empty, { mode: "r" }),
      empty_c: () => np.memmap(empty, { mode: "c" }),
      not_multiple: () => np.memmap(ten, { dtype: "f8", mode: "r" }),
      too_long: () => np.memmap(ten, { dtype: "u1", mode: "r", shape: [11] }),
      offset_past_end: () => np.memmap(ten, { dtype: "u1", mode: "r", offset: 20 }),
      offset_past_end_shape: () => np.memmap(ten, { dtype: "u1", mode: "r", offset: 20, shape: 2 }),
      bad_mode: () => np.memmap(ten, { dtype: "u1", mode: "x" }),
      wplus_no_shape: () => np.memmap(ten, { dtype: "u1", mode: "w+" }),
      negative_offset: () => np.memmap(ten, { dtype: "u1", mode: "r", offset: -1 }),
      readonly_write: () => np.memmap(ten, { dtype: "u1", mode: "r" }).set(0, 1),
    };
    for (const [name, cls, msg] of expected("errors") as [string, string, string][]) {
      let err: Error | null = null;
      try { tries[name](); } catch (e) { err = e as Error; }
      expect(err?.name, name).toBe(cls);
      expect(err?.message, name).toBe(msg);
    }
    // a failed w+ left the file as it was
    expect(fs.statSync(ten).size).toBe(10);
  });
});

describe("open_memmap", () => {
  it("np.load(path, {mmap_mode}) maps a .npy as NumPy does", () => {
    const p = tmp(".npy");
    np.save(p, np.arange(6).reshape(2, 3).astype("int32"));
    const r = np.load(p, { mmap_mode: "r" }) as MemMap;
    expect(r).toBeInstanceOf(MemMap);
    expect(r.dtype.name).toBe("int32");
    expect(r.tolist()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(() => r.set(0, 0, 9)).toThrow("assignment destination is read-only");
    const w = np.load(p, { mmap_mode: "r+" }) as MemMap;
    w.set(1, 2, 50);
    w.flush();
    expect((np.load(p) as np.NDArray).tolist()).toEqual([[0, 1, 2], [3, 4, 50]]);
  });
  it("w+ writes np.save's header; the file loads with np.load; r reads it back", () => {
    const p = tmp(".npy");
    const m = np.lib.format.open_memmap(p, { mode: "w+", dtype: "float32", shape: [4, 2] });
    m.set(":", np.arange(8).reshape(4, 2));
    m.flush();
    const l = np.load(p) as np.NDArray;
    expect(l.dtype.name).toBe("float32");
    expect(l.tolist()).toEqual([[0, 1], [2, 3], [4, 5], [6, 7]]);
    const saved = tmp(".npy");
    np.save(saved, l);
    expect(fs.readFileSync(saved)).toEqual(fs.readFileSync(p));
    const r = np.lib.format.open_memmap(p, { mode: "r" });
    expect(r.shape).toEqual([4, 2]);
    expect(r.offset).toBe(128);
    expect(r.sum().item()).toBe(28);
  });
  it("fortran_order and an explicit version", () => {
    const p = tmp(".npy");
    const m = np.lib.format.open_memmap(p, { mode: "w+", dtype: "int16", shape: [2, 3], fortran_order: true, version: [2, 0] });
    m.set(":", [[1, 2, 3], [4, 5, 6]]);
    m.flush();
    expect(fs.readFileSync(p)[6]).toBe(2);
    expect((np.load(p) as np.NDArray).tolist()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(np.lib.format.open_memmap(p, { mode: "r" }).tolist()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
  it("a paged .npy: sum and a write through open_memmap", () => {
    const p = tmp(".npy");
    np.save(p, np.array(Array.from(data(N))));
    const m = np.lib.format.open_memmap(p, { mode: "r+" });
    expect(m).toBeInstanceOf(MemMap);
    expect(m.paged).toBe(true);
    expect(num(m.sum())).toBe((expected("sum") as number[])[0]);
    m.set("0:2", 100);
    m.flush();
    expect((np.load(p) as np.NDArray).get("0:3").tolist()).toEqual([100, 100, data(3)[2]]);
  });
});
