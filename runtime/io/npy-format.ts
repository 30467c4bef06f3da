/** @file The `.npy` format (numpy/lib/_format_impl.py): header writing byte for byte as NumPy writes it, and header reading with NumPy's checks and error messages, over any byte source. */
import { DTYPES, parseDType, StructDType, SubarrayDType, type DescrEntry, type DType, type StructField } from "../dtype.js";
import { NumpyTypeError, ValueError } from "../errors.js";
import { filterPy2Longs, literalEval, PySyntaxError, pyRepr, reprBytes, reprStr, type PyValue } from "./pyliteral.js";

export const MAGIC_PREFIX = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59);
const MAGIC_LEN = MAGIC_PREFIX.length + 2;
const ARRAY_ALIGN = 64;
/** Room left after the leading axis so the header can be rewritten in place when the file grows. */
const GROWTH_AXIS_MAX_DIGITS = 21;
/** NumPy's _MAX_HEADER_SIZE: longer headers are refused unless the caller raises the limit. */
export const MAX_HEADER_SIZE = 10000;

export type Version = readonly [number, number];

/** A sequential byte source: the npy reader only ever reads forward. */
export interface ByteReader {
  /** up to `n` bytes; fewer only at the end of the data */
  read(n: number): Uint8Array;
  /** reads `dst.length` bytes into `dst`, or fewer at the end of the data; returns how many */
  readInto(dst: Uint8Array): number;
  /** consumes up to `n` bytes without keeping them; returns how many there were */
  skip(n: number): number;
  /** bytes left, when known without reading them (null for pipes) */
  remaining(): number | null;
  /** an upper bound on the bytes left (a file's size), when remaining() cannot tell */
  maxRemaining?(): number | null;
  /**
   * NumPy reads real files with fromfile and other file-likes (BytesIO, zip members) in chunks,
   * and the two paths report missing data differently; true for the former.
   */
  readonly isFile: boolean;
}

// ---- writing --------------------------------------------------------------------------------------

/** dtype.str as NumPy writes it in the header: "<f8", "|b1", "<c16". */
export const descrOf = (dt: DType): string => dt.str;

/** Python's repr of a dtype.descr list, as the header holds it for structured dtypes. */
function descrRepr(d: DescrEntry[]): string {
  const one = (e: DescrEntry): string => {
    const t = typeof e[1] === "string" ? reprStr(e[1]) : descrRepr(e[1]);
    return e.length === 3 ? `(${reprStr(e[0])}, ${t}, ${shapeRepr(e[2]!)})` : `(${reprStr(e[0])}, ${t})`;
  };
  return `[${d.map(one).join(", ")}]`;
}

/** dtype_to_descr: the header's 'descr' value (a string, or a list for structured dtypes). */
export function descrText(dt: DType): string {
  if (dt instanceof StructDType && !dt.isPlainVoid) return descrRepr(dt.descr);
  return reprStr(descrOf(dt));
}

const shapeRepr = (shape: readonly (number | bigint)[]): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** _wrap_header: magic, header length, the header, spaces and a newline up to a multiple of 64. */
function wrapHeader(header: string, version: Version): Uint8Array | null {
  const encoded = version[0] === 3 ? new TextEncoder().encode(header) : /^[\0-\xff]*$/.test(header) ? latin1(header) : null;
  if (encoded === null) return null;
  const lenBytes = version[0] === 1 ? 2 : 4;
  const hlen = encoded.length + 1;
  const padlen = ARRAY_ALIGN - ((MAGIC_LEN + lenBytes + hlen) % ARRAY_ALIGN);
  const total = hlen + padlen;
  if (total >= (version[0] === 1 ? 2 ** 16 : 2 ** 32)) return null;
  const out = new Uint8Array(MAGIC_LEN + lenBytes + total);
  out.set(MAGIC_PREFIX);
  out[6] = version[0];
  out[7] = version[1];
  const dv = new DataView(out.buffer);
  if (lenBytes === 2) dv.setUint16(8, total, true);
  else dv.setUint32(8, total, true);
  const at = MAGIC_LEN + lenBytes;
  out.set(encoded, at);
  out.fill(0x20, at + encoded.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}

/**
 * The complete header NumPy's np.save writes for an array (_write_array_header): keys sorted, the
 * growth padding, then the oldest format version that can hold it.
 */
export function npyHeader(dt: DType, shape: readonly number[], fortranOrder: boolean): Uint8Array {
  let header = `{'descr': ${descrText(dt)}, 'fortran_order': ${fortranOrder ? "True" : "False"}, 'shape': ${shapeRepr(shape)}, }`;
  if (shape.length > 0) {
    const lead = String(shape[fortranOrder ? shape.length - 1 : 0]);
    header += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - lead.length));
  }
  const v1 = wrapHeader(header, [1, 0]);
  if (v1) return v1;
  const v2 = wrapHeader(header, [2, 0]);
  if (v2) {
    process.emitWarning("Stored array in format 2.0. It can only beread by NumPy >= 1.9", "UserWarning");
    return v2;
  }
  const v3 = wrapHeader(header, [3, 0]);
  if (!v3) throw new ValueError(`Header length ${header.length + 1} too big for version=(3, 0)`);
  process.emitWarning("Stored array in format 3.0. It can only be read by NumPy >= 1.17", "UserWarning");
  return v3;
}

// ---- reading --------------------------------------------------------------------------------------

export interface NpyHeader {
  version: Version;
  /** the shape as written; entries may be negative or huge in a corrupt file (checked by the reader) */
  shape: bigint[];
  fortranOrder: boolean;
  /** the dtype the data loads as (big-endian numbers keep their byte order: a SwappedDType) */
  dtype: DType;
  /** the header's object dtype: never loadable here */
  isObject: boolean;
}

/** A descr's type part: a type string (with its byte order, which the dtype keeps) or a nested list. */
function descrType(t: PyValue, invalid: () => Error): DType {
  if (t.t === "list") return structFromDescr(t, invalid);
  if (t.t !== "str") throw invalid();
  const m = /^([<>=|]?)(.*)$/.exec(t.v)!;
  let dtype: DType;
  try {
    dtype = parseDType(m[2]);
  } catch {
    throw invalid();
  }
  return m[1] === ">" ? dtype.newbyteorder(">") : dtype;
}

/** descr_to_dtype for a list: fields in order, ("", "|V<n>") entries are padding, as NumPy reads them. */
function structFromDescr(d: { items: PyValue[] }, invalid: () => Error): DType {
  const fields: StructField[] = [];
  let at = 0;
  for (const e of d.items) {
    if ((e.t !== "tuple" && e.t !== "list") || e.items.length < 2 || e.items.length > 3) throw invalid();
    const [n, t, sh] = e.items;
    const name = n.t === "str" ? n.v : n.t === "tuple" && n.items.length === 2 && n.items[1].t === "str" ? n.items[1].v : null;
    if (name === null) throw invalid();
    let dtype = descrType(t, invalid);
    if (sh !== undefined) {
      if (sh.t !== "tuple" || !sh.items.every((x) => x.t === "int")) throw invalid();
      const shape = sh.items.map((x: PyValue) => Number((x as { v: bigint }).v));
      if (shape.length) dtype = new SubarrayDType(dtype, shape);
    }
    // NumPy's own writer marks padding as unnamed void entries
    if (name === "" && dtype instanceof StructDType && dtype.isPlainVoid) {
      at += dtype.itemsize;
      continue;
    }
    fields.push({ name: name === "" ? `f${fields.length}` : name, dtype, offset: at });
    at += dtype.itemsize;
  }
  return new StructDType(fields, at);
}

function readBytes(r: ByteReader, n: number, what: string): Uint8Array {
  const b = r.read(n);
  if (b.length !== n) throw new ValueError(`EOF: reading ${what}, expected ${n} bytes got ${b.length}`);
  return b;
}

/**
 * UTF-8 as Python decodes it (strict): the same error messages, with byte positions counted from
 * `base`. Feeds chunk by chunk so a huge header can be counted without being held.
 */
class Utf8Decoder {
  private pending: number[] = [];
  private pendingPos = 0;
  chars = 0;
  text = "";
  constructor(private readonly keep: boolean) {}

  private fail(pos: number, count: number, first: number, why: string): never {
    const where = count === 1 ? `byte 0x${first.toString(16).padStart(2, "0")} in position ${pos}` : `bytes in position ${pos}-${pos + count - 1}`;
    throw new ValueError(`'utf-8' codec can't decode ${where}: ${why}`);
  }

  feed(bytes: Uint8Array, base: number, final: boolean): void {
    const seq = this.pending;
    let out = "";
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (seq.length === 0) {
        if (b < 0x80) {
          if (this.keep) out += String.fromCharCode(b);
          this.chars++;
          continue;
        }
        if (b < 0xc2 || b > 0xf4) this.fail(base + i, 1, b, "invalid start byte");
        seq.push(b);
        this.pendingPos = base + i;
        continue;
      }
      const lead = seq[0];
      const need = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
      let lo = 0x80, hi = 0xbf;
      if (seq.length === 1) {
        if (lead === 0xe0) lo = 0xa0;
        else if (lead === 0xed) hi = 0x9f;
        else if (lead === 0xf0) lo = 0x90;
        else if (lead === 0xf4) hi = 0x8f;
      }
      if (b < lo || b > hi) this.fail(this.pendingPos, seq.length, lead, "invalid continuation byte");
      seq.push(b);
      if (seq.length === need) {
        let cp = need === 2 ? lead & 0x1f : need === 3 ? lead & 0x0f : lead & 0x07;
        for (let k = 1; k < need; k++) cp = (cp << 6) | (seq[k] & 0x3f);
        if (this.keep) out += String.fromCodePoint(cp);
        this.chars++;
        seq.length = 0;
      }
    }
    if (this.keep) this.text += out;
    if (final && seq.length) this.fail(this.pendingPos, seq.length, seq[0], "unexpected end of data");
  }
}

/** Headers this long are refused by the length check whatever they hold, so they are counted, not kept. */
const KEEP_LIMIT = 1 << 20;

function readHeaderText(r: ByteReader, hlen: number, utf8: boolean, maxHeaderSize: number): string {
  if (!utf8) {
    if (hlen > Math.max(maxHeaderSize, KEEP_LIMIT)) {
      const got = r.skip(hlen);
      if (got !== hlen) throw new ValueError(`EOF: reading array header, expected ${hlen} bytes got ${got}`);
      throw headerTooLong(hlen);
    }
    const bytes = readBytes(r, hlen, "array header");
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return s;
  }
  const keep = hlen <= Math.max(4 * maxHeaderSize + 4, KEEP_LIMIT);
  if (keep) {
    const bytes = readBytes(r, hlen, "array header");
    const d = new Utf8Decoder(true);
    d.feed(bytes, 0, true);
    return d.text;
  }
  // too long to be accepted (at most 4 bytes a character): Python reads it all, then decodes it,
  // then refuses it; count it chunk by chunk instead of holding it
  const rem = r.remaining();
  if (rem !== null && rem < hlen) throw new ValueError(`EOF: reading array header, expected ${hlen} bytes got ${r.skip(hlen)}`);
  const d = new Utf8Decoder(false);
  let done = 0;
  while (done < hlen) {
    const b = r.read(Math.min(1 << 20, hlen - done));
    if (b.length === 0) break;
    d.feed(b, done, false);
    done += b.length;
  }
  if (done !== hlen) throw new ValueError(`EOF: reading array header, expected ${hlen} bytes got ${done}`);
  d.feed(new Uint8Array(0), done, true);
  throw headerTooLong(d.chars);
}

function headerTooLong(len: number): ValueError {
  return new ValueError(
    `Header info length (${len}) is large and may not be safe to load securely.\n` +
      "To allow loading, adjust `max_header_size` or fully trust the `.npy` file using `allow_pickle=True`.\n" +
      "For safety against large resource use or crashes, sandboxing may be necessary.");
}

const codePointLength = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
};

/** Python's dict lookup of a str key. */
function dictGet(d: Extract<PyValue, { t: "dict" }>, key: string): PyValue | undefined {
  const i = d.keys.findIndex((k) => k.t === "str" && k.v === key);
  return i >= 0 ? d.values[i] : undefined;
}

/** sorted(d.keys()) for the "correct keys" message: strs by code point, numbers by value, else as found. */
function sortedKeys(keys: PyValue[]): PyValue[] {
  if (keys.every((k) => k.t === "str")) {
    return [...keys].sort((a, b) => {
      const x = [...(a as { v: string }).v].map((c) => c.codePointAt(0)!), y = [...(b as { v: string }).v].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
      return x.length - y.length;
    });
  }
  const num = (k: PyValue): number | null => (k.t === "int" ? Number(k.v) : k.t === "float" ? k.v : k.t === "bool" ? +k.v : null);
  if (keys.every((k) => num(k) !== null && !Number.isNaN(num(k)))) return [...keys].sort((a, b) => num(a)! - num(b)!);
  return keys;
}

/** The dtype a header's descr names (in its byte order); NumPy's errors otherwise. */
function descrToDType(descr: PyValue): { dtype: DType; isObject: boolean } {
  const invalid = () => new ValueError(`descr is not a valid dtype descriptor: ${pyRepr(descr)}`);
  if (descr.t !== "str") {
    // structured (list) and subarray (tuple) descriptors are valid NumPy but not numfuse dtypes
    if (descr.t === "list") {
      return { dtype: structFromDescr(descr, invalid), isObject: false };
    }
    if (descr.t === "tuple") {
      throw new ValueError(`cannot load an array with dtype descriptor ${pyRepr(descr)}: subarray dtypes are not supported by numfuse yet`);
    }
    throw invalid();
  }
  const s = descr.v;
  if (/^[|=<>]?O[48]?$/.test(s)) return { dtype: DTYPES.float64, isObject: true };
  const m = /^([<>=|])([A-Za-z?]\d*)$/.exec(s);
  let dtype: DType;
  try {
    dtype = parseDType(m ? m[2] : s);
  } catch (e) {
    if (e instanceof NumpyTypeError && /not understood|Cannot interpret/.test(e.message) && !/[,(\[]/.test(s)) throw invalid();
    throw new ValueError(`cannot load an array with dtype descriptor ${pyRepr(descr)}: ${(e as Error).message}`);
  }
  // big-endian numbers and strings keep their byte order, as NumPy loads them
  return { dtype: m !== null && m[1] === ">" ? dtype.newbyteorder(">") : dtype, isObject: false };
}

/**
 * read_magic + _read_array_header: the format version, then the header dict with NumPy's checks.
 * Leaves `r` at the first data byte.
 */
export function readNpyHeader(r: ByteReader, maxHeaderSize = MAX_HEADER_SIZE): NpyHeader {
  const magic = readBytes(r, MAGIC_LEN, "magic string");
  if (!MAGIC_PREFIX.every((b, i) => magic[i] === b)) {
    throw new ValueError(`the magic string is not correct; expected ${reprBytes(MAGIC_PREFIX)}, got ${reprBytes(magic.subarray(0, 6))}`);
  }
  const version: Version = [magic[6], magic[7]];
  if (!((version[0] === 1 || version[0] === 2 || version[0] === 3) && version[1] === 0)) {
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${version[0]}, ${version[1]})`);
  }
  const lenBytes = version[0] === 1 ? 2 : 4;
  const lb = readBytes(r, lenBytes, "array header length");
  const hlen = lenBytes === 2 ? lb[0] | (lb[1] << 8) : (lb[0] | (lb[1] << 8) | (lb[2] << 16)) + lb[3] * 2 ** 24;
  const header = readHeaderText(r, hlen, version[0] === 3, maxHeaderSize);
  const chars = codePointLength(header);
  if (chars > maxHeaderSize) throw headerTooLong(chars);

  let d: PyValue;
  try {
    d = literalEval(header);
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    if (version[0] >= 3) throw new ValueError(`Cannot parse header: ${reprStr(header)}`);
    // headers written by Python 2 may hold longs ("3L"); NumPy retries without them
    const filtered = filterPy2Longs(header);
    try {
      d = literalEval(filtered);
    } catch (e2) {
      if (!(e2 instanceof PySyntaxError)) throw e2;
      throw new ValueError(`Cannot parse header: ${reprStr(filtered)}`);
    }
  }
  if (d.t !== "dict") throw new ValueError(`Header is not a dictionary: ${pyRepr(d)}`);
  const expected = ["descr", "fortran_order", "shape"];
  if (d.keys.length !== 3 || !expected.every((k) => dictGet(d as Extract<PyValue, { t: "dict" }>, k) !== undefined)) {
    throw new ValueError(`Header does not contain the correct keys: ${pyRepr({ t: "list", items: sortedKeys(d.keys) })}`);
  }
  const shape = dictGet(d, "shape")!;
  // NumPy lets bools through here (they are ints) and then fails with a TypeError; refuse them now
  if (shape.t !== "tuple" || !shape.items.every((x) => x.t === "int")) {
    throw new ValueError(`shape is not valid: ${pyRepr(shape)}`);
  }
  const fortran = dictGet(d, "fortran_order")!;
  if (fortran.t !== "bool") throw new ValueError(`fortran_order is not a valid bool: ${pyRepr(fortran)}`);
  const { dtype, isObject } = descrToDType(dictGet(d, "descr")!);
  return {
    version,
    shape: shape.items.map((x) => (x as { v: bigint }).v),
    fortranOrder: fortran.v,
    dtype,
    isObject,
  };
}

export { shapeRepr };
