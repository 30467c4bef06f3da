/** @file IEEE binary16 (NumPy's float16): bits <-> double conversions with NumPy's rounding and NaN handling. */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // [low word, high word]: little-endian, as every JS host is

/**
 * Every half's value as a double, indexed by its bits: exact, so a kernel's load is one table read.
 * NaNs keep their payload shifted into the double's top mantissa bits, as NumPy's npy_halfbits_to_doublebits.
 */
export const H16: Float64Array = (() => {
  const t = new Float64Array(65536);
  const w = new Uint32Array(t.buffer);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const e = (h >>> 10) & 0x1f, m = h & 0x3ff;
    if (e === 0x1f) {
      if (m === 0) t[h] = sign * Infinity;
      else {
        w[2 * h] = 0;
        w[2 * h + 1] = ((h & 0x8000) << 16) | 0x7ff00000 | (m << 10);
      }
    } else if (e === 0) t[h] = sign * m * 2 ** -24;
    else t[h] = sign * (1024 + m) * 2 ** (e - 25);
  }
  return t;
})();

/** Round half to even of a non-negative double below 2**52. */
function rintPos(q: number): number {
  const r = Math.floor(q);
  const d = q - r;
  return d > 0.5 || (d === 0.5 && r % 2 !== 0) ? r + 1 : r;
}

/**
 * A double's nearest half, as bits (NumPy's npy_double_to_half): round to nearest even once from the
 * double, subnormals included; past the largest half (65504) values from 65520 up become inf; NaN keeps
 * its sign and top payload bits (quiet NaN 0x7e00).
 */
export function d2h(x: number): number {
  f64[0] = x;
  const hi = u32[1];
  const sign = (hi >>> 16) & 0x8000;
  const e = (hi >>> 20) & 0x7ff;
  if (e === 0x7ff) {
    if ((hi & 0xfffff) === 0 && u32[0] === 0) return sign | 0x7c00;
    const m = (hi & 0xfffff) >>> 10;
    return sign | 0x7c00 | (m === 0 ? 1 : m);
  }
  const a = x < 0 ? -x : x;
  if (a >= 65520) return sign | 0x7c00;
  // below 2**-14 the half is subnormal: its units are 2**-24 (scaling by a power of two is exact)
  if (e < 1023 - 14) return sign | rintPos(a * 16777216);
  // normal: the 11-bit significand a / 2**(exp-10) rounded; a carry into 2048 bumps the exponent
  const exp = e - 1023;
  const q = rintPos(a * 2 ** (10 - exp));
  return sign | (((exp + 15) << 10) + (q - 1024));
}

/** The double value of the half nearest to `x` (what storing `x` into float16 keeps). */
export function fround16(x: number): number {
  return H16[d2h(x)];
}

/** The half value of bits `h`. */
export function h2d(h: number): number {
  return H16[h & 0xffff];
}

/** C's nextafter in half precision (NumPy's npy_half_nextafter), on half values given as doubles. */
export function nextafter16(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  let h = d2h(x);
  if (x === 0) h = (y < 0 ? 0x8000 : 0) | 1;
  else if ((x < y) === (x > 0)) h += 1;
  else h -= 1;
  return H16[h];
}
