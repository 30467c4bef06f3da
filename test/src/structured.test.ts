/** @file Structured dtypes and arrays against NumPy (test/fixtures/structured.json from gen_structured.py): dtype layout and printing, records in and out, field views sharing memory, sort order=. */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { StructDType } from "../../runtime/dtype.js";

const F = JSON.parse(fs.readFileSync(new URL("../fixtures/structured.json", import.meta.url), "utf8"));

/** JSON complex fields ({re, im}) are what numfuse's tolist gives; floats compare by value */
const norm = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("structured dtypes", () => {
  for (const d of F.dtypes) {
    it(`np.dtype(${JSON.stringify(d.spec)}, align=${d.align})`, () => {
      const dt = np.dtype(d.spec, { align: d.align });
      expect(dt.itemsize).toBe(d.itemsize);
      expect(dt.str).toBe(d.dtype_str);
      expect(dt.name).toBe(d.name);
      expect(dt.kind).toBe(d.kind);
      expect(dt.alignment).toBe(d.alignment);
      expect(dt.names).toEqual(d.names);
      if (d.offsets) expect(d.names.map((n: string) => dt.fields![n][1])).toEqual(d.offsets);
      expect(norm(dt.descr)).toEqual(d.descr);
      expect(String(dt)).toBe(d.str);
      const repr = dt instanceof StructDType ? dt.repr() : `dtype('${dt.str}')`;
      expect(repr).toBe(d.repr);
    });
  }

  it("refuses duplicate names and computing on records", () => {
    expect(() => np.dtype([["a", "i4"], ["a", "f8"]])).toThrow(np.ValueError);
    const a = np.zeros(2, { dtype: [["a", "i4"]] });
    expect(() => np.add(a, a)).toThrow(/ufunc 'add' did not contain a loop with signature matching types \(dtype\(\[\('a', '<i4'\)\]\), dtype\(\[\('a', '<i4'\)\]\)\) -> None/);
    expect(() => a.sum()).toThrow(np.TypeError);
    expect(() => a.astype("float64")).toThrow(np.TypeError);
  });
});

describe("structured arrays", () => {
  for (const c of F.arrays) {
    it(`${c.name}: np.array of records, str, repr, tolist, fields`, () => {
      const dt = np.dtype(c.spec, { align: c.align });
      const vals = c.name === "bools" ? c.values.map((r: unknown[]) => [r[0], r[1], { re: (r[2] as number[])[0], im: (r[2] as number[])[1] }]) : c.values;
      const a = np.array(vals, { dtype: dt });
      expect(a.shape).toEqual(c.shape);
      expect(a.dtype).toBe(dt);
      expect(norm(a.tolist())).toEqual(c.tolist);
      expect(String(a)).toBe(c.str);
      expect(np.array_repr(a)).toBe(c.repr);
      expect(String(a.reshape(-1).get(0))).toBe(c.str0);
      for (const [name, f] of Object.entries(c.fields as Record<string, { tolist: unknown; dtype: string; shape: number[]; strides: number[] }>)) {
        const v = a.field(name);
        expect(v.shape).toEqual(f.shape);
        expect(v.dtype.str).toBe(f.dtype.startsWith("|V") ? v.dtype.str : f.dtype);
        expect(norm(v.tolist())).toEqual(f.tolist);
      }
    });
  }

  it("np.zeros / np.ones / np.empty of a structured dtype, records set and read back", () => {
    const dt = np.dtype([["name", "U10"], ["age", "i4"], ["w", "f8"]]);
    const z = np.zeros(3, { dtype: dt });
    expect(z.tolist()).toEqual([["", 0, 0], ["", 0, 0], ["", 0, 0]]);
    expect(np.ones(1, { dtype: dt }).tolist()).toEqual([["1", 1, 1]]);
    expect(np.empty([2, 2], { dtype: dt }).shape).toEqual([2, 2]);
    z.set(1, ["Cy", 7, 0.25]);
    z.set("2:", [["Dee-longer-than-ten", 9, -1]]);
    expect(z.tolist()).toEqual([["", 0, 0], ["Cy", 7, 0.25], ["Dee-longer", 9, -1]]);
    expect(z.item(1)).toEqual(["Cy", 7, 0.25]);
    expect(() => z.set(0, ["a", 1])).toThrow("could not assign tuple of length 2 to structure with 3 fields.");
  });

  it("movement ops are views or byte copies: slicing, reshape, transpose, copy, np.array", () => {
    const dt = np.dtype([["s", "U2"], ["i", "i2"]]);
    const a = np.array([["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5], ["f", 6]], { dtype: dt });
    const v = a.get("::-2");
    expect(v.base).toBe(a);
    expect(v.tolist()).toEqual([["f", 6], ["d", 4], ["b", 2]]);
    const m = a.reshape(2, 3).T;
    expect(m.shape).toEqual([3, 2]);
    expect(m.strides).toEqual([10, 30]);
    expect(m.tolist()).toEqual([[["a", 1], ["d", 4]], [["b", 2], ["e", 5]], [["c", 3], ["f", 6]]]);
    const c = m.copy();
    expect(c.flags.c_contiguous).toBe(true);
    expect(c.tolist()).toEqual(m.tolist());
    expect(np.array(m).tolist()).toEqual(m.tolist());
    expect(a.get(np.array([5, 0])).tolist()).toEqual([["f", 6], ["a", 1]]);
    a.set(0, ["z", 9]);
    expect((v.tolist() as unknown[])[2]).toEqual(["b", 2]);
    expect(m.item(0, 0)).toEqual(["z", 9]);
    expect(c.item(0, 0)).toEqual(["a", 1]);
  });

  it("a.field(name) is a writable view sharing memory that ufuncs and reductions take", () => {
    const dt = np.dtype([["name", "U10"], ["age", "i4"], ["w", "f8"]], { align: true });
    const a = np.array([["Al", 30, 1.5], ["Bo", 25, 2.0]], { dtype: dt });
    const age = a.field("age");
    expect(age.dtype.name).toBe("int32");
    expect(age.strides).toEqual([56]);
    expect(age.base).toBe(a);
    expect(age.sum().item()).toBe(55);
    const w = a.field("w");
    expect(w.mul(2).tolist()).toEqual([3, 4]);
    np.add(age, 1, { out: age });
    w.set(1, -0.5);
    expect(a.tolist()).toEqual([["Al", 31, 1.5], ["Bo", 26, -0.5]]);
    // a view of a view keeps sharing memory
    a.get("1:").field("age").fill(100);
    expect(age.tolist()).toEqual([31, 100]);
    // laziness: a result computed from the field keeps its value after a write
    const before = age.mul(10);
    age.set(0, 0);
    expect(before.tolist()).toEqual([310, 1000]);
  });

  it("unaligned fields are views in both directions, lazy readers keep their values (NumPy's results inline)", () => {
    const a = np.array([["ann", 31, 55.5], ["bob", 42, 80.25], ["cy", 7, 20]], { dtype: [["name", "U10"], ["age", "i4"], ["w", "f8"]] });
    const w = a.field("w"); // byte 44 of 52-byte records
    expect([w.flags.writeable, w.flags.owndata, w.base === a, np.shares_memory(a, w), np.shares_memory(a.field("age"), w)]).toEqual([true, false, true, true, false]);
    const lazy = w.mul(2);
    w.set(1, 99);
    expect(a.tolist()).toEqual([["ann", 31, 55.5], ["bob", 42, 99], ["cy", 7, 20]]);
    expect(lazy.tolist()).toEqual([111, 160.5, 40]);
    a.set(0, ["zed", 1, -1]);
    expect(w.tolist()).toEqual([-1, 99, 20]);
    np.add(w, 1, { out: w });
    expect(a.tolist()).toEqual([["zed", 1, 0], ["bob", 42, 100], ["cy", 7, 21]]);
    const name = a.field("name"); // 40-byte unicode elements in 52-byte records
    name.set(2, "zzzzzzzzzzzzz");
    expect(a.tolist()).toEqual([["zed", 1, 0], ["bob", 42, 100], ["zzzzzzzzzz", 7, 21]]);
    const w2 = a.field("w");
    w.set(0, 7);
    w2.set(2, 8);
    expect([a.tolist(), w.tolist(), w2.tolist()]).toEqual([[["zed", 1, 7], ["bob", 42, 100], ["zzzzzzzzzz", 7, 8]], [7, 100, 8], [7, 100, 8]]);
    const sl = a.get("::-1").field("w");
    sl.set(0, 123);
    expect([a.tolist(), sl.tolist()]).toEqual([[["zed", 1, 7], ["bob", 42, 100], ["zzzzzzzzzz", 7, 123]], [123, 100, 7]]);
    expect([a.field("w").sum().item(), a.field("age").sum().item()]).toEqual([230, 50]);
    const b = np.zeros(3, { dtype: [["c", "i1"], ["v", "f8", [2]]] });
    const v = b.field("v");
    v.set(":", 1, [1, 2, 3]);
    v.set(0, v.get(0).add(0.5));
    expect([b.tolist(), v.shape]).toEqual([[[0, [0.5, 1.5]], [0, [0, 2]], [0, [0, 3]]], [3, 2]]);
    expect(() => a.field("nope")).toThrow("no field of name nope");
  });

  it("a packed field inside a packed field: shadows of shadows stay in step (NumPy's results inline)", () => {
    const a = np.zeros(2, { dtype: [["c", "i1"], ["p", [["x", "f8"], ["y", "i2"]]]] });
    const p = a.field("p"); // 10-byte records at byte 1 of 11: a shadow
    const x = p.field("x"); // 8 bytes at 0 of 10: a shadow of the shadow
    x.set(":", [1.25, -2.5]);
    p.field("y").set(1, 7);
    expect(a.tolist()).toEqual([[0, [1.25, 0]], [0, [-2.5, 7]]]);
    a.set(0, [3, [9.5, 4]]);
    expect([x.tolist(), p.field("y").tolist(), p.tolist()]).toEqual([[9.5, -2.5], [4, 7], [[9.5, 4], [-2.5, 7]]]);
    const b = np.zeros(2, { dtype: [["q", [["c", "i1"], ["y", "f8"]]]] });
    const y = b.field("q").field("y");
    y.set(":", [5, 6]);
    expect([b.tolist(), y.tolist()]).toEqual([[[[0, 5]], [[0, 6]]], [5, 6]]);
  });

  it("subarray fields are views with the subarray shape appended", () => {
    const a = np.zeros(2, { dtype: [["pos", "f4", [3]], ["id", "i4"]] });
    const pos = a.field("pos");
    expect(pos.shape).toEqual([2, 3]);
    expect(pos.strides).toEqual([16, 4]);
    pos.set(1, ":", np.array([1, 2, 3], { dtype: "float32" }));
    expect(a.tolist()).toEqual([[[0, 0, 0], 0], [[1, 2, 3], 0]]);
  });

  it("multi-field selection is NumPy 2's view with the other fields as padding", () => {
    const a = np.array([["Al", 30, 1.5], ["Bo", 25, 2.0]], { dtype: [["name", "U10"], ["age", "i4"], ["w", "f8"]] });
    const m = a.fields(["age", "w"]);
    expect(m.itemsize).toBe(52);
    expect(m.base).toBe(a);
    expect(m.dtype.descr).toEqual([["", "|V40"], ["age", "<i4"], ["w", "<f8"]]);
    expect(String(m.dtype)).toBe("{'names': ['age', 'w'], 'formats': ['<i4', '<f8'], 'offsets': [40, 44], 'itemsize': 52}");
    expect(m.tolist()).toEqual([[30, 1.5], [25, 2]]);
    m.set(0, [1, 2]);
    expect(a.item(0)).toEqual(["Al", 1, 2]);
  });

  it("structured == compares records", () => {
    const dt = np.dtype([["a", "i4"], ["b", "U2"]]);
    const x = np.array([[1, "a"], [2, "b"]], { dtype: dt });
    const y = np.array([[1, "a"], [2, "c"]], { dtype: dt });
    expect(x.eq(y).tolist()).toEqual([true, false]);
    expect(np.not_equal(x, y).tolist()).toEqual([false, true]);
  });
});

describe("sort and argsort with order=", () => {
  const people = () => np.array([["Al", 30, 1.5], ["Bo", 25, 2.0], ["Cy", 30, 0.5], ["Al", 25, 0.5], ["Di", 30, 1.5]], { dtype: [["name", "U10"], ["age", "i4"], ["w", "f8"]] });
  for (const s of F.sorts) {
    it(`order=${JSON.stringify(s.order)}`, () => {
      const a = people();
      const opts = s.order === null ? {} : { order: s.order };
      expect(np.argsort(a, opts).tolist()).toEqual(s.argsort);
      expect(np.sort(a, opts).tolist()).toEqual(s.sorted);
      a.sort(opts);
      expect(a.tolist()).toEqual(s.sorted);
    });
  }
  it("NumPy's errors", () => {
    expect(() => np.sort(people(), { order: "x" })).toThrow("no field of name x");
    expect(() => np.sort(np.array([1, 2]), { order: "x" })).toThrow("Cannot specify order when the array has no fields.");
  });
});

describe("packed fields report NumPy's layout, and as_strided views their records", () => {
  const L = F.layouts;
  const people = () => np.array([["a", 1, 1.5], ["b", 2, 2.5], ["c", 3, 3.5]], { dtype: [["name", "U10"], ["age", "i4"], ["w", "f8"]] });
  it("strides and flags of the f8 at byte 44", () => {
    const w = people().field("w");
    expect(w.strides).toEqual(L.w.strides);
    const f = w.flags;
    expect([f.c_contiguous, f.f_contiguous, f.owndata]).toEqual([L.w.c, L.w.f, L.w.owndata]);
    const grid = np.zeros([2, 3], { dtype: [["name", "U10"], ["age", "i4"], ["w", "f8"]] });
    grid.field("w").set("...", np.arange(6).reshape(2, 3));
    const gw = grid.field("w");
    expect([gw.strides, gw.T.strides, gw.get(":", "::2").strides, gw.reshape(6).strides, gw.get(1).strides, gw.get(null).strides])
      .toEqual([L.grid, L.grid_T, L.grid_step, L.grid_reshape, L.grid_row, L.grid_newaxis]);
  });
  it("as_strided over a packed field reads and writes the records, and stays inside them", () => {
    const p = people();
    const stepped = np.lib.stride_tricks.as_strided(p.field("w"), { shape: [2], strides: [104] });
    expect([stepped.tolist(), stepped.strides]).toEqual([L.stepped.tolist, L.stepped.strides]);
    expect(np.lib.stride_tricks.as_strided(p.field("w"), { shape: [3], strides: [0] }).tolist()).toEqual(L.repeated);
    stepped.set(1, 9);
    expect(p.field("w").tolist()).toEqual(L.after_write);
    expect(np.shares_memory(stepped, p)).toBe(true);
    expect(() => np.lib.stride_tricks.as_strided(p.field("w"), { shape: [3], strides: [104] })).toThrow(/outside the array's memory/);
  });
});
