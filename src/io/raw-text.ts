/** @file Text mode of raw I/O (np.fromstring, np.fromfile and a.tofile with a separator): NumPy 2.4's C readers replayed byte for byte, quirks included, and Python's str() / %-format of each element for writing. */
import { DTYPES, type DType } from "../../runtime/dtype.js";
import { NumpyTypeError, OverflowError, ValueError } from "../../runtime/errors.js";
import { emptyArray, type NDArray } from "../ndarray.js";
import { parseFormat, pyFormat } from "./text-format.js";

/** C isspace() in the C locale (bytes >= 0x80 are never space: glibc reads a negative char as such). */
const SP = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 32]) SP[c] = 1;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const UNMATCHED = "string or file could not be read to its end due to unmatched data";
const ULONG_MAX = (1n << 64n) - 1n;
const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** A parsed element: a number (bool, floats, ints up to 32 bits), a bigint (64-bit ints) or [re, im]. */
type Elem = number | bigint | [number, number];

/** What the C readers can read: NumPy's fromstr / scanfunc exist for the numeric dtypes only. */
export function checkTextDType(dt: DType, file: boolean): void {
  if (dt.isFlexible || !(dt.kind in { b: 1, i: 1, u: 1, f: 1, c: 1 })) {
    throw new ValueError(file ? "Unable to read character files of that array type" : "don't know how to read character strings with that array type");
  }
}

/**
 * NumPy's swab_separator: a leading space unless the separator starts with one, runs of whitespace
 * collapsed to one space (a wildcard for any whitespace run), and (a NumPy bug kept for fidelity)
 * a second space only when it already ends with one. Works on the separator's UTF-8 bytes.
 */
function cleanSep(sep: string): Uint8Array {
  const raw = new TextEncoder().encode(sep);
  const out: number[] = [];
  if (raw.length && !SP[raw[0]]) out.push(32);
  let skip = false;
  for (const c of raw) {
    if (SP[c]) {
      if (!skip) out.push(32);
      skip = true;
    } else {
      out.push(c);
      skip = false;
    }
  }
  if (out.length && out[out.length - 1] === 32) out.push(32);
  return Uint8Array.from(out);
}

/** The separator argument: a string (NumPy's TypeError otherwise); null and undefined mean "not given". */
export function sepArg(sep: unknown, fn: string, argno: number): string {
  if (sep === undefined || sep === null) return "";
  if (typeof sep !== "string") throw new NumpyTypeError(`${fn}() argument ${argno} must be str, not ${pyTypeName(sep)}`);
  if (sep.includes("\0")) throw new ValueError("embedded null character");
  return sep;
}

function pyTypeName(x: unknown): string {
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "boolean") return "bool";
  if (typeof x === "bigint") return "int";
  if (Array.isArray(x)) return "list";
  return typeof x === "object" ? "dict" : typeof x;
}

const latin1 = (b: Uint8Array, s: number, e: number) => Buffer.from(b.buffer, b.byteOffset + s, e - s).toString("latin1");

/** Where Python's dtoa (_Py_dg_strtod) stops reading a decimal at `p`, or -1 when there is none. */
function decimalEnd(b: Uint8Array, p: number, n: number): number {
  if (p < n && (b[p] === 43 || b[p] === 45)) p++;
  let digits = 0;
  while (p < n && isDigit(b[p])) { p++; digits++; }
  if (p < n && b[p] === 46) {
    p++;
    while (p < n && isDigit(b[p])) { p++; digits++; }
  }
  if (digits === 0) return -1;
  if (p < n && (b[p] | 32) === 101) {
    let q = p + 1;
    if (q < n && (b[q] === 43 || b[q] === 45)) q++;
    if (q < n && isDigit(b[q])) {
      while (q < n && isDigit(b[q])) q++;
      p = q;
    }
  }
  return p;
}

function matchNoCase(b: Uint8Array, p: number, n: number, word: string): boolean {
  if (p + word.length > n) return false;
  for (let k = 0; k < word.length; k++) if ((b[p + k] | 32) !== word.charCodeAt(k)) return false;
  return true;
}

let END = 0;

/**
 * NumPyOS_ascii_strtod from `p`; the end goes to END. On failure the end is `p` past its
 * whitespace and the value -1.0 (what PyOS_string_to_double leaves behind), exactly as NumPy:
 * a lone run of spaces therefore reads as -1.0 in np.fromstring.
 */
function strtod(b: Uint8Array, p: number, n: number): number {
  while (p < n && SP[b[p]]) p++;
  let q = p, sign = 1;
  if (q < n && b[q] === 45) { sign = -1; q++; } else if (q < n && b[q] === 43) q++;
  if (matchNoCase(b, q, n, "nan")) {
    q += 3;
    if (q < n && b[q] === 40) {
      q++;
      while (q < n && (isAlnum(b[q]) || b[q] === 95)) q++;
      if (q < n && b[q] === 41) q++;
    }
    END = q;
    return NaN;
  }
  if (matchNoCase(b, q, n, "inf")) {
    q += 3;
    if (matchNoCase(b, q, n, "inity")) q += 5;
    END = q;
    return sign * Infinity;
  }
  const e = decimalEnd(b, p, n);
  if (e < 0) {
    END = p;
    return -1;
  }
  END = e;
  return Number(latin1(b, p, e));
}

/** CPython's PyOS_strtoul (base 10): no sign, saturating at ULONG_MAX; the end goes to END. */
function strtoul(b: Uint8Array, p: number, n: number): bigint {
  while (p < n && SP[b[p]]) p++;
  while (p < n && b[p] === 48) p++;
  const s = p;
  while (p < n && isDigit(b[p])) p++;
  END = p;
  if (p === s) return 0n;
  const v = BigInt(latin1(b, s, p));
  return v > ULONG_MAX ? ULONG_MAX : v;
}

/** CPython's PyOS_strtol: a sign, then strtoul (which skips spaces again); out of range is LONG_MAX, either sign. */
function strtol(b: Uint8Array, p: number, n: number): bigint {
  while (p < n && SP[b[p]]) p++;
  const sign = p < n ? b[p] : 0;
  if (sign === 43 || sign === 45) p++;
  const u = strtoul(b, p, n);
  if (u <= LONG_MAX) return sign === 45 ? -u : u;
  if (sign === 45 && u === -LONG_MIN) return LONG_MIN;
  return LONG_MAX;
}

/** A C integer stored into the dtype's width (C's modular conversion). */
function toWidth(v: bigint, dt: DType): Elem {
  const bits = dt.itemsize * 8;
  const w = dt.kind === "i" ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
  return bits === 64 ? w : Number(w);
}

/** One element of np.fromstring at `p` (the dtype's fromstr); its end goes to END. */
function fromstrAt(b: Uint8Array, p: number, n: number, dt: DType): Elem {
  switch (dt.kind) {
    case "f": {
      const v = strtod(b, p, n);
      return dt.itemsize === 4 ? Math.fround(v) : v;
    }
    case "b":
      return strtod(b, p, n) !== 0 ? 1 : 0;
    case "i":
      return toWidth(strtol(b, p, n), dt);
    case "u":
      return toWidth(strtoul(b, p, n), dt);
    default: {
      const f = dt.itemsize === 8 ? Math.fround : (x: number) => x;
      const re = strtod(b, p, n);
      const c = END < n ? b[END] : 0;
      if (c === 43 || c === 45) {
        // (NumPy means to give up on a bad imaginary part, but its reset of the end is a no-op)
        const im = strtod(b, END, n);
        if (END < n && b[END] === 106) {
          END++;
          return [f(re), f(im)];
        }
        return [f(re), 0];
      }
      if (c === 106) {
        END++;
        return [0, f(re)];
      }
      return [f(re), 0];
    }
  }
}

/** The element reader and separator skipper array_from_text drives: 0 read, -1 at the end, -2 unmatched. */
interface Reader {
  next(out: Elem[]): number;
  skipSep(): number;
}

/**
 * NumPy's array_from_text: elements and separators in turn, at most `count` (all when negative).
 * Returns the elements and whether reading ended at the end of the data (otherwise, count was reached).
 */
function fromText(r: Reader, count: number): Elem[] {
  const out: Elem[] = [];
  let flag = 0;
  for (let i = 0; count < 0 || i < count; i++) {
    flag = r.next(out);
    if (flag < 0) break;
    flag = r.skipSep();
    if (flag < 0) {
      // the separator after the last requested element is optional
      if (count === i + 1) flag = -1;
      break;
    }
  }
  if (flag === -2) throw new ValueError(UNMATCHED);
  return out;
}

class StringReader implements Reader {
  pos = 0;
  constructor(readonly b: Uint8Array, readonly sep: Uint8Array, readonly dt: DType) {}
  next(out: Elem[]): number {
    const { b, pos } = this;
    const v = fromstrAt(b, pos, b.length, this.dt);
    if (END === pos) return pos >= b.length ? -1 : -2;
    out.push(v);
    this.pos = END;
    return 0;
  }
  skipSep(): number {
    const { b, sep } = this;
    const n = b.length;
    let p = this.pos, k = 0, res = 0;
    for (;;) {
      if (p >= n) { res = -1; break; }
      const c = b[p];
      if (k >= sep.length) {
        res = p !== this.pos ? 0 : -2;
        break;
      }
      if (sep[k] === 32) {
        if (!SP[c]) { k++; continue; }
      } else if (sep[k] !== c) {
        res = -2;
        break;
      } else k++;
      p++;
    }
    this.pos = p;
    return res;
  }
}

/** A C stdio stream over bytes: getc, and ungetc onto a push-back stack (NumPy pushes back chars it never read, too). */
class CStream {
  pos = 0;
  back: number[] = [];
  constructor(readonly b: Uint8Array) {}
  getc(): number {
    if (this.back.length) return this.back.pop()!;
    return this.pos < this.b.length ? this.b[this.pos++] : -1;
  }
  ungetc(c: number): void {
    if (c >= 0) this.back.push(c);
  }
  /** ftell: every pushed-back char steps the position back one */
  tell(): number { return Math.max(0, this.pos - this.back.length); }
}

const EOF = -1;
/** NumPy's FLOAT_FORMATBUFLEN: a number longer than this is cut, and the rest left unread */
const NUMBUF = 120;

/** NumPy's read_numberlike_string: the longest prefix shaped like a float, or EOF / "" (nothing). */
function readNumberlike(st: CStream): string | null {
  // (a number, not a literal type: take() moves it behind the compiler's back)
  let c: number = st.getc();
  if (c === EOF) return null;
  while (c >= 0 && SP[c]) c = st.getc();
  const cur = (): number => c;
  let buf = "";
  const take = (): boolean => {
    if (c === EOF || buf.length >= NUMBUF) return false;
    buf += String.fromCharCode(c);
    c = st.getc();
    return true;
  };
  const word = (w: string): boolean => {
    for (let k = 0; k < w.length; k++) {
      if (!(c === w.charCodeAt(k) || c + 32 === w.charCodeAt(k))) return false;
      if (!take()) return false;
    }
    return true;
  };
  done: {
    if ((c === 43 || c === 45) && !take()) break done;
    if (c === 110 || c === 78) {
      if (!take() || !word("an")) break done;
      if (cur() === 40) {
        if (!take()) break done;
        while (c >= 0 && (isAlnum(c) || cur() === 95)) if (!take()) break done;
        if (cur() === 41) take();
      }
      break done;
    }
    if (c === 105 || c === 73) {
      if (take()) word("nfinity");
      break done;
    }
    while (c >= 0 && isDigit(c)) if (!take()) break done;
    if (c === 46) {
      if (!take()) break done;
      if (!(c >= 0 && isDigit(c))) break done;
      while (c >= 0 && isDigit(c)) if (!take()) break done;
    }
    if (c === 101 || c === 69) {
      if (!take()) break done;
      if ((cur() === 43 || cur() === 45) && !take()) break done;
      if (!(c >= 0 && isDigit(c))) break done;
      while (c >= 0 && isDigit(c)) if (!take()) break done;
    }
  }
  st.ungetc(c);
  return buf;
}

/** NumPyOS_ascii_ftolf: [fscanf-style result (1, 0 or EOF), value]. */
function ftolf(st: CStream): [number, number] {
  const s = readNumberlike(st);
  if (s === null) return [EOF, 0];
  if (s === "") return [0, 0];
  const b = Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  const v = strtod(b, 0, b.length);
  return [END === 0 ? 0 : 1, v];
}

/** glibc fscanf("%d" / "%u" family): [result, value], saturating in a C long and then cut to the dtype's width. */
function scanInt(st: CStream, dt: DType): [number, Elem] {
  let c = st.getc();
  while (c >= 0 && SP[c]) c = st.getc();
  if (c === EOF) return [EOF, 0];
  let neg = false;
  if (c === 43 || c === 45) {
    neg = c === 45;
    c = st.getc();
  }
  let digits = "";
  while (c >= 0 && isDigit(c)) {
    digits += String.fromCharCode(c);
    c = st.getc();
  }
  st.ungetc(c);
  if (!digits) return [0, 0];
  const mag = BigInt(digits);
  let v: bigint;
  if (dt.kind === "i") {
    v = neg ? -mag : mag;
    v = v > LONG_MAX ? LONG_MAX : v < LONG_MIN ? LONG_MIN : v;
  } else {
    v = mag > ULONG_MAX ? ULONG_MAX : neg ? BigInt.asUintN(64, -mag) : mag;
  }
  return [1, toWidth(v, dt)];
}

class FileReader implements Reader {
  readonly st: CStream;
  constructor(b: Uint8Array, readonly sep: Uint8Array, readonly dt: DType) {
    this.st = new CStream(b);
  }
  /** the dtype's scanfunc */
  private scan(): [number, Elem] {
    const { st, dt } = this;
    if (dt.kind === "i" || dt.kind === "u") return scanInt(st, dt);
    if (dt.kind === "f") {
      const [r, v] = ftolf(st);
      return [r, dt.itemsize === 4 ? Math.fround(v) : v];
    }
    if (dt.kind === "b") {
      const [r, v] = ftolf(st);
      return [r, v !== 0 ? 1 : 0];
    }
    const f = dt.itemsize === 8 ? Math.fround : (x: number) => x;
    const [r, re] = ftolf(st);
    let next = st.getc();
    if (next === 43 || next === 45) {
      st.ungetc(next);
      const [ri, im] = ftolf(st);
      next = st.getc();
      if (ri === 1 && next === 106) return [r, [f(re), f(im)]];
      // NumPy pushes back an 'a' so that the separator cannot match
      st.ungetc(97);
      return [r, [f(re), 0]];
    }
    if (next === 106) return [r, [0, f(re)]];
    st.ungetc(next);
    return [r, [f(re), 0]];
  }
  next(out: Elem[]): number {
    const [r, v] = this.scan();
    if (r === 1) {
      out.push(v);
      return 0;
    }
    return r === EOF ? -1 : -2;
  }
  skipSep(): number {
    const { st, sep } = this;
    let k = 0, start = 0;
    for (;;) {
      const c = st.getc();
      if (c === EOF) return -1;
      if (k >= sep.length) {
        st.ungetc(c);
        return k !== start ? 0 : -2;
      }
      if (sep[k] === 32) {
        if (!SP[c]) {
          k++;
          start++;
          st.ungetc(c);
        } else if (k === start) start--;
      } else if (sep[k] >= 128 || sep[k] !== c) {
        // (a separator byte >= 0x80 is a negative char in C and never equals the int getc returns)
        st.ungetc(c);
        return -2;
      } else k++;
    }
  }
}

/** Parsed elements into a new 1-D array of `dt`. */
function toArray(vals: Elem[], dt: DType): NDArray {
  const n = vals.length;
  const out = emptyArray([n], dt, false);
  const st = out._realized().storage;
  const dv = new DataView(st.buffer, st.byteOffset, n * dt.itemsize);
  const size = dt.itemsize;
  for (let i = 0; i < n; i++) {
    const v = vals[i], at = i * size;
    switch (dt.kind) {
      case "b": dv.setUint8(at, v as number); break;
      case "f": if (size === 4) dv.setFloat32(at, v as number, true); else dv.setFloat64(at, v as number, true); break;
      case "c": {
        const [re, im] = v as [number, number];
        if (size === 8) { dv.setFloat32(at, re, true); dv.setFloat32(at + 4, im, true); } else { dv.setFloat64(at, re, true); dv.setFloat64(at + 8, im, true); }
        break;
      }
      default:
        if (size === 8) dv.setBigUint64(at, BigInt.asUintN(64, v as bigint), true);
        else if (size === 4) dv.setUint32(at, (v as number) >>> 0, true);
        else if (size === 2) dv.setUint16(at, (v as number) & 0xffff, true);
        else dv.setUint8(at, (v as number) & 0xff);
    }
  }
  return out;
}

/**
 * np.fromstring's text mode over the string's UTF-8 bytes. NumPy 2.4 returns uninitialised memory
 * for elements that `count` asks for beyond the data; numfuse raises a ValueError instead.
 */
export function parseStringText(data: Uint8Array, dt: DType, count: number, sep: string): NDArray {
  checkTextDType(dt, false);
  const vals = fromText(new StringReader(data, cleanSep(sep), dt), count);
  if (count >= 0 && vals.length < count) {
    throw new ValueError(`string holds ${vals.length} elements, fewer than count=${count} (NumPy would return uninitialised memory for the rest)`);
  }
  return toArray(vals, dt);
}

/** np.fromfile's text mode over the file's bytes: the array, and how many bytes the C stream consumed (its ftell). */
export function parseFileText(data: Uint8Array, dt: DType, count: number, sep: string): { out: NDArray; consumed: number } {
  checkTextDType(dt, true);
  const r = new FileReader(data, cleanSep(sep), dt);
  const vals = fromText(r, count);
  return { out: toArray(vals, dt), consumed: r.st.tell() };
}

// ---- writing: Python's str() and %-formatting of the Python objects NumPy's getitem makes -------------

/** Python's repr of a float: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function pyFloatRepr(x: number, dot0 = true): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return (Object.is(x, -0) ? "-0" : "0") + (dot0 ? ".0" : "");
  const sign = x < 0 ? "-" : "";
  const [m, e] = Math.abs(x).toExponential().split("e");
  const digits = m.replace(".", "");
  const exp = Number(e), decpt = exp + 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return sign + digits + "0".repeat(decpt - digits.length) + (dot0 ? ".0" : "");
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const ae = Math.abs(exp);
  return `${sign}${mant}e${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
}

/** Python's repr of a complex. */
function pyComplexRepr(re: number, im: number): string {
  let i = pyFloatRepr(im, false);
  if (re === 0 && !Object.is(re, -0)) return `${i}j`;
  if (!i.startsWith("-")) i = "+" + i;
  return `(${pyFloatRepr(re, false)}${i}j)`;
}

/** Python's repr of a str. */
function pyStrRepr(s: string, ascii: boolean): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 32 || c === 127 || (ascii && c > 127)) out += escapeCode(c);
    else out += ch;
  }
  return out + q;
}

const escapeCode = (c: number) => (c < 0x100 ? `\\x${c.toString(16).padStart(2, "0")}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`);

/** One element as the Python object a.item() gives: its kind decides str(), repr() and what % accepts. */
type PyObj = { t: "bool"; v: boolean } | { t: "int"; v: bigint | number } | { t: "float"; v: number } | { t: "complex"; re: number; im: number } | { t: "str"; v: string };

function pyStr(o: PyObj): string {
  switch (o.t) {
    case "bool": return o.v ? "True" : "False";
    case "int": return String(o.v);
    case "float": return pyFloatRepr(o.v);
    case "complex": return pyComplexRepr(o.re, o.im);
    case "str": return o.v;
  }
}

function pyRepr(o: PyObj, ascii: boolean): string {
  return o.t === "str" ? pyStrRepr(o.v, ascii) : pyStr(o);
}

function padStr(s: string, width: number, left: boolean): string {
  const len = [...s].length;
  if (width <= len) return s;
  return left ? s + " ".repeat(width - len) : " ".repeat(width - len) + s;
}

const FMT = /%(\()?([-+ #0]*)(\*|\d*)(?:\.(\*|\d*))?([hlL])?/y;

/**
 * `format % (obj,)` as Python evaluates it, left to right: the conversion's argument is fetched
 * before its letter is checked, so "%d %y" is "not enough arguments" but "%y" is an unsupported character.
 */
function pyPercent(format: string, o: PyObj): string {
  let out = "", used = false, i = 0;
  const nextArg = (): PyObj => {
    if (used) throw new NumpyTypeError("not enough arguments for format string");
    used = true;
    return o;
  };
  while (i < format.length) {
    const pct = format.indexOf("%", i);
    if (pct < 0) { out += format.slice(i); break; }
    out += format.slice(i, pct);
    if (format[pct + 1] === "%") { out += "%"; i = pct + 2; continue; }
    FMT.lastIndex = pct;
    const m = FMT.exec(format)!;
    if (m[1]) throw new NumpyTypeError("format requires a mapping");
    const [, , flags, width, prec] = m;
    for (const star of [width, prec]) {
      if (star !== "*") continue;
      const a = nextArg();
      if (a.t !== "int" && a.t !== "bool") throw new NumpyTypeError("* wants int");
    }
    const at = FMT.lastIndex;
    if (at >= format.length) throw new ValueError("incomplete format");
    const conv = format[at];
    const arg = nextArg();
    i = at + 1;
    const w = width && width !== "*" ? Number(width) : 0;
    const left = flags.includes("-");
    if (conv === "s" || conv === "r" || conv === "a") {
      let s = conv === "s" ? pyStr(arg) : pyRepr(arg, conv === "a");
      if (prec !== undefined && prec !== "*") s = [...s].slice(0, Number(prec || 0)).join("");
      out += padStr(s, w, left);
    } else if (conv === "c") {
      let s: string;
      if (arg.t === "int" || arg.t === "bool") {
        const c = arg.t === "bool" ? (arg.v ? 1 : 0) : Number(arg.v);
        if (c < 0 || c > 0x10ffff) throw new OverflowError("%c arg not in range(0x110000)");
        s = String.fromCodePoint(c);
      } else if (arg.t === "str" && [...arg.v].length === 1) s = arg.v;
      else throw new NumpyTypeError("%c requires int or char");
      out += padStr(s, w, left);
    } else if ("diuoxXeEfFgG".includes(conv)) {
      const intOnly = "oxX".includes(conv), intConv = "diu".includes(conv);
      if (arg.t === "str" || arg.t === "complex" || (intOnly && arg.t === "float")) {
        const tn = arg.t;
        throw new NumpyTypeError(intOnly ? `%${conv} format: an integer is required, not ${tn}` : intConv ? `%${conv} format: a real number is required, not ${tn}` : `must be real number, not ${tn}`);
      }
      const spec = `%${flags}${w || ""}${prec !== undefined && prec !== "*" ? "." + prec : ""}${conv}`;
      const fa = arg.t === "bool" ? { v: arg.v, dt: DTYPES.bool } : arg.t === "int" ? { v: arg.v, dt: DTYPES.int64 } : { v: arg.v, dt: DTYPES.float64 };
      out += pyFormat(parseFormat(spec), [fa]);
    } else {
      throw new ValueError(`unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)}) at index ${at}`);
    }
  }
  if (!used) throw new NumpyTypeError("not all arguments converted during string formatting");
  return out;
}

/** The Python objects of the array's elements in C order (what NumPy's getitem hands to str / %). */
function pyObjects(a: NDArray): PyObj[] {
  const dt = a.dtype;
  if (dt.names !== null || dt.shape.length) throw new ValueError(`tofile with a separator is not supported by numfuse for the structured dtype ${String(dt)}`);
  const flat = a.ravel().tolist({ bigint: true }) as unknown[];
  if (dt.kind === "b") return flat.map((v) => ({ t: "bool", v: v as boolean }));
  if (dt.kind === "i" || dt.kind === "u") return flat.map((v) => ({ t: "int", v: v as bigint | number }));
  if (dt.kind === "f") return flat.map((v) => ({ t: "float", v: v as number }));
  if (dt.kind === "c") return flat.map((v) => ({ t: "complex", re: (v as { re: number }).re, im: (v as { im: number }).im }));
  return flat.map((v) => ({ t: "str", v: String(v) }));
}

/** NumPy writes each element through PyUnicode_AsASCIIString: a non-ASCII character is an encode error. */
function checkAscii(s: string): void {
  for (let k = 0; k < s.length; k++) {
    if (s.charCodeAt(k) > 127) {
      const c = s.codePointAt(k)!;
      const shown = c < 0x100 ? `\\x${c.toString(16)}` : escapeCode(c);
      throw new ValueError(`'ascii' codec can't encode character '${shown}' in position ${k}: ordinal not in range(128)`);
    }
  }
}

/**
 * The bytes a.tofile(file, sep, format) writes in text mode: each element (C order) as str() or
 * `format % (item,)`, separated by `sep` (no trailing one). Built whole before anything is written,
 * so a bad format leaves the file untouched (NumPy writes up to the failing element).
 */
export function formatText(a: NDArray, sep: string, format: string | null): Uint8Array {
  const parts = pyObjects(a).map((o) => {
    // (NumPy takes an empty format as no format)
    const s = format === null || format === "" || format === "%s" ? pyStr(o) : pyPercent(format, o);
    checkAscii(s);
    return s;
  });
  return new TextEncoder().encode(parts.join(sep));
}
