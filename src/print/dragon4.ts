/** @file Exact decimal digit generation for float16/float32/float64 (NumPy's Dragon4 semantics) with BigInt arithmetic, plus positional/scientific layout. */
import { d2h } from "../../runtime/half.js";

/**
 * Trim modes, as NumPy names them: 'k' keep everything, '.' drop trailing zeros but keep the
 * point, '0' drop trailing zeros but leave one after the point, '-' drop zeros and the point.
 */
export type TrimMode = "k" | "." | "0" | "-";

export interface Dragon4Options {
  /** true: shortest digits that round-trip (optionally bounded by precision/minDigits); false: exact digits. */
  unique: boolean;
  /** -1 for none. Fraction digits (positional) or digits after the first (scientific). */
  precision: number;
  /** -1 for none. Only meaningful with unique: print at least this many digits, exactly rounded. */
  minDigits: number;
  /** print '+' for non-negative values */
  sign: boolean;
  trim: TrimMode;
  /** -1 for none: minimum characters left of the point (sign included). */
  padLeft: number;
  /** -1 for none: minimum characters right of the point (positional only). */
  padRight: number;
  /** -1 for the default of two: minimum exponent digits (scientific only). */
  expDigits: number;
}

/** A decimal result: value = c * 10^q. */
interface Decimal { c: bigint; q: number }

/** Binary decomposition: |x| = m * 2^e, with the margins to its neighbours in the float format. */
interface Binary { m: bigint; e: number; unequal: boolean; even: boolean }

const view = new DataView(new ArrayBuffer(8));

/** The binary format a value is printed for: its neighbours (and so its shortest digits) depend on it. */
export type FloatBits = 16 | 32 | 64;

function decompose(x: number, fb: FloatBits): Binary {
  let m: number, e: number, biased: number, frac: number;
  if (fb === 16) {
    const h = d2h(x);
    biased = (h >>> 10) & 0x1f;
    frac = h & 0x3ff;
    if (biased === 0) { m = frac; e = -24; } else { m = frac + 0x400; e = biased - 25; }
  } else if (fb === 32) {
    view.setFloat32(0, x);
    const bits = view.getUint32(0);
    biased = (bits >>> 23) & 0xff;
    frac = bits & 0x7fffff;
    if (biased === 0) { m = frac; e = -149; } else { m = frac + 0x800000; e = biased - 150; }
  } else {
    view.setFloat64(0, x);
    const hi = view.getUint32(0), lo = view.getUint32(4);
    biased = (hi >>> 20) & 0x7ff;
    frac = (hi & 0xfffff) * 4294967296 + lo;
    if (biased === 0) { m = frac; e = -1074; } else { m = frac + 4503599627370496; e = biased - 1075; }
  }
  // Right above a power of two the gap below is half the gap above, so the low margin halves.
  return { m: BigInt(m), e, unequal: biased > 1 && frac === 0, even: m % 2 === 0 };
}

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 400) return (pow10Cache[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

/**
 * Values are handled in units of 2^(e-2) so both margins are integers: value V = 4m, low margin
 * 1 or 2 units, high margin 2 units. For a decimal position q, value/10^q = V * num / den.
 */
function scaleAt(b: Binary, q: number): { num: bigint; den: bigint } {
  const s = b.e - 2;
  let num = s > 0 ? 1n << BigInt(s) : 1n;
  let den = s < 0 ? 1n << BigInt(-s) : 1n;
  if (q < 0) num *= pow10(-q); else den *= pow10(q);
  return { num, den };
}

/** Exponent of the leading decimal digit of a positive value. */
function leadingExponent(x: number, b: Binary): number {
  let k = Math.floor(Math.log10(x));
  const V = b.m * 4n;
  for (;;) {
    const { num, den } = scaleAt(b, k);
    const c = (V * num) / den;
    if (c < 1n) k--;
    else if (c >= 10n) k++;
    else return k;
  }
}

/** The exact value rounded to a multiple of 10^q, ties to the even digit as IEEE rounding does. */
function roundAt(b: Binary, q: number): Decimal {
  const { num, den } = scaleAt(b, q);
  const t = b.m * 4n * num;
  let c = t / den;
  const twice = 2n * (t - c * den);
  if (twice > den || (twice === den && (c & 1n) === 1n)) c += 1n;
  return { c, q };
}

/** Shortest digits identifying the value among its float neighbours; the closest such when two qualify. */
function shortest(b: Binary, k: number): Decimal {
  const V = b.m * 4n;
  const lo = V - (b.unequal ? 1n : 2n);
  const hi = V + 2n;
  for (let q = k; ; q--) {
    const { num, den } = scaleAt(b, q);
    const t = V * num;
    const c0 = t / den;
    const c1 = c0 + 1n;
    // Round-half-even conversion maps the interval ends back to the value only for even mantissas.
    const dLo = c0 * den - lo * num;
    const dHi = hi * num - c1 * den;
    const okLo = b.even ? dLo >= 0n : dLo > 0n;
    const okHi = b.even ? dHi >= 0n : dHi > 0n;
    if (!okLo && !okHi) continue;
    let c: bigint;
    if (okLo && okHi) {
      const cmp = 2n * t - (2n * c0 + 1n) * den;
      c = cmp < 0n ? c0 : cmp > 0n ? c1 : (c0 & 1n) === 0n ? c0 : c1;
    } else c = okLo ? c0 : c1;
    let qq = q;
    while (c !== 0n && c % 10n === 0n) { c /= 10n; qq++; }
    return { c, q: qq };
  }
}

/**
 * Digits of |x| with NumPy's stopping rule: in unique mode digit generation ends at the first
 * position that both identifies the value and reaches minCut, or at maxCut; wherever it ends
 * short of the shortest form the exact value is rounded there.
 */
function digits(x: number, fb: FloatBits, unique: boolean, maxCut: number, minCut: number): { d: Decimal; k: number } {
  const b = decompose(x, fb);
  if (b.m === 0n) {
    // Zero has a single digit, extended with zeros down to whichever cutoff applies.
    return { d: { c: 0n, q: Math.min(Math.max(Math.min(0, minCut), maxCut), 0) }, k: 0 };
  }
  const k = leadingExponent(x, b);
  if (!unique) return { d: roundAt(b, maxCut), k };
  const s = shortest(b, k);
  const stop = Math.max(Math.min(s.q, minCut), maxCut);
  if (stop === s.q) return { d: s, k };
  return { d: roundAt(b, stop), k };
}

function applyTrim(frac: string, o: Dragon4Options): { frac: string; point: boolean } {
  let point = !(o.trim === "-" && frac.length === 0);
  if (o.trim === "0" && frac.length === 0) frac = "0";
  else if (o.trim === "k" && !o.unique && o.precision > frac.length) frac = frac.padEnd(o.precision, "0");
  if (o.precision >= 0 && o.trim !== "k" && frac.length > 0) {
    frac = frac.replace(/0+$/, "");
    if (frac.length === 0) {
      if (o.trim === "0") frac = "0";
      else if (o.trim === "-") point = false;
    }
  }
  return { frac, point };
}

function signOf(x: number, o: Dragon4Options): string {
  return x < 0 || Object.is(x, -0) ? "-" : o.sign ? "+" : "";
}

/** NumPy's dragon4_positional for a finite x, with fractional cutoffs. */
export function formatPositional(x: number, fb: FloatBits, o: Dragon4Options): string {
  const maxCut = o.precision >= 0 ? -o.precision : -Infinity;
  const minCut = o.minDigits >= 0 ? -o.minDigits : Infinity;
  const { d } = digits(Math.abs(x), fb, o.unique, maxCut, minCut);
  const ds = d.c.toString();
  let whole: string, frac: string;
  if (d.q >= 0) {
    whole = d.c === 0n ? "0" : ds + "0".repeat(d.q);
    frac = "";
  } else {
    const n = -d.q;
    if (ds.length <= n) { whole = "0"; frac = ds.padStart(n, "0"); }
    else { whole = ds.slice(0, ds.length - n); frac = ds.slice(ds.length - n); }
  }
  const sign = signOf(x, o);
  const t = applyTrim(frac, o);
  let out = sign + whole + (t.point ? "." : "") + t.frac;
  if (o.padRight >= t.frac.length) {
    if (o.trim === "-" && t.frac.length === 0) out += " ";
    out += " ".repeat(o.padRight - t.frac.length);
  }
  const left = whole.length + sign.length;
  if (o.padLeft > left) out = " ".repeat(o.padLeft - left) + out;
  return out;
}

/** NumPy's dragon4_scientific for a finite x; precision counts digits after the leading one. */
export function formatScientific(x: number, fb: FloatBits, o: Dragon4Options): string {
  const ax = Math.abs(x);
  let k = 0;
  if (ax !== 0) k = leadingExponent(ax, decompose(ax, fb));
  const maxCut = o.precision >= 0 ? k - o.precision : -Infinity;
  const minCut = o.minDigits >= 0 ? k - o.minDigits : Infinity;
  const { d } = digits(ax, fb, o.unique, maxCut, minCut);
  let ds = d.c.toString();
  let exp: number;
  if (d.c === 0n) {
    exp = 0;
    ds = ds.padEnd(1 - d.q, "0");
  } else {
    exp = ds.length - 1 + d.q;
    // A carry out of the leading digit (9.99 -> 10.0) must not add a digit.
    const want = k - d.q + 1;
    if (exp > k && ds.length > want) ds = ds.slice(0, Math.max(want, 1));
  }
  const sign = signOf(x, o);
  const t = applyTrim(ds.slice(1), o);
  let out = sign + ds[0] + (t.point ? "." : "") + t.frac;
  const ed = o.expDigits < 0 ? 2 : o.expDigits;
  out += "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(ed, "0");
  if (o.padLeft > 1 + sign.length) out = " ".repeat(o.padLeft - 1 - sign.length) + out;
  return out;
}
