/** @file Python's own parsers for str -> number: str.strip(), float(s), int(s) and complex(s), which NumPy's casts from "U" and genfromtxt's converters use, with Python's error messages. */
import { OverflowError, ValueError } from "./errors.js";
import { reprStr } from "./io/pyliteral.js";
import type { Complex } from "./scalar.js";
import type { DType } from "./dtype.js";

/** Python's str.isspace(), which NumPy's tokenizer and number parsers use. */
export const isWs = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31) || (c >= 0x80 &&
  (c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000));

/** `s` without Python whitespace at either end (str.strip()). */
export function pyStrip(s: string): string {
  let a = 0, b = s.length;
  while (a < b && isWs(s.charCodeAt(a))) a++;
  while (b > a && isWs(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const DIG = "\\d(?:_?\\d)*";
const FLOAT_RE = new RegExp(`^[+-]?(?:${DIG}(?:\\.(?:${DIG})?)?|\\.${DIG})(?:[eE][+-]?${DIG})?$`);
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;
const INT_RE = new RegExp(`^[+-]?${DIG}$`);

/** Python float(s); `shown` is how the message names the string (NumPy's casts say np.str_('...')). */
export function pyFloat(s: string, shown = reprStr(s)): number {
  const t = pyStrip(s);
  if (FLOAT_RE.test(t)) return Number(t.replaceAll("_", ""));
  const m = SPECIAL_RE.exec(t);
  if (m) return m[2].toLowerCase() === "nan" ? NaN : m[1] === "-" ? -Infinity : Infinity;
  throw new ValueError(`could not convert string to float: ${shown}`);
}

/** Python int(s), base 10. */
export function pyIntBig(s: string, shown = reprStr(s)): bigint {
  const t = pyStrip(s);
  if (!INT_RE.test(t)) throw new ValueError(`invalid literal for int() with base 10: ${shown}`);
  return BigInt(t.replaceAll("_", ""));
}

const CNUM = `(?:(?:${DIG}(?:\\.(?:${DIG})?)?|\\.${DIG})(?:[eE][+-]?${DIG})?|inf|infinity|nan)`;
const COMPLEX_RE = new RegExp(`^(?:([+-]?${CNUM})|([+-]?${CNUM})?([+-](?:${CNUM})?)[jJ]|([+-]?(?:${CNUM})?)[jJ])$`, "i");

/** Python complex(s). */
export function pyComplex(s: string): Complex {
  let t = pyStrip(s);
  if (t.startsWith("(") && t.endsWith(")")) t = pyStrip(t.slice(1, -1));
  const m = COMPLEX_RE.exec(t);
  if (!m) throw new ValueError("complex() arg is a malformed string");
  const part = (x: string | undefined, unit: boolean): number => {
    if (x === undefined) return 0;
    if (unit && (x === "" || x === "+" || x === "-")) return x === "-" ? -1 : 1;
    return pyFloat(x);
  };
  if (m[1] !== undefined) return { re: pyFloat(m[1]), im: 0 };
  if (m[3] !== undefined) return { re: part(m[2], false), im: part(m[3], true) };
  return { re: 0, im: part(m[4], true) };
}

/** A Python int stored into integer dtype `dt`, with NumPy 2's OverflowError when it does not fit. */
export function intInto(b: bigint, dt: DType): bigint {
  const bits = BigInt(dt.itemsize * 8);
  const lo = dt.kind === "u" ? 0n : -(1n << (bits - 1n));
  const hi = dt.kind === "u" ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
  // past 64 bits Python's conversion to a C long fails before NumPy's range check
  if (b < -(1n << 63n) || b > (dt.kind === "u" && bits === 64n ? hi : (1n << 63n) - 1n)) throw new OverflowError("Python int too large to convert to C long");
  if (b < lo || b > hi) throw new OverflowError(`Python integer ${b} out of bounds for ${dt.name}`);
  return b;
}
