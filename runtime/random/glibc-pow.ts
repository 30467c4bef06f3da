/** @file glibc 2.36's pow as x86-64 runs it on CPUs with FMA and AVX2 (the __pow_fma variant NumPy's gamma, beta, weibull, power... call), bit for bit in plain doubles: an unfused fast path with an error bound, glibc's fused evaluation (fma.ts) when the rounding is in doubt. */
import { EXP_T2 as T2, EXP_TAIL as TAIL } from "./glibc-exp.js";
import { fmaExact, SPLIT } from "./fma.js";

// glibc's __pow_log_data (sysdeps/ieee754/dbl-64/e_pow_log_data.c), N = 128: for z in subinterval i of
// [0x1.6955p-1, 0x1.6955p0), invc = 1/c has few bits (so z * invc - 1 is exact) and logc + logctail ~ log(c)
const INVC = Float64Array.of(
  1.4140625, 1.40625, 1.3984375, 1.390625,
  1.3828125, 1.375, 1.3671875, 1.359375,
  1.3515625, 1.34375, 1.3359375, 1.3359375,
  1.328125, 1.3203125, 1.3125, 1.3046875,
  1.296875, 1.2890625, 1.2890625, 1.28125,
  1.2734375, 1.265625, 1.2578125, 1.25,
  1.25, 1.2421875, 1.234375, 1.2265625,
  1.2265625, 1.21875, 1.2109375, 1.203125,
  1.203125, 1.1953125, 1.1875, 1.1875,
  1.1796875, 1.171875, 1.171875, 1.1640625,
  1.15625, 1.1484375, 1.1484375, 1.140625,
  1.140625, 1.1328125, 1.125, 1.125,
  1.1171875, 1.109375, 1.109375, 1.1015625,
  1.1015625, 1.09375, 1.0859375, 1.0859375,
  1.078125, 1.078125, 1.0703125, 1.0625,
  1.0625, 1.0546875, 1.0546875, 1.046875,
  1.046875, 1.0390625, 1.0390625, 1.03125,
  1.03125, 1.0234375, 1.015625, 1.015625,
  1.0078125, 1.0078125, 1.0, 1.0,
  0.9921875, 0.984375, 0.9765625, 0.96875,
  0.9609375, 0.953125, 0.9453125, 0.94140625,
  0.93359375, 0.92578125, 0.91796875, 0.9140625,
  0.90625, 0.8984375, 0.89453125, 0.88671875,
  0.8828125, 0.875, 0.87109375, 0.86328125,
  0.859375, 0.8515625, 0.84765625, 0.83984375,
  0.8359375, 0.83203125, 0.82421875, 0.8203125,
  0.8125, 0.80859375, 0.8046875, 0.80078125,
  0.79296875, 0.7890625, 0.78515625, 0.78125,
  0.7734375, 0.76953125, 0.765625, 0.76171875,
  0.7578125, 0.75390625, 0.74609375, 0.7421875,
  0.73828125, 0.734375, 0.73046875, 0.7265625,
  0.72265625, 0.71875, 0.71484375, 0.7109375,
);
const LOGC = Float64Array.of(
  -0.3464667673462145, -0.34092658697056777, -0.3353555419211034, -0.3297532863724655,
  -0.32411946865420305, -0.31845373111855224, -0.31275571000389846, -0.3070250352949415,
  -0.3012613305781997, -0.2954642128938758, -0.28963329258306203, -0.28963329258306203,
  -0.28376817313062475, -0.27786845100342816, -0.2719337154836694, -0.2659635484970977,
  -0.25995752443691345, -0.25391520998095984, -0.25391520998095984, -0.2478361639045943,
  -0.2417199368871934, -0.23556607131274632, -0.22937410106487732, -0.22314355131425145,
  -0.22314355131425145, -0.21687393830063684, -0.21056476910735, -0.2042155414286526,
  -0.2042155414286526, -0.19782574332987224, -0.19139485299967873, -0.18492233849406148,
  -0.18492233849406148, -0.1784076574728033, -0.17185025692663203, -0.17185025692663203,
  -0.1652495728952772, -0.15860503017665906, -0.15860503017665906, -0.15191604202584585,
  -0.1451820098444614, -0.13840232285906495, -0.13840232285906495, -0.131576357788731,
  -0.131576357788731, -0.12470347850091912, -0.11778303565643, -0.11778303565643,
  -0.11081436634026431, -0.10379679368168127, -0.10379679368168127, -0.09672962645856842,
  -0.09672962645856842, -0.089612158689647, -0.08244366921110213, -0.08244366921110213,
  -0.07522342123763792, -0.07522342123763792, -0.06795066190852594, -0.06062462181648698,
  -0.06062462181648698, -0.053244514518837605, -0.053244514518837605, -0.045809536031242715,
  -0.045809536031242715, -0.038318864302141264, -0.038318864302141264, -0.03077165866670839,
  -0.03077165866670839, -0.023167059281490765, -0.015504186535963527, -0.015504186535963527,
  -0.0077821404420319595, -0.0077821404420319595, 0.0, 0.0,
  0.007843177461040796, 0.01574835696817445, 0.023716526617363343, 0.03174869831457272,
  0.039845908547249564, 0.048009219186383234, 0.056239718322899535, 0.06038051098892083,
  0.06871389254808946, 0.07711730334438016, 0.08559193033545398, 0.08985632912185793,
  0.09844007281321865, 0.10709813555638448, 0.11145544092528326, 0.12022742699821265,
  0.12464244520731427, 0.13353139262449076, 0.13800567301939282, 0.14701474296180095,
  0.15154989812720032, 0.16068238169043525, 0.16528009093906348, 0.17453941635187675,
  0.17920142945774842, 0.18388527877016259, 0.1933193110035063, 0.19806991376208316,
  0.20763936477828793, 0.21245865121420593, 0.21730127569003344, 0.22216746534115828,
  0.2319714654378231, 0.2369097470783572, 0.24187253642048745, 0.2468600779315011,
  0.2569104137850218, 0.26197371574153294, 0.2670627852490952, 0.27217788591576664,
  0.27731928541618345, 0.28248725557466514, 0.29290401643288533, 0.29815337231912054,
  0.3034304294199046, 0.30873548164959175, 0.3140688276249648, 0.31943077076641657,
  0.3248216194012912, 0.33024168687052224, 0.3356912916381134, 0.3411707574027787,
);
const LOGCTAIL = Float64Array.of(
  5.929407345889625e-15, -2.544157440035963e-14, -3.443525940775045e-14, -2.500123826022799e-15,
  -8.929337133850617e-15, 1.7625431312172662e-14, 1.5688303180062087e-15, 2.9655274673691784e-14,
  3.7923164802093147e-14, 3.993416384387844e-14, 1.9352855826489123e-14, 1.9352855826489123e-14,
  -1.9852665484979036e-14, -2.814323765595281e-14, 2.7643769993528702e-14, -4.025092402293806e-14,
  -1.2621729398885316e-14, -3.600176732637335e-15, -3.600176732637335e-15, 1.3029797173308663e-14,
  4.8230289429940886e-14, -2.0592242769647135e-14, 3.149265065191484e-14, 4.169796584527195e-14,
  4.169796584527195e-14, 2.2477465222466186e-14, 3.6507188831790577e-16, -3.827767260205414e-14,
  -3.827767260205414e-14, -4.7641388950792196e-14, 4.9278276214647115e-14, 4.9485167661250996e-14,
  4.9485167661250996e-14, -1.5003333854266542e-14, -2.7194441649495324e-14, -2.7194441649495324e-14,
  -2.99659267292569e-14, 2.0472357800461955e-14, 2.0472357800461955e-14, 3.879296723063646e-15,
  -3.6506824353335045e-14, -5.4183331379008994e-14, -5.4183331379008994e-14, 1.1729485484531301e-14,
  1.1729485484531301e-14, -3.811763084710266e-14, 4.654729747598445e-14, 4.654729747598445e-14,
  -2.5799991283069902e-14, 3.7700471749674615e-14, 3.7700471749674615e-14, 1.7306161136093256e-14,
  1.7306161136093256e-14, -4.012913552726574e-14, 2.7541708360737882e-14, 2.7541708360737882e-14,
  5.0396178134370583e-14, 5.0396178134370583e-14, 1.8195060030168815e-14, 5.213620639136504e-14,
  5.213620639136504e-14, 2.532168943117445e-14, 2.532168943117445e-14, -5.148849572685811e-14,
  -5.148849572685811e-14, 4.6652946995830086e-15, 4.6652946995830086e-15, -4.529814257790929e-14,
  -4.529814257790929e-14, -4.361324067851568e-14, -1.7274567499706107e-15, -1.7274567499706107e-15,
  -2.298941004620351e-14, -2.298941004620351e-14, 0.0, 0.0,
  -1.4902732911301337e-14, -3.527980389655325e-14, -4.730054772033249e-14, 7.580310369375161e-15,
  -4.9893776716773285e-14, -2.262629393030674e-14, -2.345674491018699e-14, -1.3352588834854848e-14,
  -3.765296820388875e-14, 5.1128335719851986e-14, -5.046674438470119e-14, 3.1218748807418837e-15,
  3.3871241029241416e-14, -1.7376727386423858e-14, 3.957125899799804e-14, -5.2849453521890294e-14,
  -3.767012502308738e-14, 3.1859736349078334e-14, 5.0900642926060466e-14, 8.710783796122478e-15,
  6.157896229122976e-16, 3.821577743916796e-14, 3.9440046718453496e-14, 2.2924522154618074e-14,
  -3.742530094732263e-14, -2.5223102140407338e-14, -1.0320443688698849e-14, 1.0634128304268335e-14,
  -4.3425422595242564e-14, -1.2527395755711364e-14, -5.204008743405884e-14, -3.979844515951702e-15,
  -4.7955860343296286e-14, 5.015686013791602e-16, -7.252318953240293e-16, 2.4688324156011588e-14,
  5.465121253624792e-15, 4.102651071698446e-14, -4.996736502345936e-14, 4.903580708156347e-14,
  5.089628039500759e-14, 1.1782016386565151e-14, 4.727452940514406e-14, -4.4204083338755686e-14,
  1.548345993498083e-14, 2.1522127491642888e-14, 1.1054030169005386e-14, -5.534326352070679e-14,
  -5.351646604259541e-14, 5.4612144489920215e-14, 2.8136969901227338e-14, -1.156568624616423e-14,
);

const LN2HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1: 42 bits, so k * LN2HI is exact
const LN2LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
// log1p(r) - r + r^2/2 ~ r^3 (A1 + r A2 + ... ) with glibc's scaling (A0 = -1/2 is the r^2 coefficient)
const A1 = -0.6666666666666679, A2 = 0.5000000000000007, A3 = 0.7999999995323976, A4 = -0.6666666663487739;
const A5 = -1.142909628459501, A6 = 1.0000415263675542;

const INVLN2N = 184.6649652337873; // 0x1.71547652b82fep7 = 128 / ln 2
const INVLN2N_H = (() => {
  const t = SPLIT * INVLN2N;
  return t - (t - INVLN2N);
})();
const INVLN2N_L = INVLN2N - INVLN2N_H;
const SHIFT = 6755399441055744; // 0x1.8p52
const NEGLN2HIN = -0.005415212348111709; // 36 bits: k * NEGLN2HIN is exact
const NEGLN2LON = -1.2864023111638346e-14;
const C2 = 0.49999999999996786, C3 = 0.16666666666665886, C4 = 0.0416666808410674, C5 = 0.008333335853059549;

/** 2**(i - 1100) for i in [0, 2200] */
const POW2 = Float64Array.from({ length: 2201 }, (_, i) => 2 ** (i - 1100));
const P2_1009 = 2 ** 1009;

const F = new Float64Array(1);
const U = new Uint32Array(F.buffer);

/** Low part of a*b (Dekker): a*b = p + prodErr(a, b, p) exactly, which is what glibc's fma(a, b, -p) gives. */
function prodErr(a: number, b: number, p: number): number {
  let q = SPLIT * a;
  const ah = q - (q - a), al = a - ah;
  q = SPLIT * b;
  const bh = q - (q - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** 0 if y (finite, nonzero) is not an integer, 1 if odd, 2 if even: glibc's checkint. */
function checkint(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) < 9007199254740992 && y % 2 !== 0 ? 1 : 2;
}

/** x**y, bit for bit glibc 2.36's (FMA build), including its special cases. */
export function pow(x: number, y: number): number {
  F[0] = y;
  const hy = U[1], topy = (hy >>> 20) & 0x7ff;
  F[0] = x;
  let hx = U[1];
  const topx = hx >>> 20;
  let neg = false;
  let k0 = 0;
  if ((topx - 1) >>> 0 >= 0x7fe || (topy - 0x3be) >>> 0 >= 0x80) {
    if (y === 0 || y !== y || y === Infinity || y === -Infinity) {
      if (y === 0 || x === 1) return 1;
      if (x !== x || y !== y) return x + y;
      const ax = Math.abs(x);
      if (ax === 1) return 1;
      if (ax < 1 === y > 0) return 0;
      return y * y;
    }
    if (x === 0 || x !== x || x === Infinity || x === -Infinity) {
      let x2 = x * x;
      if (hx >>> 31 && checkint(y) === 1) x2 = -x2;
      return hy >>> 31 ? 1 / x2 : x2;
    }
    if (x < 0) {
      const yint = checkint(y);
      if (yint === 0) return NaN;
      neg = yint === 1;
      x = -x;
      hx &= 0x7fffffff;
    }
    if ((topy - 0x3be) >>> 0 >= 0x80) {
      if (x === 1) return 1;
      if (topy < 0x3be) return x > 1 ? 1 + y : 1 - y;
      return x > 1 === hy >>> 31 < 1 ? Infinity : 0;
    }
    if (hx < 0x00100000) {
      x *= 4503599627370496; // 2**52
      F[0] = x;
      hx = U[1];
      k0 = -52;
    }
  }
  // log_inline: x = 2**k z with z in [0x1.6955p-1, 0x1.6955p0)
  const tmp = (hx - 0x3fe69555) | 0;
  const i = (tmp >>> 13) & 127;
  const k = (tmp >> 20) + k0;
  U[1] = hx - (tmp & 0xfff00000);
  const z = F[0];
  const invc = INVC[i];
  const pz = z * invc;
  const r = (pz - 1) + prodErr(z, invc, pz); // glibc's fma(z, invc, -1): pz - 1 is exact
  const t1 = k * LN2HI + LOGC[i];
  const t2 = t1 + r;
  const lo2 = t1 - t2 + r;
  const ar = -0.5 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = prodErr(ar, r, ar2);
  const lo4 = t2 - hi + ar2;
  // unfused from here: lo1 and the polynomial each lose a rounding against glibc's fused ones, and
  // every later rounding may then land an ulp away, so lo is within dlo of glibc's (2**-51: a 2x margin)
  const kl = k * LN2LO;
  const lo1 = kl + LOGCTAIL[i];
  const p = ar3 * ((A1 + r * A2) + ar2 * ((A3 + r * A4) + ar2 * (A5 + r * A6)));
  const s1 = lo1 + lo2, s2 = s1 + lo3, s3 = s2 + lo4;
  const lo = s3 + p;
  const dlo = (Math.abs(kl) + Math.abs(lo1) + Math.abs(s1) + Math.abs(s2) + Math.abs(s3) + 2 * Math.abs(p) + Math.abs(lo)) * 4.440892098500626e-16;
  const L = hi + (lo - dlo);
  if (L !== hi + (lo + dlo)) return powFused(z, k, i, y, neg);
  // L is glibc's log_inline result; its tail is off by at most dlo plus one rounding
  const tail = (hi - L) + lo;
  const ehi = y * L;
  const eloP = y * tail;
  const elo = eloP + prodErr(y, L, ehi);
  F[0] = ehi;
  const abstop = (U[1] >>> 20) & 0x7ff;
  if (abstop - 0x3c9 >= 0x3f) {
    if (abstop < 0x3c9) return neg ? -(1 + ehi) : 1 + ehi;
    if (abstop >= 0x409) return ehi < 0 ? (neg ? -0 : 0) : neg ? -Infinity : Infinity;
    return powFused(z, k, i, y, neg);
  }
  const ay = Math.abs(y);
  const delo = ay * (dlo + Math.abs(tail) * 4.440892098500626e-16) + (Math.abs(eloP) + Math.abs(elo)) * 2.220446049250313e-16;
  // exp_inline(ehi, elo): kd = round(ehi * 128/ln2) from the exact product (glibc's fma(x, InvLn2N, Shift) - Shift)
  const q = ehi * INVLN2N;
  const s = SPLIT * ehi, xh = s - (s - ehi), xl = ehi - xh;
  const e = ((xh * INVLN2N_H - q) + xh * INVLN2N_L + xl * INVLN2N_H) + xl * INVLN2N_L;
  let kd = q + SHIFT - SHIFT;
  const h = q - kd;
  if (e !== 0 && (h === 0.5 || h === -0.5) && e > 0 === h > 0) kd += 2 * h;
  const r0 = fmaExact(kd, NEGLN2LON, ehi + kd * NEGLN2HIN);
  // glibc's r = r0 + elo, exactly, when no double lies between the ends of elo's interval
  const re = r0 + (elo - delo);
  if (re !== r0 + (elo + delo)) return powFused(z, k, i, y, neg);
  const j = kd & 127;
  const T = T2[j];
  const tr = TAIL[j] + re;
  const r2 = re * re;
  const a = r2 * (C2 + re * C3), b = r2 * r2 * (C4 + re * C5);
  const tq = tr + a;
  const tm = tq + b;
  // as glibc-exp.ts: the unfused polynomial is within d of glibc's fused one
  const d = (Math.abs(tq) + Math.abs(tm)) * 8.881784197001252e-16 + (Math.abs(a) + Math.abs(b)) * 1.7763568394002505e-15;
  let v = T + T * (tm - d);
  if (v !== T + T * (tm + d)) v = fmaExact(T, expTmp(re, tr, r2), T);
  const out = v * POW2[(kd >> 7) + 1100];
  return neg ? -out : out;
}

/** glibc's fused tmp = tail + r + r^2 (C2 + r C3) + r^4 (C4 + r C5). */
function expTmp(r: number, tr: number, r2: number): number {
  return fmaExact(r2 * r2, fmaExact(r, C5, C4), fmaExact(fmaExact(r, C3, C2), r2, tr));
}

/** The whole of glibc's __pow_fma main path from log_inline on, every contraction (objdump) an exact fma. */
function powFused(z: number, k: number, i: number, y: number, neg: boolean): number {
  const invc = INVC[i];
  const pz = z * invc;
  const r = (pz - 1) + prodErr(z, invc, pz);
  const t1 = k * LN2HI + LOGC[i];
  const t2 = t1 + r;
  const lo1 = fmaExact(k, LN2LO, LOGCTAIL[i]);
  const lo2 = t1 - t2 + r;
  const ar = -0.5 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = prodErr(ar, r, ar2);
  const lo4 = t2 - hi + ar2;
  const q1 = fmaExact(r, A2, A1), q2 = fmaExact(r, A4, A3), q3 = fmaExact(r, A6, A5);
  const pp = fmaExact(ar2, fmaExact(q3, ar2, q2), q1);
  const lo = fmaExact(ar3, pp, lo1 + lo2 + lo3 + lo4);
  const L = hi + lo;
  const tail = (hi - L) + lo;
  const ehi = y * L;
  const elo = fmaExact(y, tail, prodErr(y, L, ehi));
  // exp_inline
  F[0] = ehi;
  const abstop = (U[1] >>> 20) & 0x7ff;
  if (abstop < 0x3c9) return neg ? -(1 + ehi) : 1 + ehi;
  if (abstop >= 0x409) return ehi < 0 ? (neg ? -0 : 0) : neg ? -Infinity : Infinity;
  const kd = fmaExact(ehi, INVLN2N, SHIFT) - SHIFT;
  const re = fmaExact(kd, NEGLN2LON, ehi + kd * NEGLN2HIN) + elo;
  const j = kd & 127;
  const T = T2[j];
  const tmp = expTmp(re, TAIL[j] + re, re * re);
  const m = kd >> 7;
  let out: number;
  if (abstop < 0x408) out = fmaExact(T, tmp, T) * POW2[m + 1100];
  else if (kd >= 0) out = fmaExact(T * POW2[m - 1009 + 1100], tmp, T * POW2[m - 1009 + 1100]) * P2_1009;
  else {
    // below 2**-1022 glibc rounds once more at full precision first, unfused
    const scale = T * POW2[m + 1022 + 1100];
    const st = scale * tmp;
    out = scale + st;
    if (out < 1) {
      let l = scale - out + st;
      const h1 = 1 + out;
      l = 1 - h1 + out + l;
      out = h1 + l - 1;
      if (out === 0) out = 0;
    }
    out *= 2.2250738585072014e-308;
  }
  return neg ? -out : out;
}
