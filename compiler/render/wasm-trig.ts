/** @file sin and cos inside wasm kernels, bit for bit V8's Math.sin/Math.cos (fdlibm: __ieee754_rem_pio2's small and medium reductions, __kernel_sin, __kernel_cos), calling the imported Math function only for |x| > 2^19*pi, NaN and infinities; and the kernels' two-lane constants as module globals. */
import { F64, I32, OP, SIMD, V128, f64const, i32const, i64const, simd, uleb, type FnBuilder } from "./wasm-asm.js";

export type TrigKind = "sin" | "cos";

// opcodes wasm-asm.ts does not name
const I64_REINTERPRET_F64 = 0xbd, I64_AND = 0x83, I64_SHR_U = 0x88, I32_WRAP_I64 = 0xa7, I32_EQ = 0x46, I32_TRUNC_F64_S = 0xaa;
const I32_AND = OP.i32And, I32_NE = OP.i32Ne;
const V = {
  const: 0x0c, not: 0x4d, andnot: 0x4f, i64x2Eq: 0xd6, i64x2AllTrue: 0xc3, xor: 0x51, anyTrue: 0x53, i64x2Shl: 0xcb,
} as const;
const BLOCK_F64 = 0x7c, BLOCK_V128 = 0x7b, BLOCK_VOID = 0x40, GLOBAL_GET = 0x23;

/** A double from its high word, low word zero: fdlibm's tests `ix < H` on the high word are `|x| < fromHi(H)` on the value. */
const fromHi = (h: number): number => new Float64Array(new BigUint64Array([BigInt(h >>> 0) << 32n]).buffer)[0];

// fdlibm's constants (V8's src/base/ieee754.cc)
const K = {
  invpio2: 6.36619772367581382433e-01,
  pio2_1: 1.57079632673412561417e+00, pio2_1t: 6.07710050650619224932e-11,
  pio2_2: 6.07710050630396597660e-11, pio2_2t: 2.02226624879595063154e-21,
  pio2_3: 2.02226624871116645580e-21, pio2_3t: 8.47842766036889956997e-32,
  S1: -1.66666666666666324348e-01, S2: 8.33333333332248946124e-03, S3: -1.98412698298579493134e-04,
  S4: 2.75573137070700676789e-06, S5: -2.50507602534068634195e-08, S6: 1.58969099521155010221e-10,
  C1: 4.16666666666666019037e-02, C2: -1.38888888888741095749e-03, C3: 2.48015872894767294178e-05,
  C4: -2.75573143513906633035e-07, C5: 2.08757232129817482790e-09, C6: -1.13596475577881948265e-11,
};
/** |x| ~<= pi/4: no reduction (high word <= 0x3fe921fb) */
const PIO4_HI = fromHi(0x3fe921fc);
/** |x| ~<= 2^19*pi/2: the medium reduction (high word <= 0x413921fb); beyond, __kernel_rem_pio2, which stays in JS */
const MEDIUM_LIMIT = fromHi(0x413921fc);
/** the kernels return x (sin) or 1 (cos) below 2^-27 (high word < 0x3e400000) */
const TINY = fromHi(0x3e400000);
/** __kernel_cos's |x| < 0.3 (high word < 0x3fd33333) and x > 0.78125 (high word > 0x3fe90000) */
const COS_LOW = fromHi(0x3fd33333), COS_HIGH = fromHi(0x3fe90001);
/**
 * rem_pio2 tests `ix != npio2_hw[n-1]` (the high word of n*pi/2, n < 32) to skip its cancellation check; that
 * high word equals the high word of the double n*(Math.PI/2), which the kernels compute instead of a table
 * (test/compiler/wasm-trig.test.ts checks the 32 entries).
 */
export const PIO2 = Math.PI / 2;

const EXP_MASK = 0x7ff0000000000000n, SIGN_MASK = 0x8000000000000000n, HIGH_MASK = 0xffffffff00000000n;

/**
 * Two-lane constants are immutable v128 globals of the module being rendered: V8 (11.3) rebuilds a
 * v128.const (or a splat of an f64.const) at every use inside a loop, three instructions each, where a
 * global is one load. `beginConstants` starts a module's set, `withConstants` adds it to the module's bytes.
 * NUMFUSE_NOGLOBALS=1 emits v128.const instead (for bisecting).
 */
let GLOBALS: Map<bigint, number> | null = null;
const NO_GLOBALS = typeof process !== "undefined" && process.env?.NUMFUSE_NOGLOBALS === "1";
export function beginConstants(): void {
  GLOBALS = NO_GLOBALS ? null : new Map();
}
const v128Bytes = (bits: bigint): number[] => [...simd(V.const), ...new Uint8Array(new BigUint64Array([bits, bits]).buffer)];
function pooled(bits: bigint): number[] {
  if (!GLOBALS) return v128Bytes(bits);
  let g = GLOBALS.get(bits);
  if (g === undefined) GLOBALS.set(bits, (g = GLOBALS.size));
  return [GLOBAL_GET, ...uleb(g)];
}
/** The module `bytes` (from wasm-asm's moduleBytes, which has no global section) with the constants' globals. */
export function withConstants(bytes: Uint8Array): Uint8Array {
  const g = GLOBALS;
  GLOBALS = null;
  if (!g?.size) return bytes;
  const entries = [...g.keys()].map((bits) => [V128, 0x00, ...v128Bytes(bits), OP.end]);
  const body = [...uleb(entries.length), ...entries.flat()];
  const section = [6, ...uleb(body.length), ...body];
  // sections are ordered by id: the globals go before the first section after 6 (the export section)
  let p = 8;
  while (p < bytes.length && !(bytes[p] > 6)) {
    let size = 0, shift = 0, q = p + 1;
    for (;;) {
      const b = bytes[q++];
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) break;
    }
    p = q + size;
  }
  const out = new Uint8Array(bytes.length + section.length);
  out.set(bytes.subarray(0, p));
  out.set(section, p);
  out.set(bytes.subarray(p), p + section.length);
  return out;
}
/** Push a two-lane constant, both lanes `v`. */
export function vconst(fb: FnBuilder, v: number): void {
  fb.emit(...pooled(f64bits(v)));
}
const f64bits = (v: number): bigint => new BigUint64Array(new Float64Array([v]).buffer)[0];
/** v128 of two equal i64 lanes */
const v128i64 = (_fb: FnBuilder, v: bigint): number[] => pooled(BigInt.asUintN(64, v));
const v128f64 = (_fb: FnBuilder, v: number): number[] => pooled(f64bits(v));

/**
 * sin or cos of the f64 on the stack. `fallback` is the function index of the imported Math.sin/Math.cos,
 * called for |x| beyond the medium range, NaN and infinities.
 */
export function emitTrigScalar(fb: FnBuilder, kind: TrigKind, fallback: number): void {
  const L = () => fb.local(F64);
  const x = L(), t = L(), fn = L(), r = L(), w = L(), y0 = L(), y1 = L(), tex = L(), t2 = L(), z = L(), v = L(), rs = L(), ks = L(), ay = L();
  const hx = fb.local(I32), q = fb.local(I32);
  const c = (k: number) => fb.emit(...f64const(k));
  const highWord = () => fb.emit(I64_REINTERPRET_F64, ...i64const(32n), I64_SHR_U, I32_WRAP_I64);
  /** the Cody-Waite step after the first: t2 = r; w = fn*p; r = t2 - w; w = fn*pt - ((t2 - r) - w); y0 = r - w */
  const iteration = (p: number, pt: number) => {
    fb.get(r).set(t2);
    fb.get(fn).emit(...f64const(p), OP.f64Mul).set(w);
    fb.get(t2).get(w).emit(OP.f64Sub).set(r);
    fb.get(fn).emit(...f64const(pt), OP.f64Mul).get(t2).get(r).emit(OP.f64Sub).get(w).emit(OP.f64Sub, OP.f64Sub).set(w);
    fb.get(r).get(w).emit(OP.f64Sub).set(y0);
  };
  fb.set(x);
  fb.get(x).emit(OP.f64Abs).tee(t);
  c(MEDIUM_LIMIT);
  fb.emit(OP.f64Lt, OP.if, BLOCK_F64);
  {
    // n = (int)(|x|*2/pi + 1/2), 0 when |x| ~<= pi/4 (there r = |x|, w = 0: y0 = |x|, y1 = 0, as unreduced)
    c(0);
    fb.get(t);
    c(K.invpio2);
    fb.emit(OP.f64Mul);
    c(0.5);
    fb.emit(OP.f64Add, OP.f64Trunc);
    fb.get(t);
    c(PIO4_HI);
    fb.emit(OP.f64Lt, OP.select).set(fn);
    fb.get(t).get(fn);
    c(K.pio2_1);
    fb.emit(OP.f64Mul, OP.f64Sub).set(r);
    fb.get(fn);
    c(K.pio2_1t);
    fb.emit(OP.f64Mul).set(w);
    fb.get(r).get(w).emit(OP.f64Sub).set(y0);
    // 2^exponent(|x|): fdlibm's i = exponent(x) - exponent(y0) > 16 as a comparison of values
    fb.get(t).emit(I64_REINTERPRET_F64, ...i64const(EXP_MASK), I64_AND, OP.f64ReinterpretI64).set(tex);
    fb.get(y0).emit(OP.f64Abs);
    c(2 ** 16);
    fb.emit(OP.f64Mul).get(tex).emit(OP.f64Lt, OP.if, BLOCK_VOID);
    {
      // cancellation: rem_pio2's rarer branches
      fb.get(t);
      highWord();
      fb.tee(hx).emit(...i32const(0x3ff921fb), I32_EQ, OP.if, BLOCK_VOID);
      {
        // |x| near pi/2 (n = 1): the 33+33+53-bit pi/2 of the |x| < 3pi/4 special case
        fb.get(t);
        c(K.pio2_1);
        fb.emit(OP.f64Sub);
        c(K.pio2_2);
        fb.emit(OP.f64Sub).tee(r);
        c(K.pio2_2t);
        fb.emit(OP.f64Sub).set(y0);
        c(K.pio2_2t);
        fb.set(w);
      }
      fb.emit(OP.else);
      {
        // n < 32 and high word != npio2_hw[n-1]: fdlibm keeps the first step without checking
        fb.get(fn);
        c(32);
        fb.emit(OP.f64Lt).get(hx).get(fn);
        c(PIO2);
        fb.emit(OP.f64Mul);
        highWord();
        fb.emit(I32_NE, I32_AND, OP.i32Eqz, OP.if, BLOCK_VOID);
        iteration(K.pio2_2, K.pio2_2t);
        fb.get(y0).emit(OP.f64Abs);
        c(2 ** 49);
        fb.emit(OP.f64Mul).get(tex).emit(OP.f64Lt, OP.if, BLOCK_VOID);
        iteration(K.pio2_3, K.pio2_3t);
        fb.emit(OP.end, OP.end);
      }
      fb.emit(OP.end);
    }
    fb.emit(OP.end);
    fb.get(r).get(y0).emit(OP.f64Sub).get(w).emit(OP.f64Sub).set(y1);
    emitKernels(fb, kind, { x, t, fn, y0, y1, z, v, rs, ks, ay, q });
  }
  fb.emit(OP.else);
  fb.get(x).emit(OP.call, ...uleb(fallback));
  fb.emit(OP.end);
}

type KernelLocals = Record<"x" | "t" | "fn" | "y0" | "y1" | "z" | "v" | "rs" | "ks" | "ay" | "q", number>;

/** __kernel_sin or __kernel_cos on (y0, y1), as the quadrant picks, with the quadrant's sign. */
function emitKernels(fb: FnBuilder, kind: TrigKind, l: KernelLocals): void {
  const c = (k: number) => fb.emit(...f64const(k));
  const { x, t, fn, y0, y1, z, v, rs, ks, ay, q } = l;
  fb.get(y0).get(y0).emit(OP.f64Mul).set(z);
  fb.get(y0).emit(OP.f64Abs).set(ay);
  // quadrant: sin(x) = [sin, cos, -sin, -cos][n & 3](y0, y1) * sign(x); cos(x) is sin's row at n + 1.
  // One kernel per element, by a branch: neighbouring elements mostly share their quadrant.
  fb.get(fn).emit(I32_TRUNC_F64_S);
  if (kind === "cos") fb.emit(...i32const(1), OP.i32Add);
  fb.tee(q).emit(...i32const(1), I32_AND, OP.if, BLOCK_F64);
  {
    // __kernel_cos: r = z*(C1 + z*(C2 + z*(C3 + z*(C4 + z*(C5 + z*C6)))))
    fb.get(z);
    c(K.C6);
    fb.emit(OP.f64Mul);
    c(K.C5);
    fb.emit(OP.f64Add);
    for (const s of [K.C4, K.C3, K.C2, K.C1]) {
      fb.get(z).emit(OP.f64Mul);
      c(s);
      fb.emit(OP.f64Add);
    }
    fb.get(z).emit(OP.f64Mul).set(rs);
    // qx: 0 below 0.3 (then (1 - qx) - ((z/2 - qx) - ...) is fdlibm's 1 - (z/2 - ...) exactly),
    // 0.28125 above 0.78125, else |y0|/4 with its low word cleared
    const qx = v;
    c(0);
    c(0.28125);
    fb.get(ay).emit(I64_REINTERPRET_F64, ...i64const(HIGH_MASK), I64_AND, OP.f64ReinterpretI64);
    c(0.25);
    fb.emit(OP.f64Mul).get(ay);
    c(COS_HIGH);
    fb.emit(OP.f64Ge, OP.select).get(ay);
    c(COS_LOW);
    fb.emit(OP.f64Lt, OP.select).set(qx);
    c(1);
    fb.get(qx).emit(OP.f64Sub);
    c(0.5);
    fb.get(z).emit(OP.f64Mul).get(qx).emit(OP.f64Sub).get(z).get(rs).emit(OP.f64Mul).get(y0).get(y1).emit(OP.f64Mul, OP.f64Sub, OP.f64Sub, OP.f64Sub);
  }
  fb.emit(OP.else);
  {
    // __kernel_sin: r = S2 + z*(S3 + z*(S4 + z*(S5 + z*S6)))
    fb.get(z);
    c(K.S6);
    fb.emit(OP.f64Mul);
    c(K.S5);
    fb.emit(OP.f64Add);
    for (const s of [K.S4, K.S3, K.S2]) {
      fb.get(z).emit(OP.f64Mul);
      c(s);
      fb.emit(OP.f64Add);
    }
    fb.set(rs);
    fb.get(z).get(y0).emit(OP.f64Mul).set(v);
    // reduced (iy = 1): y0 - ((z*(y1/2 - v*r) - y1) - v*S1)
    fb.get(y0).get(z);
    c(0.5);
    fb.get(y1).emit(OP.f64Mul).get(v).get(rs).emit(OP.f64Mul, OP.f64Sub, OP.f64Mul).get(y1).emit(OP.f64Sub).get(v);
    c(K.S1);
    fb.emit(OP.f64Mul, OP.f64Sub, OP.f64Sub);
    if (kind === "sin") {
      // unreduced (iy = 0, |x| ~<= pi/4): x + v*(S1 + z*r)
      fb.set(ks);
      fb.get(y0).get(v);
      c(K.S1);
      fb.get(z).get(rs).emit(OP.f64Mul, OP.f64Add, OP.f64Mul, OP.f64Add).get(ks).get(t);
      c(PIO4_HI);
      fb.emit(OP.f64Lt, OP.select);
    }
  }
  fb.emit(OP.end);
  // tiny |y0|: y0 for sin, 1 for cos (pushed before the kernel's result)
  fb.set(ks);
  fb.emit(...f64const(1)).get(y0).get(q).emit(...i32const(1), I32_AND, OP.select).get(ks).get(ay);
  c(TINY);
  fb.emit(OP.f64Lt, OP.select);
  if (kind === "sin") {
    c(1);
    fb.get(x).emit(OP.f64Copysign, OP.f64Mul);
  }
  fb.set(ks);
  fb.get(ks).emit(OP.f64Neg).get(ks).get(q).emit(...i32const(2), I32_AND, OP.select);
}

/**
 * Two lanes (stack: v128 x -> v128), each equal to the scalar code. The common case is one Cody-Waite
 * step and no tiny |y0|; where a lane cancels (|y0| < 2^-16 * 2^exponent(x)) the second step is taken
 * for n >= 32, and both lanes call the imported Math function when either needs what the two-lane code
 * leaves out: fdlibm's unchecked first step for n < 32, a third step, a tiny reduced argument, or |x|
 * beyond the medium range, NaN, infinities. Those are rare unless the data are multiples of pi/2.
 */
export function emitTrigVector(fb: FnBuilder, kind: TrigKind, fallback: number): void {
  const L = () => fb.local(V128);
  const x = L(), t = L(), fn = L(), r = L(), w = L(), y0 = L(), y1 = L(), tex = L(), r2 = L(), w2 = L(), y02 = L(), need2 = L(), notlim = L(), small = L();
  const slow = fb.local(I32);
  const op = (o: number, ...imm: number[]) => fb.emit(...simd(o, ...imm));
  const c = (k: number) => fb.emit(...v128f64(fb, k));
  const mul = () => op(SIMD.f64x2Mul), add = () => op(SIMD.f64x2Add), sub = () => op(SIMD.f64x2Sub), lt = () => op(SIMD.f64x2Lt);
  /** |a| * 2^e < 2^exponent(|x|): fdlibm's exponent(x) - exponent(a) > e */
  const cancels = (a: number, e: number) => {
    fb.get(a);
    op(SIMD.f64x2Abs);
    c(2 ** e);
    mul();
    fb.get(tex);
    lt();
  };
  fb.set(x);
  fb.get(x);
  op(SIMD.f64x2Abs);
  fb.tee(t);
  c(PIO4_HI);
  lt();
  fb.set(small);
  // n = (int)(|x|*2/pi + 1/2), 0 when |x| ~<= pi/4 (then y0 = |x|, y1 = 0)
  fb.get(t);
  c(K.invpio2);
  mul();
  c(0.5);
  add();
  op(SIMD.f64x2Trunc);
  fb.get(small);
  op(V.andnot);
  fb.set(fn);
  fb.get(t).get(fn);
  c(K.pio2_1);
  mul();
  sub();
  fb.set(r);
  fb.get(fn);
  c(K.pio2_1t);
  mul();
  fb.set(w);
  fb.get(r).get(w);
  sub();
  fb.set(y0);
  fb.get(t).emit(...v128i64(fb, EXP_MASK));
  op(SIMD.and);
  fb.set(tex);
  cancels(y0, 16);
  fb.set(need2);
  fb.get(t);
  c(MEDIUM_LIMIT);
  lt();
  op(V.not);
  fb.set(notlim);
  // the rare lanes set `slow`; the kernels run regardless (on whatever the slow lanes hold) and the
  // fallback replaces their result, which keeps the common path free of early exits
  fb.emit(...i32const(0)).set(slow);
  fb.get(need2).get(notlim);
  op(SIMD.or);
  op(V.anyTrue);
  fb.emit(OP.if, BLOCK_VOID);
  {
    // the second step: t2 = r; w = fn*pio2_2; r = t2 - w; w = fn*pio2_2t - ((t2 - r) - w); y0 = r - w
    fb.get(fn);
    c(K.pio2_2);
    mul();
    fb.set(w2);
    fb.get(r).get(w2);
    sub();
    fb.set(r2);
    fb.get(fn);
    c(K.pio2_2t);
    mul();
    fb.get(r).get(r2);
    sub();
    fb.get(w2);
    sub();
    sub();
    fb.set(w2);
    fb.get(r2).get(w2);
    sub();
    fb.set(y02);
    fb.get(notlim);
    fb.get(need2);
    fb.get(fn);
    c(32);
    lt();
    cancels(y02, 49);
    op(SIMD.or);
    fb.get(y02);
    op(SIMD.f64x2Abs);
    c(TINY);
    lt();
    op(SIMD.or);
    op(SIMD.and);
    op(SIMD.or);
    op(V.anyTrue);
    fb.set(slow);
    const sel = (a: number, b: number, dst: number) => {
      fb.get(a).get(b).get(need2);
      op(SIMD.bitselect);
      fb.set(dst);
    };
    sel(r2, r, r);
    sel(w2, w, w);
    sel(y02, y0, y0);
  }
  fb.emit(OP.end);
  fb.get(r).get(y0);
  sub();
  fb.get(w);
  sub();
  fb.set(y1);
  emitKernelsVector(fb, kind, { x, fn, y0, y1, small, z: tex, v: w2, rs: y02, ks: need2, kc: r2, ay: r });
  fb.set(y0);
  fb.get(slow).emit(OP.if, BLOCK_VOID);
  for (let lane = 0; lane < 2; lane++) {
    fb.get(x);
    op(SIMD.f64x2ExtractLane, lane);
    fb.emit(OP.call, ...uleb(fallback));
    if (lane === 0) op(SIMD.f64x2Splat);
    else op(SIMD.f64x2ReplaceLane, 1);
  }
  fb.set(y0);
  fb.emit(OP.end);
  fb.get(y0);
}

/**
 * __kernel_sin and __kernel_cos on two lanes, the quadrant picking one and its sign per lane. Only the
 * kernel the lanes need is computed when both need the same one (neighbouring elements mostly share a
 * quadrant), both otherwise. No lane has a tiny reduced argument (those took the fallback); an
 * unreduced tiny |x| needs no test either: there x + x^3*(...) rounds to x and 1 - x^2/2 + ... to 1,
 * fdlibm's answers.
 */
function emitKernelsVector(fb: FnBuilder, kind: TrigKind, l: Record<"x" | "fn" | "y0" | "y1" | "small" | "z" | "v" | "rs" | "ks" | "kc" | "ay", number>): void {
  const op = (o: number, ...imm: number[]) => fb.emit(...simd(o, ...imm));
  const c = (k: number) => fb.emit(...v128f64(fb, k));
  const { x, fn, y0, y1, small, z, v, rs, ks, kc, ay } = l;
  const mul = () => op(SIMD.f64x2Mul), add = () => op(SIMD.f64x2Add), sub = () => op(SIMD.f64x2Sub);
  const horner = (coefs: number[]) => {
    fb.get(z);
    c(coefs[0]);
    mul();
    c(coefs[1]);
    add();
    for (const k of coefs.slice(2)) {
      fb.get(z);
      mul();
      c(k);
      add();
    }
  };
  const sinKernel = () => {
    // r = S2 + z*(S3 + z*(S4 + z*(S5 + z*S6)))
    horner([K.S6, K.S5, K.S4, K.S3, K.S2]);
    fb.set(rs);
    fb.get(z).get(y0);
    mul();
    fb.set(v);
    // reduced: y0 - ((z*(y1/2 - v*r) - y1) - v*S1)
    fb.get(y0).get(z);
    c(0.5);
    fb.get(y1);
    mul();
    fb.get(v).get(rs);
    mul();
    sub();
    mul();
    fb.get(y1);
    sub();
    fb.get(v);
    c(K.S1);
    mul();
    sub();
    sub();
    if (kind === "sin") {
      // unreduced: x + v*(S1 + z*r)
      fb.set(ks);
      fb.get(y0).get(v);
      c(K.S1);
      fb.get(z).get(rs);
      mul();
      add();
      mul();
      add();
      fb.get(ks).get(small);
      op(SIMD.bitselect);
    }
  };
  const cosKernel = () => {
    // r = z*(C1 + z*(C2 + z*(C3 + z*(C4 + z*(C5 + z*C6)))))
    horner([K.C6, K.C5, K.C4, K.C3, K.C2, K.C1]);
    fb.get(z);
    mul();
    fb.set(rs);
    // qx as in the scalar code
    fb.get(y0);
    op(SIMD.f64x2Abs);
    fb.set(ay);
    const qx = v;
    c(0.28125);
    fb.get(ay).emit(...v128i64(fb, HIGH_MASK));
    op(SIMD.and);
    c(0.25);
    mul();
    fb.get(ay);
    c(COS_HIGH);
    op(SIMD.f64x2Ge);
    op(SIMD.bitselect);
    fb.get(ay);
    c(COS_LOW);
    op(SIMD.f64x2Lt);
    op(V.andnot);
    fb.set(qx);
    c(1);
    fb.get(qx);
    sub();
    c(0.5);
    fb.get(z);
    mul();
    fb.get(qx);
    sub();
    fb.get(z).get(rs);
    mul();
    fb.get(y0).get(y1);
    mul();
    sub();
    sub();
    sub();
  };
  fb.get(y0).get(y0);
  mul();
  fb.set(z);
  // n in the low mantissa bits: bit 0 picks the kernel, bit 1 the sign
  const qb = fb.local(V128), odd = fb.local(V128);
  fb.get(fn);
  c(kind === "cos" ? 2 ** 52 + 1 : 2 ** 52);
  add();
  fb.tee(qb).emit(...v128i64(fb, 1n));
  op(SIMD.and);
  fb.emit(...v128i64(fb, 1n));
  op(V.i64x2Eq);
  fb.tee(odd);
  op(V.i64x2AllTrue);
  fb.emit(OP.if, BLOCK_V128);
  cosKernel();
  fb.emit(OP.else);
  fb.get(odd);
  op(V.anyTrue);
  fb.emit(OP.if, BLOCK_V128);
  cosKernel();
  fb.set(kc);
  sinKernel();
  fb.set(ks);
  fb.get(kc).get(ks).get(odd);
  op(SIMD.bitselect);
  fb.emit(OP.else);
  sinKernel();
  fb.emit(OP.end, OP.end);
  fb.get(qb).emit(...i32const(62));
  op(V.i64x2Shl);
  fb.emit(...v128i64(fb, SIGN_MASK));
  op(SIMD.and);
  if (kind === "sin") {
    fb.get(x).emit(...v128i64(fb, SIGN_MASK));
    op(SIMD.and);
    op(V.xor);
  }
  op(V.xor);
}
