/** @file Python's printf-style `%` formatting (d i u o x X e E f F g G s %), exact to CPython's digits, for np.savetxt. */
import type { DType } from "../../runtime/dtype.js";
import { NumpyTypeError, OverflowError, ValueError } from "../../runtime/errors.js";
import { scalarStr } from "../print/format-scalar.js";

/** One value to format, with the dtype of the array it came from (for `%s`, which prints the NumPy scalar's str). */
export interface FormatArg { v: number | bigint | boolean; dt: DType }

interface Spec { flags: string; width: number; prec: number; conv: string }
type Piece = string | Spec;

const SPEC = /%([-+ #0]*)(\d*)(?:\.(\d*))?[hlL]?([diouxXeEfFgGsr%])/y;

/** A format string split into literal text and conversion specs; throws like Python on a bad spec. */
export function parseFormat(fmt: string): Piece[] {
  const out: Piece[] = [];
  let lit = "", i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c !== "%") { lit += c; i++; continue; }
    SPEC.lastIndex = i;
    const m = SPEC.exec(fmt);
    if (!m) {
      if (i + 1 >= fmt.length) throw new ValueError("incomplete format");
      throw new ValueError(`unsupported format character '${fmt[i + 1]}' (0x${fmt.charCodeAt(i + 1).toString(16)}) at index ${i + 1}`);
    }
    if (m[4] === "%") lit += "%";
    else {
      if (lit) out.push(lit);
      lit = "";
      out.push({ flags: m[1], width: m[2] ? Number(m[2]) : 0, prec: m[3] === undefined ? -1 : m[3] === "" ? 0 : Number(m[3]), conv: m[4] });
    }
    i = SPEC.lastIndex;
  }
  if (lit) out.push(lit);
  return out;
}

/** Number of conversions a parsed format consumes. */
export const specCount = (p: Piece[]): number => p.reduce((n, x) => n + (typeof x === "string" ? 0 : 1), 0);

/** `fmt % tuple(args)`; throws TypeError for a count or type mismatch as Python does. */
export function pyFormat(pieces: Piece[], args: readonly FormatArg[]): string {
  let s = "", k = 0;
  for (const p of pieces) {
    if (typeof p === "string") { s += p; continue; }
    if (k >= args.length) throw new NumpyTypeError("not enough arguments for format string");
    s += formatOne(p, args[k++]);
  }
  if (k < args.length) throw new NumpyTypeError("not all arguments converted during string formatting");
  return s;
}

function pad(body: string, sign: string, spec: Spec, zeroOk: boolean): string {
  const len = sign.length + body.length;
  if (spec.width <= len) return sign + body;
  if (spec.flags.includes("-")) return sign + body + " ".repeat(spec.width - len);
  if (zeroOk && spec.flags.includes("0")) return sign + "0".repeat(spec.width - len) + body;
  return " ".repeat(spec.width - len) + sign + body;
}

const signOf = (neg: boolean, flags: string) => (neg ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "");

function formatOne(spec: Spec, a: FormatArg): string {
  const { conv } = spec;
  if (conv === "s" || conv === "r") {
    let str = scalarStr(a.v as never, a.dt);
    if (spec.prec >= 0) str = str.slice(0, spec.prec);
    return pad(str, "", spec, false);
  }
  if ("diuoxX".includes(conv)) {
    let n: bigint;
    if (typeof a.v === "bigint") n = a.v;
    else if (typeof a.v === "boolean") n = a.v ? 1n : 0n;
    else {
      if (a.dt.kind === "f" && "oxX".includes(conv)) throw new NumpyTypeError(`%${conv} format: an integer is required, not numpy.${a.dt.name}`);
      if (Number.isNaN(a.v)) throw new ValueError("cannot convert float NaN to integer");
      if (!Number.isFinite(a.v)) throw new OverflowError("cannot convert float infinity to integer");
      n = BigInt(Math.trunc(a.v));
    }
    const neg = n < 0n;
    const mag = neg ? -n : n;
    let digits = conv === "o" ? mag.toString(8) : conv === "x" ? mag.toString(16) : conv === "X" ? mag.toString(16).toUpperCase() : mag.toString();
    if (spec.prec > digits.length) digits = "0".repeat(spec.prec - digits.length) + digits;
    let prefix = "";
    if (spec.flags.includes("#")) prefix = conv === "o" ? "0o" : conv === "x" ? "0x" : conv === "X" ? "0X" : "";
    return pad(digits, signOf(neg, spec.flags) + prefix, spec, true);
  }
  const x = typeof a.v === "number" ? a.v : Number(a.v);
  const upper = conv === "E" || conv === "F" || conv === "G";
  const neg = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) {
    const body = Number.isNaN(x) ? "nan" : "inf";
    // printf-style % zero-pads inf and nan too (unlike format())
    return pad(upper ? body.toUpperCase() : body, signOf(neg && !Number.isNaN(x), spec.flags), spec, true);
  }
  const ax = Math.abs(x);
  const alt = spec.flags.includes("#");
  let prec = spec.prec < 0 ? 6 : spec.prec;
  let body: string;
  const lc = conv.toLowerCase();
  if (lc === "f") body = fixed(ax, prec, alt);
  else if (lc === "e") body = sci(ax, prec, alt);
  else {
    if (prec === 0) prec = 1;
    const { exp } = sciDigits(ax, prec - 1);
    if (exp >= -4 && exp < prec) body = fixed(ax, prec - 1 - exp, alt);
    else body = sci(ax, prec - 1, alt);
    if (!alt && body.includes(".")) {
      const e = body.indexOf("e");
      let mant = e < 0 ? body : body.slice(0, e);
      const tail = e < 0 ? "" : body.slice(e);
      mant = mant.replace(/0+$/, "").replace(/\.$/, "");
      body = mant + tail;
    }
  }
  if (upper) body = body.toUpperCase();
  return pad(body, signOf(neg, spec.flags), spec, true);
}

// ---- exact decimal digits of a double, rounded half to even like CPython's dtoa --------------------

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** |x| = m * 2**e with m an integer. */
function decompose(x: number): { m: bigint; e: number } {
  f64[0] = x;
  const hi = u32[1], lo = u32[0];
  const be = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return be === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: be - 1075 };
}

/** round(num / den), ties to even. */
function divRound(num: bigint, den: bigint): bigint {
  const q = num / den, r2 = (num % den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** round(|x| * 10**s) exactly. */
function scaled(x: number, s: number): bigint {
  const { m, e } = decompose(x);
  let num = m, den = 1n;
  if (e > 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (s > 0) num *= 10n ** BigInt(s);
  else if (s < 0) den *= 10n ** BigInt(-s);
  return divRound(num, den);
}

/** x has exactly q binary fraction digits (so its decimal expansion ends at fraction digit q with a 5). */
function fracBits(x: number, q: number): boolean {
  return q >= 1 && q <= 1074 && !Number.isInteger(x * 2 ** (q - 1)) && Number.isInteger(x * 2 ** q);
}

function fixed(ax: number, p: number, alt: boolean): string {
  let s: string;
  // JS rounds ties away from zero; CPython to even. A tie needs exactly p + 1 binary fraction digits.
  if (p <= 100 && ax < 1e21 && !fracBits(ax, p + 1)) s = ax.toFixed(p);
  else {
    const q = scaled(ax, p).toString().padStart(p + 1, "0");
    s = p > 0 ? q.slice(0, q.length - p) + "." + q.slice(q.length - p) : q;
  }
  return alt && p === 0 ? s + "." : s;
}

/** Digits (p + 1 of them) and decimal exponent of |x| rounded to p digits after the first. */
function sciDigits(ax: number, p: number): { digits: string; exp: number } {
  if (ax === 0) return { digits: "0".repeat(p + 1), exp: 0 };
  if (p <= 100) {
    const r = ax.toExponential(p);
    const ei = r.indexOf("e");
    const k = Number(r.slice(ei + 1));
    // the true exponent is k, or k - 1 when rounding carried; ties in the integer part only for integers
    const tieRisk = Number.isInteger(ax) ? p < k : fracBits(ax, p - k + 1) || fracBits(ax, p - k + 2);
    if (!tieRisk) return { digits: r.slice(0, ei).replace(".", ""), exp: k };
  }
  let k = Math.floor(Math.log10(ax));
  for (;;) {
    const d = scaled(ax, p - k);
    const s = d.toString();
    if (s.length > p + 1) { k++; continue; }
    if (s.length < p + 1) { k--; continue; }
    return { digits: s, exp: k };
  }
}

function sci(ax: number, p: number, alt: boolean): string {
  const { digits, exp } = sciDigits(ax, p);
  const mant = digits[0] + (p > 0 || alt ? "." : "") + digits.slice(1);
  const ae = Math.abs(exp);
  return `${mant}e${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
}
