/** @file float16 end to end against NumPy 2 (test/fixtures/float16.json from gen_float16.py): rounding from double, casts, str/repr, sums and means, weak scalars, views and bytes. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { d2h, fround16, H16, nextafter16 } from "../../runtime/half.js";
import { interpret } from "../../runtime/interp.js";
import { decFloat, decodeArray, expectArrayEqualNumpy, type Enc, type EncodedArray } from "../helpers/numpy.js";

interface Fixture {
  rounding: { in: Enc[]; bits: number[] };
  nan_bits: { nan: number; neg_nan: number };
  scalars: { bits: number[]; values: Enc[]; str: string[]; repr: string[] };
  cast_from: Record<string, EncodedArray>;
  cast_to: Record<string, { in: EncodedArray; out: EncodedArray }>;
  printing: Record<string, { in: EncodedArray; str: string; repr: string }>;
  print_opts: { case: string; opts: string; str: string }[];
  sums: { kind: string; n: number; sum: Enc; mean: Enc | null; prod_small?: Enc; max?: Enc; min?: Enc; argmax?: number }[];
  axis_sums: { kind: string; shape: number[]; axis0: EncodedArray; axis1: EncodedArray; mean0: EncodedArray; mean1: EncodedArray; max0: EncodedArray; sum_f32: Enc }[];
  var: { kind: string; n: number; var: Enc; std: Enc }[];
  weak: Record<string, EncodedArray>;
  chains: Record<string, EncodedArray | EncodedArray[] | Enc> & { in: EncodedArray[] };
  views: { in: EncodedArray; u16: number[]; bytes: number[]; i8_view: number[] };
  itemsize: number;
  str: string;
  char: string;
}

const fx = JSON.parse(readFileSync(new URL("../fixtures/float16.json", import.meta.url), "utf8")) as Fixture;

const same = (a: number, b: number) => Object.is(a, b) || (a !== a && b !== b);

describe("the float16 dtype", () => {
  it("has NumPy's descriptor under every spelling", () => {
    for (const s of ["float16", "half", "f2", "e", "<f2", "=f2"]) expect(np.dtype(s), s).toBe(np.float16);
    expect(np.half).toBe(np.float16);
    const d = np.dtype("float16");
    expect([d.itemsize, d.str, d.char, d.kind, d.name]).toEqual([fx.itemsize, fx.str, fx.char, "f", "float16"]);
  });
});

describe("binary16 conversions (runtime/half.ts)", () => {
  it("rounds doubles to half as NumPy's cast does: ties to even, subnormals, overflow at 65520", () => {
    const bad: string[] = [];
    fx.rounding.in.forEach((v, i) => {
      const x = decFloat(v);
      if (d2h(x) !== fx.rounding.bits[i]) bad.push(`${x}: got ${d2h(x)} want ${fx.rounding.bits[i]}`);
    });
    expect(bad).toEqual([]);
    expect(d2h(NaN)).toBe(fx.nan_bits.nan);
    expect(d2h(-NaN) & 0x7fff).toBe(fx.nan_bits.neg_nan & 0x7fff);
  });

  it("reads every half exactly and round-trips all 65536 bit patterns", () => {
    fx.scalars.bits.forEach((b, i) => expect(same(H16[b], decFloat(fx.scalars.values[i])), `bits ${b}`).toBe(true));
    for (let h = 0; h < 65536; h++) {
      const isNaN = (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
      if (!isNaN && d2h(H16[h]) !== h) throw new Error(`bits ${h} do not round-trip`);
      if (isNaN && d2h(H16[h]) !== h) throw new Error(`NaN payload ${h} lost`);
    }
    expect(fround16(0.1)).toBe(0.0999755859375);
    expect(fround16(65519.99)).toBe(65504);
    expect(fround16(65520)).toBe(Infinity);
  });

  it("steps to neighbouring halves", () => {
    expect(nextafter16(1, 2)).toBe(1 + 2 ** -10);
    expect(nextafter16(1, 0)).toBe(1 - 2 ** -11);
    expect(nextafter16(0, -1)).toBe(-(2 ** -24));
    expect(nextafter16(65504, Infinity)).toBe(Infinity);
    expect(nextafter16(-(2 ** -24), 1)).toBe(-0);
  });
});

describe("scalars print as NumPy's shortest half digits", () => {
  it("str() and tolist of a sample of every binade", () => {
    const bad: string[] = [];
    fx.scalars.bits.forEach((b, i) => {
      const a = np.frombuffer(new Uint16Array([b]), { dtype: "float16" }).reshape([]);
      const s = String(a);
      if (s !== fx.scalars.str[i]) bad.push(`bits ${b}: got ${s} want ${fx.scalars.str[i]}`);
      if (!same(a.item() as number, decFloat(fx.scalars.values[i]))) bad.push(`bits ${b}: item ${a.item()}`);
    });
    expect(bad).toEqual([]);
  });
});

describe("casts", () => {
  const src = () => decodeArray(fx.cast_from.float16);
  for (const [dt, want] of Object.entries(fx.cast_from)) {
    it(`float16 -> ${dt}`, () => {
      expectArrayEqualNumpy(src().astype(dt), want);
      // the interpreter gives the same values
      const got = src().astype(dt);
      const ref = interpret(got._node);
      expect(ref.dtype.name).toBe(want.dtype);
    });
  }
  for (const [dt, c] of Object.entries(fx.cast_to)) {
    it(`${dt} -> float16`, () => expectArrayEqualNumpy(decodeArray(c.in).astype("float16"), c.out));
  }
  it("element writes round once", () => {
    const a = np.zeros(3, { dtype: "float16" });
    a.set(0, 0.1);
    a.set(1, 70000);
    a.set(2, 2 ** -25 * 3);
    expect(a.tolist()).toEqual([0.0999755859375, Infinity, 2 ** -23]);
  });
});

describe("printing", () => {
  for (const [name, c] of Object.entries(fx.printing)) {
    it(name, () => {
      const a = decodeArray(c.in);
      expect(a.dtype.name).toBe("float16");
      expect(String(a)).toBe(c.str);
      expect(np.array_repr(a)).toBe(c.repr);
    });
  }
  const OPTS: Record<string, Record<string, unknown>> = {
    p2: { precision: 2 }, p2fixed: { precision: 2, floatmode: "fixed" }, suppress: { suppress: true }, unique: { floatmode: "unique" },
  };
  for (const c of fx.print_opts) {
    it(`${c.case} with ${c.opts}`, () => expect(np.array_str(decodeArray(fx.printing[c.case].in), OPTS[c.opts])).toBe(c.str));
  }
});

/** gen_float16.py's ramp: ((i * 7919) % 1000) / 997 or (... - 500) / 97, rounded to half. */
function ramp(n: number, kind: string): np.NDArray {
  const i = np.arange(n);
  const r = i.mul(7919).mod(1000);
  return (kind === "pos" ? r.div(997) : r.sub(500).div(97)).astype("float16");
}

describe("reductions: float32 accumulation, as NumPy's half loops", () => {
  for (const c of fx.sums) {
    it(`${c.kind} n=${c.n}`, () => {
      const x = ramp(c.n, c.kind);
      const s = x.sum();
      expect(s.dtype.name).toBe("float16");
      expect(same(s.item() as number, decFloat(c.sum)), `sum ${s.item()} want ${c.sum}`).toBe(true);
      if (c.mean !== null) {
        const m = x.mean();
        expect(m.dtype.name).toBe("float16");
        expect(same(m.item() as number, decFloat(c.mean)), `mean ${m.item()} want ${c.mean}`).toBe(true);
      }
      if (c.prod_small !== undefined) {
        expect(x.get(":6").prod().item()).toBe(decFloat(c.prod_small));
        expect(x.max().item()).toBe(decFloat(c.max!));
        expect(x.min().item()).toBe(decFloat(c.min!));
        expect(x.argmax().item()).toBe(c.argmax);
      }
    });
  }
  for (const c of fx.axis_sums) {
    it(`${c.kind} ${c.shape.join("x")} along each axis`, () => {
      const x = ramp(c.shape[0] * c.shape[1], c.kind).reshape(c.shape);
      expectArrayEqualNumpy(x.sum({ axis: 0 }), c.axis0);
      expectArrayEqualNumpy(x.sum({ axis: 1 }), c.axis1);
      // NumPy's float32 mean sums in blocks that the per-row float32 sums here may round differently
      expectArrayEqualNumpy(x.mean({ axis: 0 }), c.mean0, { rtol: 2 ** -11 });
      expectArrayEqualNumpy(x.mean({ axis: 1 }), c.mean1, { rtol: 2 ** -11 });
      expectArrayEqualNumpy(x.max({ axis: 0 }), c.max0);
      expect(x.sum({ dtype: "float32" }).item()).toBeCloseTo(decFloat(c.sum_f32), 0);
    });
  }
  for (const c of fx.var) {
    it(`var and std of ${c.kind}`, () => {
      // NumPy squares and sums in float16 steps; here the deviations stay doubles until the sum
      const x = ramp(c.n, c.kind);
      expect(x.var().dtype.name).toBe("float16");
      expect(x.var().item()).toBeCloseTo(decFloat(c.var), 1);
      expect(Math.abs((x.std().item() as number) / decFloat(c.std) - 1)).toBeLessThan(2e-3);
    });
  }
  it("cumsum rounds to half at every step", () => {
    const x = np.array([2048, 1, 1, 1, 1], { dtype: "float16" });
    expect(np.cumsum(x).tolist()).toEqual([2048, 2048, 2048, 2048, 2048]);
    expect(np.cumsum(x).dtype.name).toBe("float16");
  });
});

describe("promotion and weak scalars", () => {
  const A = () => np.array([0.5, 1.5, -2.0, 100.0], { dtype: "float16" });
  const cases: Record<string, () => np.NDArray> = {
    mul_float: () => A().mul(1.1),
    add_int: () => A().add(3),
    add_big_int: () => A().add(70000),
    add_bool: () => A().add(true as never),
    add_complex: () => A().add(np.complex(0, 1) as never),
    div_int: () => A().div(3),
    pow_half: () => A().pow(0.5),
    rsub: () => np.subtract(1.1, A()),
    lt_float: () => A().lt(1.1),
    int8_arr: () => A().add(np.array([1, 2, 3, 4], { dtype: "int8" })),
    uint8_arr: () => A().add(np.array([1, 2, 3, 4], { dtype: "uint8" })),
    int16_arr: () => A().add(np.array([1, 2, 3, 4], { dtype: "int16" })),
    f32_arr: () => A().add(np.array([0.1, 0.2, 0.3, 0.4], { dtype: "float32" })),
    bool_arr: () => A().add(np.array([true, false, true, false])),
    c64_arr: () => A().add(np.array([np.complex(0, 1), 2, 3, 4] as never, { dtype: "complex64" })),
    where: () => np.where(A().gt(1), A(), 2.5) as np.NDArray,
    sqrt_int8: () => np.sqrt(np.array([1, 2, 3, 4], { dtype: "int8" })),
    sin_uint8: () => np.sin(np.array([1, 2, 3, 200], { dtype: "uint8" })),
    exp_bool: () => np.exp(np.array([true, false])),
    divide_int8: () => np.true_divide(np.array([1, 2], { dtype: "int8" }), np.array([3, 3], { dtype: "int8" })),
    arctan2_u8_i8: () => np.arctan2(np.array([1, 2], { dtype: "uint8" }), np.array([3, -3], { dtype: "int8" })),
    round1: () => np.round(np.array([0.15, 2.675, 1.005, 33.35, -0.25], { dtype: "float16" }), 1),
    round_neg: () => np.round(np.array([1234.0, 1250.0, 65504.0], { dtype: "float16" }), -2),
    clip: () => np.clip(A(), 0, 1.5),
    linspace: () => np.linspace(0, 1, 7, { dtype: "float16" }),
    arange: () => np.arange(0, 2, 0.3, { dtype: "float16" }),
  };
  // transcendental results: within one half ulp of NumPy's float32-then-half values
  const TOL: Record<string, { rtol: number }> = { sin_uint8: { rtol: 2 ** -10 }, exp_bool: { rtol: 2 ** -10 }, arctan2_u8_i8: { rtol: 2 ** -10 } };
  for (const [name, want] of Object.entries(fx.weak)) {
    it(name, () => expectArrayEqualNumpy(cases[name](), want, TOL[name]));
  }
});

describe("fused chains round every float16 intermediate, as NumPy's separate ufuncs do", () => {
  const [P, Q, R] = fx.chains.in.map((e) => decodeArray(e));
  const cases: Record<string, () => np.NDArray> = {
    mul_add: () => P.mul(Q).add(R),
    div_sub_mul: () => P.div(Q).sub(R.mul(P)),
    sq_sum: () => P.mul(P).add(Q.mul(Q)).add(R.mul(R)),
    neg_abs_add: () => np.abs(P.sub(Q)).add(np.negative(R)),
    row_sums: () => P.mul(Q).add(R).reshape(8, 8).sum({ axis: 1 }),
  };
  for (const [name, make] of Object.entries(cases)) it(name, () => expectArrayEqualNumpy(make(), fx.chains[name] as EncodedArray));
  it("sum and mean of a fused product", () => {
    expect(P.mul(Q).sum().item()).toBe(decFloat(fx.chains.sum_of_products));
    expect(P.mul(P).mean().item()).toBe(decFloat(fx.chains.mean_of_squares));
  });
});

describe("bytes: view, tobytes, frombuffer, .npy", () => {
  it("reinterprets float16 and uint16 both ways without copying", () => {
    const a = decodeArray(fx.views.in);
    const u = a.view("uint16");
    expect(u.tolist()).toEqual(fx.views.u16);
    expect(Array.from(a.tobytes())).toEqual(fx.views.bytes);
    expect(a.get(":4").view("int8").tolist()).toEqual(fx.views.i8_view);
    const back = u.view("float16");
    expect((back.tolist() as unknown[]).map(String)).toEqual((a.tolist() as unknown[]).map(String));
    u.set(0, 0x3c00 + 0x400);
    expect(a.item(0)).toBe(2);
    const f = np.frombuffer(new Uint8Array(fx.views.bytes), { dtype: "<f2" });
    expect((f.tolist() as unknown[]).map(String)).toEqual((decodeArray(fx.views.in).tolist() as unknown[]).map(String));
  });

  it("saves and loads .npy with descr '<f2'", () => {
    const a = decodeArray(fx.views.in);
    const path = join(mkdtempSync(join(tmpdir(), "nf16-")), "a.npy");
    np.save(path, a);
    const raw = readFileSync(path);
    expect(raw.toString("latin1")).toContain("'descr': '<f2'");
    expect(Array.from(raw.subarray(raw.length - a.nbytes))).toEqual(fx.views.bytes);
    const b = np.load(path) as np.NDArray;
    expect(b.dtype.name).toBe("float16");
    expect((b.tolist() as unknown[]).map(String)).toEqual((a.tolist() as unknown[]).map(String));
  });
});
