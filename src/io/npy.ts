/** @file np.save, np.load, np.savez, np.savez_compressed and NpzFile: NumPy's `.npy` / `.npz` files, read from and written to paths, file descriptors and in-memory bytes. */
import * as fs from "node:fs";
import { forEachOffset, isCContiguous, isFContiguous, type View } from "../../compiler/ir/view.js";
import { DTYPES } from "../../runtime/dtype.js";
import { ValueError } from "../../runtime/errors.js";
import { byteswapBytes, normalizeBools } from "../../runtime/io/bytes.js";
import { overBigEndian } from "../byteorder.js";
import { EOFError, KeyError } from "../../runtime/io/errors.js";
import { MAGIC_PREFIX, MAX_HEADER_SIZE, npyHeader, readNpyHeader, shapeRepr, type ByteReader } from "../../runtime/io/npy-format.js";
import { reprStr } from "../../runtime/io/pyliteral.js";
import { concat, FdStreamReader, FileAccess, MemoryAccess, PrefixReader, readToEnd, WindowReader, writeFully, type RandomAccess } from "../../runtime/io/source.js";
import { openMember, readZipDirectory, writeZip, type ZipEntry } from "../../runtime/io/zip.js";
import { asarray, isOptions, type ArrayLike } from "../convert.js";
import { open_memmap } from "./memmap.js";
import { emptyArray, NDArray } from "../ndarray.js";
import { transpose } from "../shape-ops.js";

/** What np.load reads: a path, a file descriptor (read from its current position), or bytes in memory. */
export type LoadSource = string | URL | number | ArrayBuffer | SharedArrayBuffer | ArrayBufferView;
/** Where np.save writes: a path or a file descriptor (written at its current position). */
export type SaveTarget = string | URL | number;

export interface LoadOptions {
  /** open a path's `.npy` as np.memmap in this mode (NumPy's open_memmap); ignored for `.npz`, as NumPy */
  mmap_mode?: "r" | "r+" | "w+" | "c" | null;
  /** numfuse has no object arrays, so pickled data is refused either way */
  allow_pickle?: boolean;
  fix_imports?: boolean;
  encoding?: "ASCII" | "latin1" | "bytes";
  max_header_size?: number;
}

// ---- array bytes ------------------------------------------------------------------------------------

/**
 * `a`'s elements as bytes: its own memory when it is C-contiguous (or F-contiguous when `allowF`),
 * else a C-order copy. The result may alias `a`'s memory: copy it before handing it out.
 */
export function layoutBytes(a: NDArray, allowF: boolean): { bytes: Uint8Array; fortran: boolean } {
  if (!a.dtype.isnative) {
    // a big-endian array computes on native values: its bytes are those, swapped
    const r = layoutBytes(new NDArray(a._node), allowF);
    const bytes = r.bytes.slice();
    byteswapBytes(bytes, a.dtype);
    return { bytes, fortran: r.fortran };
  }
  const { storage, view } = a._realized();
  const size = a.itemsize, n = a.size * size;
  const start = view.offset * size;
  if (isCContiguous(view)) return { bytes: storage.bytes.subarray(start, start + n), fortran: false };
  if (allowF && isFContiguous(view)) return { bytes: storage.bytes.subarray(start, start + n), fortran: true };
  return { bytes: gatherC(storage.buffer, storage.byteOffset, storage.byteLength, view, size, a.size), fortran: false };
}

/**
 * A strided view's elements in C order, moved as raw 1-, 2- or 4-byte units: kernels carry
 * int64 through doubles (exact to 2**53 only), and a file must get every bit.
 */
function gatherC(buffer: ArrayBufferLike, byteOffset: number, byteLength: number, view: View, itemsize: number, count: number): Uint8Array {
  const unit = itemsize % 4 === 0 ? 4 : itemsize % 2 === 0 ? 2 : 1;
  const Ctor = unit === 1 ? Uint8Array : unit === 2 ? Uint16Array : Uint32Array;
  const src = new Ctor(buffer as ArrayBuffer, byteOffset, Math.floor(byteLength / unit));
  const out = new Uint8Array(count * itemsize);
  const dst = new Ctor(out.buffer, 0, out.length / unit);
  const per = itemsize / unit;
  let o = 0;
  forEachOffset(view, (off) => {
    const at = off * per;
    for (let u = 0; u < per; u++) dst[o++] = src[at + u];
  });
  return out;
}

/** header + data of the `.npy` file np.save writes for `a` (the data may alias `a`'s memory). */
export function npyParts(a: NDArray): [Uint8Array, Uint8Array] {
  const { bytes, fortran } = layoutBytes(a, true);
  return [npyHeader(a.dtype, a.shape, fortran), bytes];
}

// ---- reading ----------------------------------------------------------------------------------------

/** Largest array a file may ask for: JS typed arrays index by doubles. */
const MAX_BYTES = Number.MAX_SAFE_INTEGER;

/**
 * read_array: the header, then the data into a new array (big-endian data keeps its big-endian
 * dtype). Checks sizes before allocating, so a corrupt header cannot make it allocate more than
 * the data there is.
 */
export function readNpy(r: ByteReader, opts: { allowPickle?: boolean; maxHeaderSize?: number } = {}): NDArray {
  const h = readNpyHeader(r, opts.allowPickle ? Infinity : opts.maxHeaderSize ?? MAX_HEADER_SIZE);
  if (h.isObject) {
    throw new ValueError(opts.allowPickle
      ? "Object arrays cannot be loaded: numfuse has no object dtype"
      : "Object arrays cannot be loaded when allow_pickle=False");
  }
  const dt = h.dtype;
  const itemsize = BigInt(dt.itemsize);
  const count = h.shape.reduce((p, n) => p * n, 1n);
  const shapeStr = shapeRepr(h.shape);
  const failFile = (got: bigint) =>
    new ValueError(`Failed to read all data for array. Expected ${shapeStr} = ${count} elements, could only read ${got} elements. (file seems not fully written?)`);
  // BytesIO and zip members are read in chunks of 2**18 bytes; the first short chunk is reported
  const CHUNK = 262144n;
  const failChunk = (avail: bigint) => {
    const k = avail / CHUNK;
    const total = count * itemsize;
    const expected = total - k * CHUNK < CHUNK ? total - k * CHUNK : CHUNK;
    return new ValueError(`EOF: reading array data, expected ${expected} bytes got ${avail - k * CHUNK}`);
  };
  const negative = h.shape.some((n) => n < 0n);

  const nbytes = count * itemsize;
  let avail: bigint | null = null;
  if (r.isFile) {
    // numpy.fromfile: reads what there is (all of it for a negative count), then compares counts
    const rem = r.remaining();
    if (count < 0n || (rem !== null && nbytes > BigInt(rem))) {
      const have = rem !== null ? BigInt(rem) : BigInt(r.skip(Number.MAX_SAFE_INTEGER));
      const got = have / itemsize;
      throw failFile(count < 0n || got < count ? got : count);
    }
    const bound = r.maxRemaining?.() ?? null;
    if (rem === null && bound !== null && nbytes > BigInt(bound)) {
      throw failFile(BigInt(r.skip(Number.MAX_SAFE_INTEGER)) / itemsize);
    }
  } else {
    if (negative) throw new ValueError("negative dimensions are not allowed");
    const rem = r.remaining();
    avail = rem === null ? null : BigInt(rem);
    if (avail !== null && nbytes > avail) throw failChunk(avail);
  }
  if (negative) throw new ValueError("negative dimensions are not allowed");
  if (nbytes > BigInt(MAX_BYTES)) throw new ValueError(`array of ${nbytes} bytes is too large`);

  const n = Number(nbytes);
  // a pipe: nothing bounds the data but the data itself, so read it before allocating for it
  let piped: Uint8Array | null = null;
  if (r.remaining() === null && (r.maxRemaining?.() ?? null) === null) {
    piped = r.read(n);
    if (piped.length < n) throw r.isFile ? failFile(BigInt(piped.length) / itemsize) : failChunk(BigInt(piped.length));
  }
  const shape = h.shape.map(Number);
  const out = emptyArray(h.fortranOrder ? [...shape].reverse() : shape, dt, false);
  const bytes = out._realized().storage.bytes.subarray(0, n);
  if (piped) bytes.set(piped);
  else {
    const got = r.readInto(bytes);
    if (got < n) throw r.isFile ? failFile(BigInt(got) / itemsize) : failChunk(BigInt(got));
  }
  if (dt === DTYPES.bool) normalizeBools(bytes);
  // big-endian numbers keep their bytes (and dtype), as in NumPy; kernels read a native copy
  const loaded = dt.isnative ? out : overBigEndian(out, dt, null);
  return h.fortranOrder ? transpose(loaded) : loaded;
}

const ZIP_PREFIX = [0x50, 0x4b, 0x03, 0x04];
const ZIP_SUFFIX = [0x50, 0x4b, 0x05, 0x06];
const startsWith = (b: Uint8Array, p: readonly number[] | Uint8Array) => b.length >= p.length && p.every((x, i) => b[i] === x);

function asBytes(x: ArrayBuffer | SharedArrayBuffer | ArrayBufferView): Uint8Array {
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  return new Uint8Array(x);
}

const PICKLE_MESSAGE =
  "This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.";

function checkLoadOptions(opts: LoadOptions): void {
  if (opts.encoding !== undefined && !["ASCII", "latin1", "bytes"].includes(opts.encoding)) {
    throw new ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'");
  }
}

/** NumPy maps through the file's descriptor; numfuse maps paths only (its memmap reads and writes by path). */
function checkMmapSource(opts: LoadOptions, file: LoadSource): void {
  if (opts.mmap_mode !== undefined && opts.mmap_mode !== null && typeof file !== "string" && !(file instanceof URL)) {
    throw new ValueError(`mmap_mode=${reprStr(String(opts.mmap_mode))} needs a file path in numfuse`);
  }
}

function pickled(opts: LoadOptions, file: LoadSource): never {
  if (!opts.allow_pickle) throw new ValueError(PICKLE_MESSAGE);
  const name = typeof file === "string" ? reprStr(file) : String(file);
  throw new ValueError(`Failed to interpret file ${name} as a pickle: numfuse cannot read pickled Python objects`);
}

/**
 * np.load: an `.npy` file gives an NDArray, an `.npz` archive an NpzFile (close it when done; a
 * path's file stays open until then). Big-endian data loads with its big-endian dtype (">f8",
 * ">U3"), as NumPy; Fortran-ordered data as an F-contiguous array, as NumPy.
 */
export function load(file: `${string}.npy`, opts?: LoadOptions): NDArray;
export function load(file: `${string}.npz`, opts?: LoadOptions): NpzFile;
export function load(file: LoadSource, opts?: LoadOptions): NDArray | NpzFile;
export function load(file: LoadSource, opts: LoadOptions = {}): NDArray | NpzFile {
  checkLoadOptions(opts);
  checkMmapSource(opts, file);
  const readOpts = { allowPickle: opts.allow_pickle, maxHeaderSize: opts.max_header_size };
  if (typeof file === "number") {
    const r = new FdStreamReader(file);
    const magic = r.read(MAGIC_PREFIX.length);
    if (magic.length === 0) throw new EOFError("No data left in file");
    if (startsWith(magic, ZIP_PREFIX) || startsWith(magic, ZIP_SUFFIX)) {
      return new NpzFile(new MemoryAccess(readToEnd(file, magic)), null, String(file), opts);
    }
    if (startsWith(magic, MAGIC_PREFIX)) return readNpy(new PrefixReader(magic, r), readOpts);
    pickled(opts, file);
  }
  if (typeof file === "string" || file instanceof URL) {
    const fd = fs.openSync(file, "r");
    let keep = false;
    try {
      const ra = new FileAccess(fd, fs.fstatSync(fd).size);
      const magic = new Uint8Array(Math.min(MAGIC_PREFIX.length, ra.size));
      ra.readAt(0, magic);
      if (magic.length === 0) throw new EOFError("No data left in file");
      if (startsWith(magic, ZIP_PREFIX) || startsWith(magic, ZIP_SUFFIX)) {
        const npz = new NpzFile(ra, fd, String(file), opts);
        keep = true;
        return npz;
      }
      if (startsWith(magic, MAGIC_PREFIX)) {
        if (opts.mmap_mode) return open_memmap(file, { mode: opts.mmap_mode });
        return readNpy(new WindowReader(ra, 0, ra.size, true), readOpts);
      }
      pickled(opts, file);
    } finally {
      if (!keep) fs.closeSync(fd);
    }
  }
  if (file instanceof ArrayBuffer || file instanceof SharedArrayBuffer || ArrayBuffer.isView(file)) {
    const bytes = asBytes(file);
    if (bytes.length === 0) throw new EOFError("No data left in file");
    if (startsWith(bytes, ZIP_PREFIX) || startsWith(bytes, ZIP_SUFFIX)) return new NpzFile(new MemoryAccess(bytes), null, "object", opts);
    if (startsWith(bytes, MAGIC_PREFIX)) return readNpy(new WindowReader(new MemoryAccess(bytes), 0, bytes.length, false), readOpts);
    pickled(opts, file);
  }
  throw new TypeError(`expected a path, a file descriptor or bytes, got ${typeof file}`);
}

// ---- NpzFile -------------------------------------------------------------------------------------------

const closeFds = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed by its owner
  }
});

/**
 * A loaded `.npz` archive (NumPy's NpzFile): `files` lists the member names without ".npy";
 * `get(name)` reads a member (an NDArray, or the raw bytes of a member that is not an `.npy`
 * file) each time it is called, as NumPy's `npz[name]`; iteration walks the names.
 */
export class NpzFile implements Iterable<string> {
  readonly files: string[];
  readonly #lookup = new Map<string, ZipEntry>();
  #ra: RandomAccess | null;
  #fd: number | null;
  readonly #name: string;
  readonly #opts: { allowPickle?: boolean; maxHeaderSize?: number };
  readonly #isFileBacked: boolean;

  /** @internal use np.load */
  constructor(ra: RandomAccess, fd: number | null, name: string, opts: LoadOptions = {}) {
    const entries = readZipDirectory(ra);
    this.files = entries.map((e) => (e.name.endsWith(".npy") ? e.name.slice(0, -4) : e.name));
    // both "x" and "x.npy" find member x.npy; a later duplicate wins, as in zipfile
    entries.forEach((e, i) => this.#lookup.set(this.files[i], e));
    entries.forEach((e) => this.#lookup.set(e.name, e));
    this.#ra = ra;
    this.#fd = fd;
    this.#name = name;
    this.#opts = { allowPickle: opts.allow_pickle, maxHeaderSize: opts.max_header_size };
    this.#isFileBacked = fd !== null;
    if (fd !== null) closeFds.register(this, fd, this);
  }

  /** npz[name]: the member as an NDArray (or bytes); `get(name, default)` returns `default` for a missing name, as Mapping.get. */
  get(key: string): NDArray | Uint8Array;
  get<D>(key: string, defaultValue: D): NDArray | Uint8Array | D;
  get(key: string, ...rest: unknown[]): unknown {
    const e = this.#lookup.get(key);
    if (e === undefined) {
      if (rest.length) return rest[0];
      throw new KeyError(`${key} is not a file in the archive`);
    }
    if (this.#ra === null) throw new ValueError("I/O operation on closed NpzFile");
    const { reader, finish } = openMember(this.#ra, e, false);
    const magic = reader.read(MAGIC_PREFIX.length);
    if (startsWith(magic, MAGIC_PREFIX)) {
      const a = readNpy(new PrefixReader(magic, reader), this.#opts);
      finish();
      return a;
    }
    const rest2 = reader.read(Math.max(0, e.usize - magic.length));
    finish();
    return concat([magic, rest2]);
  }

  /** `name in npz` */
  has(key: string): boolean { return this.#lookup.has(key); }
  get length(): number { return this.files.length; }
  keys(): string[] { return [...this.files]; }
  values(): (NDArray | Uint8Array)[] { return this.files.map((f) => this.get(f)); }
  items(): [string, NDArray | Uint8Array][] { return this.files.map((f) => [f, this.get(f)]); }
  [Symbol.iterator](): Iterator<string> { return this.files[Symbol.iterator](); }

  /** Closes the file (a path's archive holds it open until then; the garbage collector closes forgotten ones). */
  close(): void {
    if (this.#fd !== null) {
      closeFds.unregister(this);
      fs.closeSync(this.#fd);
      this.#fd = null;
    }
    this.#ra = null;
  }

  toString(): string {
    const names = this.files.slice(0, 5).join(", ") + (this.files.length > 5 ? "..." : "");
    return `NpzFile ${this.#isFileBacked ? reprStr(this.#name) : "'object'"} with keys: ${names}`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string { return this.toString(); }
}

// ---- writing -------------------------------------------------------------------------------------------

function writeTo(file: SaveTarget, suffix: string, write: (sink: (b: Uint8Array) => void) => void): void {
  if (typeof file === "number") {
    write((b) => writeFully(file, b));
    return;
  }
  let path: string | URL = file;
  if (typeof path === "string" && !path.endsWith(suffix)) path += suffix;
  // Overwrite in place, then cut to length, instead of opening with O_TRUNC: truncating a large
  // existing file first frees all its blocks (synchronously on discard-mounted disks), and the
  // rewrite then allocates them again, which made np.save of 100 MB three times slower. Same bytes.
  const fd = fs.openSync(path, fs.constants.O_WRONLY | fs.constants.O_CREAT, 0o666);
  try {
    let length = 0;
    write((b) => {
      writeFully(fd, b);
      length += b.length;
    });
    fs.ftruncateSync(fd, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * np.save: writes `arr` as an `.npy` file, byte for byte what NumPy writes (a path gets ".npy"
 * appended unless it ends with it; a file descriptor is written at its current position).
 */
export function save(file: SaveTarget, arr: ArrayLike, opts: { allow_pickle?: boolean } | boolean = {}): void {
  void opts; // numfuse has no object arrays: nothing is ever pickled
  const a = asarray(arr);
  // compute before touching the file, so a failure leaves an existing file alone
  const [header, data] = npyParts(a);
  writeTo(file, ".npy", (sink) => {
    sink(header);
    sink(data);
  });
}

type SavezArgs = (ArrayLike | Record<string, ArrayLike | boolean>)[];

/** savez's arguments: positional arrays become arr_0, arr_1, ... after the named ones, as NumPy orders them. */
function savezMembers(args: SavezArgs): { name: string; parts: Uint8Array[] }[] {
  const list = [...args];
  const named: Record<string, unknown> = list.length && isOptions(list[list.length - 1]) ? (list.pop() as Record<string, unknown>) : {};
  const entries: [string, unknown][] = Object.entries(named).filter(([k, v]) => !(k === "allow_pickle" && typeof v === "boolean"));
  const names = new Set(entries.map(([k]) => k));
  list.forEach((v, i) => {
    const key = `arr_${i}`;
    if (names.has(key)) throw new ValueError(`Cannot use un-named variables and keyword ${key}`);
    entries.push([key, v]);
  });
  return entries.map(([k, v]) => ({ name: `${k}.npy`, parts: npyParts(asarray(v as ArrayLike)) }));
}

/**
 * np.savez(file, a, b, {name: c}): an uncompressed `.npz` archive laid out byte for byte as
 * NumPy's ("arr_0", ... for positional arrays; ".npz" appended to a path without it).
 */
export function savez(file: SaveTarget, ...args: SavezArgs): void {
  const members = savezMembers(args);
  writeTo(file, ".npz", (sink) => writeZip(sink, members, false));
}

/**
 * np.savez_compressed: as savez with deflated members. Node's zlib may pick different (equally
 * valid) deflate bytes than the zlib NumPy's Python uses, so only the compressed payloads, their
 * sizes and the offsets after them can differ from NumPy's file.
 */
export function savez_compressed(file: SaveTarget, ...args: SavezArgs): void {
  const members = savezMembers(args);
  writeTo(file, ".npz", (sink) => writeZip(sink, members, true));
}

