/** @file np.testing: assert_allclose, assert_array_equal, assert_array_almost_equal, assert_array_less, assert_equal, raising AssertionError with NumPy 2.4's exact messages. */
import { DTYPES, type DType } from "../runtime/dtype.js";
import { resultType } from "../runtime/promotion.js";
import { asarray, isNDArray, type ArrayLike } from "./convert.js";
import { printView } from "./methods.js";
import type { NDArray } from "./ndarray.js";
import { arrayRepr } from "./print/format-array.js";
import { makeFormatter, scalarStr } from "./print/format-scalar.js";
import { get_printoptions } from "./print/options.js";
import { isclose } from "./select.js";
import { ufuncs } from "./ufunc/all.js";

/** Python's AssertionError, as numpy.testing raises it. */
export class AssertionError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "AssertionError";
  }
}

type Complex = { re: number; im: number };
type Value = number | bigint | boolean | Complex;

interface CommonOptions {
  err_msg?: string;
  verbose?: boolean;
}
interface StrictOptions extends CommonOptions {
  strict?: boolean;
}
export interface AllcloseOptions extends StrictOptions {
  rtol?: number;
  atol?: number;
  equal_nan?: boolean;
}
export interface AlmostEqualOptions extends CommonOptions {
  decimal?: number;
}

// ---- Python-compatible text --------------------------------------------------------------------

/** Python's format(x, ".<p>g"): p significant digits rounded half-to-even on the exact binary value, trailing zeros dropped. */
export function formatG(x: number, p = 6): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const sign = x < 0 ? "-" : "";
  // toPrecision(100) is the exact decimal expansion for every value this formats (a tie is 5 then zeros)
  const full = Math.abs(x).toPrecision(100);
  const [mant, expPart] = full.split("e");
  let exp = expPart === undefined ? mant.indexOf(".") - 1 : Number(expPart);
  let allDigits = mant.replace(".", "");
  if (expPart === undefined) {
    // positional: strip leading zeros, the exponent comes from where the first nonzero digit sits
    const lead = allDigits.length - allDigits.replace(/^0+/, "").length;
    allDigits = allDigits.slice(lead);
    exp = (mant.indexOf(".") < 0 ? mant.length : mant.indexOf(".")) - 1 - lead;
  }
  let digits = allDigits.slice(0, p).padEnd(p, "0");
  const rest = allDigits.slice(p);
  const roundUp = rest.length > 0 && (rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || Number(digits[p - 1]) % 2 === 1)));
  if (roundUp) {
    const n = (BigInt(digits) + 1n).toString();
    if (n.length > p) {
      exp += 1;
      digits = n.slice(0, p);
    } else digits = n;
  }
  const strip = (s: string) => s.replace(/0+$/, "");
  if (exp >= -4 && exp < p) {
    if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + strip(digits);
    const intPart = digits.slice(0, exp + 1);
    const frac = strip(digits.slice(exp + 1));
    return sign + intPart + (frac ? "." + frac : "");
  }
  const frac = strip(digits.slice(1));
  const e = Math.abs(exp).toString().padStart(2, "0");
  return `${sign}${digits[0]}${frac ? "." + frac : ""}e${exp < 0 ? "-" : "+"}${e}`;
}

const isComplexValue = (v: unknown): v is Complex =>
  typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as Complex).re === "number" && typeof (v as Complex).im === "number";

/** repr() of the Python value a JS value stands for (an integral number is a Python int). */
function pyRepr(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(pyRepr).join(", ")}]`;
  if (typeof x === "boolean") return x ? "True" : "False";
  if (typeof x === "bigint") return x.toString();
  if (typeof x === "number") {
    if (Number.isInteger(x) && !Object.is(x, -0)) return BigInt(x).toString();
    return scalarStr(x, DTYPES.float64);
  }
  if (isComplexValue(x)) return scalarStr(x, DTYPES.complex128);
  if (typeof x === "string") return `'${x}'`;
  return String(x);
}

function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** numpy.testing's build_err_msg: header, err_msg (same line when short), then the reprs cut to 3 lines. */
function buildErrMsg(
  arrays: readonly unknown[], errMsg: string, header: string, verbose: boolean,
  names: readonly [string, string] = ["ACTUAL", "DESIRED"], precision = 8,
): string {
  const msg = ["\n" + header];
  if (errMsg) {
    if (!errMsg.includes("\n") && [...errMsg].length < 79 - [...header].length) msg[0] += " " + errMsg;
    else msg.push(errMsg);
  }
  if (verbose) {
    arrays.forEach((a, i) => {
      let r: string;
      if (isNDArray(a)) {
        // array_repr rejects these precisions, and build_err_msg prints the failure instead
        if (!Number.isInteger(precision)) r = "[repr failed for <ndarray>: precision must be an integer]";
        else if (precision < 0) r = "[repr failed for <ndarray>: precision must be >= 0]";
        else r = arrayRepr(printView(a), { precision });
      } else r = pyRepr(a);
      const lines = r.split("\n");
      if (lines.length - 1 > 3) r = lines.slice(0, 3).join("\n") + "...";
      msg.push(` ${names[i]}: ${r}`);
    });
  }
  return msg.join("\n");
}

// ---- element access ----------------------------------------------------------------------------

function readAll(a: NDArray): Value[] {
  const read = a._elementReader(true);
  const out = new Array<Value>(a.size);
  for (let i = 0; i < out.length; i++) out[i] = read(i) as Value;
  return out;
}

const hasNonFinite = (dt: DType) => dt.kind === "f" || dt.kind === "c";
const isNanV = (v: Value) => (typeof v === "number" ? Number.isNaN(v) : isComplexValue(v) && (Number.isNaN(v.re) || Number.isNaN(v.im)));
const isInfV = (v: Value) =>
  typeof v === "number" ? v === Infinity || v === -Infinity : isComplexValue(v) && (Math.abs(v.re) === Infinity || Math.abs(v.im) === Infinity);
const isZeroV = (v: Value) => (isComplexValue(v) ? v.re === 0 && v.im === 0 : typeof v === "bigint" ? v === 0n : typeof v === "boolean" ? !v : v === 0);
const sameValue = (a: Value, b: Value) =>
  isComplexValue(a) || isComplexValue(b)
    ? toC(a).re === toC(b).re && toC(a).im === toC(b).im
    : typeof a === "bigint" || typeof b === "bigint" ? BigInt(a as number) === BigInt(b as number) : Number(a) === Number(b);
const toC = (v: Value): Complex => (isComplexValue(v) ? v : { re: Number(v), im: 0 });

/** NumPy's max over the picked values: NaN wins, as np.max propagates it. */
function maxOf(vals: Value[]): Value {
  let best = vals[0];
  for (const v of vals) {
    if (typeof v === "number" && Number.isNaN(v)) return v;
    if (v > best) best = v;
  }
  return best;
}

/** array2string of a 0-d array: the value formatted alone, with the current print options. */
function format0d(v: Value, dtype: DType): string {
  return makeFormatter([v], dtype, get_printoptions(), true)(v);
}

/** f"{a[idx]}": numpy scalars format through .item(), so float32 shows its exact double value. */
function itemStr(v: Value, dtype: DType): string {
  const wide = dtype.kind === "f" ? DTYPES.float64 : dtype.kind === "c" ? DTYPES.complex128 : dtype;
  return scalarStr(v, wide);
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

// ---- assert_array_compare ----------------------------------------------------------------------

interface CompareSpec {
  err_msg: string;
  verbose: boolean;
  header: string;
  precision: number;
  equal_nan: boolean;
  equal_inf: boolean;
  strict: boolean;
  names: readonly [string, string];
}

/** A per-position flag (both operands n-d) or one flag for everything (an operand is 0-d). */
type Flags = boolean[] | boolean;

/** numpy.testing's assert_array_compare, step for step. */
function assertArrayCompare(comparison: (x: NDArray, y: NDArray) => NDArray, actual: ArrayLike, desired: ArrayLike, s: CompareSpec): void {
  const x = asarray(actual), y = asarray(desired);
  const fail = (arrays: readonly unknown[], errMsg: string): never => {
    throw new AssertionError(buildErrMsg(arrays, errMsg, s.header, s.verbose, s.names, s.precision));
  };
  const sameShape = x.ndim === y.ndim && x.shape.every((n, i) => n === y.shape[i]);
  const cond = s.strict ? sameShape && x.dtype === y.dtype : x.ndim === 0 || y.ndim === 0 || sameShape;
  if (!cond) {
    const reason = !sameShape
      ? `\n(shapes ${shapeRepr(x.shape)}, ${shapeRepr(y.shape)} mismatch)`
      : `\n(dtypes ${x.dtype.name}, ${y.dtype.name} mismatch)`;
    fail([x, y], s.err_msg + reason);
  }
  const shape = x.ndim === 0 ? y.shape : x.shape;
  const n = shape.reduce((p, d) => p * d, 1);
  const xv = readAll(x), yv = readAll(y);
  const at = (vals: Value[], i: number) => (vals.length === 1 && n !== 1 ? vals[0] : vals[i]);

  // func_assert_same_pos: the flags must agree wherever both operands have them
  const samePos = (xid: boolean[], yid: boolean[], hasval: string): Flags => {
    for (let i = 0; i < n; i++) {
      if ((x.ndim === 0 ? xid[0] : xid[i]) !== (y.ndim === 0 ? yid[0] : yid[i])) fail([x, y], s.err_msg + `\n${hasval} location mismatch:`);
    }
    if (x.ndim === 0) return xid[0];
    if (y.ndim === 0) return yid[0];
    return yid;
  };
  const flagAt = (f: Flags, i: number) => (typeof f === "boolean" ? f : f[i]);
  const numericFlags = hasNonFinite(x.dtype) || hasNonFinite(y.dtype);

  let flagged: Flags = false;
  if (s.equal_nan) {
    flagged = numericFlags ? samePos(xv.map(isNanV), yv.map(isNanV), "nan") : x.ndim === 0 || y.ndim === 0 ? false : new Array<boolean>(n).fill(false);
  }
  if (s.equal_inf && numericFlags) {
    const f0 = flagged;
    const infs = samePos(xv.map((v, i) => isInfV(v) && !flagAt(f0, i)), yv.map((v, i) => isInfV(v) && !flagAt(f0, i)), "inf");
    const anyInf = typeof infs === "boolean" ? infs : infs.includes(true);
    if (anyInf) {
      if (x.ndim > 0 && y.ndim > 0) {
        const mask = infs as boolean[];
        const xs: Value[] = [], ys: Value[] = [];
        mask.forEach((m, i) => { if (m) { xs.push(xv[i]); ys.push(yv[i]); } });
        if (xs.some((v, i) => !sameValue(v, ys[i]))) {
          fail([asarray(xs as never, { dtype: x.dtype }), asarray(ys as never, { dtype: y.dtype })], s.err_msg + "\ninf values mismatch:");
        }
      } else {
        for (let i = 0; i < n; i++) if (!sameValue(at(xv, i), at(yv, i))) fail([x, y], s.err_msg + "\ninf values mismatch:");
      }
    }
    if (typeof flagged === "boolean" && typeof infs === "boolean") flagged = flagged || infs;
    else {
      const f1 = flagged;
      flagged = Array.from({ length: n }, (_, i) => flagAt(f1, i) || flagAt(infs, i));
    }
  }

  let kept: number[];
  if (typeof flagged !== "boolean") {
    kept = [];
    flagged.forEach((f, i) => { if (!f) kept.push(i); });
    if (kept.length === 0) return;
  } else if (flagged) {
    return;
  } else {
    kept = Array.from({ length: n }, (_, i) => i);
  }

  const val = readAll(comparison(x, y));
  const invalid = kept.filter((i) => !val[val.length === 1 ? 0 : i]);
  if (invalid.length === 0) return;

  const nElements = typeof flagged !== "boolean" ? flagged.length : kept.length;
  const remarks = [`Mismatched elements: ${invalid.length} / ${nElements} (${formatG((100 * invalid.length) / nElements, 3)}%)`];
  if (!(x.ndim === 0 && y.ndim === 0)) {
    const lines = invalid.slice(0, 5).map((i) => {
      const xs = itemStr(at(xv, i), x.dtype), ys = itemStr(at(yv, i), y.dtype);
      return ` [${unravel(i, shape).join(", ")}]: ${xs} (${s.names[0]}), ${ys} (${s.names[1]})`;
    }).join("\n");
    const head = invalid.length === 1 ? "Mismatch at index:" : invalid.length <= 5 ? "Mismatch at indices:" : "First 5 mismatches are at indices:";
    remarks.push(`${head}\n${lines}`);
  }
  // bool - bool is a TypeError in NumPy, which skips the difference lines
  if (!(x.dtype.kind === "b" && y.dtype.kind === "b")) {
    const u = ufuncs;
    let error = u.absolute(u.subtract(x, y));
    // evaluated first: fused uint64 kernels compare the unwrapped (negative) differences
    if (x.dtype.kind === "u") error = u.minimum(error.eval(), u.absolute(u.subtract(y, x)).eval());
    const ev = readAll(error);
    remarks.push("Max absolute difference among violations: " + format0d(maxOf(invalid.map((i) => at(ev, i))), error.dtype));
    const nzInvalid = invalid.filter((i) => !isZeroV(at(yv, i)));
    let rel: string;
    if (nzInvalid.length === 0) rel = "inf";
    else {
      const ratio = u.true_divide(error, u.absolute(y));
      const rv = readAll(ratio);
      rel = format0d(maxOf(nzInvalid.map((i) => at(rv, i))), ratio.dtype);
    }
    remarks.push("Max relative difference among violations: " + rel);
  }
  fail([x, y], s.err_msg + "\n" + remarks.join("\n"));
}

// ---- the public assertions ---------------------------------------------------------------------

const NAMES: readonly [string, string] = ["ACTUAL", "DESIRED"];

export function assert_array_equal(actual: ArrayLike, desired: ArrayLike, opts: StrictOptions = {}): void {
  assertArrayCompare((x, y) => ufuncs.equal(x, y), actual, desired, {
    err_msg: String(opts.err_msg ?? ""), verbose: opts.verbose ?? true, header: "Arrays are not equal",
    precision: 6, equal_nan: true, equal_inf: true, strict: opts.strict ?? false, names: NAMES,
  });
}

export function assert_allclose(actual: ArrayLike, desired: ArrayLike, opts: AllcloseOptions = {}): void {
  const rtol = opts.rtol ?? 1e-7, atol = opts.atol ?? 0, equal_nan = opts.equal_nan ?? true;
  assertArrayCompare((x, y) => isclose(x, y, { rtol, atol, equal_nan }), actual, desired, {
    err_msg: String(opts.err_msg ?? ""), verbose: opts.verbose ?? true,
    header: `Not equal to tolerance rtol=${formatG(rtol)}, atol=${formatG(atol)}`,
    precision: 6, equal_nan, equal_inf: true, strict: opts.strict ?? false, names: NAMES,
  });
}

export function assert_array_almost_equal(actual: ArrayLike, desired: ArrayLike, opts: AlmostEqualOptions = {}): void {
  const decimal = opts.decimal ?? 6;
  // Python's 10.0**(-decimal) is correctly rounded, as parsing the literal is
  const threshold = 1.5 * (Number.isInteger(decimal) ? Number(`1e${-decimal}`) : 10 ** -decimal);
  const compare = (x: NDArray, y: NDArray) => {
    // an inexact y avoids abs(MIN_INT), as NumPy does
    const yc = asarray(y, { dtype: resultType(y.dtype, { weak: "float" }) });
    return ufuncs.less(ufuncs.absolute(ufuncs.subtract(x, yc)), threshold);
  };
  assertArrayCompare(compare, actual, desired, {
    err_msg: String(opts.err_msg ?? ""), verbose: opts.verbose ?? true,
    header: `Arrays are not almost equal to ${Math.trunc(decimal)} decimals`,
    precision: decimal, equal_nan: true, equal_inf: true, strict: false, names: NAMES,
  });
}

export function assert_array_less(x: ArrayLike, y: ArrayLike, opts: StrictOptions = {}): void {
  assertArrayCompare((a, b) => ufuncs.less(a, b), x, y, {
    err_msg: String(opts.err_msg ?? ""), verbose: opts.verbose ?? true, header: "Arrays are not strictly ordered `x < y`",
    precision: 6, equal_nan: true, equal_inf: false, strict: opts.strict ?? false, names: ["x", "y"],
  });
}

const isPyScalar = (x: unknown) => typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || isComplexValue(x);

/** np.testing.assert_equal: arrays through assert_array_equal; JS arrays item by item; scalars as Python compares them. */
export function assert_equal(actual: unknown, desired: unknown, opts: StrictOptions = {}): void {
  const errMsg = String(opts.err_msg ?? ""), verbose = opts.verbose ?? true;
  if (Array.isArray(desired) && Array.isArray(actual)) {
    assert_equal(actual.length, desired.length, { err_msg: errMsg, verbose });
    for (let k = 0; k < desired.length; k++) assert_equal(actual[k], desired[k], { err_msg: `item=${k}\n${errMsg}`, verbose });
    return;
  }
  if (isNDArray(actual) || isNDArray(desired)) {
    assert_array_equal(actual as ArrayLike, desired as ArrayLike, { err_msg: errMsg, verbose, strict: opts.strict });
    return;
  }
  const fail = (): never => {
    throw new AssertionError(buildErrMsg([actual, desired], errMsg, "Items are not equal:", verbose));
  };
  if (isComplexValue(actual) || isComplexValue(desired)) {
    const a = toC(actual as Value), d = toC(desired as Value);
    try {
      assert_equal(a.re, d.re);
      assert_equal(a.im, d.im);
    } catch (e) {
      if (e instanceof AssertionError) fail();
      throw e;
    }
  }
  if (isPyScalar(desired) !== isPyScalar(actual)) fail();
  if (!isPyScalar(desired)) {
    // anything else compares as Python's == would: by identity here
    if (actual !== desired) fail();
    return;
  }
  const num = (v: unknown) => (typeof v === "boolean" ? +v : typeof v === "bigint" ? Number(v) : isComplexValue(v) ? v.re : (v as number));
  const a = num(actual), d = num(desired);
  if (Number.isNaN(a) && Number.isNaN(d)) return;
  if (d === 0 && a === 0 && Object.is(d, -0) !== Object.is(a, -0)) fail();
  if (typeof actual === "bigint" || typeof desired === "bigint") {
    const big = (v: unknown) => (typeof v === "bigint" ? v : Number.isInteger(num(v)) ? BigInt(num(v)) : null);
    const ba = big(actual), bd = big(desired);
    if (ba !== null && bd !== null ? ba !== bd : a !== d) fail();
    return;
  }
  if (!isComplexValue(actual) && !isComplexValue(desired) && a !== d) fail();
}
