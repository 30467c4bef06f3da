/** @file Text mode of raw I/O (np.fromstring, np.fromfile and a.tofile with a separator) against NumPy 2.4's results, errors, file positions and written bytes (test/fixtures/gen_raw_text.py). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { fromfile, fromstring, tofile } from "../../../src/io/index.js";
import { decodeArray, expectArrayEqualNumpy, expectNumpyError, type EncodedArray } from "../../helpers/numpy.js";

type Outcome = { result?: EncodedArray; error?: string; message?: string };
type Kw = Record<string, unknown>;
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL("../../fixtures/raw_text.json", import.meta.url)), "utf8")) as {
  fromstring: (Outcome & { text: string; kwargs: Kw })[];
  fromfile: (Outcome & { text: string; kwargs: Kw })[];
  fd: { text: string; steps: { kwargs: Kw; pre: number }[]; results: (Outcome & { tell: number })[] }[];
  tofile: { array: EncodedArray & { fortran: boolean; values: unknown[] }; kwargs: Kw; bytes?: number[]; error?: string; message?: string }[];
};

let tmp = "";
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "numfuse-rawtext-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function check(fn: () => np.NDArray, c: Outcome): void {
  if (c.error) expectNumpyError(fn, { error: c.error, msg: c.message! });
  else expectArrayEqualNumpy(fn(), c.result!);
}

const label = (text: string, kw: Kw) => `${JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text)} ${JSON.stringify(kw)}`;

/** The file position of a descriptor (Linux). */
const fdPos = (fd: number) => Number(/^pos:\s*(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, "latin1"))![1]);

describe("np.fromstring with a separator", () => {
  for (const c of fixture.fromstring) {
    it(label(c.text, c.kwargs), () => check(() => np.fromstring(c.text, c.kwargs), c));
  }

  it("takes positional dtype, count and sep, and bytes-like input", () => {
    expect(fromstring("1,2,3", "int32", -1, ",").tolist()).toEqual([1, 2, 3]);
    expect(fromstring("1,2,3", np.float32, 2, ",").dtype.name).toBe("float32");
    expect(fromstring(Buffer.from("4 5"), { sep: " ", dtype: "uint8" }).tolist()).toEqual([4, 5]);
    expect(fromstring(new TextEncoder().encode("1é2"), { sep: "é" }).tolist()).toEqual([1, 2]);
    expect(fromstring("1,2", { sep: ",", count: 1 }).tolist()).toEqual([1]);
    const a = fromstring("1;2", { sep: ";" });
    expect(a.flags.owndata && a.flags.writeable).toBe(true);
  });

  it("raises where NumPy 2.4 would return uninitialised memory (count beyond the data)", () => {
    expect(() => fromstring("1,2,3", { sep: ",", count: 5 })).toThrow(np.ValueError);
    expect(() => fromstring("1,2,3", { sep: ",", count: 5 })).toThrow("string holds 3 elements, fewer than count=5");
    expect(() => fromstring("", { sep: ",", count: 1, dtype: "int32" })).toThrow("string holds 0 elements, fewer than count=1");
  });

  it("refuses a separator that is not a string", () => {
    expect(() => fromstring("1,2", { sep: 1 as never })).toThrow(new np.TypeError("fromstring() argument 4 must be str, not int"));
    expect(() => fromstring("1,2", { sep: null as never })).toThrow("The binary mode of fromstring is removed, use frombuffer instead");
  });
});

describe("np.fromfile with a separator", () => {
  for (const c of fixture.fromfile) {
    it(label(c.text, c.kwargs), () => {
      const p = path.join(tmp, "in.txt");
      fs.writeFileSync(p, c.text);
      check(() => np.fromfile(p, c.kwargs), c);
    });
  }

  fixture.fd.forEach((c, k) => {
    it(`file descriptor ${k}: ${label(c.text, {})} stops where NumPy's stream stops`, () => {
      const p = path.join(tmp, `fd${k}.txt`);
      fs.writeFileSync(p, c.text);
      const fd = fs.openSync(p, "r");
      try {
        c.steps.forEach((s, i) => {
          if (s.pre) fs.readSync(fd, Buffer.alloc(s.pre), 0, s.pre, null);
          check(() => fromfile(fd, s.kwargs), c.results[i]);
          expect(fdPos(fd), `position after step ${i}`).toBe(c.results[i].tell);
        });
      } finally {
        fs.closeSync(fd);
      }
    });
  });

  it("takes positional arguments and reads what tofile wrote", () => {
    const p = path.join(tmp, "round.txt");
    const a = np.array([1.5, -2, 1e-300, NaN]);
    a.tofile(p, { sep: "\n" });
    expect(np.array_equal(fromfile(p, "float64", -1, "\n"), a, { equal_nan: true } as never)).toBe(true);
    expect(fromfile(p, "float64", 2, "\n").tolist()).toEqual([1.5, -2]);
  });
});

function arrayOf(e: EncodedArray & { fortran: boolean; values: unknown[] }): np.NDArray {
  const a = e.dtype === "U" ? np.array(e.values as never).reshape(e.shape) : decodeArray(e);
  return e.fortran ? np.asfortranarray(a) : a;
}

describe("a.tofile with a separator", () => {
  it("the method takes sep and format positionally, as NumPy's", () => {
    const p = path.join(tmp, "positional.txt");
    np.array([1, 2, 3]).tofile(p, ",", "%d");
    expect(fs.readFileSync(p, "latin1")).toBe("1,2,3");
  });
  fixture.tofile.forEach((c, k) => {
    it(`${k}: ${c.array.dtype}${JSON.stringify(c.array.shape)} ${JSON.stringify(c.kwargs)}`, () => {
      const a = arrayOf(c.array);
      const p = path.join(tmp, `out${k}.txt`);
      if (c.error) {
        fs.writeFileSync(p, "keep");
        expectNumpyError(() => a.tofile(p, c.kwargs as never), { error: c.error, msg: c.message! });
        // numfuse formats everything before it opens the file
        expect(fs.readFileSync(p, "latin1")).toBe("keep");
      } else {
        a.tofile(p, c.kwargs as never);
        expect([...fs.readFileSync(p)]).toEqual(c.bytes);
      }
    });
  });

  it("writes at a file descriptor's position and takes sep positionally", () => {
    const p = path.join(tmp, "fd-out.txt");
    const fd = fs.openSync(p, "w");
    try {
      tofile(np.arange(3), fd, ",");
      fs.writeSync(fd, "|");
      tofile(np.array([0.5, 0.25]), fd, " ", "%.1f");
      tofile(np.array([true, false]), fd, { sep: ";" });
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(p, "latin1")).toBe("0,1,2|0.5 0.2True;False");
  });

  it("evaluates lazy arrays and walks views in C order", () => {
    const p = path.join(tmp, "lazy.txt");
    np.arange(6).reshape(2, 3).T.mul(2).tofile(p, { sep: "," });
    expect(fs.readFileSync(p, "latin1")).toBe("0,6,2,8,4,10");
    np.arange(10).get("::-3").tofile(p, { sep: " ", format: "%02d" });
    expect(fs.readFileSync(p, "latin1")).toBe("09 06 03 00");
  });

  it("refuses non-ASCII output (NumPy 2.4 crashes on it) and structured dtypes", () => {
    const p = path.join(tmp, "bad.txt");
    expect(() => np.array([1]).tofile(p, { sep: ",", format: "é%d" })).toThrow(
      new np.ValueError("'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"),
    );
    expect(() => np.array(["€"]).tofile(p, { sep: "," })).toThrow("can't encode character '\\u20ac'");
    expect(() => np.zeros(2, { dtype: [["a", "i4"]] } as never).tofile(p, { sep: "," })).toThrow(/structured/);
    expect(fs.existsSync(p)).toBe(false);
    expect(() => np.array([1]).tofile(p, { sep: 5 as never })).toThrow(new np.TypeError("tofile() argument 2 must be str, not int"));
  });
});
