/** @file Byte-level helpers for the file formats: byte order swaps and bool normalization, in place. */
import { StructDType, SubarrayDType, type DType } from "../dtype.js";

/** Reverses the bytes of each `width`-byte unit of `bytes` (length a multiple of `width`). */
export function swapUnits(bytes: Uint8Array, width: number): void {
  if (width <= 1 || bytes.length === 0) return;
  // Buffer's swaps are native code; a Buffer over the same memory shares it
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (width === 2) b.swap16();
  else if (width === 4) b.swap32();
  else if (width === 8) b.swap64();
  else {
    for (let o = 0; o < bytes.length; o += width) bytes.subarray(o, o + width).reverse();
  }
}

/** The unit a dtype's byte order applies to: the element, each half of a complex, or each code point of a string. */
export const swapWidth = (dt: DType): number => (dt.kind === "c" ? dt.itemsize / 2 : (dt.kind as string) === "U" ? 4 : dt.itemsize);

/**
 * The numbers in one element of `dt` whose bytes a byte swap reverses, as [byte offset, width]:
 * every field of a record (padding stays), each code point of a string, each part of a complex.
 */
export function swappedParts(dt: DType): [number, number][] {
  if (dt instanceof StructDType) return dt.structFields.flatMap((f) => swappedParts(f.dtype).map(([o, w]): [number, number] => [o + f.offset, w]));
  if (dt instanceof SubarrayDType) {
    const inner = swappedParts(dt.subBase), step = dt.subBase.itemsize;
    return Array.from({ length: dt.itemsize / (step || 1) }, (_, i) => inner.map(([o, w]): [number, number] => [o + i * step, w])).flat();
  }
  const w = swapWidth(dt);
  return w <= 1 ? [] : Array.from({ length: dt.itemsize / w }, (_, i): [number, number] => [i * w, w]);
}

/** Every element of a contiguous byte range of `dt` byte-swapped, as NumPy's byteswap (records field by field). */
export function byteswapBytes(bytes: Uint8Array, dt: DType): void {
  if (!(dt instanceof StructDType || dt instanceof SubarrayDType)) return swapUnits(bytes, swapWidth(dt));
  const parts = swappedParts(dt), size = dt.itemsize;
  for (let r = 0; r + size <= bytes.length; r += size) {
    for (const [o, w] of parts) bytes.subarray(r + o, r + o + w).reverse();
  }
}

/**
 * Bools are 0/1 bytes in numfuse's kernels; data from outside (a file NumPy did not write) may
 * hold other nonzero bytes, which NumPy reads as True: store them as 1.
 */
export function normalizeBools(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 1) bytes[i] = 1;
}
