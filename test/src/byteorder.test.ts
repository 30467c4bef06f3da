/** @file Big-endian dtypes and arrays against NumPy (test/fixtures/byteorder.json, from gen_byteorder.py): dtype facts, bytes, values, and which results keep the byte order. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { npyParts } from "../../src/io/npy.js";
import { pagedLimits } from "../../src/io/memmap.js";

const FIX_NPY = fileURLToPath(new URL("../fixtures/npy/", import.meta.url));
const F = JSON.parse(fs.readFileSync(new URL("../fixtures/byteorder.json", import.meta.url), "utf8"));

interface Facts { str: string; hex: string; shape: number[]; tolist: unknown }

/** A JS value as the fixtures write Python values (npjson.enc_py). */
function enc(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(enc);
  if (typeof x === "number") return Number.isNaN(x) ? "nan" : Object.is(x, -0) ? "-0" : x === Infinity ? "inf" : x === -Infinity ? "-inf" : x;
  if (typeof x === "bigint") return Math.abs(Number(x)) <= 2 ** 53 ? Number(x) : String(x);
  if (x !== null && typeof x === "object" && "re" in x) {
    const c = x as { re: number; im: number };
    return { re: enc(c.re), im: enc(c.im) };
  }
  return x;
}

const hex = (a: np.NDArray) => Buffer.from(a.tobytes()).toString("hex");

function expectFacts(a: np.NDArray, want: Facts, what: string): void {
  expect(a.dtype.str, `${what}: dtype`).toBe(want.str);
  expect(a.shape, `${what}: shape`).toEqual(want.shape);
  expect(enc(a.tolist({ bigint: true })), `${what}: values`).toEqual(want.tolist);
  expect(hex(a), `${what}: bytes`).toBe(want.hex);
}

describe("big-endian dtypes", () => {
  for (const d of [...F.dtypes, ...F.unicode_dtypes]) {
    it(`np.dtype(${JSON.stringify(d.spec)}) as NumPy's`, () => {
      const dt = np.dtype(d.spec);
      expect([dt.str, dt.name, dt.byteorder, dt.isnative, dt.char, dt.kind, dt.itemsize]).toEqual(
        [d.str, d.name, d.byteorder, d.isnative, d.char, d.kind, d.itemsize]);
      expect(dt.descr).toEqual(d.descr);
      expect(String(dt)).toBe(d.text);
      for (const [order, str] of Object.entries(d.to)) expect(dt.newbyteorder(order).str, order).toBe(str);
      // interned: the same spelling gives the same dtype
      expect(np.dtype(d.spec)).toBe(dt);
    });
  }

  it("a ufunc's dtype= refuses a byte order, as NumPy's; cumsum's casts", () => {
    const a = np.arange(4);
    const calls: Record<string, () => np.NDArray> = {
      sum: () => np.sum(a, { dtype: ">i8" }), add: () => np.add(a, 1, { dtype: ">i8" }) as np.NDArray,
      mean: () => np.mean(a, { dtype: ">f8" }), var: () => np.var(a, { dtype: ">f8" }),
      reduce: () => np.add.reduce(a, { dtype: ">i8" }), accumulate: () => np.add.accumulate(a, { dtype: ">i8" }),
      cumsum: () => np.cumsum(a, { dtype: ">i8" }),
    };
    for (const [name, want] of Object.entries(F.ufunc_dtype as Record<string, { error?: string; str?: string; tolist?: unknown }>)) {
      if (want.error) expect(calls[name], name).toThrow(want.error);
      else expect([calls[name]().dtype.str, calls[name]().tolist()], name).toEqual([want.str, want.tolist]);
    }
  });

  it("promotion gives native dtypes, and can_cast tells byte orders apart as NumPy's", () => {
    const P = F.promotion;
    const be = np.array([1], { dtype: ">i4" });
    expect([np.result_type(be, be).str, np.result_type(be, 1).str, np.result_type(">f8").str, np.promote_types(">i4", ">i4").str, np.promote_types(">i4", "<i8").str])
      .toEqual([P.result_type_arrays, P.result_type_weak, P.result_type_dtype, P.promote_same, P.promote_mixed]);
    const casts: [string, string, "no" | "equiv" | "safe" | "same_kind"][] = [[">i4", "<i4", "no"], [">i4", "<i4", "equiv"], [">i4", ">i4", "no"], ["<i4", ">i4", "safe"], [">i8", ">i4", "safe"], [">i8", "<i4", "same_kind"], [">f8", "<i8", "same_kind"]];
    expect(casts.map(([f, t, c]) => np.can_cast(f, t, c))).toEqual(P.can_cast);
  });

  it("newbyteorder refuses what NumPy refuses", () => {
    for (const [arg, , msg] of F.newbyteorder_errors) expect(() => np.dtype("i4").newbyteorder(arg)).toThrow(msg);
    expect(() => np.dtype("i4").newbyteorder(3 as never)).toThrow("byteorder must be str, not int");
  });
});

describe("big-endian arrays", () => {
  for (const c of F.arrays) {
    it(`>${c.code}: bytes, values and results as NumPy's`, () => {
      const code = c.code as string;
      const dt = `>${code}`;
      const values = c.values.map((r: unknown[]) => r.map((v) => (typeof v === "object" && v !== null ? v : v === "-0" ? -0 : v)));
      const be = np.array(values, { dtype: dt });
      expectFacts(be, c.array, "array");
      expect(np.array_repr(be)).toBe(c.repr);
      expectFacts(np.add(be, 1), c.plus_one, "be + 1");
      expectFacts(np.asarray(be.sum()), c.sum, "sum");
      expectFacts(be.copy(), c.copy, "copy");
      expectFacts(be.T.flatten(), c.T_flatten, "T.flatten");
      const native = be.dtype.newbyteorder("=");
      expectFacts(be.astype(native), c.astype_native, "astype native");
      expectFacts(be.astype(native).astype(dt), c.astype_back, "astype back");
      expectFacts(be.byteswap(), c.byteswap, "byteswap");
      expectFacts(be.view(native), c.view_native, "view native");
      expectFacts(be.view("u1"), c.view_u1, "view u1");
      expectFacts(np.sort(be, 0), c.sort0, "sort axis 0");
      expectFacts(be.get(np.array([1, 0])), c.fancy, "fancy index");
      expectFacts(np.take(be, [2, 0], 1), c.take, "take");
      expectFacts(np.repeat(be, 2, 1), c.repeat, "repeat");
      expectFacts(np.zeros_like(be), c.zeros_like, "zeros_like");
      expectFacts(np.concatenate([be, be]), c.concatenate, "concatenate");
      const cond = code[0] === "c" ? np.greater(be.real, 3) : np.greater(be, 3);
      expectFacts(np.where(cond, be, be.get("::-1")) as np.NDArray, c.where, "where");
      if (c.arange) expectFacts(np.arange(4, { dtype: dt }), c.arange, "arange");
      expect(be.T.strides).toEqual(c.T.strides);
      expect(be.T.dtype.str).toBe(c.T.str);
    });

    it(`>${c.code}: more functions keep or drop the byte order as NumPy's`, () => {
      const code = c.code as string;
      const be = np.array(c.values.map((r: unknown[]) => r.map((v) => (v === "-0" ? -0 : v))), { dtype: `>${code}` });
      const re = code[0] === "c" ? be.real : be;
      const native = be.dtype.newbyteorder("=");
      const got: Record<string, () => np.NDArray> = {
        pad: () => np.pad(be, 1, "reflect"), tile: () => np.tile(be, [1, 2]), roll: () => np.roll(be, 1),
        resize: () => np.resize(be, [3, 3]), diag: () => np.diag(be), triu: () => np.triu(be), flip: () => np.flip(be),
        compress: () => np.compress([true, false, true], be, 1), mask: () => be.get(np.ones(be.shape, { dtype: "bool" })),
        array: () => np.array(be), asarray_native: () => np.asarray(be, { dtype: native }), full_like: () => np.full_like(be, 2),
        ravel_T: () => be.T.ravel(), squeeze: () => be.get(null).squeeze(), reshape_T: () => be.T.reshape(6),
        hstack: () => np.hstack([be, be]), stack: () => np.stack([be, be]), append: () => np.append(be, be),
        insert: () => np.insert(be.ravel(), 1, 7), delete: () => np.delete(be, 0, 1),
        searchsorted: () => np.asarray(np.searchsorted(np.sort(re.ravel()), 5)), cumsum: () => np.cumsum(be),
        max: () => np.asarray(np.max(re)), abs: () => np.abs(be), clip: () => np.clip(re, 2, 40),
        ascontiguous_T: () => np.ascontiguousarray(be.T), asfortran: () => np.asfortranarray(be), copy_F: () => np.copy(be, { order: "F" }),
      };
      const bad: string[] = [];
      for (const [name, want] of Object.entries(c.more as Record<string, Facts>)) {
        // (np.unique is not in numfuse yet)
        if (!(name in got)) continue;
        try {
          expectFacts(got[name](), want, name);
        } catch (e) {
          bad.push(`${name}: ${(e as Error).message.split("\n")[0]}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it("writes go to the big-endian bytes, and in-place byteswap changes the values", () => {
    const be = np.array([1, 2, 3], { dtype: ">i4" });
    be.set(1, -2);
    np.multiply(be, 2, { out: be });
    expect(hex(be)).toBe("00000002fffffffc00000006");
    be.byteswap(true);
    expect(be.tolist()).toEqual([0x02000000, -0x03000001, 0x06000000]);
    expect(hex(be)).toBe("02000000fcffffff06000000");
    const v = be.view("<i4");
    v.set(0, 1);
    expect(be.get(0).item()).toBe(0x01000000);
  });

  it("a big-endian view of elements with gaps reports their strides and writes through", () => {
    const x = np.arange(8, { dtype: "<i4" });
    const y = x.get("::2").view(">i4");
    expect([y.strides, y.tolist()]).toEqual([[8], [0, 0x02000000, 0x04000000, 0x06000000]]);
    y.set(1, 1);
    expect(x.tolist()).toEqual([0, 1, 0x01000000, 3, 4, 5, 6, 7]);
  });

  it("as_strided of a big-endian array views its big-endian bytes (values from NumPy 2.4)", () => {
    const x = np.arange(6, { dtype: ">i4" });
    const v = np.lib.stride_tricks.as_strided(x, { shape: [3], strides: [8] });
    expect([v.tolist(), v.dtype.str, v.strides]).toEqual([[0, 2, 4], ">i4", [8]]);
    v.set(1, 9);
    expect(x.tolist()).toEqual([0, 1, 9, 3, 4, 5]);
    expect(hex(x)).toBe("000000000000000100000009000000030000000400000005");
  });

  it("laziness never changes results across a big-endian view and its bytes", () => {
    const x = np.array([1, 2, 3], { dtype: "int32" });
    const y = x.view(">i4");
    const before = np.add(y, 1);
    x.set(0, 0x02000000);
    expect(before.tolist()).toEqual([0x01000001, 0x02000001, 0x03000001]);
    expect(y.get(0).item()).toBe(2);
    const twice = np.multiply(x, 2);
    y.set(1, 1);
    expect(twice.tolist()).toEqual([0x04000000, 4, 6]);
    expect(x.tolist()).toEqual([0x02000000, 0x01000000, 3]);
  });

  it("np.shares_memory sees a big-endian array's own bytes, element for element (as NumPy)", () => {
    const be = np.arange(6, { dtype: ">i4" });
    const u = be.view("u1");
    expect([np.shares_memory(be, u), np.shares_memory(be.get("0:2"), u.get("8:")), np.shares_memory(be.get("0:2"), u.get("0:4"))]).toEqual([true, false, true]);
    const x = np.arange(4, { dtype: "int32" });
    const y = x.view(">i4");
    expect([y.base === x, np.shares_memory(x, y), y.flags.owndata, be.flags.owndata]).toEqual([true, true, false, true]);
  });

  it("np.frombuffer views the buffer's big-endian bytes both ways", () => {
    const buf = new Uint8Array(Buffer.from("00000001000000020000000300000004", "hex"));
    const a = np.frombuffer(buf, { dtype: ">i4", offset: 4, count: 2 });
    expect(a.tolist()).toEqual(F.frombuffer.tolist);
    expect(a.dtype.str).toBe(F.frombuffer.str);
    a.set(0, 258);
    expect(Buffer.from(buf).toString("hex")).toBe("00000001000001020000000300000004");
    expect(np.shares_memory(a, a.base!)).toBe(true);
  });

  it("np.save writes NumPy's bytes for a transposed big-endian array, and np.load reads them back big-endian", () => {
    const t = np.arange(6, { dtype: ">f8" }).reshape(2, 3).T;
    const [h, d] = npyParts(t);
    const bytes = Buffer.concat([h, d]);
    expect(bytes.toString("base64")).toBe(F.npy_T);
    const back = np.load(new Uint8Array(bytes)) as np.NDArray;
    expect(back.dtype.str).toBe(">f8");
    expect(back.tolist()).toEqual(t.tolist());
  });

  it("loadtxt keeps a big-endian dtype; random refuses one as NumPy does", () => {
    const a = np.loadtxt(Buffer.from("1 2\n3 4\n"), { dtype: ">f8" });
    expect([a.dtype.str, a.tolist()]).toEqual([">f8", [[1, 2], [3, 4]]]);
    const rng = np.random.default_rng(1);
    expect(() => rng.random(3, { dtype: ">f8" })).toThrow("Unsupported dtype dtype('>f8') for random");
    expect(() => rng.random({ out: np.empty(3, { dtype: ">f8" }) })).toThrow("Supplied output array must be contiguous, writable, aligned, and in machine byte-order.");
  });

  it("fromfile and tofile keep the bytes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nf-bo-"));
    try {
      const file = path.join(dir, "x.bin");
      np.array([1.5, -2], { dtype: ">f4" }).tofile(file);
      expect(fs.readFileSync(file).toString("hex")).toBe("3fc00000c0000000");
      const back = np.fromfile(file, { dtype: ">f4" });
      expect([back.dtype.str, back.tolist()]).toEqual([">f4", [1.5, -2]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("big-endian unicode", () => {
  const U = F.unicode;
  it("arrays of \">U3\" hold NumPy's bytes, and keep the order where NumPy does", () => {
    const u = np.array(["ab", "c", "d\u00e9f"], { dtype: ">U3" });
    expectFacts(u, U.array, "array");
    expect(np.array_repr(u)).toBe(U.repr);
    expectFacts(u.astype("<U3"), U.astype_native, "astype native");
    expectFacts(np.sort(u), U.sort, "sort");
    expectFacts(u.get(np.array([2, 0])), U.fancy, "fancy");
    expectFacts(np.concatenate([u, u]), U.concatenate, "concatenate");
    expectFacts(np.array(["ab", "c"], { dtype: ">U" }), U.unsized, "unsized");
    expectFacts(np.array([1, 22]).astype(">U3"), U.from_ints, "ints to >U3");
    expectFacts(np.array(["7", "8"], { dtype: ">U1" }).astype("int32"), U.to_ints, ">U1 to ints");
    expect(hex(u.byteswap())).toBe(U.byteswap_hex);
    u.set(1, "zz");
    expect(hex(u)).toBe(U.set_hex);
  });

  it("np.save and np.load keep \">U3\"", () => {
    const u = np.array(["ab", "c", "d\u00e9f"], { dtype: ">U3" });
    const [h, d] = npyParts(u);
    expect(Buffer.concat([h, d]).toString("base64")).toBe(U.npy);
    const back = np.load(new Uint8Array(Buffer.from(U.npy, "base64"))) as np.NDArray;
    expectFacts(back, U.array, "loaded");
  });

  it("records with a \">U3\" field", () => {
    const r = np.array([["ab", 1], ["xyz", -2]], { dtype: U.record.descr });
    expect(r.dtype.descr).toEqual(U.record.descr);
    expect(hex(r)).toBe(U.record.hex);
    expect(r.tolist()).toEqual(U.record.tolist);
    expectFacts(r.field("s"), U.record.field, "field s");
  });
});

describe("big-endian memmaps", () => {
  const saved = { ...pagedLimits };
  afterEach(() => Object.assign(pagedLimits, saved));

  for (const paged of [false, true]) {
    it(`read, reduce, write and flush a ">i4" map (${paged ? "paged" : "resident"})`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nf-bo-"));
      try {
        if (paged) Object.assign(pagedLimits, { blockBytes: 1024, residentBytes: 4096 });
        const file = path.join(dir, "m.bin");
        const n = 5000;
        const src = np.arange(n, { dtype: ">i4" });
        fs.writeFileSync(file, src.tobytes());
        const m = np.memmap(file, { dtype: ">i4", mode: "r+" });
        expect(m.paged).toBe(paged);
        expect(m.dtype.str).toBe(">i4");
        expect(m.sum().item()).toBe((n * (n - 1)) / 2);
        expect(m.get("4990:").tolist()).toEqual([4990, 4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999]);
        m.set(1, -2);
        m.get("10:12").set(0, 258);
        m.flush();
        const bytes = fs.readFileSync(file);
        expect(bytes.subarray(0, 12).toString("hex")).toBe("00000000fffffffe00000002");
        expect(bytes.subarray(40, 44).toString("hex")).toBe("00000102");
        expect(bytes.subarray(4 * 4999).toString("hex")).toBe("00001387");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it("open_memmap maps a big-endian .npy NumPy wrote", () => {
    const m = np.lib.format.open_memmap(FIX_NPY + "be_float64.npy", { mode: "r" });
    expect(m.dtype.str).toBe(">f8");
    expect(m.tolist()).toEqual((np.load(FIX_NPY + "c_float64.npy") as np.NDArray).tolist());
  });
});

describe("records with big-endian fields", () => {
  const R = F.record;
  const make = () => np.array([[1, 2.5, [{ re: 1, im: 1 }, 2], -3, 0.5], [-7, -1, [0, { re: -0, im: -2 }], 2 ** 40 + 1, -2]], { dtype: R.descr });

  it("hold NumPy's bytes and values", () => {
    const rec = make();
    expect(rec.dtype.descr).toEqual(R.descr);
    expect(String(rec.dtype)).toBe(R.text);
    expect(hex(rec)).toBe(R.hex);
    expect(enc(rec.tolist())).toEqual(R.tolist);
    expect(np.array_repr(rec)).toBe(R.repr);
    expect(rec.dtype.newbyteorder().descr).toEqual(R.swapped_descr);
    // field by field, padding kept
    expect(hex(rec.byteswap())).toBe(R.byteswap_hex);
    const inPlace = make();
    inPlace.byteswap(true);
    expect(hex(inPlace)).toBe(R.byteswap_hex);
  });

  it("field views read and write the big-endian bytes", () => {
    const rec = make();
    for (const [name, want] of Object.entries(R.fields)) expectFacts(rec.field(name), want as Facts, `field ${name}`);
    rec.field("a").set(1, 99);
    rec.field("d").set(0, -(2 ** 50));
    rec.field("c").set(1, 1, { re: 5, im: -5 });
    expect(hex(rec)).toBe(R.set_hex);
  });

  it("np.save and np.load round-trip NumPy's file", () => {
    const rec = make();
    const [h, d] = npyParts(rec);
    expect(Buffer.concat([h, d]).toString("base64")).toBe(R.npy);
    const back = np.load(new Uint8Array(Buffer.from(R.npy, "base64"))) as np.NDArray;
    expect(back.dtype.descr).toEqual(R.descr);
    expect(enc(back.tolist())).toEqual(R.tolist);
  });
});
