/** @file np.loadtxt, np.savetxt and np.genfromtxt: delimited text files read and written with NumPy 2.4's parsing rules, error messages and output bytes. */
import { d2h } from "../../runtime/half.js";
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { DTYPES, parseDType, StructDType, SubarrayDType, UnicodeDType, type DType } from "../../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../../runtime/errors.js";
import { reprStr } from "../../runtime/io/pyliteral.js";
import { isWs, pyStrip } from "../../runtime/pyparse.js";
import { readToEnd, writeFully } from "../../runtime/io/source.js";
import type { Complex } from "../../runtime/scalar.js";
import { array, asarray, type ArrayLike } from "../convert.js";
import { emptyArray, type NDArray } from "../ndarray.js";
import { transpose } from "../shape-ops.js";
import { keepByteOrder } from "../byteorder.js";
import { parseFormat, pyFormat, type FormatArg } from "./text-format.js";
import { argsWithOptions } from "../args.js";
import { fastEligible, fastLoadtxt } from "./text-fast.js";

/** What the text readers take: a path (".gz" is gunzipped), a file descriptor, the text itself in bytes, or a list of lines. */
export type TextSource = string | URL | number | ArrayBuffer | ArrayBufferView | readonly string[];

export type Converter = (field: string) => number | bigint | boolean | Complex;

export interface LoadtxtOptions {
  dtype?: unknown;
  comments?: string | readonly string[] | null;
  delimiter?: string | null;
  converters?: Converter | Record<number, Converter> | null;
  skiprows?: number;
  usecols?: number | readonly number[] | null;
  unpack?: boolean;
  ndmin?: 0 | 1 | 2;
  encoding?: string | null;
  max_rows?: number | null;
  quotechar?: string | null;
  like?: unknown;
}


// ---- input ------------------------------------------------------------------------------------------

function decode(bytes: Uint8Array, encoding: string | null | undefined): string {
  const enc = (encoding ?? "utf-8").toLowerCase().replace("_", "-");
  const label = enc === "bytes" || enc === "latin-1" || enc === "latin1" ? "latin1" : enc;
  // NumPy keeps a byte-order mark (it then fails to parse the first field)
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/** The input as NumPy's readers see it: bytes still to decode, or lines already split. */
export type TextInput = { bytes: Uint8Array; lines?: undefined; utf8?: boolean } | { lines: string[]; bytes?: undefined; utf8?: undefined };

/**
 * Reads the source. A string holding a line break is the text itself, any other string a path
 * (pass the contents as a list of lines, or as bytes, to parse text held in memory).
 */
export function readInput(src: TextSource): TextInput {
  if (Array.isArray(src)) {
    for (const l of src) if (typeof l !== "string") throw new NumpyTypeError("fname must be a string, filehandle, list of strings, or generator. Got list instead.");
    // a list element may hold several lines (NumPy hands each to the tokenizer as-is)
    return { lines: (src as string[]).flatMap((l) => splitLines(l)) };
  }
  let bytes: Uint8Array;
  // text held in a JS string reads as UTF-8 bytes, whatever `encoding` says
  if (typeof src === "string" && /[\r\n]/.test(src)) return { bytes: new TextEncoder().encode(src), utf8: true };
  if (typeof src === "number") bytes = readToEnd(src);
  else if (typeof src === "string" || src instanceof URL) {
    const file = fs.readFileSync(src);
    bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    if (String(src).endsWith(".gz")) bytes = new Uint8Array(zlib.gunzipSync(bytes));
  } else if (src instanceof ArrayBuffer) bytes = new Uint8Array(src);
  else if (ArrayBuffer.isView(src)) bytes = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  else throw new NumpyTypeError(`fname must be a string, filehandle, list of strings, or generator. Got ${typeof src} instead.`);
  return { bytes };
}

export function inputLines(input: TextInput, encoding: string | null | undefined): string[] {
  return input.lines ?? splitLines(decode(input.bytes, input.utf8 ? "utf-8" : encoding));
}

/** Universal newlines, as Python's text mode; a final newline does not start another line. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// ---- tokenizing -------------------------------------------------------------------------------------

interface Tokenizer {
  delimiter: string | null;
  comments: string[];
  quote: string | null;
}

function checkControl(name: string, v: string | null): void {
  if (v !== null && v.length !== 1) {
    throw new NumpyTypeError(`Text reading control character must be a single unicode character or None; but got: '${v}'`);
  }
  if (v === "\n" || v === "\r") throw new NumpyTypeError(`control character '${name}' cannot be a newline (\`\\r\` or \`\\n\`).`);
}

function makeTokenizer(delimiter: string | null | undefined, comments: string | readonly string[] | null | undefined, quotechar: string | null | undefined): Tokenizer {
  const delim = delimiter ?? null;
  const com = comments === null ? [] : typeof comments === "string" ? [comments] : comments === undefined ? ["#"] : [...comments];
  const quote = quotechar ?? null;
  checkControl("delimiter", delim);
  checkControl("quotechar", quote);
  for (const c of com) if (c === "") throw new ValueError("comments cannot be an empty string. Use comments=None to disable comments.");
  if (com.length === 1 && com[0].length === 1) {
    checkControl("comment", com[0]);
    if (delim !== null && com[0] === delim) throw new NumpyTypeError("The values for control characters 'comment' and 'delimiter' are incompatible");
    if (quote !== null && com[0] === quote) throw new NumpyTypeError("The values for control characters 'comment' and 'quotechar' are incompatible");
  }
  if (delim !== null && quote !== null && delim === quote) throw new NumpyTypeError("The values for control characters 'delimiter' and 'quotechar' are incompatible");
  return { delimiter: delim, comments: com, quote };
}

export { isWs, pyStrip };

/** The fields of one line; an empty array for a blank or comment-only line. */
function tokenize(line: string, t: Tokenizer): string[] {
  // a comment ends the line wherever it starts (NumPy strips multi-character comments before quoting)
  if (t.comments.length) {
    let cut = line.length;
    for (const c of t.comments) {
      const at = line.indexOf(c);
      if (at >= 0 && at < cut) cut = at;
    }
    if (cut < line.length) line = line.slice(0, cut);
  }
  const n = line.length;
  const out: string[] = [];
  if (t.delimiter === null && t.quote === null) {
    let i = 0;
    for (;;) {
      while (i < n && isWs(line.charCodeAt(i))) i++;
      if (i >= n) break;
      const s = i;
      while (i < n && !isWs(line.charCodeAt(i))) i++;
      out.push(line.slice(s, i));
    }
    return out;
  }
  if (t.quote === null) {
    // only an empty line is blank here: spaces make one (empty) field, as in NumPy
    if (line.length === 0) return out;
    return line.split(t.delimiter!);
  }
  // quoted fields: quotes toggle quoting anywhere in a field; a doubled quote inside quotes is a quote
  const d = t.delimiter, q = t.quote;
  let i = 0, field = "", inQuote = false, started = false;
  if (d === null) while (i < n && isWs(line.charCodeAt(i))) i++;
  if (i >= n) return out;
  for (; i < n; i++) {
    const ch = line[i];
    if (inQuote) {
      if (ch === q) {
        if (line[i + 1] === q) { field += q; i++; } else inQuote = false;
      } else field += ch;
      continue;
    }
    if (ch === q) { inQuote = true; started = true; continue; }
    if (d === null ? isWs(line.charCodeAt(i)) : ch === d) {
      out.push(field);
      field = "";
      started = false;
      if (d === null) {
        while (i + 1 < n && isWs(line.charCodeAt(i + 1))) i++;
        if (i + 1 >= n) return out;
      }
      continue;
    }
    field += ch;
    started = true;
  }
  if (started || field !== "" || d !== null) out.push(field);
  return out;
}

// ---- field parsing ----------------------------------------------------------------------------------

const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Python float() syntax without underscores, as NumPy's reader; null when invalid. */
export function parseFloatField(field: string): number | null {
  const s = pyStrip(field);
  // Number() would also take "", inner or other whitespace, 0x/0b/0o literals
  if (s.length === 0 || /\s/.test(s)) return null;
  const v = Number(s);
  if (Number.isNaN(v)) {
    const m = SPECIAL.exec(s);
    if (!m) return null;
    if (m[2].length === 3 && m[2].toLowerCase() === "nan") return NaN;
    return m[1] === "-" ? -Infinity : Infinity;
  }
  let i = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0;
  if (s.charCodeAt(i) === 48 && i + 1 < s.length) {
    const c = s.charCodeAt(i + 1) | 32;
    if (c === 120 || c === 98 || c === 111) return null;
  }
  return v;
}

const INT_RE = /^([+-]?)([0-9]+)$/;
const INT_RANGE: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-2147483648n, 2147483647n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 4294967295n],
  uint64: [0n, 2n ** 64n - 1n], bool: [-(2n ** 63n), 2n ** 63n - 1n],
};

function parseIntField(s: string, dt: DType): bigint | null {
  const m = INT_RE.exec(pyStrip(s));
  if (!m) return null;
  const v = BigInt(m[1] + m[2]);
  const [lo, hi] = INT_RANGE[dt.name];
  return v < lo || v > hi ? null : v;
}

const NUM = "(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])";
const COMPLEX_RE = new RegExp(`^(?:([+-]?${NUM})|([+-]?${NUM})([+-]${NUM})j|([+-]?${NUM})j)$`);

function parseComplexField(s: string): Complex | null {
  let t = s.trim();
  if (t.startsWith("(") && t.endsWith(")")) t = t.slice(1, -1);
  const m = COMPLEX_RE.exec(t);
  if (!m) return null;
  if (m[1] !== undefined) return { re: parseFloatField(m[1])!, im: 0 };
  if (m[4] !== undefined) return { re: 0, im: parseFloatField(m[4])! };
  return { re: parseFloatField(m[2])!, im: parseFloatField(m[3])! };
}

/** A converter's result as the dtype's value (null when it cannot be one). */
function coerce(v: unknown, dt: DType): number | bigint | Complex | null {
  if (dt.kind === "c") {
    if (typeof v === "object" && v !== null && "re" in v) return v as Complex;
    if (typeof v === "string") return parseComplexField(v);
    return { re: Number(v), im: 0 };
  }
  if (typeof v === "string") return parseValue(v, dt);
  if (dt.kind === "f") return Number(v);
  if (dt.kind === "b") return v ? 1n : 0n;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  const b = typeof v === "bigint" ? v : BigInt(Math.trunc(Number(v)));
  const [lo, hi] = INT_RANGE[dt.name];
  return b < lo || b > hi ? null : b;
}

function parseValue(s: string, dt: DType): number | bigint | Complex | null {
  if (dt.kind === "f") return parseFloatField(s);
  if (dt.kind === "c") return parseComplexField(s);
  const v = parseIntField(s, dt);
  return v === null ? null : dt.kind === "b" ? (v !== 0n ? 1n : 0n) : v;
}

/** Where parsed values go: a growable buffer of the dtype's storage. */
class Sink {
  n = 0;
  private buf: Float64Array | Float32Array | BigInt64Array | BigUint64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;
  constructor(readonly dt: DType) { this.buf = this.alloc(1024); }
  private alloc(n: number) {
    const dt = this.dt;
    const lanes = dt.kind === "c" ? 2 * n : n;
    switch (dt.name) {
      case "float64": case "complex128": return new Float64Array(lanes);
      case "float32": case "complex64": return new Float32Array(lanes);
      case "int64": return new BigInt64Array(n);
      case "uint64": return new BigUint64Array(n);
      case "int32": return new Int32Array(n);
      case "uint32": return new Uint32Array(n);
      case "int16": return new Int16Array(n);
      case "uint16": case "float16": return new Uint16Array(n);
      case "int8": return new Int8Array(n);
      default: return new Uint8Array(n);
    }
  }
  push(v: number | bigint | Complex): void {
    const cap = this.dt.kind === "c" ? this.buf.length / 2 : this.buf.length;
    if (this.n >= cap) {
      const nb = this.alloc(cap * 2);
      (nb as Float64Array).set(this.buf as Float64Array);
      this.buf = nb;
    }
    const b = this.buf as unknown as (number | bigint)[];
    if (this.dt.kind === "c") {
      b[2 * this.n] = (v as Complex).re;
      b[2 * this.n + 1] = (v as Complex).im;
    } else if (this.buf instanceof BigInt64Array || this.buf instanceof BigUint64Array) b[this.n] = v as bigint;
    else if (this.dt.name === "float16") b[this.n] = d2h(Number(v)); // float16 storage holds bits
    else b[this.n] = typeof v === "bigint" ? Number(v) : (v as number);
    this.n++;
  }
  /** The values as a new array of `shape`. */
  toArray(shape: number[]): NDArray {
    const out = emptyArray(shape, this.dt, false);
    const bytes = out._realized().storage.bytes;
    const nbytes = this.n * this.dt.itemsize;
    bytes.set(new Uint8Array(this.buf.buffer, 0, nbytes), 0);
    return out;
  }
}

// ---- loadtxt ----------------------------------------------------------------------------------------

function textDType(x: unknown, fn: string): DType {
  if (x === String) return parseDType("U");
  if (x === Number) return DTYPES.float64;
  if (x === Boolean) return DTYPES.bool;
  const dt = parseDType(x);
  if (dt.isFlexible && !(dt instanceof UnicodeDType) && !(dt instanceof StructDType)) {
    throw new NumpyTypeError(`${fn}: dtype ${String(dt)} is not supported by numfuse; use a numeric, unicode or structured dtype`);
  }
  return dt;
}

function normUsecols(usecols: LoadtxtOptions["usecols"]): number[] | null {
  if (usecols === null || usecols === undefined) return null;
  const list = typeof usecols === "number" ? [usecols] : [...usecols];
  for (const c of list) if (!Number.isInteger(c)) throw new NumpyTypeError("usecols must be an int or a sequence of ints but it contains at least one element of type float");
  return list;
}

/**
 * np.loadtxt(fname, {dtype = float64, comments = "#", delimiter = null, converters, skiprows,
 * usecols, unpack, ndmin, encoding, max_rows, quotechar}). Rows are counted, in errors, as NumPy
 * does: a bad value reports its 0-based data row, a column-count change its 1-based data row.
 * No data gives an empty array (NumPy also warns).
 */
export function loadtxt(fname: TextSource, ...args: unknown[]): NDArray {
  const opts = argsWithOptions<LoadtxtOptions>(args, ["dtype", "comments", "delimiter", "converters", "skiprows", "usecols", "unpack", "ndmin", "encoding", "max_rows"]);
  const want = textDType(opts.dtype, "loadtxt"), dt = want.native;
  const ndmin = opts.ndmin ?? 0;
  if (ndmin !== 0 && ndmin !== 1 && ndmin !== 2) throw new ValueError(`Illegal value of ndmin keyword: ${ndmin}`);
  const skiprows = opts.skiprows ?? 0;
  const maxRows = opts.max_rows ?? -1;
  if (opts.max_rows !== null && opts.max_rows !== undefined && (!Number.isInteger(maxRows) || maxRows < 0)) {
    throw new ValueError("'max_rows' must be a nonnegative integer.");
  }
  const tok = makeTokenizer(opts.delimiter, opts.comments, opts.quotechar);
  const usecols = normUsecols(opts.usecols);
  const conv = opts.converters ?? null;
  if (conv !== null && typeof conv !== "function" && (typeof conv !== "object" || Array.isArray(conv))) {
    throw new NumpyTypeError("converters must be a dictionary mapping columns to converter functions or a single callable.");
  }
  const input = readInput(fname);
  if (dt.isFlexible) return loadtxtFlexible(inputLines(input, opts.encoding), tok, dt, opts.dtype, skiprows, maxRows, usecols, conv, ndmin, !!opts.unpack);
  let arr: NDArray | null = null;
  let rows = 0, ncols = -1;
  if (input.bytes && conv === null && tok.quote === null && fastEligible(dt, tok.delimiter, tok.comments, input.utf8 ? "utf-8" : opts.encoding)) {
    const r = fastLoadtxt(input.bytes, {
      delimiter: tok.delimiter, comments: tok.comments, skiprows: Math.max(0, skiprows), maxRows, usecols, dtype: dt,
      slowFloat: parseFloatField, slowInt: parseIntField,
    });
    if (r) ({ out: arr, rows, ncols } = r);
  }
  if (arr === null) ({ arr, rows, ncols } = loadtxtGeneral(inputLines(input, opts.encoding), tok, dt, skiprows, maxRows, usecols, conv));
  // NumPy squeezes the 2-D result down to ndmin dims, then adds axes back
  if (arr.ndim === 2) {
    if (ndmin < 2 && (arr.shape[0] === 1 || arr.shape[1] === 1)) {
      const keep = arr.shape.filter((n) => n !== 1);
      arr = arr.reshape(ndmin === 1 && keep.length === 0 ? [1] : keep);
    }
  }
  if (ndmin === 2 && arr.ndim === 1) arr = rows === 0 && ncols === 0 ? arr.reshape([0, 1]) : arr.reshape([arr.shape[0], 1]);
  if (ndmin >= 1 && arr.ndim === 0) arr = arr.reshape(ndmin === 2 ? [1, 1] : [1]);
  arr = keepByteOrder(arr, want);
  return opts.unpack ? transpose(arr) : arr;
}


/** The fields usecols selects (negative indices count from the end), and their column numbers. */
function pickColumns(fields: string[], usecols: number[] | null, rows: number): { picked: string[]; colIds: number[] | null } {
  if (usecols === null) return { picked: fields, colIds: null };
  const picked: string[] = [], colIds: number[] = [];
  for (const c of usecols) {
    const k = c < 0 ? c + fields.length : c;
    if (k < 0 || k >= fields.length) throw new ValueError(`invalid column index ${c} at row ${rows + 1} with ${fields.length} columns`);
    picked.push(fields[k]);
    colIds.push(k);
  }
  return { picked, colIds };
}

/**
 * Calls `row` for each data line after `skiprows` (blank and comment-only lines skipped), up to
 * `maxRows`, with its fields and the picked ones, checking (`check`, then NumPy's column-count
 * error) before each; returns the rows read and the column count (-1 when none).
 */
function forEachDataRow(lines: string[], tok: Tokenizer, skiprows: number, maxRows: number, usecols: number[] | null,
  row: (fields: string[], picked: string[], colIds: number[] | null, rowIndex: number) => void,
  check?: (picked: string[], rowIndex: number) => void): { rows: number; ncols: number } {
  let ncols = -1, rows = 0;
  for (let li = Math.max(0, skiprows); li < lines.length; li++) {
    if (maxRows >= 0 && rows >= maxRows) break;
    const fields = tokenize(lines[li], tok);
    if (fields.length === 0) continue;
    const { picked, colIds } = pickColumns(fields, usecols, rows);
    check?.(picked, rows);
    if (ncols < 0) ncols = picked.length;
    else if (picked.length !== ncols) {
      throw new ValueError(`the number of columns changed from ${ncols} to ${picked.length} at row ${rows + 1}; use \`usecols\` to select a subset and avoid this error`);
    }
    row(fields, picked, colIds, rows);
    rows++;
  }
  return { rows, ncols };
}

/** The converter for column `col` of a line of `nfields` fields (one for all, or by index, negative ones too). */
const converterAt = (conv: Converter | Record<number, Converter> | null, col: number, nfields: number): Converter | null =>
  conv === null ? null : typeof conv === "function" ? conv : (conv[col] ?? conv[col - nfields] ?? null);

/** The general reader: every option, NumPy's errors; `rows` and `ncols` for loadtxt's shaping. */
function loadtxtGeneral(lines: string[], tok: Tokenizer, dt: DType, skiprows: number, maxRows: number, usecols: number[] | null,
  conv: Converter | Record<number, Converter> | null): { arr: NDArray; rows: number; ncols: number } {
  const sink = new Sink(dt);
  let { rows, ncols } = forEachDataRow(lines, tok, skiprows, maxRows, usecols, (fields, picked, colIds, rows) => {
    for (let j = 0; j < picked.length; j++) {
      const s = picked[j];
      let v: number | bigint | Complex | null;
      const f = converterAt(conv, colIds ? colIds[j] : j, fields.length);
      if (f) v = coerce(f(s), dt);
      else if (dt === DTYPES.float64) v = parseFloatField(s);
      else v = parseValue(s, dt);
      if (v === null) throw new ValueError(`could not convert string ${reprStr(s)} to ${dt.name} at row ${rows}, column ${j + 1}.`);
      if (dt === DTYPES.float32 && typeof v === "number") v = Math.fround(v);
      sink.push(v);
    }
  });
  if (ncols < 0) ncols = usecols ? usecols.length : 0;
  const arr = rows === 0 && ncols === 0 && !usecols ? sink.toArray([0]) : sink.toArray([rows, ncols]);
  return { arr, rows, ncols };
}

/** The scalar dtypes a record's columns fill, in order (a subarray field takes one column per element). */
function leafDTypes(dt: DType): DType[] {
  // raw void ("V8") is one column that no text converts to
  if (dt instanceof StructDType) return dt.names === null ? [dt] : dt.structFields.flatMap((f) => leafDTypes(f.dtype));
  if (dt instanceof SubarrayDType) {
    const per = leafDTypes(dt.subBase);
    const n = dt.subShape.reduce((p, k) => p * k, 1);
    return Array.from({ length: n }, () => per).flat();
  }
  return [dt];
}

/** The leaf values of one row, nested as np.array expects a record of `dt` (tuples as JS arrays). */
function nestRecord(dt: DType, values: readonly unknown[], at: { i: number }): unknown {
  if (dt instanceof StructDType) return dt.structFields.map((f) => nestRecord(f.dtype, values, at));
  if (dt instanceof SubarrayDType) {
    const build = (dims: readonly number[]): unknown =>
      dims.length === 0 ? nestRecord(dt.subBase, values, at) : Array.from({ length: dims[0] }, () => build(dims.slice(1)));
    return build(dt.subShape);
  }
  return values[at.i++];
}

/**
 * loadtxt into a unicode or structured dtype: strings stay text, every other column is parsed as
 * its field's dtype. A structured result is 1-D (one record per row), and `unpack` gives its fields.
 */
function loadtxtFlexible(lines: string[], tok: Tokenizer, dt: DType, dtypeArg: unknown, skiprows: number, maxRows: number, usecols: number[] | null,
  conv: Converter | Record<number, Converter> | null, ndmin: number, unpack: boolean): NDArray {
  const leaves = dt instanceof StructDType ? leafDTypes(dt) : null;
  const rowsOut: unknown[] = [];
  const structCheck = (picked: string[], rows: number) => {
    if (leaves && picked.length !== leaves.length) {
      throw new ValueError(`the dtype passed requires ${leaves.length} columns but ${picked.length} were found at row ${rows + 1}; use \`usecols\` to select a subset and avoid this error`);
    }
  };
  let { rows, ncols } = forEachDataRow(lines, tok, skiprows, maxRows, usecols, (fields, picked, colIds, rows) => {
    const values = picked.map((s, j) => {
      const f = converterAt(conv, colIds ? colIds[j] : j, fields.length);
      const leaf = leaves ? leaves[j] : dt;
      if (leaf instanceof StructDType) throw new ValueError(`could not convert string ${reprStr(s)} to ${leaf.str} at row ${rows}, column ${j + 1}.`);
      if (leaf.isFlexible) return f ? String(f(s)) : s;
      const v = f ? coerce(f(s), leaf) : parseValue(s, leaf);
      if (v === null) throw new ValueError(`could not convert string ${reprStr(s)} to ${leaf.name} at row ${rows}, column ${j + 1}.`);
      return v;
    });
    rowsOut.push(leaves ? nestRecord(dt, values, { i: 0 }) : values);
  }, structCheck);
  if (ncols < 0) ncols = leaves ? leaves.length : usecols ? usecols.length : 0;
  // a unicode dtype without a length ("U", String) takes the longest field's, as NumPy sizes it
  const asDType = dt instanceof UnicodeDType && dt.length === 0 ? dtypeArg === String ? "U" : dtypeArg : dt;
  let arr = leaves ? array(rowsOut as ArrayLike, { dtype: asDType }) : array((rows ? rowsOut : []) as ArrayLike, { dtype: asDType });
  if (!leaves && rows === 0) arr = arr.reshape(ncols === 0 ? [0] : [0, ncols]);
  // NumPy's _ensure_ndmin_ndarray: squeeze when over ndmin, then atleast_1d, or atleast_2d(a).T
  if (arr.ndim > ndmin) arr = arr.reshape(arr.shape.filter((n) => n !== 1));
  if (arr.ndim < ndmin) arr = arr.reshape(ndmin === 1 ? [1] : arr.ndim === 0 ? [1, 1] : [arr.shape[0], 1]);
  if (!unpack) return arr;
  // NumPy's unpack: the fields of a record array, or the columns of a 2-D one
  if (leaves) return (dt as StructDType).structFields.map((f) => arr.field(f.name)) as unknown as NDArray;
  return transpose(arr);
}

// ---- savetxt ----------------------------------------------------------------------------------------

export interface SavetxtOptions {
  fmt?: string | readonly string[];
  delimiter?: string;
  newline?: string;
  header?: string;
  footer?: string;
  comments?: string;
  encoding?: string | null;
}

/**
 * np.savetxt(fname, X, {fmt = "%.18e", delimiter = " ", newline = "\n", header = "", footer = "",
 * comments = "# "}): the bytes NumPy writes for a 1-D or 2-D array, to a path (created or
 * truncated) or a file descriptor. Formats follow Python's `%` operator exactly.
 */
export function savetxt(fname: string | URL | number, X: ArrayLike, ...args: unknown[]): void {
  const opts = argsWithOptions<SavetxtOptions>(args, ["fmt", "delimiter", "newline", "header", "footer", "comments", "encoding"]);
  const bytes = new TextEncoder().encode(savetxtString(X, opts));
  if (typeof fname === "number") {
    writeFully(fname, bytes);
    return;
  }
  if (String(fname).endsWith(".gz")) {
    fs.writeFileSync(fname, zlib.gzipSync(bytes));
    return;
  }
  const fd = fs.openSync(fname, "w");
  try {
    writeFully(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** The text savetxt writes, as one string. */
export function savetxtString(X: ArrayLike, opts: SavetxtOptions = {}): string {
  const a = asarray(X);
  const fmt = opts.fmt ?? "%.18e";
  const delimiter = opts.delimiter ?? " ";
  const newline = opts.newline ?? "\n";
  const header = opts.header ?? "", footer = opts.footer ?? "", comments = opts.comments ?? "# ";
  if (a.ndim === 0 || a.ndim > 2) throw new ValueError(`Expected 1D or 2D array, got ${a.ndim}D array instead`);
  const nrow = a.shape[0], ncol = a.ndim === 1 ? 1 : a.shape[1];
  const isC = a.dtype.kind === "c";
  let format: string;
  if (Array.isArray(fmt)) {
    // NumPy raises AttributeError here, which numfuse has no class for
    if (fmt.length !== ncol) throw new ValueError(`fmt has wrong shape.  ${pyList(fmt)}`);
    format = fmt.join(delimiter);
  } else if (typeof fmt === "string") {
    const n = fmt.split("%").length - 1;
    const err = new ValueError(`fmt has wrong number of % formats:  ${fmt}`);
    if (n === 1) format = Array(ncol).fill(isC ? ` (${fmt}+${fmt}j)` : fmt).join(delimiter);
    else if (isC && n !== 2 * ncol) throw err;
    else if (!isC && n !== ncol) throw err;
    else format = fmt;
  } else throw new ValueError(`invalid fmt: ${String(fmt)}`);
  const pieces = parseFormat(format);
  const parts: string[] = [];
  if (header.length > 0) parts.push(comments + header.replaceAll("\n", "\n" + comments) + newline);
  const read = a._elementReader(true);
  const part = isC ? (a.dtype.native === DTYPES.complex64 ? DTYPES.float32 : DTYPES.float64) : a.dtype;
  const args: FormatArg[] = [];
  for (let i = 0; i < nrow; i++) {
    args.length = 0;
    for (let j = 0; j < ncol; j++) {
      const v = read(i * ncol + j) as number | bigint | boolean | Complex;
      if (isC) {
        args.push({ v: (v as Complex).re, dt: part }, { v: (v as Complex).im, dt: part });
      } else args.push({ v: v as number | bigint | boolean, dt: part });
    }
    let line: string;
    try {
      line = pyFormat(pieces, args) + newline;
    } catch (e) {
      if (e instanceof NumpyTypeError && !isC) throw new NumpyTypeError(`Mismatch between array dtype ('${a.dtype.name}') and format specifier ('${format}')`, { cause: e });
      throw e;
    }
    parts.push(isC ? line.replaceAll("+-", "-") : line);
  }
  if (footer.length > 0) parts.push(comments + footer.replaceAll("\n", "\n" + comments) + newline);
  return parts.join("");
}

const pyList = (xs: readonly string[]) => `[${xs.map(reprStr).join(", ")}]`;

