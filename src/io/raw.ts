/** @file Raw bytes: np.frombuffer (a zero-copy view of JS memory), np.fromstring, np.fromfile, and the ndarray methods tobytes, tofile and byteswap (in src/byteorder.ts; exported as functions taking the array first); text mode (a separator) lives in raw-text.ts. */
import * as fs from "node:fs";
import { loadStorage } from "../../compiler/ir/node.js";
import { contiguousView } from "../../compiler/ir/view.js";
import { DTYPES, parseDType, type DType } from "../../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../../runtime/errors.js";
import { normalizeBools } from "../../runtime/io/bytes.js";
import { FdStreamReader, preadFully, readToEnd, writeFully } from "../../runtime/io/source.js";
import { Storage } from "../../runtime/storage.js";
import { emptyArray, NDArray } from "../ndarray.js";
import { transpose } from "../shape-ops.js";
import { viewAs } from "../view-dtype.js";
import { keepByteOrder, overBigEndian } from "../byteorder.js";
import { layoutBytes } from "./npy.js";
import { argsWithOptions } from "../args.js";
import { formatText, parseFileText, parseStringText, sepArg } from "./raw-text.js";

export type BufferSource = ArrayBuffer | SharedArrayBuffer | ArrayBufferView;

interface FromBufferOptions { dtype?: unknown; count?: number; offset?: number; like?: unknown }


const toInt = (x: unknown, name: string): number => {
  const v = typeof x === "bigint" ? Number(x) : x;
  if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError(`'${name}' must be an integer`);
  return v;
};

/**
 * np.frombuffer(buffer, {dtype = float64, count = -1, offset = 0}): a 1-D array over the buffer's
 * own memory (writes go both ways, as with a writable buffer in NumPy). Its base is a uint8 array
 * over the bytes it views. Takes ArrayBuffer, SharedArrayBuffer, any typed array, DataView or
 * Buffer. numfuse cannot see writes made through the JS buffer itself: evaluate lazy results that
 * read the array before writing to the buffer directly. A big-endian dtype (">f8") computes on a
 * native copy of the buffer taken when the array is made; writes through the array reach the buffer
 * at once, writes to the buffer are not seen by the array. When `offset` leaves the data misaligned
 * for its dtype (JS typed arrays need aligned elements) the array is a copy instead.
 */
export function frombuffer(buffer: BufferSource, ...args: unknown[]): NDArray {
  const o = argsWithOptions<FromBufferOptions>(args, ["dtype", "count", "offset"]);
  const dt = o.dtype === undefined || o.dtype === null ? DTYPES.float64 : parseDType(o.dtype);
  const count = o.count === undefined || o.count === null ? -1 : toInt(o.count, "count");
  const offset = o.offset === undefined || o.offset === null ? 0 : toInt(o.offset, "offset");
  let ab: ArrayBufferLike, base: number, len: number;
  if (buffer instanceof ArrayBuffer || buffer instanceof SharedArrayBuffer) {
    ab = buffer;
    base = 0;
    len = buffer.byteLength;
  } else if (ArrayBuffer.isView(buffer)) {
    ab = buffer.buffer;
    base = buffer.byteOffset;
    len = buffer.byteLength;
  } else {
    throw new TypeError("a bytes-like object is required");
  }
  if (offset < 0 || offset > len) throw new ValueError(`offset must be non-negative and no greater than buffer length (${len})`);
  const avail = len - offset;
  let n: number;
  if (count < 0) {
    if (avail % dt.itemsize !== 0) throw new ValueError("buffer size must be a multiple of element size");
    n = avail / dt.itemsize;
  } else {
    if (count * dt.itemsize > avail) throw new ValueError("buffer is smaller than requested size");
    n = count;
  }
  const start = base + offset, nbytes = n * dt.itemsize;
  if (start % dt.laneCtor.BYTES_PER_ELEMENT !== 0) {
    const out = emptyArray([n], dt.native, false);
    out._realized().storage.bytes.set(new Uint8Array(ab, start, nbytes));
    return dt.isnative ? out : overBigEndian(out, dt, null);
  }
  // a plain (non-wasm) storage over the caller's memory: kernels read it through JavaScript
  const storage = new Storage(ab as ArrayBuffer | SharedArrayBuffer, start, nbytes);
  const owner = new NDArray(loadStorage(storage, contiguousView([nbytes]), DTYPES.uint8));
  if (dt === DTYPES.uint8) return owner._makeView((v) => v, [nbytes]);
  const out = viewAs(owner, dt);
  // a big-endian view computes on a native shadow: its writes must reach the caller's buffer at once
  if (!dt.isnative) out._node.loadArg.storage!.mirror!.eager = true;
  return out;
}

function checkOrder(order: string): "C" | "F" | "A" | "K" {
  if (order !== "C" && order !== "F" && order !== "A" && order !== "K") {
    throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${order}')`);
  }
  return order;
}

/**
 * a.tobytes(order = "C"): a copy of the array's bytes in C (or Fortran) order; "A" is Fortran
 * order for a Fortran-contiguous array, and "K" is C order, as NumPy's tobytes.
 */
export function tobytes(a: NDArray, order: "C" | "F" | "A" | "K" | { order?: "C" | "F" | "A" | "K" } = "C"): Uint8Array {
  const ord = checkOrder(typeof order === "string" ? order : order.order ?? "C");
  const f = ord === "F" || (ord === "A" && a.ndim > 1 && a.flags.f_contiguous && !a.flags.c_contiguous);
  const { bytes } = layoutBytes(f ? transpose(a) : a, false);
  return bytes.slice();
}

/**
 * a.tofile(file, sep = "", format = "%s"): with sep = "" the array's bytes in C order, whatever
 * its layout; otherwise text, as NumPy: each element in C order as Python's str() of it (or
 * `format % (item,)`, printf-style), separated by `sep`, with no trailing separator. Goes to a path
 * (created or truncated) or to a file descriptor at its current position. Text is built whole
 * before the file is touched, so a format error leaves the file as it was.
 */
export function tofile(a: NDArray, file: string | URL | number, ...args: unknown[]): void {
  const o = argsWithOptions<{ sep?: unknown; format?: unknown }>(args, ["sep", "format"]);
  const sep = sepArg(o.sep, "tofile", 2);
  let bytes: Uint8Array;
  if (sep === "") bytes = layoutBytes(a, false).bytes;
  else {
    const format = o.format === undefined || o.format === null ? null : o.format;
    if (format !== null && typeof format !== "string") throw new NumpyTypeError(`tofile() argument 3 must be str, not ${typeof format}`);
    bytes = formatText(a, sep, format);
  }
  if (typeof file === "number") {
    writeFully(file, bytes);
    return;
  }
  const fd = fs.openSync(file, "w");
  try {
    writeFully(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
}

interface FromFileOptions { dtype?: unknown; count?: number; sep?: string; offset?: number; like?: unknown }

/**
 * np.fromfile(file, {dtype = float64, count = -1, sep = "", offset = 0}): a new 1-D array of the
 * file's raw bytes, or with a separator, of the numbers its text holds (NumPy's C reader, quirks
 * included; offset is then refused). `offset` counts from the start of a path and from the current
 * position of a file descriptor; count = -1 reads to the end, and a count beyond the end reads what
 * there is, as NumPy. A file descriptor is left just past what was read (text mode: where NumPy's
 * C stream stopped, when the descriptor's position can be learned from /proc; else at the end).
 */
export function fromfile(file: string | URL | number, ...args: unknown[]): NDArray {
  const o = argsWithOptions<FromFileOptions>(args, ["dtype", "count", "sep", "offset"]);
  const dt = o.dtype === undefined || o.dtype === null ? DTYPES.float64 : parseDType(o.dtype);
  const count = o.count === undefined || o.count === null ? -1 : toInt(o.count, "count");
  const sep = sepArg(o.sep, "fromfile", 4);
  const offset = o.offset === undefined || o.offset === null ? 0 : toInt(o.offset, "offset");
  if (sep !== "") {
    if (offset !== 0) throw new NumpyTypeError("'offset' argument only permitted for binary files");
    return keepByteOrder(fromfileText(file, dt.native, count, sep), dt);
  }
  if (offset < 0) throw new ValueError("offset must be non-negative");
  if (typeof file === "number") {
    const r = new FdStreamReader(file);
    r.skip(offset);
    const want = count < 0 ? Number.MAX_SAFE_INTEGER : count * dt.itemsize;
    const data = r.read(want);
    const n = Math.floor(data.length / dt.itemsize);
    return arrayOfBytes(data.subarray(0, n * dt.itemsize), dt);
  }
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    // NumPy seeks past the end and then fails to size the array
    if (offset > size) throw new ValueError("negative dimensions are not allowed");
    const have = Math.floor((size - offset) / dt.itemsize);
    const n = count < 0 ? have : Math.min(count, have);
    const out = emptyArray([n], dt.native, false);
    const bytes = out._realized().storage.bytes.subarray(0, n * dt.itemsize);
    const got = preadFully(fd, bytes, offset);
    if (got < bytes.length) return arrayOfBytes(bytes.slice(0, got - (got % dt.itemsize)), dt);
    if (dt === DTYPES.bool) normalizeBools(bytes);
    return dt.isnative ? out : overBigEndian(out, dt, null);
  } finally {
    fs.closeSync(fd);
  }
}

/** A descriptor's file position (Linux exposes it in /proc), or null where it cannot be learned. */
function fdPosition(fd: number): number | null {
  try {
    if (!fs.fstatSync(fd).isFile()) return null;
    const m = /^pos:\s*(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, "latin1"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function fromfileText(file: string | URL | number, dt: DType, count: number, sep: string): NDArray {
  if (typeof file !== "number") return parseFileText(new Uint8Array(fs.readFileSync(file)), dt, count, sep).out;
  const pos = fdPosition(file);
  if (pos === null) return parseFileText(readToEnd(file), dt, count, sep).out;
  // read ahead without moving the descriptor, then move it past what NumPy's stream consumed
  const size = fs.fstatSync(file).size;
  const data = new Uint8Array(Math.max(0, size - pos));
  const got = preadFully(file, data, pos);
  const { out, consumed } = parseFileText(data.subarray(0, got), dt, count, sep);
  new FdStreamReader(file).skip(consumed);
  return out;
}

interface FromStringOptions { dtype?: unknown; count?: number; sep?: string; like?: unknown }

/**
 * np.fromstring(string, {dtype = float64, count = -1, sep}): the numbers in a string (or the bytes
 * of a Buffer / typed array) separated by `sep`, read as NumPy's C reader does (whitespace around
 * separators skipped, a whitespace separator matching any whitespace run, a trailing separator
 * accepted). Binary mode (sep = "") is NumPy's removed-feature error. Where NumPy 2.4 would hand back
 * uninitialised memory (count beyond the data), numfuse raises a ValueError.
 */
export function fromstring(string: string | BufferSource, ...args: unknown[]): NDArray {
  const o = argsWithOptions<FromStringOptions>(args, ["dtype", "count", "sep"]);
  const dt = o.dtype === undefined || o.dtype === null ? DTYPES.float64 : parseDType(o.dtype);
  const count = o.count === undefined || o.count === null ? -1 : toInt(o.count, "count");
  const sep = sepArg(o.sep, "fromstring", 4);
  if (sep === "") throw new ValueError("The binary mode of fromstring is removed, use frombuffer instead");
  let data: Uint8Array;
  if (typeof string === "string") data = new TextEncoder().encode(string);
  else if (string instanceof ArrayBuffer || string instanceof SharedArrayBuffer) data = new Uint8Array(string);
  else if (ArrayBuffer.isView(string)) data = new Uint8Array(string.buffer, string.byteOffset, string.byteLength);
  else throw new NumpyTypeError(`fromstring() argument 1 must be str or bytes-like, not ${typeof string}`);
  return keepByteOrder(parseStringText(data, dt.native, count, sep), dt);
}

function arrayOfBytes(bytes: Uint8Array, dt: DType): NDArray {
  const out = emptyArray([bytes.length / dt.itemsize], dt.native, false);
  const dst = out._realized().storage.bytes.subarray(0, bytes.length);
  dst.set(bytes);
  if (dt === DTYPES.bool) normalizeBools(dst);
  return dt.isnative ? out : overBigEndian(out, dt, null);
}
