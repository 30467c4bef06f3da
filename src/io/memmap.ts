/** @file np.memmap and np.lib.format.open_memmap: arrays backed by a file, read whole when small and block by block (src/blockwise.ts) when larger than the resident cap. */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { loadStorage } from "../../compiler/ir/node.js";
import { contiguousView, forEachOffset, viewExtent, type View } from "../../compiler/ir/view.js";
import { addShadow, moveElements, syncForRead } from "../../runtime/mirror.js";
import { swapWidth } from "../../runtime/io/bytes.js";
import { parseDType, type DType } from "../../runtime/dtype.js";
import { OverflowError, ValueError } from "../../runtime/errors.js";
import { MAGIC_PREFIX, npyHeader, readNpyHeader, shapeRepr, type ByteReader } from "../../runtime/io/npy-format.js";
import { PagedFile, PagedStorage, pagedLimits, tooLarge, type FileMode } from "../../runtime/io/paged.js";
import { reprStr } from "../../runtime/io/pyliteral.js";
import { preadFully } from "../../runtime/io/source.js";
import type { JSScalar } from "../../runtime/scalar.js";
import { allocStorage, type Storage } from "../../runtime/storage.js";
import { kwargs } from "../args.js";
import "../blockwise.js";
import type { IndexItem } from "../indexing.js";
import { NDArray } from "../ndarray.js";

export { pagedLimits };

const MODE_EQUIVALENTS: Record<string, FileMode> = { readonly: "r", copyonwrite: "c", readwrite: "r+", write: "w+" };
const VALID_MODES = ["r", "c", "r+", "w+"];
/** Python's mmap.ALLOCATIONGRANULARITY on Linux: where NumPy starts its mapping, which decides its errors */
const GRANULARITY = 4096;

export interface MemmapOptions {
  dtype?: unknown;
  mode?: string;
  offset?: number;
  shape?: number | readonly number[] | null;
  order?: "C" | "F";
}

/** Files whose memmaps were collected: close them (paged maps write their dirty blocks first). */
const closer = new FinalizationRegistry<PagedFile>((f) => {
  try { f.close(); } catch { /* the file may be gone; nothing to report from a finalizer */ }
});

function fView(shape: readonly number[]): View {
  const strides: number[] = [];
  let acc = 1;
  for (const n of shape) { strides.push(acc); acc *= Math.max(n, 1); }
  return { shape: [...shape], strides, offset: 0 };
}

/**
 * NumPy's memmap: an array over a region of a file. Maps of at most `pagedLimits.residentBytes`
 * are read whole into memory and behave as any array (views share that memory); larger maps are
 * *paged*: never loaded whole. On a paged map, reductions (sum, mean, min, max, prod, any, all over
 * all axes, axis 0 or the trailing axes, also of elementwise expressions of the map) and writes
 * (`set`, `fill`) run block by block with bounded memory, `get` with basic indexing returns a view
 * held in memory and kept in step with the map both ways, and anything that would need more than
 * the resident cap at once throws ValueError naming the cap.
 *
 * Writes reach the file on `flush()` (and, for paged maps, when more than the resident cap of
 * blocks is dirty, oldest first). Unlike NumPy's shared mapping, changes not flushed are lost if
 * the process exits. Mode "c" (copy-on-write) never writes the file; mode "r" refuses writes.
 *
 * Durability: data is written in whole blocks (`pagedLimits.blockBytes`, counted from the data
 * start), each with one positioned `fs.writeSync` at the block's file offset (a short write, which
 * Linux does not do for regular files, is completed by further writes of the same block's tail),
 * and `flush()` ends with `fsync`. So at the API level a crash between writes leaves every block
 * either wholly old or wholly new, never half-written. The operating system and device only
 * promise sector-sized atomic writes: a power loss *during* one block's write can still tear it
 * at the storage level, and blocks written before a crash are not guaranteed on disk unless
 * `flush()` returned.
 */
export class MemMap extends NDArray {
  /** absolute path of the mapped file */
  readonly filename: string;
  /** byte offset of the data in the file */
  readonly offset: number;
  readonly mode: FileMode;
  /** @internal */
  readonly _file: PagedFile;
  /** @internal the resident copy, or null for a paged map */
  readonly _resident: Storage | null;

  constructor(filename: string | URL, opts: MemmapOptions = {}) {
    const file = typeof filename === "string" ? filename : fileURLToPath(filename);
    let mode = (opts.mode ?? "r+") as string;
    if (mode in MODE_EQUIVALENTS) mode = MODE_EQUIVALENTS[mode];
    else if (!VALID_MODES.includes(mode)) {
      const all = [...VALID_MODES, ...Object.keys(MODE_EQUIVALENTS)].map((m) => `'${m}'`).join(", ");
      throw new ValueError(`mode must be one of [${all}] (got ${reprStr(String(mode))})`);
    }
    const fm = mode as FileMode;
    let shapeOpt = opts.shape ?? null;
    if (fm === "w+" && shapeOpt === null) throw new ValueError("shape must be given if mode == 'w+'");
    const offset = opts.offset ?? 0;
    if (!Number.isInteger(offset)) throw new TypeError("'float' object cannot be interpreted as an integer");
    const dtype: DType = parseDType(opts.dtype ?? "uint8");
    const order = opts.order ?? "C";
    const fd = fs.openSync(file, fm === "c" || fm === "r" ? "r" : fm === "r+" ? "r+" : "w+");
    let ok = false;
    try {
      const flen = fs.fstatSync(fd).size;
      const dbytes = dtype.itemsize;
      let shape: number[];
      if (shapeOpt === null) {
        const bytes = flen - offset;
        if (((bytes % dbytes) + dbytes) % dbytes) throw new ValueError("Size of available data is not a multiple of the data-type size.");
        shape = [Math.floor(bytes / dbytes)];
      } else {
        shape = typeof shapeOpt === "number" ? [shapeOpt] : [...shapeOpt];
      }
      const size = shape.reduce((p, n) => p * n, 1);
      let bytes = offset + size * dbytes;
      if (fm === "w+" || fm === "r+") {
        bytes = Math.max(bytes, 1);
        if (flen < bytes) fs.writeSync(fd, new Uint8Array(1), 0, 1, bytes - 1);
      }
      // Python's mmap checks, on the range NumPy maps
      if (offset < 0) throw new OverflowError("memory mapped offset must be positive");
      let start = offset - (offset % GRANULARITY);
      let length = bytes - start;
      if (length === 0 && start > 0) { length += GRANULARITY; start -= GRANULARITY; }
      const fsize = fs.fstatSync(fd).size;
      if (length === 0) {
        if (fsize === 0) throw new ValueError("cannot mmap an empty file");
        if (start >= fsize) throw new ValueError("mmap offset is greater than file size");
      } else if (length < 0) {
        throw new ValueError("mmap length is greater than file size");
      } else if (start > fsize || fsize - start < length) {
        throw new ValueError("mmap length is greater than file size");
      }
      if (shape.some((n) => n < 0)) throw new ValueError("negative dimensions are not allowed");
      const dataBytes = size * dbytes;
      // a big-endian map is read and written swapped: in memory it holds native numbers
      const paged = new PagedFile(fd, offset, dataBytes, fm, undefined, dtype.isnative ? 1 : swapWidth(dtype));
      const view = order === "F" ? fView(shape) : contiguousView(shape);
      let storage: Storage;
      let resident: Storage | null = null;
      if (dataBytes <= pagedLimits.residentBytes) {
        storage = resident = allocStorage(dataBytes, false);
        // read in blocks: one system call per block, as the paged path does
        for (let k = 0; k < paged.blockCount; k++) paged.read(k * paged.blockBytes, resident.bytes.subarray(k * paged.blockBytes, k * paged.blockBytes + paged.blockLength(k)));
      } else {
        storage = new PagedStorage(paged);
      }
      super(loadStorage(storage, view, dtype));
      if (!dtype.isnative) this._shown = dtype;
      closer.register(storage, paged);
      this._file = paged;
      this._resident = resident;
      this._writeable = fm !== "r";
      this.filename = path.resolve(file);
      this.offset = offset;
      this.mode = fm;
      ok = true;
    } finally {
      if (!ok) fs.closeSync(fd);
    }
  }

  /** Is this map paged (larger than the resident cap, never loaded whole)? */
  get paged(): boolean { return this._resident === null; }

  /** Write changed data back to the file (whole blocks, then fsync); a no-op for modes "r" and "c". */
  flush(): void {
    if (this.mode === "r" || this.mode === "c") return;
    if (this._resident) this._file.writeAll(this._resident.bytes.subarray(0, this._file.byteLength));
    else {
      // writes made through slices first
      syncForRead(this._node.loadArg.storage!);
      this._file.flush();
    }
  }

  /**
   * Basic indexing of a paged map: a view held in memory (at most the resident cap), read from the
   * file now and kept in step with it both ways (runtime/mirror.ts): writes into it reach the map's
   * blocks before the map is next read, written or flushed.
   */
  override get(...items: IndexItem[]): NDArray {
    const v = super.get(...items);
    if (this._resident || !v.isRealized || !(v._node.loadArg.storage instanceof PagedStorage)) return v;
    return pagedSlice(this, v._node.loadArg.storage, v._node.loadArg.view, v.dtype);
  }

  override item(...idx: number[]): JSScalar {
    if (this._resident || idx.length === 0 || (idx.length === 1 && this.ndim !== 1)) return super.item(...idx);
    return this.get(...idx).item();
  }

  override *[Symbol.iterator](): Generator<NDArray> {
    for (let i = 0; i < this.shape[0]; i++) yield this.get(i);
  }
}

/** A slice of a paged map as a view over an in-memory shadow of its bytes. */
function pagedSlice(map: MemMap, P: PagedStorage, v: View, dt: DType): NDArray {
  const is = dt.itemsize;
  const e = viewExtent(v);
  const [lo, hi] = e ? [e[0] * is, (e[1] + 1) * is] : [0, 0];
  if (hi - lo > pagedLimits.residentBytes) throw tooLarge("a slice of the memmap this large", hi - lo);
  // element byte offsets within [lo, hi), in C order
  const at: number[] = [];
  if (e) forEachOffset(v, (off) => at.push(off * is - lo));
  const shadow = allocStorage(Math.max(at.length * is, 1), false);
  const file = P.file;
  const move = (span: Uint8Array, toShadow: boolean) => moveElements(span, shadow.bytes, at, is, toShadow);
  const gather = () => {
    if (!at.length) return;
    const span = new Uint8Array(hi - lo);
    file.read(lo, span);
    move(span, true);
  };
  const scatter = () => {
    if (!at.length) return;
    const B = file.blockBytes;
    const scratch = new Uint8Array((Math.floor((hi - 1) / B) - Math.floor(lo / B) + 1) * B);
    file.update(lo, hi, scratch, (spanStart) => move(scratch.subarray(lo - spanStart), false));
  };
  const region: View = { shape: [hi - lo], strides: [1], offset: lo };
  addShadow(shadow, { parent: P, region, dirty: false, fresh: false, gather, scatter });
  const out = new NDArray(loadStorage(shadow, contiguousView(v.shape), dt));
  out._shadowOf = map;
  out._writeable = map._writeable;
  if (!dt.isnative) out._shown = dt;
  return out;
}

/** np.memmap(filename, dtype="uint8", mode="r+", offset=0, shape=null, order="C"); callable with or without `new`. */
export function memmap(filename: string | URL, ...args: unknown[]): MemMap {
  return new MemMap(filename, kwargs<MemmapOptions>("memmap", args, ["dtype", "mode", "offset", "shape", "order"]));
}
memmap.prototype = MemMap.prototype;

export interface OpenMemmapOptions {
  mode?: string;
  dtype?: unknown;
  shape?: number | readonly number[] | null;
  fortran_order?: boolean;
  version?: readonly [number, number] | null;
}

/** A ByteReader over an open file from position 0, for the .npy header parser. */
function fdReader(fd: number): { reader: ByteReader; pos: () => number } {
  let pos = 0;
  const size = fs.fstatSync(fd).size;
  const reader: ByteReader = {
    isFile: true,
    read(n) {
      const b = new Uint8Array(Math.max(0, Math.min(n, size - pos)));
      pos += preadFully(fd, b, pos);
      return b;
    },
    readInto(dst) {
      const n = preadFully(fd, dst.subarray(0, Math.max(0, Math.min(dst.length, size - pos))), pos);
      pos += n;
      return n;
    },
    skip(n) {
      const k = Math.max(0, Math.min(n, size - pos));
      pos += k;
      return k;
    },
    remaining: () => size - pos,
  };
  return { reader, pos: () => pos };
}

/** A header at an explicit format version (npyHeader picks the oldest that fits, as np.save does). */
function headerAtVersion(dt: DType, shape: readonly number[], fortran: boolean, version: readonly [number, number]): Uint8Array {
  if (!((version[0] === 1 || version[0] === 2 || version[0] === 3) && version[1] === 0)) {
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${version[0]}, ${version[1]})`);
  }
  const auto = npyHeader(dt, shape, fortran);
  if (auto[6] === version[0]) return auto;
  // re-wrap the same dict text for the requested version (_wrap_header)
  const lenAuto = auto[6] === 1 ? 2 : 4;
  const text = auto.subarray(6 + 2 + lenAuto);
  let end = text.length - 1;
  while (end > 0 && text[end - 1] === 0x20) end--;
  const dict = text.subarray(0, end);
  const lenBytes = version[0] === 1 ? 2 : 4;
  const hlen = dict.length + 1;
  const total = hlen + (64 - ((8 + lenBytes + hlen) % 64));
  if (version[0] === 1 && total >= 2 ** 16) throw new ValueError(`Header length ${hlen} too big for version=(1, 0)`);
  const out = new Uint8Array(8 + lenBytes + total);
  out.set(MAGIC_PREFIX);
  out[6] = version[0];
  out[7] = 0;
  const dv = new DataView(out.buffer);
  if (lenBytes === 2) dv.setUint16(8, total, true);
  else dv.setUint32(8, total, true);
  out.set(dict, 8 + lenBytes);
  out.fill(0x20, 8 + lenBytes + dict.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}

/** np.lib.format.open_memmap(filename, mode="r+", dtype=null, shape=null, fortran_order=false, version=null). */
export function open_memmap(filename: string | URL, ...args: unknown[]): MemMap {
  const opts = kwargs<OpenMemmapOptions>("open_memmap", args, ["mode", "dtype", "shape", "fortran_order", "version"]);
  const file = typeof filename === "string" ? filename : fileURLToPath(filename);
  let mode = opts.mode ?? "r+";
  if (mode.includes("w")) {
    const dtype = parseDType(opts.dtype ?? "float64");
    const shape = opts.shape === null || opts.shape === undefined ? null : typeof opts.shape === "number" ? [opts.shape] : [...opts.shape];
    if (shape === null) throw new ValueError("shape must be given if mode == 'w+'");
    const fortran = !!opts.fortran_order;
    const header = opts.version ? headerAtVersion(dtype, shape, fortran, opts.version) : npyHeader(dtype, shape, fortran);
    const fd = fs.openSync(file, "w+");
    try {
      fs.writeSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (mode === "w+") mode = "r+";
    return new MemMap(file, { dtype, shape, order: fortran ? "F" : "C", mode, offset: header.length });
  }
  const fd = fs.openSync(file, "r");
  let header, offset;
  try {
    const { reader, pos } = fdReader(fd);
    header = readNpyHeader(reader);
    offset = pos();
  } finally {
    fs.closeSync(fd);
  }
  if (header.isObject) throw new ValueError("Array can't be memory-mapped: Python objects in dtype.");
  const shape = header.shape.map((n) => {
    if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ValueError(`shape is not valid: ${shapeRepr(header.shape)}`);
    return Number(n);
  });
  return new MemMap(file, { dtype: header.dtype, shape, order: header.fortranOrder ? "F" : "C", mode, offset });
}
