/** @file Element formatters (NumPy's FloatingFormat, IntegerFormat, BoolFormat, ComplexFloatingFormat) and numpy-scalar str(). */

import type { DType } from "../../runtime/dtype.js";
import { formatPositional, formatScientific, type Dragon4Options, type FloatBits, type TrimMode } from "./dragon4.js";
import { fround16 } from "../../runtime/half.js";
import type { PrintOptions, Scalar } from "./options.js";

export type ElementFormatter = (x: Scalar) => string;

function d4(partial: Partial<Dragon4Options>): Dragon4Options {
  return { unique: true, precision: -1, minDigits: -1, sign: false, trim: "k", padLeft: -1, padRight: -1, expDigits: -1, ...partial };
}

/** Splits "int.frac" at the point; every string reaching here has one. */
function splitPoint(s: string): [string, string] {
  const i = s.indexOf(".");
  return [s.slice(0, i), s.slice(i + 1)];
}

/**
 * Chooses one layout for all the values so the column lines up: positional or scientific, how
 * many digits, and the padding on each side of the point.
 */
export class FloatingFormat {
  private precision: number;
  private minDigits = -1;
  private unique = true;
  private trim: TrimMode = ".";
  private expFormat = false;
  private padLeft = 0;
  private padRight = 0;
  private expSize = -1;

  constructor(data: readonly number[], private readonly fb: FloatBits, private readonly opts: PrintOptions, private readonly signMode: "-" | "+" | " " = opts.sign) {
    this.precision = opts.floatmode === "unique" ? -1 : opts.precision;
    this.fill(data);
  }

  private fill(data: readonly number[]): void {
    const { opts, fb } = this;
    const finite = data.filter((x) => Number.isFinite(x));
    let maxVal = -Infinity, minVal = Infinity;
    for (const x of finite) {
      const a = Math.abs(x);
      if (a === 0) continue;
      if (a > maxVal) maxVal = a;
      if (a < minVal) minVal = a;
    }
    if (maxVal !== -Infinity) {
      // NumPy compares against Python floats that take the array's own precision (NEP 50), and its
      // cutoff is 10**min(8, finfo.precision): 1e3 for float16, 1e6 for float32.
      const round = fb === 16 ? fround16 : fb === 32 ? Math.fround : (v: number) => v;
      const cutoffMax = fb === 16 ? 1e3 : fb === 32 ? 1e6 : 1e8;
      const small = round(1e-4);
      const ratio = round(maxVal / minVal);
      if (maxVal >= cutoffMax || (!opts.suppress && (minVal < small || ratio > 1000))) this.expFormat = true;
    }
    const plus = this.signMode === "+";
    let precision = this.precision;
    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.trim = ".";
      this.expSize = -1;
      this.unique = true;
      this.minDigits = -1;
    } else if (this.expFormat) {
      const fixed = opts.floatmode === "fixed";
      const unique = !fixed;
      const trim: TrimMode = fixed ? "k" : ".";
      let maxInt = 0, maxFrac = 0, maxExp = 0;
      for (const x of finite) {
        const s = formatScientific(x, fb, d4({ precision, unique, trim, sign: plus }));
        const e = s.indexOf("e");
        const [ip, fp] = splitPoint(s.slice(0, e));
        maxInt = Math.max(maxInt, ip.length);
        maxFrac = Math.max(maxFrac, fp.length);
        maxExp = Math.max(maxExp, s.length - e - 1);
      }
      this.expSize = maxExp - 1;
      this.trim = "k";
      precision = maxFrac;
      this.minDigits = maxFrac;
      this.unique = unique;
      this.padLeft = maxInt;
      this.padRight = this.expSize + 2 + precision;
    } else {
      const fixed = opts.floatmode === "fixed";
      const unique = !fixed;
      const trim: TrimMode = fixed ? "k" : ".";
      let maxInt = 0, maxFrac = 0;
      for (const x of finite) {
        const s = formatPositional(x, fb, d4({ precision, unique, trim, sign: plus }));
        const [ip, fp] = splitPoint(s);
        maxInt = Math.max(maxInt, ip.length);
        maxFrac = Math.max(maxFrac, fp.length);
      }
      this.padLeft = maxInt;
      this.padRight = maxFrac;
      this.expSize = -1;
      this.unique = unique;
      if (opts.floatmode === "fixed" || opts.floatmode === "maxprec_equal") {
        precision = this.minDigits = maxFrac;
        this.trim = "k";
      } else {
        this.trim = ".";
        this.minDigits = 0;
      }
    }
    this.precision = precision;
    // A ' ' sign reserves a column for the sign only when no value already shows '-'.
    if (this.signMode === " " && !finite.some((x) => x < 0 || Object.is(x, -0))) this.padLeft += 1;
    if (finite.length !== data.length) {
      const negInf = this.signMode !== "-" || data.some((x) => x === -Infinity);
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, opts.nanstr.length - offset, opts.infstr.length + (negInf ? 1 : 0) - offset);
    }
  }

  format(x: number): string {
    const plus = this.signMode === "+";
    if (!Number.isFinite(x)) {
      let ret: string;
      if (Number.isNaN(x)) ret = (plus ? "+" : "") + this.opts.nanstr;
      else ret = (x < 0 ? "-" : plus ? "+" : "") + this.opts.infstr;
      return " ".repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret;
    }
    const o = d4({
      precision: this.precision, minDigits: this.minDigits, unique: this.unique, trim: this.trim,
      sign: plus, padLeft: this.padLeft,
    });
    if (this.expFormat) return formatScientific(x, this.fb, { ...o, expDigits: this.expSize });
    return formatPositional(x, this.fb, { ...o, padRight: this.padRight });
  }
}

function isComplex(x: Scalar): x is { re: number; im: number } {
  return typeof x === "object";
}

function intString(x: Scalar): string {
  return typeof x === "boolean" ? (x ? "1" : "0") : isComplex(x) ? String(x.re) : x.toString();
}

/** Right-aligns integers in a common width, as Python's '{:<sign><width>d}'. */
function integerFormatter(data: readonly Scalar[], sign: "-" | "+" | " "): ElementFormatter {
  let maxLen = 0;
  if (data.length > 0) {
    let max = BigInt(intString(data[0]!)), min = max;
    for (const v of data) {
      const b = BigInt(intString(v));
      if (b > max) max = b;
      if (b < min) min = b;
    }
    let maxStrLen = max.toString().length;
    if (sign === " " && min < 0n) sign = "-";
    if (max >= 0n && (sign === "+" || sign === " ")) maxStrLen += 1;
    maxLen = Math.max(maxStrLen, min.toString().length);
  }
  const s = sign;
  return (x) => {
    const str = intString(x);
    const neg = str.startsWith("-");
    const body = (neg ? "-" : s === "+" ? "+" : s === " " ? " " : "") + (neg ? str.slice(1) : str);
    return body.padStart(maxLen);
  };
}

function complexFormatter(data: readonly Scalar[], fb: FloatBits, opts: PrintOptions): ElementFormatter {
  const cs = data as readonly { re: number; im: number }[];
  const real = new FloatingFormat(cs.map((z) => z.re), fb, opts, opts.sign);
  const imag = new FloatingFormat(cs.map((z) => z.im), fb, opts, "+");
  return (x) => {
    const z = x as { re: number; im: number };
    const r = real.format(z.re);
    const i = imag.format(z.im);
    const end = i.trimEnd().length;
    return r + i.slice(0, end) + "j" + i.slice(end);
  };
}

/** The precision of a float dtype's values, or of a complex dtype's parts. */
function realBits(dtype: DType): FloatBits {
  return ((dtype.kind === "c" ? dtype.itemsize / 2 : dtype.itemsize) * 8) as FloatBits;
}

/** The formatter NumPy picks for this dtype, sized over the (possibly summarized) values. */
export function makeFormatter(data: readonly Scalar[], dtype: DType, opts: PrintOptions, zeroD: boolean): ElementFormatter {
  switch (dtype.kind) {
    case "b": {
      // The leading space lines " True" up with "False", pointless for a lone 0-d value.
      const t = zeroD ? "True" : " True";
      return (x) => (x ? t : "False");
    }
    case "i":
    case "u":
      return integerFormatter(data, opts.sign);
    case "f": {
      const ff = new FloatingFormat(data as readonly number[], realBits(dtype), opts);
      return (x) => ff.format(x as number);
    }
    case "c":
      return complexFormatter(data, realBits(dtype), opts);
  }
}

/** The repr-style text for one float part of a numpy scalar: positional within a range, else scientific. */
function floatScalarPart(x: number, fb: FloatBits, trim: TrimMode, sign: boolean): string {
  if (Number.isNaN(x)) return (sign ? "+" : "") + "nan";
  if (!Number.isFinite(x)) return (x < 0 ? "-" : sign ? "+" : "") + "inf";
  const a = Math.abs(x);
  const upper = fb === 16 ? 1e3 : fb === 32 ? 1e6 : 1e16;
  if (a === 0 || (a >= 1e-4 && a < upper)) return formatPositional(x, fb, d4({ trim, sign }));
  return formatScientific(x, fb, d4({ trim: "-", sign }));
}

/** str() of a numpy scalar of the given dtype, e.g. "0.1" for np.float32(0.1), "(1+2j)" for complex. */
export function scalarStr(x: Scalar, dtype: DType): string {
  switch (dtype.kind) {
    case "b":
      return x ? "True" : "False";
    case "i":
    case "u":
      return intString(x);
    case "f":
      return floatScalarPart(Number(x), realBits(dtype), "0", false);
    case "c": {
      const fb = realBits(dtype);
      const z = isComplex(x) ? x : { re: Number(x), im: 0 };
      if (z.re === 0 && !Object.is(z.re, -0)) return floatScalarPart(z.im, fb, "-", false) + "j";
      return `(${floatScalarPart(z.re, fb, "-", false)}${floatScalarPart(z.im, fb, "-", true)}j)`;
    }
  }
}
