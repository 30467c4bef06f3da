/** @file File-backed array memory read and written in whole blocks (np.memmap's paged maps): PagedFile keeps dirty blocks until flush, PagedStorage stands in for a Storage that is never loaded whole. */
import * as fs from "node:fs";
import type { DType, LaneArray } from "../dtype.js";
import { ValueError } from "../errors.js";
import { Storage } from "../storage.js";
import { preadFully } from "./source.js";
import { swapUnits } from "./bytes.js";

/**
 * Block size and resident cap. A map whose data fits under `residentBytes` is read whole into an
 * ordinary Storage (every operation works on it); a larger one is paged: read and written in
 * `blockBytes` blocks, with at most `residentBytes` of dirty blocks held before the oldest is
 * written back. Tests shrink both to exercise the paged path on small files.
 */
export const pagedLimits = { blockBytes: 8 << 20, residentBytes: 64 << 20 };

export type FileMode = "r" | "r+" | "w+" | "c";

const mb = (n: number) => `${(n / 2 ** 20).toFixed(n % 2 ** 20 ? 2 : 0)} MiB`;

/** numfuse's MemoryError-style refusal: the work would load more than the resident cap at once. */
export function tooLarge(what: string, bytes: number): ValueError {
  return new ValueError(
    `numfuse: ${what} needs ${bytes} bytes of a memory-mapped file in memory at once, more than the resident cap of ` +
      `${mb(pagedLimits.residentBytes)} (a paged memmap is only read block by block: reduce it, slice a smaller part, ` +
      `or raise pagedLimits.residentBytes)`,
  );
}

/**
 * The data region [offset, offset + byteLength) of an open file, seen as blocks of `blockBytes`
 * counted from the data start, in native byte order (big-endian files are swapped both ways). Reads go to the file (with dirty blocks laid over them); writes
 * modify whole blocks in memory, and a block reaches the file with one positioned write.
 */
export class PagedFile {
  /** dirty blocks by index, oldest first (Map keeps insertion order) */
  readonly #dirty = new Map<number, Uint8Array>();
  readonly blockBytes: number;
  #closed = false;

  constructor(
    readonly fd: number,
    readonly offset: number,
    readonly byteLength: number,
    readonly mode: FileMode,
    blockBytes = pagedLimits.blockBytes,
    /** big-endian data (a ">f8" map): the byte width of its numbers, reversed between file and memory so the array sees native ones */
    readonly swapUnit = 1,
  ) {
    // blocks hold whole elements of every dtype (complex128 is 16 bytes)
    this.blockBytes = Math.max(1024, Math.ceil(blockBytes / 64) * 64);
  }

  get blockCount(): number { return Math.ceil(this.byteLength / this.blockBytes); }
  blockLength(k: number): number { return Math.min(this.blockBytes, this.byteLength - k * this.blockBytes); }
  get dirtyBlocks(): number { return this.#dirty.size; }

  /** Data bytes [pos, pos + dst.length) as the array sees them now (dirty blocks included). */
  read(pos: number, dst: Uint8Array): void {
    const end = pos + dst.length;
    if (pos < 0 || end > this.byteLength) throw new RangeError(`internal: paged read [${pos}, ${end}) outside ${this.byteLength} bytes`);
    const got = preadFully(this.fd, dst, this.offset + pos);
    if (got < dst.length) dst.fill(0, got); // a file shortened behind our back reads as zeros
    swapUnits(dst, this.swapUnit);
    const B = this.blockBytes;
    for (const [k, block] of this.#dirty) {
      const lo = Math.max(pos, k * B), hi = Math.min(end, k * B + block.length);
      if (lo < hi) dst.set(block.subarray(lo - k * B, hi - k * B), lo - pos);
    }
  }

  /**
   * Modify data bytes [lo, hi): the whole blocks covering them are laid out contiguously in
   * `scratch` (from block k0's first byte), `fn` writes into it, and the blocks become dirty.
   * Returns nothing; `fn` gets the byte position of scratch[0] within the data.
   */
  update(lo: number, hi: number, scratch: Uint8Array, fn: (spanStart: number) => void): void {
    if (this.mode === "r") throw new ValueError("assignment destination is read-only");
    if (hi <= lo) return;
    const B = this.blockBytes;
    const k0 = Math.floor(lo / B), k1 = Math.floor((hi - 1) / B);
    const start = k0 * B, end = Math.min((k1 + 1) * B, this.byteLength);
    if (scratch.length < end - start) throw new RangeError("internal: paged update scratch too small");
    const nNew = [...Array(k1 - k0 + 1).keys()].filter((i) => !this.#dirty.has(k0 + i)).length;
    const cap = Math.max(2, Math.floor(pagedLimits.residentBytes / B));
    // copy-on-write blocks can never go back to the file: refuse before anything changes
    if (this.mode === "c" && this.#dirty.size + nNew > cap) {
      throw tooLarge("a copy-on-write memmap holding its modified blocks", (this.#dirty.size + nNew) * B);
    }
    const span = scratch.subarray(0, end - start);
    this.read(start, span);
    fn(start);
    for (let k = k0; k <= k1; k++) {
      const block = this.#dirty.get(k) ?? new Uint8Array(this.blockLength(k));
      block.set(span.subarray(k * B - start, k * B - start + block.length));
      this.#dirty.delete(k);
      this.#dirty.set(k, block);
    }
    // bounded memory: the oldest dirty blocks are written back, as an OS writes back dirty pages
    while (this.mode !== "c" && this.#dirty.size > cap) {
      const [k, block] = this.#dirty.entries().next().value as [number, Uint8Array];
      this.#writeBlock(k, block);
      this.#dirty.delete(k);
    }
  }

  /** One positioned write of the whole block (repeated only for the tail of a short write). */
  #writeBlock(k: number, block: Uint8Array): void {
    const pos = this.offset + k * this.blockBytes;
    if (this.swapUnit > 1) {
      block = block.slice();
      swapUnits(block, this.swapUnit);
    }
    let done = 0;
    while (done < block.length) done += fs.writeSync(this.fd, block, done, block.length - done, pos + done);
  }

  /** Write every dirty block (ascending), then fsync. Copy-on-write maps never write. */
  flush(): void {
    if (this.mode === "c" || this.mode === "r" || this.#closed) return;
    if (this.#dirty.size === 0) return;
    for (const k of [...this.#dirty.keys()].sort((a, b) => a - b)) this.#writeBlock(k, this.#dirty.get(k)!);
    this.#dirty.clear();
    fs.fsyncSync(this.fd);
  }

  /** Write whole blocks of `data` (the full data region held in memory) back: resident maps' flush. */
  writeAll(data: Uint8Array): void {
    for (let k = 0; k < this.blockCount; k++) {
      this.#writeBlock(k, data.subarray(k * this.blockBytes, k * this.blockBytes + this.blockLength(k)));
    }
    if (this.blockCount) fs.fsyncSync(this.fd);
  }

  close(): void {
    if (this.#closed) return;
    this.flush();
    this.#closed = true;
    fs.closeSync(this.fd);
  }
}

/**
 * The Storage of a paged memmap. It has no memory of its own: kernels never run on it (lanes()
 * refuses); src/blockwise.ts evaluates graphs that read it, and writes into it, block by block.
 */
export class PagedStorage extends Storage {
  /** has any paged storage been made? (lets every other evaluation skip the block-wise check) */
  static created = false;
  constructor(readonly file: PagedFile) {
    super(new ArrayBuffer(0), 0, file.byteLength);
    PagedStorage.created = true;
  }

  override lanes(_dtype: DType): LaneArray {
    throw tooLarge("reading the whole memmap", this.byteLength);
  }
}
