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
  it("string and structured dtypes are refused", () => {
    expect(() => loadtxt(["1"], { dtype: "U5" })).toThrow(np.TypeError);
    expect(() => loadtxt(["1"], { dtype: [["a", "i4"]] })).toThrow(np.TypeError);
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
