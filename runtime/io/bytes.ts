/** @file Byte-level helpers for the file formats: byte order swaps and bool normalization, in place. */
import type { DType } from "../dtype.js";

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

/** Every element of a contiguous byte range of `dt` byte-swapped, as NumPy's byteswap. */
export function byteswapBytes(bytes: Uint8Array, dt: DType): void {
  swapUnits(bytes, swapWidth(dt));
}

/**
 * Bools are 0/1 bytes in numfuse's kernels; data from outside (a file NumPy did not write) may
 * hold other nonzero bytes, which NumPy reads as True: store them as 1.
 */
export function normalizeBools(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 1) bytes[i] = 1;
}
