/** @file 64-bit unsigned arithmetic on 32-bit halves for the bit generators' hot loops (no BigInt, no allocation), plus BigInt helpers for their state dicts. */

/** floor(a * b / 2**32) for uint32 a, b: both split products stay below 2**48, so doubles are exact. */
export function mulhi32(a: number, b: number): number {
  const aH = a >>> 16, aL = a & 0xffff;
  const t = aL * b;
  const u = aH * b;
  // floor and multiply, not %: a double % is a slow fmod call
  const uH = Math.floor(u * (1 / 65536));
  return uH + Math.floor(((u - uH * 65536) * 65536 + t) * (1 / 4294967296));
}

export const MASK64 = (1n << 64n) - 1n;

/** A bigint (mod 2**64) as [hi, lo] uint32 halves. */
export function split64(v: bigint): [number, number] {
  v &= MASK64;
  return [Number(v >> 32n), Number(v & 0xffffffffn)];
}

export const join64 = (hi: number, lo: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
