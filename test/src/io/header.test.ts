/** @file The `.npy` header reader against NumPy's verdicts on hand-made and mutated headers (fixtures from gen_npy.py), a seeded fuzz of corrupt files, and the Python-literal parser and repr it relies on. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { load, NpzFile } from "../../../src/io/index.js";
import { npyParts } from "../../../src/io/npy.js";
import { literalEval, pyRepr, reprFloat, reprStr } from "../../../runtime/io/pyliteral.js";
import { npyHeader } from "../../../runtime/io/npy-format.js";

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL("../../fixtures/npy.json", import.meta.url)), "utf8")) as {
  headers: {
    kind: string;
    b64?: string;
    synth?: { n: number; cut: number };
    ok?: { dtype: string; shape: number[]; fortran: boolean };
    error?: string;
    msg?: string;
  }[];
};

const SUPPORTED = new Set(["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "complex64", "complex128"]);

function bytesOf(c: (typeof fixture.headers)[number]): Uint8Array {
  if (c.synth) {
    const head = npyHeader(np.float64, [c.synth.n], false);
    const data = new Float64Array(c.synth.n).map((_, i) => i);
    const all = new Uint8Array(head.length + data.byteLength);
    all.set(head);
    all.set(new Uint8Array(data.buffer), head.length);
    return all.subarray(0, c.synth.cut);
  }
  return new Uint8Array(Buffer.from(c.b64!, "base64"));
}

function outcome(data: Uint8Array): { array?: np.NDArray; error?: unknown } {
  try {
    return { array: load(data) as np.NDArray };
  } catch (error) {
    return { error };
  }
}

describe("npy headers: NumPy's verdicts", () => {
  it("has cases of every kind", () => {
    expect(fixture.headers.length).toBeGreaterThan(400);
  });

  it("accepts what NumPy accepts, with NumPy's shape, dtype and order", () => {
    let n = 0;
    for (const c of fixture.headers) {
      if (!c.ok) continue;
      const { array, error } = outcome(bytesOf(c));
      if (/^(str|void)\d+$/.test(c.ok.dtype)) {
        // unicode and structured dtypes load since runtime/flexible.ts (values: test/src/io/npy-structured.test.ts)
        expect(error, c.b64).toBeUndefined();
        expect(array!.dtype.name).toBe(c.ok.dtype);
        continue;
      }
      if (!SUPPORTED.has(c.ok.dtype)) {
        // valid NumPy, but a dtype numfuse lacks (unicode, structured)
        expect(error, c.b64).toBeInstanceOf(np.ValueError);
        expect((error as Error).message).toMatch(/not supported by numfuse/);
        continue;
      }
      expect(error, `${c.kind} ${c.b64}`).toBeUndefined();
      expect(array!.shape).toEqual(c.ok.shape);
      expect(array!.dtype.name).toBe(c.ok.dtype);
      expect(array!.flags.f_contiguous && !array!.flags.c_contiguous).toBe(c.ok.fortran);
      n++;
    }
    expect(n).toBeGreaterThan(30);
  });

  it("refuses what NumPy refuses, with NumPy's ValueError message", () => {
    const mismatches: string[] = [];
    let exact = 0;
    for (const c of fixture.headers) {
      if (!c.error) continue;
      const { error } = outcome(bytesOf(c));
      // every refusal is a ValueError here, even where Python lets a TypeError, OverflowError or
      // tokenize.TokenError through (UnicodeDecodeError is a ValueError in Python too)
      expect(error, `${c.kind}: ${c.msg}`).toBeInstanceOf(np.ValueError);
      if (c.error !== "ValueError" && c.error !== "UnicodeDecodeError") continue;
      const msg = (error as Error).message;
      if (msg === c.msg) exact++;
      else mismatches.push(`${c.kind}\n  numpy: ${c.msg}\n  ours:  ${msg}`);
    }
    expect(mismatches).toEqual([]);
    expect(exact).toBeGreaterThan(300);
  });
});

describe("npy headers: fuzz", () => {
  /** mulberry32: small, seeded, deterministic */
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  /** the bytes np.save writes, in memory */
  const npyOf = (a: np.NDArray): Uint8Array => {
    const [head, data] = npyParts(a);
    const out = new Uint8Array(head.length + data.length);
    out.set(head);
    out.set(data, head.length);
    return out;
  };

  it("gives an array or a ValueError for 3000 mutated files, never anything else, and fast", () => {
    const bases = [
      npyOf(np.arange(6).reshape(2, 3).astype("float64")),
      npyOf(np.array([true, false, true])),
      npyOf(np.arange(5).astype("int16")),
      npyOf(np.array(3).astype("complex128")),
    ];
    // a version 2.0 and a 3.0 header: the 4-byte length field
    for (const v of [2, 3]) {
      const b = bases[0];
      const hl = b[8] | (b[9] << 8);
      const v2 = new Uint8Array(b.length + 2);
      v2.set(b.subarray(0, 8));
      v2[6] = v;
      new DataView(v2.buffer).setUint32(8, hl, true);
      v2.set(b.subarray(10), 12);
      bases.push(v2);
    }
    const rand = rng(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const tokens = [..."'\"(),:{}[] \n\\#L0123456789-+.je_", "\x00", "\xff", "True", "None", "1e999", "99999999999999999999", "(", ")"];
    const t0 = performance.now();
    let arrays = 0, errors = 0;
    for (let i = 0; i < 3000; i++) {
      const b = [...pick(bases)];
      const edits = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < edits; k++) {
        const r = rand();
        const pos = Math.floor(rand() * (b.length + 1));
        if (r < 0.3) b[Math.min(pos, b.length - 1)] = Math.floor(rand() * 256);
        else if (r < 0.6) b.splice(pos, 0, ...Array.from(pick(tokens), (ch) => ch.charCodeAt(0) & 0xff));
        else if (r < 0.8) b.splice(pos, 1);
        else if (r < 0.9) b.length = pos;
        else {
          // a random header length, small or huge
          const v = Math.floor(rand() * (rand() < 0.5 ? 300 : 2 ** 32));
          b[8] = v & 0xff;
          b[9] = (v >>> 8) & 0xff;
          if (b[6] !== 1) { b[10] = (v >>> 16) & 0xff; b[11] = v >>> 24; }
        }
      }
      const data = Uint8Array.from(b);
      if (data.length === 0) continue; // np.load's EOFError, not a header question
      try {
        const a = load(data);
        expect(a).toBeInstanceOf(np.NDArray);
        arrays++;
      } catch (e) {
        if (!(e instanceof np.ValueError)) throw new Error(`case ${i}: ${String(e)} for ${Buffer.from(data).toString("base64")}`);
        errors++;
      }
    }
    expect(arrays).toBeGreaterThan(50);
    expect(errors).toBeGreaterThan(1000);
    expect(performance.now() - t0).toBeLessThan(8000);
  });

  it("never allocates for sizes the data does not back", () => {
    const huge = (shape: string, v = 1) => {
      let h = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`;
      h += " ".repeat(63 - ((10 + h.length) % 64)) + "\n";
      const out = new Uint8Array(10 + h.length + 16);
      out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, v, 0]);
      out[8] = h.length & 0xff;
      out[9] = h.length >> 8;
      out.set(Uint8Array.from(h, (c) => c.charCodeAt(0)), 10);
      return out;
    };
    const before = process.memoryUsage().arrayBuffers;
    expect(() => load(huge("(1000000000000,)"))).toThrow("EOF: reading array data, expected 262144 bytes got 16");
    expect(() => load(huge("(2**62,)"))).toThrow(/malformed node/);
    expect(() => load(huge("(99999999999999999999999, 99999999999999999999999)"))).toThrow(np.ValueError);
    expect(() => load(huge("(-5,)"))).toThrow("negative dimensions are not allowed");
    expect(() => load(huge("(0, -5)"))).toThrow("negative dimensions are not allowed");
    // a 4 GiB header length in a tiny file
    const v2 = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0, 0xff, 0xff, 0xff, 0xff, 0x7b]);
    expect(() => load(v2)).toThrow("EOF: reading array header, expected 4294967295 bytes got 1");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  });

  it("survives corrupt .npz archives: arrays, bytes or ValueErrors", () => {
    const dir = fileURLToPath(new URL("../../fixtures/npy/", import.meta.url));
    const rand = rng(7);
    for (const file of ["savez.npz", "savez_compressed.npz", "zip64.npz"]) {
      const good = readFileSync(dir + file);
      for (let i = 0; i < 250; i++) {
        const b = Uint8Array.from(good);
        const edits = 1 + Math.floor(rand() * 3);
        for (let k = 0; k < edits; k++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        const cut = rand() < 0.15 ? Math.floor(rand() * b.length) : b.length;
        const data = b.subarray(0, cut);
        try {
          const z = load(data);
          if (!(z instanceof NpzFile)) continue;
          for (const name of z.files) {
            try {
              z.get(name);
            } catch (e) {
              if (!(e instanceof np.ValueError)) throw new Error(`${file} case ${i} member ${name}: ${String(e)}`);
            }
          }
        } catch (e) {
          if (!(e instanceof np.ValueError)) throw new Error(`${file} case ${i}: ${String(e)}`);
        }
      }
    }
  });
});

describe("python literals", () => {
  it("reads literals as ast.literal_eval does", () => {
    expect(pyRepr(literalEval("{'a': (1, 2,), \"b\": [True, None, ...], 'c': -1.5e3, 'd': 0x1F, 'e': 1_000}"))).toBe(
      "{'a': (1, 2), 'b': [True, None, Ellipsis], 'c': -1500.0, 'd': 31, 'e': 1000}");
    expect(pyRepr(literalEval("1, 2"))).toBe("(1, 2)");
    expect(pyRepr(literalEval("(1,\n 2)  # trailing comment\n"))).toBe("(1, 2)");
    expect(pyRepr(literalEval("'a' 'b' r'\\d'"))).toBe("'ab\\\\d'");
    expect(pyRepr(literalEval("b'\\x00a' b'\\u1234'"))).toBe("b'\\x00a\\\\u1234'");
    expect(pyRepr(literalEval("{1: 2, 1.0: 3, True: 4}"))).toBe("{1: 4}");
    expect(pyRepr(literalEval("-(1)"))).toBe("-1");
    expect(() => literalEval("-(1+2j)")).toThrow("<ast.BinOp object>");
    expect(pyRepr(literalEval("1-2j"))).toBe("(1-2j)");
    expect(pyRepr(literalEval("set()"))).toBe("set()");
    expect(pyRepr(literalEval("{}"))).toBe("{}");
    expect(() => literalEval("'\\N'")).toThrow(); // Python: malformed \N character escape
    expect(pyRepr(literalEval("12345678901234567890123"))).toBe("12345678901234567890123");
    expect(() => literalEval("x")).toThrow("malformed node or string on line 1: <ast.Name object>");
    expect(() => literalEval("1-2j+3")).toThrow("malformed node or string on line 1: <ast.BinOp object>");
    expect(() => literalEval("--1")).toThrow("<ast.UnaryOp object>");
    expect(() => literalEval("-True")).toThrow("<ast.Constant object>");
    expect(() => literalEval("[x for x in y]")).toThrow("<ast.ListComp object>");
    expect(() => literalEval("0777")).toThrow("leading zeros");
    expect(() => literalEval("1__0")).toThrow("invalid decimal literal");
    expect(() => literalEval("'a' b'b'")).toThrow("cannot mix bytes and nonbytes literals");
    expect(() => literalEval("(".repeat(201) + ")".repeat(201))).toThrow("too many nested parentheses");
    expect(() => literalEval("-".repeat(5000) + "1")).toThrow();
  });

  it("prints as Python's repr", () => {
    expect(reprFloat(1e16)).toBe("1e+16");
    expect(reprFloat(1e15)).toBe("1000000000000000.0");
    expect(reprFloat(0.0001)).toBe("0.0001");
    expect(reprFloat(0.00001)).toBe("1e-05");
    expect(reprFloat(-0)).toBe("-0.0");
    expect(reprFloat(1.5e300)).toBe("1.5e+300");
    expect(reprFloat(123456789012345680)).toBe("1.2345678901234568e+17");
    expect(reprStr("it's")).toBe('"it\'s"');
    expect(reprStr("a'b\"c")).toBe("'a\\'b\"c'");
    expect(reprStr("\x85\xa0é€\u2028\ud83d\ude00")).toBe("'\\x85\\xa0é€\\u2028😀'");
  });
});
