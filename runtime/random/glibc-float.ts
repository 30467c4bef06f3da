/** @file glibc 2.36's expf, logf, powf (their __*_fma variants, which x86-64 selects on CPUs with FMA and AVX2) and log1pf (one baseline SSE build) as NumPy's float32 distributions call them, bit for bit: the first three in doubles with the fused multiply-adds emulated, log1pf in float arithmetic. */
import { fmaExact, SPLIT } from "./fma.js";

const f32 = Math.fround;
const FB = new Float32Array(1);
const UB = new Uint32Array(FB.buffer);
const asFloat = (u: number): number => ((UB[0] = u), FB[0]);
const asUint = (x: number): number => ((FB[0] = x), UB[0]);

/** Veltkamp halves: a float times the high half (26 bits) is exact, times the low half (27 bits) too. */
function splitHi(v: number): number {
  const t = SPLIT * v;
  return t - (t - v);
}

// ---- exp2f data (__exp2f_data, shared by expf and powf) ----------------------------------------

/** 2**(j/32): glibc stores these with j << 47 subtracted from the bits, the exponent added back at run time. */
const EXP2_TAB = Float64Array.of(
  1.0, 1.0218971486541166, 1.0442737824274138, 1.0671404006768237, 1.0905077326652577, 1.1143867425958924,
  1.1387886347566916, 1.1637248587775775, 1.189207115002721, 1.215247359980469, 1.241857812073484, 1.2690509571917332,
  1.2968395546510096, 1.3252366431597413, 1.3542555469368927, 1.383909881963832, 1.4142135623730951, 1.4451808069770467,
  1.4768261459394993, 1.5091644275934228, 1.5422108254079407, 1.5759808451078865, 1.6104903319492543, 1.645755478153965,
  1.681792830507429, 1.718619298122478, 1.7562521603732995, 1.7947090750031072, 1.8340080864093424, 1.8741676341103,
  1.9152065613971474, 1.9571441241754002,
);
/** 2**e for e in [-160, 159], indexed by e + 160: a table, as `2 ** e` is a slow call in V8 */
const POW2 = Float64Array.from({ length: 320 }, (_, i) => 2 ** (i - 160));
/** 2**(k/32) exactly, k in [-32*151, 32*129]: every such power is a normal double. */
function scale32(k: number): number {
  return EXP2_TAB[k & 31] * POW2[(k >> 5) + 160];
}

// expf: x*32/ln2 = k + r, exp(x) ~ 2**(k/32) (C0 r^3 + C1 r^2 + C2 r + 1)
const INVLN2N = 46.16624130844683; // 0x1.71547652b82fep+5
const INVLN2N_H = splitHi(INVLN2N), INVLN2N_L = INVLN2N - INVLN2N_H;
const SHIFT52 = 6755399441055744.0; // 0x1.8p52: adding it rounds to an integer
const EC0 = 1.6938359250920212e-6, EC1 = 0.00023459809789509004, EC2 = 0.021660849396613134;
// powf's exp2 on unscaled input: 2**r ~ P0 r^3 + P1 r^2 + P2 r + 1 for |r| <= 1/64
const SHIFT47 = 211106232532992.0; // 0x1.8p47: rounds to a multiple of 1/32
const PC0 = 0.05550361559341535, PC1 = 0.2402284522445722, PC2 = 0.6931471806916203;

/** 2**-48: relative slack covering the gap between unfused and fused evaluation (a few 2**-53) with room to spare */
const SLACK = 3.552713678800501e-15;

/**
 * expf. |x| >= 88 is sorted out first (inf, 0, and 2**-149 where glibc's errno path returns it).
 * kd and r come out as glibc's fused ones: k = rint(x * InvLn2N) from the double product (only a
 * product landing on a half-integer could round differently, and then the fused path decides), and
 * r = x*InvLn2N - k rounded once (x has 24 bits, so x*H and x*L are exact and x*H - k is exact).
 * The cubic, unfused, is within SLACK of glibc's; when that whole interval rounds to one float, it
 * is glibc's float.
 */
export function expf(x: number): number {
  const ix = asUint(x);
  const abstop = (ix >>> 20) & 0x7ff;
  if (abstop >= 0x42b) {
    if (ix === 0xff800000) return 0;
    if (abstop >= 0x7f8) return x + x;
    if (x > 88.72283172607422) return Infinity; // 0x1.62e42ep6f
    if (x < -103.97207641601562) return 0; // -0x1.9fe368p6f
    if (x < -103.27892303466797) return 1.401298464324817e-45; // -0x1.9d1d9ep6f: __math_may_uflowf
  }
  const z = x * INVLN2N;
  const kd = (z + SHIFT52) - SHIFT52;
  if (Math.abs(z - kd) === 0.5) return expfFused(x);
  const r = (x * INVLN2N_H - kd) + x * INVLN2N_L;
  const y = ((EC0 * r + EC1) * (r * r) + (EC2 * r + 1)) * scale32(kd);
  const lo = f32(y * (1 - SLACK));
  return lo === f32(y * (1 + SLACK)) ? lo : expfFused(x);
}

/** __expf_fma's main path as objdump shows it, every contraction an exact fma. */
function expfFused(x: number): number {
  const kd = fmaExact(INVLN2N, x, SHIFT52) - SHIFT52;
  const r = fmaExact(INVLN2N, x, -kd);
  const zz = fmaExact(EC0, r, EC1);
  const y = fmaExact(zz, r * r, fmaExact(EC2, r, 1));
  return f32(y * scale32(kd));
}

// ---- logf / powf's log2 (__logf_data, __powf_log2_data) ----------------------------------------

const OFF = 0x3f330000;
/** invc ~ 1/c for c near the centre of each of 16 subintervals of [OFF, 2*OFF); the same for logf and powf */
const INVC = Float64Array.of(
  1.398907162146528, 1.3403141896637998, 1.286432210124115, 1.2367150214269895, 1.1906977166711752, 1.1479821020556429,
  1.1082251448272158, 1.0711297413057381, 1.036437278977283, 1.0, 0.9492859795739057, 0.8951049428609004,
  0.8476821620351103, 0.8050314851692001, 0.7664671008843108, 0.731428603316328,
);
const INVC_H = INVC.map(splitHi), INVC_L = INVC.map((v, i) => v - INVC_H[i]);
const LOGC = Float64Array.of(
  -0.33569133332882284, -0.2929040563774074, -0.2518726580937369, -0.21245868807117255, -0.17453945183745634,
  -0.1380057072319758, -0.10275976698545139, -0.06871392447020525, -0.0357891387398228, 0.0, 0.05204517742929496,
  0.11081431298787942, 0.1652495223695143, 0.21687389031699977, 0.2659635028121397, 0.3127556664073557,
);
const LOG2C = Float64Array.of(
  -0.48430022186289673, -0.42257122959194704, -0.3633754347673556, -0.30651309567405577, -0.25180720160537634,
  -0.19910014943794563, -0.14825100623281615, -0.09913323807318392, -0.051632812977629436, 0.0, 0.07508531937943004,
  0.15987125980713107, 0.2384046664317681, 0.31288288605863257, 0.38370422656453185, 0.451211048935815,
);
const LN2 = 0.6931471805599453;
// logf: log1p(r) ~ r + LA2 r^2 + LA1 r^3 + LA0 r^4
const LA0 = -0.25089342214237154, LA1 = 0.333456765744066, LA2 = -0.4999997485802103;
// powf: log1p(r)/ln2 ~ A4 r + A3 r^2 + A2 r^3 + A1 r^4 + A0 r^5
const A0 = 0.288457581109214, A1 = -0.36092606229713164, A2 = 0.480898481472577, A3 = -0.7213474675006291;
const A4 = 1.4426950408774342;

/**
 * z * invc[i] - 1 rounded once, as glibc's fma: z (a float) times each half is exact, and
 * z*H - 1 is exact since z*H lies within [0.5, 2].
 */
function reduce(z: number, i: number): number {
  return (z * INVC_H[i] - 1) + z * INVC_L[i];
}

/**
 * logf. y0 = k ln2 + logc and the quartic, unfused, are within 2**-50 (|k| ln2 + |logc| + |r|) of
 * glibc's fused values; d is four times that, and an interval that rounds to one float is glibc's.
 */
export function logf(x: number): number {
  let ix = asUint(x);
  if (ix === 0x3f800000) return 0;
  if (ix - 0x00800000 >= 0x7f000000 || ix < 0x00800000) {
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix >= 0x7f800001) return NaN; // negative, or NaN
    ix = asUint(f32(x * 8388608)) - (23 << 23); // subnormal: normalise, exponent goes below the normal range
  }
  const tmp = (ix - OFF) | 0;
  const i = (tmp >>> 19) & 15;
  const k = tmp >> 23;
  const z = asFloat((ix - (tmp & 0xff800000)) >>> 0);
  const r = reduce(z, i);
  const logc = LOGC[i];
  const y0 = logc + k * LN2;
  const r2 = r * r;
  const y = ((LA1 * r + LA2) + LA0 * r2) * r2 + (r + y0);
  const d = (Math.abs(k) * LN2 + Math.abs(logc) + Math.abs(r)) * SLACK;
  const lo = f32(y - d);
  if (lo === f32(y + d)) return lo;
  const p = fmaExact(r2, LA0, fmaExact(r, LA1, LA2));
  return f32(fmaExact(r2, p, r + fmaExact(k, LN2, logc)));
}

/** 0 if iy (a nonzero finite float's bits) is not an integer, 1 if odd, 2 if even. */
function checkint(iy: number): number {
  const e = (iy >>> 23) & 0xff;
  if (e < 0x7f) return 0;
  if (e > 0x7f + 23) return 2;
  if (iy & ((1 << (0x7f + 23 - e)) - 1)) return 0;
  if (iy & (1 << (0x7f + 23 - e))) return 1;
  return 2;
}

const zeroinfnan = (ix: number): boolean => ((ix * 2 - 1) >>> 0) >= 0xfeffffff;

const OFLOW = 127.99999995700433; // 0x1.fffffffd1d571p+6: above it |x^y| rounds past FLT_MAX
const TINY = 1.401298464324817e-45;

/**
 * powf. Special cases as glibc's; then log2(x) (unfused, within e of the fused value, r itself
 * exact), y*log2(x) within E, and exp2: when ylogx +- E fall in one branch and one 1/32 cell,
 * the unfused exp2 is within about ln2 E + 2**-50 of glibc's, relative; an interval that wide
 * rounding to one float is glibc's float. Anything closer runs glibc's fused arithmetic.
 */
export function powf(x: number, y: number): number {
  let ix = asUint(x);
  const iy = asUint(y);
  let sign = 0;
  if (ix - 0x00800000 >= 0x7f000000 || ix < 0x00800000 || zeroinfnan(iy)) {
    if (zeroinfnan(iy)) {
      if ((iy & 0x7fffffff) === 0) return 1;
      if (ix === 0x3f800000) return 1;
      if ((ix & 0x7fffffff) > 0x7f800000 || (iy & 0x7fffffff) > 0x7f800000) return x + y;
      if ((ix & 0x7fffffff) === 0x3f800000) return 1;
      if ((ix & 0x7fffffff) < 0x3f800000 === !(iy & 0x80000000)) return 0;
      return y * y;
    }
    if (zeroinfnan(ix)) {
      let x2 = f32(x * x);
      if (ix & 0x80000000 && checkint(iy) === 1) x2 = -x2;
      return iy & 0x80000000 ? f32(1 / x2) : x2; // 1/±0 is glibc's divide-by-zero ±inf
    }
    if (ix & 0x80000000) {
      const yint = checkint(iy);
      if (yint === 0) return NaN;
      if (yint === 1) sign = 1;
      ix &= 0x7fffffff;
    }
    if (ix < 0x00800000) ix = ((asUint(f32(x * 8388608)) & 0x7fffffff) - (23 << 23)) >>> 0;
  }
  const tmp = (ix - OFF) | 0;
  const i = (tmp >>> 19) & 15;
  const top = tmp & 0xff800000;
  const k = top >> 23;
  const z = asFloat((ix - top) >>> 0);
  const r = reduce(z, i);
  const y0 = LOG2C[i] + k;
  const r2 = r * r, r4 = r2 * r2;
  const logx = (A0 * r + A1) * r4 + ((A2 * r + A3) * r2 + (A4 * r + y0));
  const yd = y * logx;
  const E = Math.abs(y) * (Math.abs(y0) + 0.1) * SLACK + Math.abs(yd) * 4.440892098500626e-16;
  if (yd + E < OFLOW && yd - E > -149) {
    const kd = (yd + SHIFT47) - SHIFT47;
    if ((yd - E + SHIFT47) - SHIFT47 === kd && (yd + E + SHIFT47) - SHIFT47 === kd) {
      const rr = yd - kd;
      const v = ((PC0 * rr + PC1) * (rr * rr) + (PC2 * rr + 1)) * scale32(kd * 32);
      const dl = E + SLACK;
      const lo = f32(v * (1 - dl));
      if (lo === f32(v * (1 + dl))) return sign ? -lo : lo;
    }
  } else if (yd - E > OFLOW) return sign ? -Infinity : Infinity;
  else if (yd + E <= -150) return sign ? -0 : 0;
  return powfFused(r, y0, y, sign);
}

/** __powf_fma from the reduced argument on, as objdump shows it: log2_inline's five fmas, the range checks on the fused y*log2(x), exp2_inline's three. */
function powfFused(r: number, y0: number, y: number, sign: number): number {
  const r2 = r * r;
  const q = fmaExact(fmaExact(A2, r, A3), r2, fmaExact(A4, r, y0));
  const logx = fmaExact(fmaExact(A0, r, A1), r2 * r2, q);
  const yd = y * logx;
  if (Math.abs(yd) >= 126) {
    if (yd > OFLOW) return sign ? -Infinity : Infinity;
    if (yd <= -150) return sign ? -0 : 0;
    if (yd < -149) return sign ? -TINY : TINY;
  }
  const kd = (yd + SHIFT47) - SHIFT47;
  const rr = yd - kd;
  const p = fmaExact(fmaExact(PC0, rr, PC1), rr * rr, fmaExact(PC2, rr, 1));
  const v = f32(p * scale32(kd * 32));
  return sign ? -v : v;
}

// ---- log1pf (fdlibm's s_log1pf.c, float arithmetic, no FMA in this build) ----------------------

const LN2_HI = 0.6931381225585938; // 0x3f317180
const LN2_LO = 9.05800061445916e-6; // 0x3717f7d1
const LP1 = 0.6666666865348816, LP2 = 0.4000000059604645, LP3 = 0.2857142984867096, LP4 = 0.2222219854593277;
const LP5 = 0.18183572590351105, LP6 = 0.15313838422298431, LP7 = 0.14798198640346527;

/**
 * log1pf, each float operation rounded with Math.fround: a double holds the exact result of a float
 * +, -, *, / before its one rounding to float, or close enough (53 >= 2*24 + 2) that rounding
 * twice gives the float result.
 */
export function log1pf(x: number): number {
  const hx = asUint(x) | 0;
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3ed413d7) {
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x31000000) {
      if (ax < 0x24800000) return x;
      return f32(x - f32(f32(x * x) * 0.5));
    }
    if (hx > 0 || hx <= (0xbe95f61f | 0)) {
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7f800000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x5a000000) {
      u = f32(1 + x);
      hu = asUint(u);
      k = (hu >> 23) - 127;
      c = k > 0 ? f32(1 - f32(u - x)) : f32(x - f32(u - 1));
      c = f32(c / u);
    } else {
      u = x;
      hu = asUint(u);
      k = (hu >> 23) - 127;
      c = 0;
    }
    hu &= 0x007fffff;
    if (hu < 0x3504f7) {
      u = asFloat(hu | 0x3f800000);
    } else {
      k += 1;
      u = asFloat(hu | 0x3f000000);
      hu = (0x00800000 - hu) >> 2;
    }
    f = f32(u - 1);
  }
  const hfsq = f32(f32(0.5 * f) * f);
  if (hu === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      return f32(f32(f32(k * LN2_LO) + c) + f32(k * LN2_HI));
    }
    const R = f32(hfsq * f32(1 - f32(LP1 * f)));
    if (k === 0) return f32(f - R);
    return f32(f32(k * LN2_HI) - f32(f32(R - f32(f32(k * LN2_LO) + c)) - f));
  }
  const s = f32(f / f32(2 + f));
  const zz = f32(s * s);
  let R = f32(zz * LP7);
  R = f32(zz * f32(LP6 + R));
  R = f32(zz * f32(LP5 + R));
  R = f32(zz * f32(LP4 + R));
  R = f32(zz * f32(LP3 + R));
  R = f32(zz * f32(LP2 + R));
  R = f32(zz * f32(LP1 + R));
  const sr = f32(s * f32(hfsq + R));
  if (k === 0) return f32(f - f32(hfsq - sr));
  return f32(f32(k * LN2_HI) - f32(f32(hfsq - f32(f32(f32(k * LN2_LO) + c) + sr)) - f));
}

/** log1pf(-u) for a float u in [0, 1): the float ziggurat tails' npy_log1pf(-next_float). */
export function log1pfNeg(u: number): number {
  return log1pf(-u);
}
