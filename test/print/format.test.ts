/** @file Checks arrayStr/arrayRepr/scalarStr character-for-character against NumPy output recorded in test/fixtures/print.json. */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DTYPES, type DType, type DTypeName } from "../../runtime/dtype.js";
import { decFloat } from "../helpers/numpy.js";
import {
  arrayRepr, arrayStr, get_printoptions, printoptions, scalarStr, set_printoptions,
  type PrintOptions, type PrintView, type Scalar,
} from "../../src/print/format-array.js";

type Enc = number | string | boolean | [Enc, Enc];

interface Case {
  name: string;
  dtype: DTypeName;
  shape: number[];
  opts: Partial<PrintOptions>;
  str: string;
  repr: string;
  values?: Enc[];
  arange?: [number, number];
  tile?: Enc[];
}

interface ScalarCase { dtype: DTypeName; value: Enc; str: string }

const fixture = JSON.parse(readFileSync(new URL("../fixtures/print.json", import.meta.url), "utf8")) as {
  cases: Case[];
  scalars: ScalarCase[];
};


function decode(v: Enc, dtype: DType): Scalar {
  switch (dtype.kind) {
    case "b": return v as boolean;
    case "c": {
      const [re, im] = v as [Enc, Enc];
      return { re: decFloat(re), im: decFloat(im) };
    }
    case "f": return decFloat(v);
    default: return dtype.isWide ? BigInt(v as string | number) : (v as number);
  }
}

function viewOf(c: Case): PrintView {
  const dtype = DTYPES[c.dtype];
  const size = c.shape.reduce((a, b) => a * b, 1);
  let values: Scalar[];
  if (c.arange) {
    const [start, step] = c.arange;
    values = Array.from({ length: size }, (_, i) => {
      const x = start + i * step;
      return dtype.isWide ? BigInt(x) : x;
    });
  } else {
    const base = (c.tile ?? c.values!).map((v) => decode(v, dtype));
    values = c.tile ? Array.from({ length: size }, (_, i) => base[i % base.length]!) : base;
  }
  return { shape: c.shape, dtype, at: (i) => values[i]! };
}

describe("numpy array printing", () => {
  it("has enough fixtures", () => {
    expect(fixture.cases.length).toBeGreaterThan(150);
  });
  for (const c of fixture.cases) {
    it(`${c.name}: str`, () => {
      expect(arrayStr(viewOf(c), c.opts)).toBe(c.str);
    });
    it(`${c.name}: repr`, () => {
      expect(arrayRepr(viewOf(c), c.opts)).toBe(c.repr);
    });
  }
});

describe("numpy scalar str", () => {
  for (const s of fixture.scalars) {
    it(`${s.dtype} ${JSON.stringify(s.value)}`, () => {
      const dtype = DTYPES[s.dtype];
      expect(scalarStr(decode(s.value, dtype), dtype)).toBe(s.str);
    });
  }
});

describe("print options", () => {
  it("get_printoptions returns a copy of the defaults", () => {
    const o = get_printoptions();
    expect(o).toEqual({
      precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false,
      nanstr: "nan", infstr: "inf", sign: "-", floatmode: "maxprec",
    });
    o.precision = 2;
    expect(get_printoptions().precision).toBe(8);
  });

  it("validates like numpy", () => {
    expect(() => set_printoptions({ floatmode: "bogus" as never })).toThrow(/floatmode/);
    expect(() => set_printoptions({ sign: "x" as never })).toThrow(/sign/);
    expect(() => set_printoptions({ threshold: NaN })).toThrow(/threshold/);
    expect(() => set_printoptions({ precision: 1.5 })).toThrow(/precision/);
    expect(get_printoptions().floatmode).toBe("maxprec");
  });

  it("set_printoptions changes the global default and printoptions restores it", () => {
    const v: PrintView = { shape: [2], dtype: DTYPES.float64, at: (i) => [1 / 3, 2][i]! };
    expect(arrayStr(v)).toBe("[0.33333333 2.        ]");
    const inner = printoptions({ precision: 3 }, () => arrayStr(v));
    expect(inner).toBe("[0.333 2.   ]");
    expect(arrayStr(v)).toBe("[0.33333333 2.        ]");
    set_printoptions({ precision: 2 });
    try {
      expect(arrayRepr(v)).toBe("array([0.33, 2.  ])");
    } finally {
      set_printoptions({ precision: 8 });
    }
    expect(() => printoptions({ precision: 4 }, () => { throw new Error("boom"); })).toThrow("boom");
    expect(get_printoptions().precision).toBe(8);
  });
});
