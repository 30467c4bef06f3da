/** @file np.loadtxt's fast path: numeric fields parsed straight from the bytes into the result's memory; anything unusual hands the whole input back to the general reader, which also owns every error message. */
import { DTYPES, type DType } from "../../runtime/dtype.js";
import { emptyArray, type NDArray } from "../ndarray.js";

/** Python's str.isspace() for the bytes inside a line (\n and \r end lines before fields see them). */
const SP = new Uint8Array(256);
for (const c of [9, 11, 12, 28, 29, 30, 31, 32]) SP[c] = 1;

/** 10**k for k <= 22: each is an exact double, so m * 10**k and m / 10**k round once (Clinger's fast path). */
const POW10 = new Float64Array(23);
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10[k] = p;
const TWO32 = 4294967296;
const MAX_EXACT = 2 ** 53 - 1;

export interface FastOptions {
  delimiter: string | null;
  comments: readonly string[];
  skiprows: number;
  /** -1: no limit */
  maxRows: number;
  usecols: readonly number[] | null;
  dtype: DType;
  /** the general reader's field parser, for the rare field the byte parser declines (nan, 17+ digits, ...) */
  slowFloat: (s: string) => number | null;
  slowInt: (s: string, dt: DType) => bigint | null;
}

export interface FastResult { out: NDArray; rows: number; ncols: number }

const enum Mode { F64, F32, SmallInt, Int64, Bool }

const INT_LIMITS: Record<string, [number, number]> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647], uint8: [0, 255], uint16: [0, 65535],
  uint32: [0, 4294967295], int64: [-(2 ** 53), 2 ** 53], uint64: [0, 2 ** 53], bool: [-(2 ** 53), 2 ** 53],
};

/** Whether the fast path can read with these settings at all. */
export function fastEligible(dt: DType, delimiter: string | null, comments: readonly string[], encoding: string | null | undefined): boolean {
  if (!(dt.kind === "f" || dt.kind === "i" || dt.kind === "u" || dt.kind === "b") || !(dt.name in INT_LIMITS || dt === DTYPES.float64 || dt === DTYPES.float32)) return false;
  if (delimiter !== null && (delimiter.length !== 1 || delimiter.charCodeAt(0) >= 128 || delimiter === "\n" || delimiter === "\r")) return false;
  for (const c of comments) {
    // a comment starting with whitespace or the delimiter would make the byte scan order matter
    if (c.length === 0 || SP[c.charCodeAt(0)] || c[0] === delimiter) return false;
    for (let k = 0; k < c.length; k++) {
      const x = c.charCodeAt(k);
      if (x >= 128 || x === 10 || x === 13) return false;
    }
  }
  // ASCII-compatible encodings only: a field byte >= 0x80 sends the input to the general reader anyway
  const enc = (encoding ?? "utf-8").toLowerCase().replace("_", "-");
  return ["utf-8", "utf8", "latin-1", "latin1", "bytes", "ascii", "iso-8859-1"].includes(enc);
}

/**
 * The number parsers' outputs: the value goes to VAL[0] (a double returned from a call that is not
 * inlined would be boxed, one heap number per field), where the number's text ended to `endPos`;
 * they return BAD when they decline the field (the general parser then decides).
 */
const VAL = new Float64Array(1);
let endPos = 0;
/** where the number's text starts, for LONG */
let numStart = 0;
/** decimalAt's verdicts: a syntax it does not take; the value; valid decimal syntax whose rounding needs Number() */
const BAD = 0, OK = 1, LONG = 2;
/** The spaces a field may carry around its number: Python's whitespace, less a whitespace delimiter. */
let PAD = SP;

/**
 * The double a decimal number spells, Python float() rules, read from `p` (after spaces) to the
 * first byte that cannot continue it; that end goes to `endPos`. Declines (returns false) what it
 * cannot round exactly: more than 15 significant digits, or a decimal exponent beyond 10**22.
 */
function decimalAt(b: Uint8Array, p: number, n: number): number {
  while (p < n && PAD[b[p]]) p++;
  numStart = p;
  let neg = false;
  if (p < n) {
    const c = b[p];
    if (c === 45) { neg = true; p++; } else if (c === 43) p++;
  }
  let m = 0;
  const s = p;
  while (p < n) {
    const d = b[p] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    p++;
  }
  let digits = p - s, frac = 0;
  if (p < n && b[p] === 46) {
    const f = ++p;
    while (p < n) {
      const d = b[p] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      p++;
    }
    frac = p - f;
    digits += frac;
  }
  if (digits === 0) return BAD;
  let exp = 0;
  if (p < n && (b[p] | 32) === 101) {
    p++;
    let eneg = false;
    if (p < n && (b[p] === 45 || b[p] === 43)) { eneg = b[p] === 45; p++; }
    const start = p;
    while (p < n) {
      const d = b[p] - 48;
      if (d < 0 || d > 9) break;
      if (exp < 100000) exp = exp * 10 + d;
      p++;
    }
    if (p === start) return BAD;
    if (eneg) exp = -exp;
  }
  endPos = p;
  // m only grows digit by digit, so it is exact exactly when it ends below 2**53
  if (m > MAX_EXACT) return LONG;
  let v: number;
  if (m === 0) v = 0;
  else {
    const e10 = exp - frac;
    if (e10 === 0) v = m;
    else if (e10 > 0 && e10 <= 22) v = m * POW10[e10];
    else if (e10 < 0 && e10 >= -22) v = m / POW10[-e10];
    else if (e10 > 22 && e10 <= 22 + 15) {
      // m * 10**(e10 - 22) may still be an exact integer: then one rounding, in the last product
      const t = m * POW10[e10 - 22];
      if (t > MAX_EXACT) return LONG;
      v = t * 1e22;
    } else return LONG;
  }
  VAL[0] = neg ? -v : v;
  return OK;
}

/** An integer (sign and digits) read from `p` (after spaces), exact below 10**15; declines longer ones. */
function integerAt(b: Uint8Array, p: number, n: number): number {
  while (p < n && PAD[b[p]]) p++;
  let neg = false;
  if (p < n) {
    const c = b[p];
    if (c === 45) { neg = true; p++; } else if (c === 43) p++;
  }
  const start = p;
  let m = 0;
  while (p < n) {
    const d = b[p] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    p++;
  }
  endPos = p;
  if (p === start || p - start > 15) return BAD;
  VAL[0] = neg ? -m : m;
  return OK;
}

/** The field's text when it is plain ASCII (so bytes and characters agree), else null. */
function asciiText(b: Uint8Array, s: number, e: number): string | null {
  let t = "";
  for (let k = s; k < e; k++) {
    const c = b[k];
    if (c >= 128) return null;
    t += String.fromCharCode(c);
  }
  return t;
}

/** Where the line starting at `i` ends (its \n, \r or the end of input). */
function lineEnd(b: Uint8Array, i: number): number {
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c === 10 || c === 13) return i;
    i++;
  }
  return n;
}

/** Past the line break at `i` (\r\n counts once). */
function skipBreak(b: Uint8Array, i: number): number {
  if (b[i] === 13) return b[i + 1] === 10 ? i + 2 : i + 1;
  return i + 1;
}

/** An upper bound on the lines from `i` on: line breaks counted with memchr-speed searches. */
function countLines(b: Uint8Array, i: number): number {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  let lines = 1;
  for (let k = buf.indexOf(10, i); k >= 0; k = buf.indexOf(10, k + 1)) lines++;
  for (let k = buf.indexOf(13, i); k >= 0; k = buf.indexOf(13, k + 1)) if (buf[k + 1] !== 10) lines++;
  return lines;
}

// ---- one line ------------------------------------------------------------------------------------

/**
 * The reader's settings while fastLoadtxt runs (it is synchronous and calls nothing that reads
 * text again). Module state rather than arguments: parseLine is the hot call, once per line.
 */
let isFloat = true;
let wsDelim = true;
let delim = -1;
/** what may follow a field: 1 ends the line (a break), 2 may start a comment, 3 separates fields */
let AFTER = new Uint8Array(256);
let COMMENTS: Uint8Array[] = [];
let lo = 0, hi = 0;
let slowFloat: FastOptions["slowFloat"] = () => null;
let slowInt: FastOptions["slowInt"] = () => null;
let intDtype: DType = DTYPES.int64;
/** integers too long for a double, by field index (their slot in the line holds NaN) */
let BIGS: (bigint | undefined)[] = [];
/** where the line after the one parseLine read starts */
let nextLine = 0;
/** the input as a Buffer, for latin1 slices */
let BUF: Buffer = Buffer.alloc(0);

function isComment(b: Uint8Array, p: number): boolean {
  for (const c of COMMENTS) {
    if (b[p] !== c[0] || p + c.length > b.length) continue;
    let k = 1;
    while (k < c.length && b[p + k] === c[k]) k++;
    if (k === c.length) return true;
  }
  return false;
}

/** The end of the field starting at `s` (for fields the number parsers declined). */
function fieldEnd(b: Uint8Array, s: number): number {
  const n = b.length;
  let p = s;
  while (p < n) {
    const a = AFTER[b[p]];
    if (a === 1 || a === 3 || (a === 2 && isComment(b, p))) break;
    p++;
  }
  return p;
}

const GROW = -2, BAIL = -1;

/**
 * Parses the line at `p` into dst[base ..], at most `lim` fields: returns the field count (0 for a
 * blank or comment line), GROW when there were more than `lim`, BAIL when a field needs the general
 * reader. Each field is parsed where it starts and must end at a delimiter, a line end or a comment.
 */
function parseLine(b: Uint8Array, p: number, dst: Float64Array, base: number, lim: number): number {
  const n = b.length;
  let nf = 0;
  for (;;) {
    if (wsDelim) while (p < n && PAD[b[p]]) p++;
    if (p >= n) break;
    const c0 = AFTER[b[p]];
    // a line with nothing but a comment is blank; a delimited line is blank only when empty
    if ((c0 === 1 || (c0 === 2 && isComment(b, p))) && (wsDelim || nf === 0)) break;
    if (nf >= lim) return GROW;
    const s = p;
    const st = isFloat ? decimalAt(b, p, n) : integerAt(b, p, n);
    let ok = st !== BAD;
    let v = VAL[0];
    if (ok) {
      let q = endPos;
      // (whitespace-delimited: the byte after the number must itself be a separator)
      if (!wsDelim) while (q < n && PAD[b[q]]) q++;
      const a = q < n ? AFTER[b[q]] : 1;
      // the number must fill the field
      if (a === 1 || a === 3 || (a === 2 && isComment(b, q))) {
        // plain decimal text of 16+ digits (savetxt's default %.18e): Number() rounds it as Python's float() does
        if (st === LONG) v = Number(BUF.toString("latin1", numStart, endPos));
        p = q;
      } else ok = false;
    }
    if (!ok) {
      p = fieldEnd(b, s);
      const t = asciiText(b, s, p);
      if (t === null) return BAIL;
      if (isFloat) {
        const w = slowFloat(t);
        if (w === null) return BAIL;
        v = w;
      } else {
        const w = slowInt(t, intDtype);
        if (w === null) return BAIL;
        v = NaN;
        BIGS[nf] = w;
      }
    } else if (!isFloat && (v < lo || v > hi)) return BAIL;
    dst[base + nf] = v;
    nf++;
    if (p < n && b[p] === delim) { p++; continue; }
    if (!wsDelim) break;
  }
  // the rest of the line is a comment (or nothing)
  const eol = lineEnd(b, p);
  nextLine = eol < n ? skipBreak(b, eol) : n;
  return nf;
}

/** A staged line into row `at` of the result (every dtype but float64 without usecols). */
function storeLine(line: Float64Array, nf: number, usecols: readonly number[] | null, ncols: number, at: number, mode: Mode, out: Lanes): boolean {
  for (let j = 0; j < ncols; j++, at++) {
    let k = j;
    if (usecols) {
      k = usecols[j] < 0 ? usecols[j] + nf : usecols[j];
      if (k < 0 || k >= nf) return false;
    }
    const v = line[k];
    if (mode === Mode.F64) out.f64[at] = v;
    else if (mode === Mode.F32) out.f32[at] = v;
    else if (v !== v) {
      // an integer too long for a double: NumPy's exact value
      const w = BIGS[k]!;
      if (mode === Mode.Int64) out.big![at] = w;
      else if (mode === Mode.Bool) out.small[at] = w !== 0n ? 1 : 0;
      else out.small[at] = Number(w);
    } else if (mode === Mode.Int64) {
      const h = Math.floor(v / TWO32);
      out.i32[2 * at] = v - h * TWO32;
      out.i32[2 * at + 1] = h;
    } else if (mode === Mode.Bool) out.small[at] = v !== 0 ? 1 : 0;
    else out.small[at] = v;
  }
  return true;
}

interface Lanes {
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
  small: Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
  big: BigInt64Array | BigUint64Array | null;
}

function lanesOf(arr: NDArray, dt: DType, len: number): Lanes {
  const st = arr._realized().storage;
  const l: Lanes = { f64: new Float64Array(0), f32: new Float32Array(0), i32: new Int32Array(0), small: new Uint8Array(0), big: null };
  if (dt === DTYPES.float64) l.f64 = new Float64Array(st.buffer, st.byteOffset, len);
  else if (dt === DTYPES.float32) l.f32 = new Float32Array(st.buffer, st.byteOffset, len);
  else if (dt.name === "int64" || dt.name === "uint64") {
    l.i32 = new Int32Array(st.buffer, st.byteOffset, 2 * len);
    l.big = dt.name === "int64" ? new BigInt64Array(st.buffer, st.byteOffset, len) : new BigUint64Array(st.buffer, st.byteOffset, len);
  } else l.small = new (dt.laneCtor as unknown as Uint8ArrayConstructor)(st.buffer, st.byteOffset, len);
  return l;
}

// ---- the file ------------------------------------------------------------------------------------

/**
 * np.loadtxt of `b` into a new [rows, ncols] array, or null when any line or field needs the
 * general reader (quotes, bad or unusual fields, column-count changes, no data): the caller then
 * reads the input again the general way, which gives NumPy's result or NumPy's error.
 */
export function fastLoadtxt(b: Uint8Array, o: FastOptions): FastResult | null {
  const n = b.length;
  const dt = o.dtype;
  const mode = dt === DTYPES.float64 ? Mode.F64 : dt === DTYPES.float32 ? Mode.F32 : dt.name === "int64" || dt.name === "uint64" ? Mode.Int64 : dt.kind === "b" ? Mode.Bool : Mode.SmallInt;
  isFloat = mode === Mode.F64 || mode === Mode.F32;
  [lo, hi] = INT_LIMITS[dt.name] ?? [0, 0];
  intDtype = dt;
  slowFloat = o.slowFloat;
  slowInt = o.slowInt;
  BIGS = [];
  BUF = Buffer.from(b.buffer, b.byteOffset, b.length);
  wsDelim = o.delimiter === null;
  delim = wsDelim ? -1 : o.delimiter!.charCodeAt(0);
  PAD = SP;
  if (!wsDelim && SP[delim]) {
    PAD = SP.slice();
    PAD[delim] = 0;
  }
  AFTER = new Uint8Array(256);
  AFTER[10] = AFTER[13] = 1;
  if (wsDelim) for (let c = 0; c < 256; c++) { if (SP[c]) AFTER[c] = 3; } else AFTER[delim] = 3;
  COMMENTS = o.comments.map((c) => Uint8Array.from(c, (ch) => ch.charCodeAt(0)));
  for (const c of COMMENTS) AFTER[c[0]] = 2;

  let i = 0;
  for (let k = 0; k < o.skiprows && i < n; k++) {
    i = lineEnd(b, i);
    if (i < n) i = skipBreak(b, i);
  }
  const usecols = o.usecols;
  let line = new Float64Array(64);
  // ---- the first data row fixes the column count and the result's size
  let nf = 0;
  for (;;) {
    if (i >= n || o.maxRows === 0) return null;
    nf = parseLine(b, i, line, 0, line.length);
    if (nf === GROW) { line = new Float64Array(line.length * 4); continue; }
    if (nf === BAIL) return null;
    if (nf > 0) break;
    i = nextLine;
  }
  const ncols = usecols ? usecols.length : nf;
  if (ncols === 0) return null;
  const lines = countLines(b, i);
  let cap = Math.min(lines, o.maxRows < 0 ? lines : o.maxRows);
  // every data row needs a byte per selected field and a break: a comment-heavy file cannot over-allocate much
  cap = Math.max(1, Math.min(cap, Math.ceil((n - i + 1) / (usecols ? 2 : 2 * ncols))));
  const out = emptyArray([cap, ncols], dt, false);
  const lanes = lanesOf(out, dt, cap * ncols);
  // float64 rows of a known width go straight into the result; every other row is staged in `line`
  const direct = mode === Mode.F64 && !usecols;
  if (line.length < nf) line = new Float64Array(nf);
  let rows = 0;
  while (i < n && (o.maxRows < 0 || rows < o.maxRows)) {
    // past `cap` only blank lines may remain: read them staged
    if (direct && rows < cap) {
      nf = parseLine(b, i, lanes.f64, rows * ncols, ncols);
      if (nf === GROW) return null;
    } else {
      nf = parseLine(b, i, line, 0, line.length);
      if (nf === GROW) { line = new Float64Array(line.length * 4); continue; }
    }
    if (nf === BAIL) return null;
    i = nextLine;
    if (nf === 0) continue;
    if ((!usecols && nf !== ncols) || rows >= cap) return null;
    if (!direct) {
      if (!storeLine(line, nf, usecols, ncols, rows * ncols, mode, lanes)) return null;
      if (BIGS.length) BIGS = [];
    }
    rows++;
  }
  if (rows === cap) return { out, rows, ncols };
  // fewer rows than lines (comments, blanks): copy into an array of the exact size, as NumPy's owns its data
  const exact = emptyArray([rows, ncols], dt, false);
  const src = out._realized().storage, dst = exact._realized().storage;
  const nbytes = rows * ncols * dt.itemsize;
  new Uint8Array(dst.buffer, dst.byteOffset, nbytes).set(new Uint8Array(src.buffer, src.byteOffset, nbytes));
  return { out: exact, rows, ncols };
}
