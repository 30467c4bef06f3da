/** @file Byte sources for the file readers: random access over memory or an open file, and forward readers over those or over a file descriptor's current position. */
import * as fs from "node:fs";
import type { ByteReader } from "./npy-format.js";

/** fs calls take at most 2 GiB at a time. */
const IO_CHUNK = 1 << 30;
/** Reads of a length nobody vouched for grow in steps of this, so a corrupt length never allocates more than the data. */
const STEP = 1 << 20;

/** Random access to bytes: an in-memory buffer or an open regular file. */
export interface RandomAccess {
  readonly size: number;
  /** fills `dst` from byte `pos`; returns how many bytes there were */
  readAt(pos: number, dst: Uint8Array): number;
  /** the bytes [pos, pos + n) without copying, when they are in memory */
  view?(pos: number, n: number): Uint8Array;
}

export class MemoryAccess implements RandomAccess {
  constructor(readonly bytes: Uint8Array) {}
  get size(): number { return this.bytes.length; }
  readAt(pos: number, dst: Uint8Array): number {
    const n = Math.max(0, Math.min(dst.length, this.bytes.length - pos));
    dst.set(this.bytes.subarray(pos, pos + n));
    return n;
  }
  view(pos: number, n: number): Uint8Array {
    return this.bytes.subarray(pos, Math.min(pos + n, this.bytes.length));
  }
}

/** Positioned reads from `fd` into `dst`, looping over short reads; returns bytes read. */
export function preadFully(fd: number, dst: Uint8Array, pos: number | null): number {
  let done = 0;
  while (done < dst.length) {
    const len = Math.min(IO_CHUNK, dst.length - done);
    const n = fs.readSync(fd, dst, done, len, pos === null ? null : pos + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

export function writeFully(fd: number, src: Uint8Array): void {
  let done = 0;
  while (done < src.length) {
    const n = fs.writeSync(fd, src, done, Math.min(IO_CHUNK, src.length - done));
    done += n;
  }
}

export class FileAccess implements RandomAccess {
  constructor(readonly fd: number, readonly size: number) {}
  readAt(pos: number, dst: Uint8Array): number {
    return preadFully(this.fd, dst.subarray(0, Math.max(0, Math.min(dst.length, this.size - pos))), pos);
  }
}

/** A forward reader over [start, end) of a RandomAccess. */
export class WindowReader implements ByteReader {
  pos: number;
  constructor(readonly ra: RandomAccess, start: number, readonly end: number, readonly isFile: boolean) {
    this.pos = start;
  }
  remaining(): number { return Math.max(0, Math.min(this.end, this.ra.size) - this.pos); }
  read(n: number): Uint8Array {
    const len = Math.min(n, this.remaining());
    let out: Uint8Array;
    if (this.ra.view) out = this.ra.view(this.pos, len);
    else {
      out = new Uint8Array(len);
      out = out.subarray(0, this.ra.readAt(this.pos, out));
    }
    this.pos += out.length;
    return out;
  }
  readInto(dst: Uint8Array): number {
    const n = this.ra.readAt(this.pos, dst.subarray(0, Math.min(dst.length, this.remaining())));
    this.pos += n;
    return n;
  }
  skip(n: number): number {
    const k = Math.min(n, this.remaining());
    this.pos += k;
    return k;
  }
}

/** A forward reader at a file descriptor's current position (a user's fd: its offset is unknown). */
export class FdStreamReader implements ByteReader {
  readonly isFile = true;
  constructor(readonly fd: number) {}
  remaining(): null { return null; }
  maxRemaining(): number | null {
    const st = fs.fstatSync(this.fd);
    return st.isFile() ? st.size : null;
  }
  read(n: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < n) {
      const chunk = new Uint8Array(Math.min(STEP, n - got));
      const k = preadFully(this.fd, chunk, null);
      if (k === 0) break;
      parts.push(chunk.subarray(0, k));
      got += k;
      if (k < chunk.length) break;
    }
    return parts.length === 1 ? parts[0] : concat(parts, got);
  }
  readInto(dst: Uint8Array): number {
    return preadFully(this.fd, dst, null);
  }
  skip(n: number): number {
    let got = 0;
    const scratch = new Uint8Array(Math.min(STEP, n));
    while (got < n) {
      const k = this.readInto(scratch.subarray(0, Math.min(scratch.length, n - got)));
      got += k;
      if (k === 0) break;
    }
    return got;
  }
}

export function concat(parts: readonly Uint8Array[], total = parts.reduce((s, p) => s + p.length, 0)): Uint8Array {
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Everything from a file descriptor's current position to its end. */
export function readToEnd(fd: number, prefix: Uint8Array = new Uint8Array(0)): Uint8Array {
  const parts: Uint8Array[] = [prefix];
  let total = prefix.length;
  for (;;) {
    const chunk = new Uint8Array(STEP * 16);
    const k = preadFully(fd, chunk, null);
    if (k === 0) break;
    parts.push(chunk.subarray(0, k));
    total += k;
    if (k < chunk.length) break;
  }
  return concat(parts, total);
}

/** A ByteReader that also computes the CRC-32 of everything read through it (zip members). */
export class CrcReader implements ByteReader {
  crc = 0;
  count = 0;
  constructor(private readonly inner: ByteReader, private readonly crc32: (b: Uint8Array, prev: number) => number) {}
  get isFile(): boolean { return this.inner.isFile; }
  remaining(): number | null { return this.inner.remaining(); }
  read(n: number): Uint8Array {
    const b = this.inner.read(n);
    this.crc = this.crc32(b, this.crc);
    this.count += b.length;
    return b;
  }
  readInto(dst: Uint8Array): number {
    const n = this.inner.readInto(dst);
    this.crc = this.crc32(dst.subarray(0, n), this.crc);
    this.count += n;
    return n;
  }
  skip(n: number): number {
    // skipping still has to see the bytes to keep the CRC
    let got = 0;
    while (got < n) {
      const b = this.read(Math.min(STEP, n - got));
      if (b.length === 0) break;
      got += b.length;
    }
    return got;
  }
}

/** `prefix` (bytes already read to sniff the format), then the rest of `inner`. */
export class PrefixReader implements ByteReader {
  constructor(private prefix: Uint8Array, private readonly inner: ByteReader) {}
  get isFile(): boolean { return this.inner.isFile; }
  remaining(): number | null {
    const r = this.inner.remaining();
    return r === null ? null : r + this.prefix.length;
  }
  maxRemaining(): number | null {
    const r = this.inner.maxRemaining?.() ?? this.inner.remaining();
    return r === null ? null : r + this.prefix.length;
  }
  read(n: number): Uint8Array {
    if (this.prefix.length === 0) return this.inner.read(n);
    const head = this.prefix.subarray(0, n);
    this.prefix = this.prefix.subarray(head.length);
    if (head.length === n) return head;
    return concat([head, this.inner.read(n - head.length)]);
  }
  readInto(dst: Uint8Array): number {
    const k = Math.min(dst.length, this.prefix.length);
    dst.set(this.prefix.subarray(0, k));
    this.prefix = this.prefix.subarray(k);
    return k + this.inner.readInto(dst.subarray(k));
  }
  skip(n: number): number {
    const k = Math.min(n, this.prefix.length);
    this.prefix = this.prefix.subarray(k);
    return k + this.inner.skip(n - k);
  }
}
