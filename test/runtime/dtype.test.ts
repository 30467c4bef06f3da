/** @file Checks dtype parsing, promotion, casting and NEP 50 weak scalars against NumPy's answers in fixtures/dtypes.json. */

import { describe, it, expect } from "vitest";
import * as fs from "node:fs";
import { ALL_DTYPES, DTYPES, DType, parseDType, type DTypeName } from "../../runtime/dtype.js";
import {
  canCast, checkWeakIntFits, promoteTypes, resultType, scalarKind, type Casting, type WeakScalar,
} from "../../runtime/promotion.js";
import {
  AxisError, IndexError, LinAlgError, NumpyTypeError, OverflowError, ValueError,
} from "../../runtime/errors.js";

type Kind = WeakScalar["weak"];
type Fixture = {
  names: DTypeName[];
  props: Record<DTypeName, { itemsize: number; char: string; str: string; kind: string }>;
  promote: DTypeName[][];
  can_cast: Record<Casting, string[]>;
  weak: Record<Kind, DTypeName[]>;
  weak_only: { args: Kind[]; result: DTypeName }[];
  mixed: [DTypeName, DTypeName, Kind, DTypeName][];
  zero_d: [DTypeName, DTypeName, DTypeName][];
  overflow: [DTypeName, string, string | null][];
  parse: ([string] | [string, DTypeName | string, boolean] | [string, null, string])[];
  parse_none: DTypeName;
  misc_errors: Record<string, { error: string; message: string }>;
};

const fx: Fixture = JSON.parse(
  fs.readFileSync(new URL("../fixtures/dtypes.json", import.meta.url), "utf8"));
const dt = (n: DTypeName): DType => DTYPES[n];
const ours = new Set<string>(fx.names);

/** Collects mismatches so one failing assertion lists all of them. */
function mismatches<T>(cases: T[], check: (c: T) => string | null): string[] {
  return cases.map(check).filter((m): m is string => m !== null);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("DType properties", () => {
  it("covers NumPy's 14 numeric dtypes in order", () => {
    expect(ALL_DTYPES.map((d) => d.name)).toEqual(fx.names);
  });
  it("matches NumPy's itemsize, char, str and kind", () => {
    for (const n of fx.names) {
      const p = fx.props[n];
      const d = dt(n);
      expect({ itemsize: d.itemsize, char: d.char, str: d.str, kind: d.kind })
        .toEqual({ itemsize: p.itemsize, char: p.char, str: p.str, kind: p.kind });
      expect(String(d)).toBe(n);
    }
  });
});

describe("parseDType", () => {
  it("passes DType objects through and reads null/undefined as np.dtype(None)", () => {
    for (const d of ALL_DTYPES) expect(parseDType(d)).toBe(d);
    expect(parseDType(null).name).toBe(fx.parse_none);
    expect(parseDType(undefined).name).toBe(fx.parse_none);
  });

  it("agrees with np.dtype on every fixture string", () => {
    const bad = mismatches(fx.parse, (c) => {
      const s = c[0];
      const e = thrown(() => parseDType(s));
      const got = e === undefined ? parseDType(s).name : `${(e as Error).name}: ${(e as Error).message}`;
      if (c.length === 1 || c[1] === null) {
        const want = `TypeError: ${c.length === 1 ? `data type '${s}' not understood` : c[2]}`;
        return e instanceof NumpyTypeError && got === want ? null : `${s}: got ${got}, want ${want}`;
      }
      const [, name, native] = c;
      if (!ours.has(name) && /^(str|void)\d*$/.test(name) && e === undefined) {
        // unicode and structured/void dtypes (runtime/flexible.ts): NumPy's name
        return got === name ? null : `${s}: got ${got}, want ${name}`;
      }
      if (!ours.has(name)) {
        // NumPy knows it; numfuse has no such dtype, so any TypeError is right.
        return e instanceof TypeError ? null : `${s}: got ${got}, want a TypeError (unsupported ${name})`;
      }
      if (!native) {
        return got === name && !parseDType(s).isnative ? null : `${s}: got ${got}, want big-endian ${name}`;
      }
      return got === name ? null : `${s}: got ${got}, want ${name}`;
    });
    expect(bad).toEqual([]);
  });

  it("covers the spellings the API promises", () => {
    const cases: [string, DTypeName][] = [
      ["f8", "float64"], ["<i4", "int32"], ["=f4", "float32"], ["|b1", "bool"], ["?", "bool"],
      ["b", "int8"], ["B", "uint8"], ["h", "int16"], ["H", "uint16"], ["i", "int32"],
      ["I", "uint32"], ["l", "int64"], ["L", "uint64"], ["q", "int64"], ["Q", "uint64"],
      ["f", "float32"], ["d", "float64"], ["F", "complex64"], ["D", "complex128"],
      ["u1", "uint8"], ["i8", "int64"], ["c16", "complex128"], ["float", "float64"],
      ["int", "int64"], ["complex", "complex128"], ["double", "float64"], ["single", "float32"],
      ["bool_", "bool"], ["intp", "int64"], ["uintp", "uint64"], ["longlong", "int64"],
      ["e", "float16"], ["f2", "float16"], ["<f2", "float16"], ["half", "float16"], ["float16", "float16"],
    ];
    for (const [s, n] of cases) expect(parseDType(s), s).toBe(dt(n));
  });

  it("refuses unknown names and non-dtypes with TypeErrors", () => {
    expect(parseDType(">u1")).toBe(DTYPES.uint8);
    expect(() => parseDType("xyz")).toThrow("data type 'xyz' not understood");
    expect(() => parseDType("longdouble")).toThrow(TypeError);
    expect(() => parseDType(5)).toThrow("Cannot interpret '5' as a data type");
    expect(() => parseDType(true)).toThrow("Cannot interpret 'True' as a data type");
    expect(parseDType({ dtype: DTYPES.float32 })).toBe(DTYPES.float32);
    expect(() => parseDType({ dtype: DTYPES.float32, shape: [2], ndim: 1 }))
      .toThrow("Cannot construct a dtype from an array");
  });
});

describe("promoteTypes", () => {
  it("matches np.promote_types on all 14x14 pairs", () => {
    const bad: string[] = [];
    fx.names.forEach((a, i) => fx.names.forEach((b, j) => {
      const got = promoteTypes(dt(a), dt(b)).name;
      if (got !== fx.promote[i]![j]) bad.push(`${a}+${b}: got ${got}, want ${fx.promote[i]![j]}`);
    }));
    expect(bad).toEqual([]);
  });
});

describe("canCast", () => {
  it("matches np.can_cast for every casting mode", () => {
    const bad: string[] = [];
    for (const casting of Object.keys(fx.can_cast) as Casting[]) {
      fx.names.forEach((a, i) => fx.names.forEach((b, j) => {
        const want = fx.can_cast[casting][i]![j] === "1";
        if (canCast(dt(a), dt(b), casting) !== want) bad.push(`${a}->${b} ${casting}: want ${want}`);
      }));
    }
    expect(bad).toEqual([]);
  });
  it("defaults to safe casting", () => {
    expect(canCast(DTYPES.int64, DTYPES.float64)).toBe(true);
    expect(canCast(DTYPES.float64, DTYPES.float32)).toBe(false);
  });
});

describe("resultType (NEP 50)", () => {
  it("matches np.result_type(dtype, python scalar) for every dtype and kind", () => {
    const bad: string[] = [];
    for (const k of Object.keys(fx.weak) as Kind[]) {
      fx.names.forEach((n, i) => {
        const want = fx.weak[k][i];
        const got = resultType(dt(n), { weak: k }).name;
        const swapped = resultType({ weak: k }, dt(n)).name;
        if (got !== want || swapped !== want) bad.push(`${n}+${k}: got ${got}/${swapped}, want ${want}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it("matches np.result_type of Python scalars alone", () => {
    for (const c of fx.weak_only) {
      expect(resultType(...c.args.map((k) => ({ weak: k }))).name, c.args.join(",")).toBe(c.result);
    }
  });

  it("promotes the strong dtypes first, then applies the weak kind", () => {
    const bad = mismatches(fx.mixed, ([a, b, k, want]) => {
      const got = resultType(dt(a), { weak: k }, dt(b)).name;
      return got === want ? null : `${a},${b},${k}: got ${got}, want ${want}`;
    });
    expect(bad).toEqual([]);
  });

  it("treats 0-d arrays as strong", () => {
    const bad = mismatches(fx.zero_d, ([a, b, want]) => {
      const got = resultType(dt(a), dt(b)).name;
      return got === want ? null : `${a},${b}: got ${got}, want ${want}`;
    });
    expect(bad).toEqual([]);
  });

  it("ignores the scalar's value and uses scalarKind's classification", () => {
    expect(resultType(DTYPES.int8, scalarKind(300))).toBe(DTYPES.int8);
    expect(resultType(DTYPES.uint8, scalarKind(-1))).toBe(DTYPES.uint8);
    expect(resultType(DTYPES.int8, scalarKind(1.5))).toBe(DTYPES.float64);
    expect(resultType(DTYPES.float32, scalarKind({ re: 0, im: 1 }))).toBe(DTYPES.complex64);
    expect(resultType(DTYPES.bool, scalarKind(2n))).toBe(DTYPES.int64);
    expect(resultType(scalarKind(true))).toBe(DTYPES.bool);
  });

  it("raises NumPy's ValueError with no arguments", () => {
    const want = fx.misc_errors["result_type_empty"]!;
    const e = thrown(() => resultType());
    expect(e).toBeInstanceOf(ValueError);
    expect(`${(e as Error).name}: ${(e as Error).message}`).toBe(`${want.error}: ${want.message}`);
  });
});

describe("scalarKind", () => {
  it("maps JS values to Python scalar kinds", () => {
    expect(scalarKind(true)).toEqual({ weak: "bool", value: 1 });
    expect(scalarKind(3)).toEqual({ weak: "int", value: 3 });
    expect(scalarKind(3n)).toEqual({ weak: "int", value: 3n });
    expect(scalarKind(1.5)).toEqual({ weak: "float", value: 1.5 });
    expect(scalarKind(NaN).weak).toBe("float");
    expect(scalarKind(Infinity).weak).toBe("float");
    expect(scalarKind({ re: 1, im: 2 }).weak).toBe("complex");
  });
});

describe("checkWeakIntFits", () => {
  it("raises NumPy's OverflowError exactly when NumPy does", () => {
    const bad = mismatches(fx.overflow, ([n, value, want]) => {
      const inputs: (number | bigint)[] = [BigInt(value)];
      if (Number.isSafeInteger(Number(value))) inputs.push(Number(value));
      for (const v of inputs) {
        const e = thrown(() => checkWeakIntFits(v, dt(n)));
        if (want === null ? e !== undefined : !(e instanceof OverflowError && e.message === want)) {
          return `${n} ${typeof v} ${value}: got ${String(e)}, want ${want}`;
        }
      }
      return null;
    });
    expect(bad).toEqual([]);
  });
  it("uses NumPy's message", () => {
    expect(() => checkWeakIntFits(300, DTYPES.int8)).toThrow("Python integer 300 out of bounds for int8");
  });
});

describe("error classes", () => {
  it("carry NumPy's names and hierarchy", () => {
    const axis = new AxisError(2, 1);
    expect(axis.message).toBe("axis 2 is out of bounds for array of dimension 1");
    expect(new AxisError(2, 1, "foo").message).toBe("foo: axis 2 is out of bounds for array of dimension 1");
    expect(new AxisError("hello").message).toBe("hello");
    expect(axis).toBeInstanceOf(AxisError);
    expect(axis).toBeInstanceOf(ValueError);
    expect(axis).toBeInstanceOf(IndexError);
    expect(axis).toBeInstanceOf(Error);
    expect(axis.name).toBe("AxisError");
    expect(new IndexError("x")).toBeInstanceOf(IndexError);
    expect(new ValueError("x")).not.toBeInstanceOf(IndexError);
    expect(new IndexError("x")).not.toBeInstanceOf(ValueError);
    expect({}).not.toBeInstanceOf(IndexError);
    const t = new NumpyTypeError("x");
    expect(t).toBeInstanceOf(TypeError);
    expect(t.name).toBe("TypeError");
    expect(new LinAlgError("x")).toBeInstanceOf(ValueError);
    expect(new LinAlgError("x").name).toBe("LinAlgError");
    expect(new OverflowError("x").name).toBe("OverflowError");
    expect(new ValueError("x").name).toBe("ValueError");
    expect(new IndexError("x").name).toBe("IndexError");
  });
});
