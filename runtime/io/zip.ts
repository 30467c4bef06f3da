/** @file ZIP archives for `.npz`: a writer that lays members out exactly as Python's zipfile does for np.savez (ZIP64 local headers, fixed 1980-01-01 timestamps, unix 0600 attributes), and a reader with zipfile's checks and messages (stored and deflated members, ZIP64, CRC-32). */
import * as zlib from "node:zlib";
import { ValueError } from "../errors.js";
import { BadZipFile } from "./errors.js";
import { reprBytes, reprStr } from "./pyliteral.js";
import { concat, CrcReader, MemoryAccess, WindowReader, type RandomAccess } from "./source.js";
import type { ByteReader } from "./npy-format.js";

// ---- CRC-32 -----------------------------------------------------------------------------------------

let table: Uint32Array | null = null;
function crc32Js(data: Uint8Array, prev: number): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~prev >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const native = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
/** zlib.crc32 (Node >= 20.15, native speed) or a table-driven fallback. */
export const crc32: (data: Uint8Array, prev?: number) => number = native
  ? (data, prev = 0) => {
    // zlib.crc32 takes less than 2 GiB at a time
    let c = prev;
    for (let o = 0; o < data.length; o += 1 << 30) c = native(data.subarray(o, o + (1 << 30)), c);
    return c >>> 0;
  }
  : (data, prev = 0) => crc32Js(data, prev);

// ---- writing ------------------------------------------------------------------------------------------

/** zipfile's ZIP64_LIMIT: beyond this, sizes and offsets go into ZIP64 fields. */
const ZIP64_LIMIT = 2 ** 31 - 1;
const ZIP_FILECOUNT_LIMIT = 2 ** 16 - 1;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const EXTERNAL_ATTR_0600 = 0o600 * 65536;

export interface ZipMemberIn {
  name: string;
  /** the member's bytes, in parts (an npy header and the array's memory) */
  parts: readonly Uint8Array[];
}

/** ZipInfo(name): the name ends at a NUL; ASCII names as is, others UTF-8 with flag 0x800. */
function encodeName(name: string): { bytes: Uint8Array; flags: number } {
  const nul = name.indexOf("\0");
  if (nul >= 0) name = name.slice(0, nul);
  if (/^[\x00-\x7f]*$/.test(name)) return { bytes: Uint8Array.from(name, (c) => c.charCodeAt(0)), flags: 0 };
  return { bytes: new TextEncoder().encode(name), flags: 0x800 };
}

class Out {
  private buf: Uint8Array;
  private dv: DataView;
  private o = 0;
  constructor(n: number) {
    this.buf = new Uint8Array(n);
    this.dv = new DataView(this.buf.buffer);
  }
  u16(v: number): this { this.dv.setUint16(this.o, v, true); this.o += 2; return this; }
  u32(v: number): this { this.dv.setUint32(this.o, v >>> 0, true); this.o += 4; return this; }
  u64(v: number): this { this.dv.setBigUint64(this.o, BigInt(v), true); this.o += 8; return this; }
  bytes(b: Uint8Array): this { this.buf.set(b, this.o); this.o += b.length; return this; }
  done(): Uint8Array { return this.buf.subarray(0, this.o); }
}

/**
 * Writes members through `sink` in order, as np.savez / np.savez_compressed (zipfile with
 * force_zip64=True) lay them out. Deflate uses Node's zlib, whose compressed bytes may differ from
 * the zlib Python links (both are valid streams; the rest of the archive is byte-identical).
 */
export function writeZip(
  sink: (b: Uint8Array) => void,
  members: readonly ZipMemberIn[],
  compress: boolean,
  /** zipfile's thresholds for ZIP64 records; tests lower them to reach those paths with small files */
  limits: { zip64: number; fileCount: number } = { zip64: ZIP64_LIMIT, fileCount: ZIP_FILECOUNT_LIMIT },
): void {
  const central: Uint8Array[] = [];
  let pos = 0;
  const emit = (b: Uint8Array) => {
    sink(b);
    pos += b.length;
  };
  const method = compress ? 8 : 0;
  for (const m of members) {
    const { bytes: name, flags } = encodeName(m.name);
    let crc = 0, size = 0;
    for (const p of m.parts) {
      crc = crc32(p, crc);
      size += p.length;
    }
    const payload = compress ? [zlib.deflateRawSync(m.parts.length === 1 ? m.parts[0] : concat(m.parts, size))] : m.parts;
    const csize = payload.reduce((s, p) => s + p.length, 0);
    const offset = pos;
    emit(new Out(30 + name.length + 20)
      .u32(0x04034b50).u16(45).u16(flags).u16(method).u16(0).u16(DOS_DATE_1980_01_01)
      .u32(crc).u32(0xffffffff).u32(0xffffffff).u16(name.length).u16(20)
      .bytes(name).u16(1).u16(16).u64(size).u64(csize).done());
    for (const p of payload) emit(p);
    // central directory entry: ZIP64 fields only where zipfile needs them
    const extra: number[] = [];
    let cdSize = csize, cdUsize = size, cdOffset = offset;
    if (size > limits.zip64 || csize > limits.zip64) {
      extra.push(size, csize);
      cdSize = cdUsize = 0xffffffff;
    }
    if (offset > limits.zip64) {
      extra.push(offset);
      cdOffset = 0xffffffff;
    }
    const ex = new Out(extra.length ? 4 + 8 * extra.length : 0);
    if (extra.length) {
      ex.u16(1).u16(8 * extra.length);
      for (const v of extra) ex.u64(v);
    }
    const exBytes = ex.done();
    central.push(new Out(46 + name.length + exBytes.length)
      .u32(0x02014b50).u16((3 << 8) | 45).u16(45).u16(flags).u16(method).u16(0).u16(DOS_DATE_1980_01_01)
      .u32(crc).u32(cdSize).u32(cdUsize).u16(name.length).u16(exBytes.length).u16(0)
      .u16(0).u16(0).u32(EXTERNAL_ATTR_0600).u32(cdOffset)
      .bytes(name).bytes(exBytes).done());
  }
  const startDir = pos;
  for (const c of central) emit(c);
  const pos2 = pos;
  let count = members.length, dirSize = pos2 - startDir, dirOffset = startDir;
  if (count > limits.fileCount || dirOffset > limits.zip64 || dirSize > limits.zip64) {
    emit(new Out(56).u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0)
      .u64(count).u64(count).u64(dirSize).u64(dirOffset).done());
    emit(new Out(20).u32(0x07064b50).u32(0).u64(pos2).u32(1).done());
    count = Math.min(count, 0xffff);
    dirSize = Math.min(dirSize, 0xffffffff);
    dirOffset = Math.min(dirOffset, 0xffffffff);
  }
  emit(new Out(22).u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(dirSize).u32(dirOffset).u16(0).done());
}

// ---- reading ------------------------------------------------------------------------------------------

export interface ZipEntry {
  /** the name as zipfile reports it (cut at a NUL) */
  name: string;
  /** the name as stored, which the local header must repeat */
  origName: string;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  headerOffset: number;
}

const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\xa0";

function decodeName(b: Uint8Array, utf8: boolean): string {
  if (utf8) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(b);
    } catch {
      throw new ValueError("'utf-8' codec can't decode a zip member name");
    }
  }
  let s = "";
  for (const x of b) s += x < 0x80 ? String.fromCharCode(x) : CP437_HIGH[x - 0x80];
  return s;
}

function readExact(ra: RandomAccess, pos: number, n: number): Uint8Array {
  const out = ra.view ? ra.view(pos, n) : new Uint8Array(n);
  if (ra.view) return out;
  return out.subarray(0, ra.readAt(pos, out));
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 2 ** 24;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;
const sigIs = (b: Uint8Array, o: number, sig: number) => b.length >= o + 4 && u32(b, o) === sig;

interface EndRecord { dirSize: number; dirOffset: number; location: number; zip64: boolean }

/** _EndRecData: the end-of-central-directory record, from the file's tail (after a comment of up to 64 KiB). */
function endRecord(ra: RandomAccess): EndRecord | null {
  const size = ra.size;
  if (size < 22) return null;
  let rec: Uint8Array | null = null, location = -1;
  const last = readExact(ra, size - 22, 22);
  if (sigIs(last, 0, 0x06054b50) && last[20] === 0 && last[21] === 0) {
    rec = last;
    location = size - 22;
  } else {
    const start = Math.max(size - 65536 - 22, 0);
    const tail = readExact(ra, start, size - start);
    for (let i = tail.length - 4; i >= 0; i--) {
      if (sigIs(tail, i, 0x06054b50)) {
        if (tail.length - i < 22) return null;
        rec = tail.subarray(i, i + 22);
        location = start + i;
        break;
      }
    }
  }
  if (!rec) return null;
  const end: EndRecord = { dirSize: u32(rec, 12), dirOffset: u32(rec, 16), location, zip64: false };
  // the ZIP64 locator sits right before the record, the ZIP64 record right before that
  if (location >= 20) {
    const loc = readExact(ra, location - 20, 20);
    if (sigIs(loc, 0, 0x07064b50)) {
      if (u32(loc, 4) !== 0 || u32(loc, 16) > 1) throw new BadZipFile("zipfiles that span multiple disks are not supported");
      if (location >= 76) {
        const r64 = readExact(ra, location - 76, 56);
        if (r64.length === 56 && sigIs(r64, 0, 0x06064b50)) {
          end.dirSize = u64(r64, 40);
          end.dirOffset = u64(r64, 48);
          end.zip64 = true;
        }
      }
    }
  }
  return end;
}

/** _RealGetContents: the central directory's entries, in order. */
export function readZipDirectory(ra: RandomAccess): ZipEntry[] {
  const end = endRecord(ra);
  if (!end) throw new BadZipFile("File is not a zip file");
  let concatOffset = end.location - end.dirSize - end.dirOffset;
  if (end.zip64) concatOffset -= 56 + 20;
  const startDir = end.dirOffset + concatOffset;
  if (startDir < 0) throw new BadZipFile("Bad offset for central directory");
  const dir = readExact(ra, startDir, Math.min(end.dirSize, Math.max(0, ra.size - startDir)));
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p < end.dirSize) {
    if (dir.length - p < 46) throw new BadZipFile("Truncated central directory");
    if (!sigIs(dir, p, 0x02014b50)) throw new BadZipFile("Bad magic number for central directory");
    const flags = u16(dir, p + 8);
    const nameLen = u16(dir, p + 28), extraLen = u16(dir, p + 30), commentLen = u16(dir, p + 32);
    const origName = decodeName(dir.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    const extractVersion = u16(dir, p + 6) & 0xff;
    if (extractVersion > 63) throw new ValueError(`zip file version ${(extractVersion / 10).toFixed(1)}`);
    const e: ZipEntry = {
      name: origName.includes("\0") ? origName.slice(0, origName.indexOf("\0")) : origName,
      origName,
      flags,
      method: u16(dir, p + 10),
      crc: u32(dir, p + 16),
      csize: u32(dir, p + 20),
      usize: u32(dir, p + 24),
      headerOffset: u32(dir, p + 42),
    };
    decodeExtra(e, dir.subarray(p + 46 + nameLen, Math.min(dir.length, p + 46 + nameLen + extraLen)));
    e.headerOffset += concatOffset;
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** ZipInfo._decodeExtra: ZIP64 sizes and offset for the fields that say 0xFFFFFFFF. */
function decodeExtra(e: ZipEntry, extra: Uint8Array): void {
  let x = extra;
  while (x.length >= 4) {
    const tp = u16(x, 0), ln = u16(x, 2);
    if (ln + 4 > x.length) throw new BadZipFile(`Corrupt extra field ${tp.toString(16).padStart(4, "0")} (size=${ln})`);
    if (tp === 1) {
      let data = x.subarray(4, ln + 4);
      const take = (field: string): number => {
        if (data.length < 8) throw new BadZipFile(`Corrupt zip64 extra field. ${field} not found.`);
        const v = u64(data, 0);
        data = data.subarray(8);
        return v;
      };
      if (e.usize === 0xffffffff) e.usize = take("File size");
      if (e.csize === 0xffffffff) e.csize = take("Compress size");
      if (e.headerOffset === 0xffffffff) e.headerOffset = take("Header offset");
    }
    x = x.subarray(ln + 4);
  }
}

/**
 * ZipFile.open(entry): checks the local header and returns a reader over the member's
 * uncompressed bytes, and `finish()`, which checks the CRC once every byte has been read (as
 * ZipExtFile does at end of member).
 */
export function openMember(ra: RandomAccess, e: ZipEntry, isFile: boolean): { reader: ByteReader; finish(): void } {
  const fh = readExact(ra, e.headerOffset, 30);
  if (fh.length !== 30) throw new BadZipFile("Truncated file header");
  if (!sigIs(fh, 0, 0x04034b50)) throw new BadZipFile("Bad magic number for file header");
  const nameLen = u16(fh, 26), extraLen = u16(fh, 28);
  const fname = readExact(ra, e.headerOffset + 30, nameLen);
  if (e.flags & 0x20) throw new ValueError("compressed patched data (flag bit 5)");
  if (e.flags & 0x40) throw new ValueError("strong encryption (flag bit 6)");
  const fnameStr = decodeName(fname, (e.flags & 0x800) !== 0);
  if (fnameStr !== e.origName) {
    throw new BadZipFile(`File name in directory ${reprStr(e.origName)} and header ${reprBytes(fname)} differ.`);
  }
  if (e.flags & 0x1) throw new ValueError(`File ${reprStr(e.name)} is encrypted, password required for extraction`);
  const start = e.headerOffset + 30 + nameLen + extraLen;
  let inner: ByteReader;
  if (e.method === 0) {
    inner = new WindowReader(ra, start, start + Math.min(e.csize, e.usize), isFile);
  } else if (e.method === 8) {
    const comp = readExact(ra, start, Math.max(0, Math.min(e.csize, ra.size - start)));
    let out: Uint8Array;
    try {
      // never more than the member claims: zipfile stops reading there too
      out = zlib.inflateRawSync(comp, { maxOutputLength: Math.max(1, e.usize), finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch (err) {
      throw new BadZipFile(`Error while decompressing ${reprStr(e.name)}: ${(err as Error).message}`);
    }
    inner = new WindowReader(new MemoryAccess(out.subarray(0, e.usize)), 0, Math.min(out.length, e.usize), false);
  } else {
    throw new ValueError("That compression method is not supported");
  }
  const reader = new CrcReader(inner, crc32);
  return {
    reader,
    finish() {
      if (reader.count === e.usize && reader.crc !== e.crc) throw new BadZipFile(`Bad CRC-32 for file ${reprStr(e.name)}`);
    },
  };
}
