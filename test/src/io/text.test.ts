/** @file np.loadtxt and np.savetxt against NumPy 2.4 (test/fixtures/text.json from gen_text.py): parsed values, error messages with row numbers, and savetxt's exact bytes. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { loadtxt, savetxt, savetxtString } from "../../../src/io/text.js";
import { decodeArray, expectArrayEqualNumpy, expectNumpyError, type EncodedArray } from "../../helpers/numpy.js";

interface Outcome { result?: EncodedArray; error?: string; msg?: string }
interface LoadCase extends Outcome { text: string; kw: Record<string, unknown> }
interface SaveCase { arr: EncodedArray; kw: Record<string, unknown>; result?: string; error?: string; msg?: string }
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL("../../fixtures/text.json", import.meta.url)), "utf8")) as {
  load: LoadCase[]; converters: (LoadCase & { name: string })[]; save: SaveCase[];
};

const label = (c: { kw: Record<string, unknown> }, text: string) => `${JSON.stringify(text).slice(0, 40)} ${JSON.stringify(c.kw)}`;

/** Python kwargs as numfuse options (the fixtures use NumPy's own names). */
const opts = (kw: Record<string, unknown>) => ({ ...kw }) as never;

function check(fn: () => unknown, c: Outcome): void {
  if (c.error) {
    // numfuse has no AttributeError: savetxt's fmt-shape error is a ValueError with NumPy's message
    expectNumpyError(fn, { error: c.error === "AttributeError" ? "ValueError" : c.error, msg: c.msg! });
    return;
  }
  const got = fn();
  if (typeof c.result === "string") expect(got).toBe(c.result);
  else expectArrayEqualNumpy(got as np.NDArray, c.result!);
}

let tmp = "";
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "numfuse-text-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("loadtxt matches NumPy", () => {
  for (const c of fixture.load) {
    it(label(c, c.text), () => check(() => loadtxt(Buffer.from(c.text), opts(c.kw)), c));
  }
});

describe("loadtxt converters", () => {
  const CONV: Record<string, unknown> = {
    double: (s: string) => Number(s) * 2,
    ab: { 1: (s: string) => ({ a: 10, b: 20 })[s]! },
    ab_neg: { [-1]: (s: string) => ({ a: 10, b: 20 })[s]! },
  };
  for (const c of fixture.converters) {
    it(c.name, () => check(() => loadtxt(Buffer.from(c.text), { ...c.kw, converters: CONV[c.name] } as never), c));
  }
});

describe("loadtxt sources", () => {
  const text = "# x\n1,2\n3,4\n";
  const want = [[1, 2], [3, 4]];
  it("path, URL, fd, gzip, lines, string with newlines, bytes", () => {
    const p = path.join(tmp, "a.csv");
    fs.writeFileSync(p, text);
    fs.writeFileSync(p + ".gz", zlib.gzipSync(text));
    const fd = fs.openSync(p, "r");
    try {
      const all = [loadtxt(p, { delimiter: "," }), loadtxt(new URL(`file://${p}`), { delimiter: "," }), loadtxt(fd, { delimiter: "," }),
        loadtxt(p + ".gz", { delimiter: "," }), loadtxt(["# x", "1,2", "3,4"], { delimiter: "," }), loadtxt(text, { delimiter: "," }),
        loadtxt(new TextEncoder().encode(text), { delimiter: "," })];
      for (const a of all) {
        expect(a.dtype.name).toBe("float64");
        expect(a.tolist()).toEqual(want);
      }
    } finally {
      fs.closeSync(fd);
    }
  });
  it("positional arguments in NumPy's order", () => {
    const a = loadtxt(["1,2", "3,4"], "int32", "#", ",");
    expect(a.dtype.name).toBe("int32");
    expect(a.tolist()).toEqual(want);
  });
  it("latin1 encoding", () => {
    const a = loadtxt(new Uint8Array([0x31, 0x20, 0x23, 0xe9, 0x0a]), { encoding: "latin1" });
    expect(a.tolist()).toBe(1);
  });
  it("string and structured dtypes load (text-flexible.test.ts has NumPy's cases); raw void does not", () => {
    expect(loadtxt(["1"], { dtype: "U5" }).tolist()).toBe("1");
    expect(loadtxt(["1"], { dtype: [["a", "i4"]] }).tolist()).toEqual([1]);
    expect(() => loadtxt(["1"], { dtype: "V8" })).toThrow("could not convert string '1' to |V8 at row 0, column 1.");
  });
});

describe("savetxt writes NumPy's bytes", () => {
  for (const c of fixture.save) {
    it(`${c.arr.dtype}${JSON.stringify(c.arr.shape)} ${JSON.stringify(c.kw)}`, () => {
      const a = decodeArray(c.arr);
      check(() => savetxtString(a, opts(c.kw)), c as Outcome);
    });
  }
  it("to a path and a file descriptor, and back through loadtxt", () => {
    const a = np.array([[1.5, -2], [1e-300, 3]]);
    const p = path.join(tmp, "b.txt");
    savetxt(p, a, { delimiter: ",", header: "h" });
    expect(fs.readFileSync(p, "utf8")).toBe(savetxtString(a, { delimiter: ",", header: "h" }));
    const q = path.join(tmp, "c.txt");
    const fd = fs.openSync(q, "w");
    try {
      savetxt(fd, a);
    } finally {
      fs.closeSync(fd);
    }
    expect(loadtxt(q).tolist()).toEqual(a.tolist());
    expect(loadtxt(p, { delimiter: "," }).tolist()).toEqual(a.tolist());
  });
});

describe("loadtxt's byte parser rounds as Python's float()", () => {
  it("20,000 random decimal strings equal Number() of the same text", () => {
    // Number() is correctly rounded, as Python's float() (which NumPy's loadtxt uses) is
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const fields: string[] = [];
    for (let i = 0; i < 20000; i++) {
      let digits = "";
      const nd = 1 + rnd(20);
      for (let k = 0; k < nd; k++) digits += String(rnd(10));
      const dot = rnd(nd + 2);
      let s = dot <= nd ? digits.slice(0, dot) + "." + digits.slice(dot) : digits;
      if (s === ".") s = "0.";
      if (rnd(2)) s += (rnd(2) ? "e" : "E") + (rnd(3) === 0 ? "-" : rnd(2) ? "+" : "") + String(rnd(rnd(4) ? 30 : 330));
      fields.push((rnd(4) === 0 ? "-" : "") + s);
    }
    const rows: string[] = [];
    for (let i = 0; i < fields.length; i += 8) rows.push(fields.slice(i, i + 8).join(","));
    const a = loadtxt(Buffer.from(rows.join("\n")), { delimiter: "," });
    expect(a.shape).toEqual([2500, 8]);
    expect(a.dtype.name).toBe("float64");
    const got = (a.tolist() as number[][]).flat();
    const bad = fields.filter((f, i) => !Object.is(got[i], Number(f)));
    expect(bad).toEqual([]);
  });
});

describe("loadtxt's fast path takes plain decimals itself", () => {
  it("the general field parser sees only nan/inf-like fields", async () => {
    const { fastLoadtxt } = await import("../../../src/io/text-fast.js");
    const { parseFloatField } = await import("../../../src/io/text.js");
    for (const [text, delimiter] of [["3.5e-01 1 -2.25\n7.399999999999999911e-01 nan 1e400\n", null], ["3.5e-01, 1 ,-2.25\n7.399999999999999911e-01,nan,1e400\n", ","]] as const) {
      const seen: string[] = [];
      const b = Buffer.from(text);
      const r = fastLoadtxt(b, { delimiter, comments: ["#"], skiprows: 0, maxRows: -1, usecols: null, dtype: np.dtype("float64"),
        slowFloat: (s) => { seen.push(s); return parseFloatField(s); }, slowInt: () => null });
      expect(r!.out.tolist()).toEqual([[0.35, 1, -2.25], [0.7399999999999999911, NaN, Infinity]]);
      // the first row is read twice (once to size the result)
      expect(seen).toEqual(["nan"]);
    }
  });
});
