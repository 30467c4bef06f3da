/** @file WebAssembly renderer for float and bool kernels over the shared wasm memory: contiguous elementwise loops, and row reductions with NumPy's pairwise sum (V8 runs these about twice as fast as the same JS loops). The JS kernel stays the fallback. */
import type { DType } from "../../runtime/dtype.js";
import { Op } from "../ir/ops.js";
import { toposort, type Node } from "../ir/node.js";
import { walkKernel, type KernelSpec } from "../schedule.js";
import { beginConstants, emitTrigScalar, emitTrigVector, vconst, withConstants } from "./wasm-trig.js";
import { F64, FnBuilder, I32, I64_TRUNC_SAT_F64_S, OP, SIMD, V128, f64const, i32const, i64const, moduleBytes, simd, uleb, type FnImport, type ValType } from "./wasm-asm.js";

/** wasm value kinds: f64 for float data, i32 for bools */
type VT = "f64" | "i32";
export type StrideClass = "unit" | "zero" | "gen";

export interface WasmKernel {
  bytes: Uint8Array;
  /** arguments after the operands' byte addresses */
  tail: number[];
  /** how threads may share the call; absent: one thread runs it */
  par?: ParSplit;
}

/**
 * Work that splits between threads with results unchanged. `tail[extentAt]` counts independent
 * units (rows, columns, elements); a slice starting at unit `a` moves operand k's address by
 * `a * steps[k]` bytes. With `pairwise`, the extent is one row's reduced length instead: the
 * exports p0, p1, ... sum the halves at NumPy's top-level split point (the two recursive calls of
 * its pairwise sum), and e(addresses, n, phase sums) writes the row.
 */
/** A call smaller than this many elements stays on one thread: waking a worker costs tens of µs. */
export const PARALLEL_MIN_WORK = 1 << 19;

export interface ParSplit {
  extentAt: number;
  steps: number[];
  /** elements touched in all: threads pay off only for large calls */
  work: number;
  pairwise?: { float32: boolean[] };
  /** one piece per thread: pieces that sweep every row lose speed when cut finer */
  coarse?: boolean;
}

const supportedDType = (dt: DType) => dt.name === "float64" || dt.name === "float32" || dt.name === "bool";
const vtOf = (dt: DType): VT => (dt.kind === "b" ? "i32" : "f64");

const BINARY_F64: Partial<Record<Op, number>> = {
  [Op.Add]: OP.f64Add, [Op.Sub]: OP.f64Sub, [Op.Mul]: OP.f64Mul, [Op.Div]: OP.f64Div, [Op.Copysign]: OP.f64Copysign,
};
const COMPARE_F64: Partial<Record<Op, number>> = {
  [Op.Lt]: OP.f64Lt, [Op.Le]: OP.f64Le, [Op.Gt]: OP.f64Gt, [Op.Ge]: OP.f64Ge, [Op.Eq]: OP.f64Eq, [Op.Ne]: OP.f64Ne,
};
const UNARY_F64: Partial<Record<Op, number>> = {
  [Op.Neg]: OP.f64Neg, [Op.Abs]: OP.f64Abs, [Op.Sqrt]: OP.f64Sqrt, [Op.Floor]: OP.f64Floor, [Op.Ceil]: OP.f64Ceil,
  [Op.Trunc]: OP.f64Trunc, [Op.Rint]: OP.f64Nearest,
};
const BOOL_OPS: Partial<Record<Op, number>> = { [Op.And]: OP.i32And, [Op.Or]: OP.i32Or, [Op.Xor]: OP.i32Xor };

/** Levels of the pairwise recursion inlined into each summer before it calls itself (at least 1). */
const PW_DEPTH = 3;

/** Ops wasm has no instruction for: calls to the same Math function the JS kernels use (same bits). */
export const IMPORTED: Partial<Record<Op, { name: string; arity: 1 | 2 }>> = {
  [Op.Sin]: { name: "sin", arity: 1 }, [Op.Cos]: { name: "cos", arity: 1 }, [Op.Tan]: { name: "tan", arity: 1 },
  [Op.Asin]: { name: "asin", arity: 1 }, [Op.Acos]: { name: "acos", arity: 1 }, [Op.Atan]: { name: "atan", arity: 1 },
  [Op.Sinh]: { name: "sinh", arity: 1 }, [Op.Cosh]: { name: "cosh", arity: 1 }, [Op.Tanh]: { name: "tanh", arity: 1 },
  [Op.Asinh]: { name: "asinh", arity: 1 }, [Op.Acosh]: { name: "acosh", arity: 1 }, [Op.Atanh]: { name: "atanh", arity: 1 },
  [Op.Log]: { name: "log", arity: 1 }, [Op.Log2]: { name: "log2", arity: 1 }, [Op.Log10]: { name: "log10", arity: 1 },
  [Op.Log1p]: { name: "log1p", arity: 1 }, [Op.Expm1]: { name: "expm1", arity: 1 }, [Op.Cbrt]: { name: "cbrt", arity: 1 },
  [Op.Atan2]: { name: "atan2", arity: 2 }, [Op.Hypot]: { name: "hypot", arity: 2 },
};


/** NUMFUSE_NOSIMD=1 keeps wasm kernels to one lane (for bisecting) */
const NO_SIMD = typeof process !== "undefined" && process.env?.NUMFUSE_NOSIMD === "1";

/** Function indices of the imports a module declares. */
export type CallTable = Map<string, number>;

/** The imports of the module being rendered (rendering is synchronous: set per module, read by the expression compilers). */
let CALLS: CallTable = new Map();

function callIndex(op: Op): number {
  const i = CALLS.get(IMPORTED[op]!.name);
  if (i === undefined) throw new Error(`internal: ${op} not imported`);
  return i;
}

const asImports = (list: readonly { name: string; arity: 1 | 2 }[]): FnImport[] =>
  list.map((d) => ({ name: d.name, params: d.arity === 2 ? [F64, F64] : [F64], results: [F64] }));

// fdlibm's exp (as V8's Math.exp): Cody-Waite reduction by ln2, a rational approximation on the
// reduced argument, scaling by 2**k in two steps so that subnormal results round once
const EXP = {
  ln2HI: 6.93147180369123816490e-01, ln2LO: 1.90821492927058770002e-10, invln2: 1.44269504088896338700e+00,
  P1: 1.66666666666666019037e-01, P2: -2.77777777770155933842e-03, P3: 6.61375632143793436117e-05,
  P4: -1.65339022054652515390e-06, P5: 4.13813679705723846039e-08,
  overflow: 7.09782712893383973096e+02, underflow: -7.45133219101941108420e+02,
};

/** Can this node be computed here? (Transcendentals other than exp, sin and cos are calls to the imported Math functions.) */
function supportedNode(n: Node, isLeaf: (n: Node) => boolean): boolean {
  if (isLeaf(n)) return true;
  if (!supportedDType(n.dtype)) return false;
  switch (n.op) {
    case Op.Load: return n.loadArg.storage !== null || n.src.length === 1;
    case Op.Const: return typeof n.arg === "number";
    case Op.Cast: return supportedDType(n.src[0].dtype);
    case Op.Where: return true;
    case Op.Max: case Op.Min: case Op.Square: case Op.IsNan: case Op.Exp: return n.src[0].dtype.kind === "f";
    case Op.Not: return true;
    default: {
      const s = n.src[0]?.dtype;
      if (!s) return false;
      if (s.kind === "b") return n.op in BOOL_OPS;
      return n.op in BINARY_F64 || n.op in COMPARE_F64 || n.op in UNARY_F64 || (n.op in IMPORTED && s.kind === "f");
    }
  }
}

/**
 * Transcendentals computed in the kernel itself, worth a wasm kernel even with imports around them. sin and
 * cos still import their Math function, called only for arguments beyond fdlibm's medium reduction.
 */
const NATIVE: ReadonlySet<Op> = new Set([Op.Exp, Op.Sin, Op.Cos]);

/** The imports `exprs` need, numbered from 0 (imports come first in the function index space). */
export function importsOf(exprs: readonly Node[]): { table: CallTable; list: { name: string; arity: 1 | 2 }[]; native: boolean } {
  const table: CallTable = new Map();
  const list: { name: string; arity: 1 | 2 }[] = [];
  let native = false;
  for (const e of exprs) {
    for (const n of walkKernel(e)) {
      if (NATIVE.has(n.op)) native = true;
      const imp = IMPORTED[n.op];
      if (imp && !table.has(imp.name)) {
        table.set(imp.name, list.length);
        list.push(imp);
      }
    }
  }
  return { table, list, native };
}

/** exp of the f64 on the stack, bit for bit V8's Math.exp. */
function emitExpScalar(fb: FnBuilder): void {
  // stack: x (f64) -> exp(x)
  const x = fb.local(F64), k = fb.local(F64), hi = fb.local(F64), lo = fb.local(F64), r = fb.local(F64), t = fb.local(F64), c = fb.local(F64), k1 = fb.local(F64);
  fb.set(x);
  fb.get(x).emit(...f64const(EXP.invln2), OP.f64Mul, ...f64const(0.5)).get(x).emit(OP.f64Copysign, OP.f64Add, OP.f64Trunc).set(k);
  fb.get(x).get(k).emit(...f64const(EXP.ln2HI), OP.f64Mul, OP.f64Sub).set(hi);
  fb.get(k).emit(...f64const(EXP.ln2LO), OP.f64Mul).set(lo);
  fb.get(hi).get(lo).emit(OP.f64Sub).set(r);
  fb.get(r).get(r).emit(OP.f64Mul).set(t);
  // c = r - t*(P1 + t*(P2 + t*(P3 + t*(P4 + t*P5))))
  fb.get(r).get(t);
  fb.get(t).emit(...f64const(EXP.P5), OP.f64Mul, ...f64const(EXP.P4), OP.f64Add);
  fb.get(t).emit(OP.f64Mul, ...f64const(EXP.P3), OP.f64Add);
  fb.get(t).emit(OP.f64Mul, ...f64const(EXP.P2), OP.f64Add);
  fb.get(t).emit(OP.f64Mul, ...f64const(EXP.P1), OP.f64Add);
  fb.emit(OP.f64Mul, OP.f64Sub).set(c);
  // y = 1 - ((lo - (r*c)/(2-c)) - hi)
  fb.emit(...f64const(1)).get(lo).get(r).get(c).emit(OP.f64Mul, ...f64const(2)).get(c).emit(OP.f64Sub, OP.f64Div, OP.f64Sub).get(hi).emit(OP.f64Sub, OP.f64Sub);
  // * 2**k1 * 2**(k - k1), each power built from its exponent bits
  fb.get(k).emit(...f64const(0.5), OP.f64Mul, OP.f64Floor).set(k1);
  const pow2 = (get: () => void) => {
    get();
    fb.emit(...I64_TRUNC_SAT_F64_S, ...i64const(1023), OP.i64Add, ...i64const(52), OP.i64Shl, OP.f64ReinterpretI64);
  };
  pow2(() => fb.get(k1));
  fb.emit(OP.f64Mul);
  pow2(() => fb.get(k).get(k1).emit(OP.f64Sub));
  fb.emit(OP.f64Mul);
  // the edges: overflow, underflow, NaN, and exp(1), for which V8 returns Math.E
  const y = fb.local(F64);
  fb.set(y);
  fb.get(y);
  fb.emit(...f64const(Infinity), ...f64const(0)).get(x).emit(...f64const(0), OP.f64Gt, OP.select);
  fb.get(x).emit(...f64const(EXP.overflow), OP.f64Le).get(x).emit(...f64const(EXP.underflow), OP.f64Ge, OP.i32And, OP.select).set(y);
  fb.get(x).get(y).get(x).get(x).emit(OP.f64Ne, OP.select).set(y);
  // fdlibm answers 1 + x below 2**-28
  fb.emit(...f64const(1)).get(x).emit(OP.f64Add).get(y).get(x).emit(OP.f64Abs, ...f64const(2 ** -28), OP.f64Lt, OP.select).set(y);
  fb.emit(...f64const(Math.E)).get(y).get(x).emit(...f64const(1), OP.f64Eq, OP.select);
}

/** The same computation on two lanes (stack: v128 x -> v128 exp(x)), lane results equal to the scalar code. */
function emitExpVector(fb: FnBuilder): void {
  const x = fb.local(V128), k = fb.local(V128), hi = fb.local(V128), lo = fb.local(V128), r = fb.local(V128), t = fb.local(V128), c = fb.local(V128), k1 = fb.local(V128);
  const splat = (v: number) => vconst(fb, v);
  const op = (o: number) => fb.emit(...simd(o));
  fb.set(x);
  // k = trunc(x * invln2 + (x < 0 ? -0.5 : 0.5))
  fb.get(x);
  splat(EXP.invln2);
  op(SIMD.f64x2Mul);
  splat(-0.5);
  splat(0.5);
  fb.get(x);
  splat(0);
  op(SIMD.f64x2Lt);
  op(SIMD.bitselect);
  op(SIMD.f64x2Add);
  op(SIMD.f64x2Trunc);
  fb.set(k);
  fb.get(x).get(k);
  splat(EXP.ln2HI);
  op(SIMD.f64x2Mul);
  op(SIMD.f64x2Sub);
  fb.set(hi);
  fb.get(k);
  splat(EXP.ln2LO);
  op(SIMD.f64x2Mul);
  fb.set(lo);
  fb.get(hi).get(lo);
  op(SIMD.f64x2Sub);
  fb.set(r);
  fb.get(r).get(r);
  op(SIMD.f64x2Mul);
  fb.set(t);
  fb.get(r).get(t);
  fb.get(t);
  splat(EXP.P5);
  op(SIMD.f64x2Mul);
  splat(EXP.P4);
  op(SIMD.f64x2Add);
  for (const P of [EXP.P3, EXP.P2, EXP.P1]) {
    fb.get(t);
    op(SIMD.f64x2Mul);
    splat(P);
    op(SIMD.f64x2Add);
  }
  op(SIMD.f64x2Mul);
  op(SIMD.f64x2Sub);
  fb.set(c);
  splat(1);
  fb.get(lo).get(r).get(c);
  op(SIMD.f64x2Mul);
  splat(2);
  fb.get(c);
  op(SIMD.f64x2Sub);
  op(SIMD.f64x2Div);
  op(SIMD.f64x2Sub);
  fb.get(hi);
  op(SIMD.f64x2Sub);
  op(SIMD.f64x2Sub);
  // * 2**k1 * 2**(k - k1)
  fb.get(k);
  splat(0.5);
  op(SIMD.f64x2Mul);
  op(SIMD.f64x2Floor);
  fb.set(k1);
  const pow2 = () => {
    op(SIMD.i32x4TruncSatF64x2SZero);
    op(SIMD.i64x2ExtendLowI32x4S);
    fb.emit(...i64const(1023), ...simd(SIMD.i64x2Splat));
    op(SIMD.i64x2Add);
    fb.emit(...i32const(52));
    op(SIMD.i64x2Shl);
  };
  fb.get(k1);
  pow2();
  op(SIMD.f64x2Mul);
  fb.get(k).get(k1);
  op(SIMD.f64x2Sub);
  pow2();
  op(SIMD.f64x2Mul);
  const y = fb.local(V128);
  fb.set(y);
  // edges, as in the scalar code
  fb.get(y);
  splat(Infinity);
  splat(0);
  fb.get(x);
  splat(0);
  op(SIMD.f64x2Gt);
  op(SIMD.bitselect);
  fb.get(x);
  splat(EXP.overflow);
  op(SIMD.f64x2Le);
  fb.get(x);
  splat(EXP.underflow);
  op(SIMD.f64x2Ge);
  op(SIMD.and);
  op(SIMD.bitselect);
  fb.set(y);
  fb.get(x).get(y).get(x).get(x);
  op(SIMD.f64x2Ne);
  op(SIMD.bitselect);
  fb.set(y);
  splat(1);
  fb.get(x);
  op(SIMD.f64x2Add);
  fb.get(y).get(x);
  op(SIMD.f64x2Abs);
  splat(2 ** -28);
  op(SIMD.f64x2Lt);
  op(SIMD.bitselect);
  fb.set(y);
  splat(Math.E);
  fb.get(y).get(x);
  splat(1);
  op(SIMD.f64x2Eq);
  op(SIMD.bitselect);
}

/** How a leaf is read: code that pushes its value. */
type LeafFn = (n: Node) => VT | null;

/** Emit `root` onto the stack; shared nodes are computed once into a local. */
function compileExpr(fb: FnBuilder, root: Node, leaf: LeafFn): VT {
  const uses = new Map<Node, number>();
  for (const n of walkKernel(root)) for (const s of n.op === Op.Load || n.op === Op.Const || n.isBoundary ? [] : n.src) uses.set(s, (uses.get(s) ?? 0) + 1);
  const localOf = new Map<Node, number>();
  const toF64 = (vt: VT) => {
    if (vt === "i32") fb.emit(OP.f64ConvertI32U);
  };
  const value = (n: Node): VT => {
    const loc = localOf.get(n);
    if (loc !== undefined) {
      fb.get(loc);
      return vtOf(n.dtype);
    }
    const vt = compute(n);
    if ((uses.get(n) ?? 0) > 1) {
      const l = fb.local(vt === "f64" ? F64 : I32);
      localOf.set(n, l);
      fb.tee(l);
    }
    return vt;
  };
  const compute = (n: Node): VT => {
    const lv = leaf(n);
    if (lv) return lv;
    if (n.op === Op.Const) {
      const v = n.arg as number;
      if (n.dtype.kind === "b") {
        fb.emit(...i32const(v ? 1 : 0));
        return "i32";
      }
      fb.emit(...f64const(v));
      return "f64";
    }
    if (n.op === Op.Cast) {
      const from = n.src[0].dtype, to = n.dtype;
      const vt = value(n.src[0]);
      if (to.kind === "b") {
        if (vt === "f64") fb.emit(...f64const(0), OP.f64Ne);
        return "i32";
      }
      toF64(vt);
      if (to.name === "float32" && from.name !== "float32" && from.kind !== "b") fb.emit(OP.f32DemoteF64, OP.f64PromoteF32);
      return "f64";
    }
    if (n.op === Op.Where) {
      const vt = vtOf(n.dtype);
      const a = value(n.src[1]);
      if (vt === "f64") toF64(a);
      const b = value(n.src[2]);
      if (vt === "f64") toF64(b);
      const c = value(n.src[0]);
      if (c === "f64") fb.emit(...f64const(0), OP.f64Ne);
      fb.emit(OP.select);
      return vt;
    }
    const a = n.src[0], b = n.src[1];
    if (a.dtype.kind === "b") {
      value(a);
      if (n.op === Op.Not) fb.emit(OP.i32Eqz);
      else {
        value(b);
        fb.emit(BOOL_OPS[n.op]!);
      }
      return "i32";
    }
    switch (n.op) {
      case Op.Square: case Op.IsNan: {
        const l = fb.local(F64);
        value(a);
        fb.tee(l).get(l).emit(n.op === Op.Square ? OP.f64Mul : OP.f64Ne);
        return n.op === Op.Square ? "f64" : "i32";
      }
      case Op.Not:
        value(a);
        fb.emit(...f64const(0), OP.f64Eq);
        return "i32";
      case Op.Max: case Op.Min: {
        // NumPy's maximum: (a > b || a !== a) ? a : b (ties keep b), minimum with <
        const la = fb.local(F64), lb = fb.local(F64);
        value(a);
        fb.set(la);
        value(b);
        fb.set(lb);
        fb.get(la).get(lb).get(la).get(lb).emit(n.op === Op.Max ? OP.f64Gt : OP.f64Lt);
        fb.get(la).get(la).emit(OP.f64Ne, OP.i32Or, OP.select);
        return "f64";
      }
    }
    if (n.op === Op.Exp) {
      value(a);
      emitExpScalar(fb);
      return "f64";
    }
    if (n.op === Op.Sin || n.op === Op.Cos) {
      value(a);
      emitTrigScalar(fb, n.op === Op.Sin ? "sin" : "cos", callIndex(n.op));
      return "f64";
    }
    if (n.op in IMPORTED) {
      value(a);
      if (b) value(b);
      fb.emit(OP.call, ...uleb(callIndex(n.op)));
      return "f64";
    }
    if (n.op in UNARY_F64) {
      value(a);
      fb.emit(UNARY_F64[n.op]!);
      return "f64";
    }
    value(a);
    value(b);
    if (n.op in COMPARE_F64) {
      fb.emit(COMPARE_F64[n.op]!);
      return "i32";
    }
    fb.emit(BINARY_F64[n.op]!);
    return "f64";
  };
  return value(root);
}

/**
 * Compute, once, the largest parts of `expr` that depend only on per-row values (phase results and
 * constants), into locals: wasm engines do not hoist them out of the element loop themselves.
 */
function hoistInvariants(fb: FnBuilder, expr: Node, isVarying: (n: Node) => boolean, rowLeaf: LeafFn): Map<Node, [number, VT]> {
  const inKernel = new Set(walkKernel(expr));
  const nodes = toposort([expr]).filter((n) => inKernel.has(n));
  const varying = new Set<Node>();
  for (const n of nodes) {
    if (isVarying(n) || (n.op !== Op.Load && n.op !== Op.Const && !n.isBoundary && n.src.some((x) => varying.has(x)))) varying.add(n);
  }
  const hoisted = new Map<Node, [number, VT]>();
  for (const n of nodes) {
    if (!varying.has(n)) continue;
    for (const x of n.op === Op.Load || n.op === Op.Const || n.isBoundary ? [] : n.src) {
      if (varying.has(x) || x.op === Op.Const || hoisted.has(x) || rowLeafOnly(x)) continue;
      const vt = compileExpr(fb, x, rowLeaf);
      const l = fb.local(vt === "f64" ? F64 : I32);
      fb.set(l);
      hoisted.set(x, [l, vt]);
    }
  }
  return hoisted;
  function rowLeafOnly(x: Node): boolean {
    return x.op === Op.Load || x.isBoundary;
  }
}

// ---- two lanes at a time ----------------------------------------------------------------------

const V_BINARY: Partial<Record<Op, number>> = { [Op.Add]: SIMD.f64x2Add, [Op.Sub]: SIMD.f64x2Sub, [Op.Mul]: SIMD.f64x2Mul, [Op.Div]: SIMD.f64x2Div };
const V_UNARY: Partial<Record<Op, number>> = {
  [Op.Neg]: SIMD.f64x2Neg, [Op.Abs]: SIMD.f64x2Abs, [Op.Sqrt]: SIMD.f64x2Sqrt, [Op.Floor]: SIMD.f64x2Floor,
  [Op.Ceil]: SIMD.f64x2Ceil, [Op.Trunc]: SIMD.f64x2Trunc, [Op.Rint]: SIMD.f64x2Nearest,
};
const V_COMPARE: Partial<Record<Op, number>> = {
  [Op.Lt]: SIMD.f64x2Lt, [Op.Le]: SIMD.f64x2Le, [Op.Gt]: SIMD.f64x2Gt, [Op.Ge]: SIMD.f64x2Ge, [Op.Eq]: SIMD.f64x2Eq, [Op.Ne]: SIMD.f64x2Ne,
};

/**
 * Can `expr` be computed two elements at a time with results equal lane by lane to the scalar
 * code? Float data only; booleans appear only as comparison masks feeding `where`.
 */
export function simdable(expr: Node, isLeaf: (n: Node) => boolean): boolean {
  if (NO_SIMD) return false;
  const inKernel = [...walkKernel(expr)];
  for (const n of inKernel) {
    if (isLeaf(n)) {
      if (n.dtype.kind !== "f") return false;
      continue;
    }
    if (n.op === Op.Const) {
      if (typeof n.arg !== "number") return false;
      continue;
    }
    if (n.dtype.kind === "b") {
      // a mask: only comparisons of floats, used by where
      if (!(n.op in V_COMPARE) || n.src[0].dtype.kind !== "f") return false;
      continue;
    }
    if (n.dtype.kind !== "f") return false;
    if (n.op === Op.Cast) {
      if (n.src[0].dtype.kind !== "f") return false;
      continue;
    }
    if (n.op === Op.Where || n.op === Op.Max || n.op === Op.Min || n.op === Op.Square || n.op === Op.Exp || n.op in IMPORTED) continue;
    if (!(n.op in V_BINARY) && !(n.op in V_UNARY)) return false;
  }
  return !inKernel.some((n) => n !== expr && n.dtype.kind === "b" && !inKernel.some((u) => u.op === Op.Where && u.src[0] === n));
}

/** Like compileExpr, over v128 values (two float64 lanes); leaves push a v128. */
function compileExprV(fb: FnBuilder, root: Node, leaf: (n: Node) => boolean): void {
  const uses = new Map<Node, number>();
  for (const n of walkKernel(root)) for (const s of n.op === Op.Load || n.op === Op.Const || n.isBoundary ? [] : n.src) uses.set(s, (uses.get(s) ?? 0) + 1);
  const localOf = new Map<Node, number>();
  const value = (n: Node): void => {
    const loc = localOf.get(n);
    if (loc !== undefined) {
      fb.get(loc);
      return;
    }
    compute(n);
    if ((uses.get(n) ?? 0) > 1) {
      const l = fb.local(V128);
      localOf.set(n, l);
      fb.tee(l);
    }
  };
  const twice = (n: Node): number => {
    const l = fb.local(V128);
    value(n);
    fb.set(l);
    return l;
  };
  const compute = (n: Node): void => {
    if (leaf(n)) return;
    if (n.op === Op.Const) {
      fb.emit(...f64const(n.arg as number), ...simd(SIMD.f64x2Splat));
      return;
    }
    if (n.op === Op.Cast) {
      value(n.src[0]);
      // float64 -> float32 rounds each lane, as the scalar Math.fround
      if (n.dtype.name === "float32" && n.src[0].dtype.name !== "float32") fb.emit(...simd(SIMD.f32x4DemoteF64x2Zero), ...simd(SIMD.f64x2PromoteLowF32x4));
      return;
    }
    if (n.op === Op.Where) {
      value(n.src[1]);
      value(n.src[2]);
      value(n.src[0]);
      fb.emit(...simd(SIMD.bitselect));
      return;
    }
    const [a, b] = n.src;
    if (n.op === Op.Square) {
      const l = twice(a);
      fb.get(l).get(l).emit(...simd(SIMD.f64x2Mul));
      return;
    }
    if (n.op === Op.Max || n.op === Op.Min) {
      // (a > b || a !== a) ? a : b, per lane
      const la = twice(a), lb = twice(b);
      fb.get(la).get(lb);
      fb.get(la).get(lb).emit(...simd(n.op === Op.Max ? SIMD.f64x2Gt : SIMD.f64x2Lt));
      fb.get(la).get(la).emit(...simd(SIMD.f64x2Ne), ...simd(SIMD.or), ...simd(SIMD.bitselect));
      return;
    }
    if (n.op === Op.Exp) {
      value(a);
      emitExpVector(fb);
      return;
    }
    if (n.op === Op.Sin || n.op === Op.Cos) {
      value(a);
      emitTrigVector(fb, n.op === Op.Sin ? "sin" : "cos", callIndex(n.op));
      return;
    }
    if (n.op in IMPORTED) {
      // lane by lane through the imported Math function
      const la = twice(a), lb = b ? twice(b) : -1;
      for (let lane = 0; lane < 2; lane++) {
        fb.get(la).emit(...simd(SIMD.f64x2ExtractLane, lane));
        if (b) fb.get(lb).emit(...simd(SIMD.f64x2ExtractLane, lane));
        fb.emit(OP.call, ...uleb(callIndex(n.op)));
        fb.emit(...(lane === 0 ? simd(SIMD.f64x2Splat) : simd(SIMD.f64x2ReplaceLane, 1)));
      }
      return;
    }
    if (n.op in V_UNARY) {
      value(a);
      fb.emit(...simd(V_UNARY[n.op]!));
      return;
    }
    value(a);
    value(b);
    fb.emit(...simd((V_BINARY[n.op] ?? V_COMPARE[n.op])!));
  };
  value(root);
}

/** Two lanes of a float operand: adjacent elements (unit stride) or one element twice (zero stride). */
function emitLoadV(fb: FnBuilder, ptrLocal: number, dt: DType, offset: number, unit: boolean): void {
  fb.get(ptrLocal);
  if (!unit) {
    if (dt.name === "float64") fb.emit(OP.f64Load, 3, ...uleb(offset));
    else fb.emit(OP.f32Load, 2, ...uleb(offset), OP.f64PromoteF32);
    fb.emit(...simd(SIMD.f64x2Splat));
    return;
  }
  if (dt.name === "float64") fb.emit(...simd(SIMD.load, 3, ...uleb(offset)));
  else fb.emit(...simd(SIMD.load64Zero, 2, ...uleb(offset)), ...simd(SIMD.f64x2PromoteLowF32x4));
}

/** Store the two lanes on the stack (address pushed before them). */
function emitStoreV(fb: FnBuilder, dt: DType, offset: number): void {
  if (dt.name === "float64") fb.emit(...simd(SIMD.store, 3, ...uleb(offset)));
  else fb.emit(...simd(SIMD.f32x4DemoteF64x2Zero), ...simd(SIMD.store64Lane, 2, ...uleb(offset), 0));
}

function emitLoad(fb: FnBuilder, ptrLocal: number, dt: DType, offset: number): VT {
  fb.get(ptrLocal);
  if (dt.name === "float64") fb.emit(OP.f64Load, 3, ...uleb(offset));
  else if (dt.name === "float32") fb.emit(OP.f32Load, 2, ...uleb(offset), OP.f64PromoteF32);
  else fb.emit(OP.i32Load8U, 0, ...uleb(offset));
  return vtOf(dt);
}

/** Store the value on the stack (address pushed before it) as `dt`. */
function emitStore(fb: FnBuilder, dt: DType, vt: VT, offset = 0): void {
  if (dt.kind === "b") {
    if (vt === "f64") fb.emit(...f64const(0), OP.f64Ne);
    fb.emit(OP.i32Store8, 0, ...uleb(offset));
  } else {
    if (vt === "i32") fb.emit(OP.f64ConvertI32U);
    if (dt.name === "float32") fb.emit(OP.f32DemoteF64, OP.f32Store, 2, ...uleb(offset));
    else fb.emit(OP.f64Store, 3, ...uleb(offset));
  }
}

/** `while (i < n) { body; i++ }` with i an i32 local set to 0 first. */
function countedLoop(fb: FnBuilder, i: number, n: () => void, body: () => void): void {
  fb.emit(...i32const(0)).set(i);
  fb.emit(OP.block, 0x40, OP.loop, 0x40);
  fb.get(i);
  n();
  fb.emit(OP.i32GeU, OP.brIf, 1);
  body();
  fb.addTo(i, 1);
  fb.emit(OP.br, 0, OP.end, OP.end);
}

/**
 * An elementwise kernel whose innermost dim walks unit or zero strides: `k(out, in0, ..., strides of
 * the outer dims (bytes, dim-major), extents)`, two lanes at a time where the expression allows.
 * Null when the JS kernel must run (other strides, integer data, transcendental ops).
 */
export function renderWasmElementwise(spec: KernelSpec, classes: readonly StrideClass[], leafIndex: Map<Node, number>, dtypes: readonly DType[], outerStrides: readonly (readonly number[])[], extents: readonly number[]): WasmKernel | null {
  if (classes.includes("gen") || !dtypes.every(supportedDType)) return null;
  const isLeaf = (x: Node) => leafIndex.has(x);
  for (const x of walkKernel(spec.root)) if (!supportedNode(x, isLeaf)) return null;
  const imports = importsOf([spec.root]);
  // a kernel of imported calls only is faster in JS (no boundary crossing per call)
  if (imports.list.length && !imports.native) return null;
  CALLS = imports.table;
  beginConstants();
  const nops = dtypes.length, levels = extents.length - 1;
  const vector = dtypes[0].kind === "f" && simdable(spec.root, isLeaf);
  const fb = new FnBuilder([...dtypes.map(() => I32 as ValType), ...outerStrides.flatMap((d) => d.map(() => I32 as ValType)), ...extents.map(() => I32 as ValType)], []);
  const strideParam = (l: number, k: number) => nops + l * nops + k;
  const extentParam = (l: number) => nops + levels * nops + l;
  const ptr = dtypes.map(() => fb.local(I32));
  const off = (k: number, e: number) => (classes[k] === "unit" ? e * dtypes[k].itemsize : 0);
  const element = (e: number) => {
    fb.get(ptr[0]);
    const vt = compileExpr(fb, spec.root, (x) => {
      const k = leafIndex.get(x);
      return k === undefined ? null : emitLoad(fb, ptr[k], dtypes[k], off(k, e));
    });
    emitStore(fb, dtypes[0], vt, off(0, e));
  };
  const pair = (e: number) => {
    fb.get(ptr[0]);
    compileExprV(fb, spec.root, (x) => {
      const k = leafIndex.get(x);
      if (k === undefined) return false;
      emitLoadV(fb, ptr[k], dtypes[k], off(k, e), classes[k] === "unit");
      return true;
    });
    emitStoreV(fb, dtypes[0], off(0, e));
  };
  const advance = (steps: number) => {
    for (let k = 0; k < nops; k++) if (classes[k] === "unit") fb.addTo(ptr[k], steps * dtypes[k].itemsize);
  };
  const innermost = () => {
    const i = fb.local(I32), n = extentParam(levels);
    // four elements per trip (two pairs of lanes, or four scalars), then the rest one by one
    fb.emit(...i32const(0)).set(i);
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(i).emit(...i32const(4), OP.i32Add).get(n).emit(OP.i32GtU, OP.brIf, 1);
    if (vector) {
      pair(0);
      pair(2);
    } else for (let e = 0; e < 4; e++) element(e);
    advance(4);
    fb.addTo(i, 4);
    fb.emit(OP.br, 0, OP.end, OP.end);
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(i).get(n).emit(OP.i32GeU, OP.brIf, 1);
    element(0);
    advance(1);
    fb.addTo(i, 1);
    fb.emit(OP.br, 0, OP.end, OP.end);
  };
  // outer dims: each level restarts its pointers from the level above, then steps them
  const rowPtr = Array.from({ length: levels }, () => dtypes.map(() => fb.local(I32)));
  const nestLevel = (l: number) => {
    const src = l === 0 ? dtypes.map((_, k) => k) : rowPtr[l - 1];
    if (l === levels) {
      dtypes.forEach((_, k) => fb.get(src[k]).set(ptr[k]));
      innermost();
      return;
    }
    dtypes.forEach((_, k) => fb.get(src[k]).set(rowPtr[l][k]));
    const c = fb.local(I32);
    countedLoop(fb, c, () => fb.get(extentParam(l)), () => {
      nestLevel(l + 1);
      dtypes.forEach((_, k) => fb.get(rowPtr[l][k]).get(strideParam(l, k)).emit(OP.i32Add).set(rowPtr[l][k]));
    });
  };
  nestLevel(0);
  const work = extents.reduce((p, n) => p * n, 1);
  const par: ParSplit | undefined = levels === 0
    ? { extentAt: 0, steps: dtypes.map((d, k) => (classes[k] === "unit" ? d.itemsize : 0)), work }
    : extents[0] >= 2 ? { extentAt: levels * nops, steps: [...outerStrides[0]], work } : undefined;
  return { bytes: withConstants(moduleBytes([fb], asImports(imports.list))), tail: [...outerStrides.flat(), ...extents], par };
}

/**
 * A row reduction: one outer dim, one unit-stride inner dim, every phase a float sum (pairwise,
 * bit for bit NumPy's order), then the per-row result (phase/outer mode) or a row epilogue (full).
 * `k(out, in0, ..., so_out, so_in0, ..., nOuter, nInner)`.
 */
export function renderWasmReduce(
  spec: KernelSpec, innerClasses: readonly StrideClass[], leafIndex: Map<Node, number>, dtypes: readonly DType[],
  outerBytes: readonly (readonly number[])[], outerExtents: readonly number[], nInner: number, smallInner: number | null,
): WasmKernel | null {
  if (spec.kind !== "R" || !dtypes.every(supportedDType)) return null;
  if (!spec.phases.every((p) => p.reduceArg.op === "sum" && p.dtype.kind === "f" && p.src[0].dtype.kind === "f")) return null;
  const nops = dtypes.length;
  if (innerClasses.slice(1).includes("gen")) return null;
  if (spec.mode === "full" && innerClasses[0] !== "unit") return null;
  const isLeaf = (x: Node) => leafIndex.has(x) || spec.phaseRefs.has(x);
  const exprs = [...spec.phases.map((p) => p.src[0]), ...(spec.mode === "phase" ? [] : [spec.root])];
  for (const e of exprs) for (const x of walkKernel(e)) if (!supportedNode(x, isLeaf)) return null;
  const inputs = Array.from({ length: nops - 1 }, (_, k) => k + 1);
  const imports = importsOf(exprs);
  if (imports.list.length && !imports.native) return null;
  CALLS = imports.table;
  beginConstants();
  const fnBase = imports.list.length + 1; // pw_j is function fnBase + j

  // pw_j(q_1..q_{nops-1}, n, r_0..r_{j-1}) -> f64: NumPy's pairwise_sum over the phase's expression
  const pws = spec.phases.map((ph, j) => {
    const params: ValType[] = [...inputs.map(() => I32 as ValType), I32, ...Array.from({ length: j }, () => F64 as ValType)];
    const fb = new FnBuilder(params, [F64]);
    const q = (k: number) => k - 1;
    const nL = nops - 1;
    const r = (i: number) => nops + i;
    const at = (e: number) => (x: Node): VT | null => {
      const pj = spec.phaseRefs.get(x);
      if (pj !== undefined) {
        fb.get(r(pj));
        return "f64";
      }
      const k = leafIndex.get(x);
      if (k === undefined) return null;
      return emitLoad(fb, q(k), dtypes[k], innerClasses[k] === "unit" ? e * dtypes[k].itemsize : 0);
    };
    const advance = (steps: number) => {
      for (const k of inputs) if (innerClasses[k] === "unit") fb.addTo(q(k), steps * dtypes[k].itemsize);
    };
    const s = fb.local(F64), i = fb.local(I32);
    const acc = Array.from({ length: 8 }, () => fb.local(F64));
    const hoisted = hoistInvariants(fb, ph.src[0], (x) => leafIndex.has(x) && !spec.phaseRefs.has(x), at(0));
    const atHoisted = (e: number): LeafFn => {
      const base = at(e);
      return (x) => {
        const h = hoisted.get(x);
        if (h) {
          fb.get(h[0]);
          return h[1];
        }
        return base(x);
      };
    };
    // float32 sums add in float32 (NumPy's FLOAT_pairwise_sum): round after every addition
    const r32 = ph.dtype.name === "float32";
    const ADD = r32 ? [OP.f64Add, OP.f32DemoteF64, OP.f64PromoteF32] : [OP.f64Add];
    const VADD = r32 ? [...simd(SIMD.f64x2Add), ...simd(SIMD.f32x4DemoteF64x2Zero), ...simd(SIMD.f64x2PromoteLowF32x4)] : simd(SIMD.f64x2Add);
    const addInto = (local: number, e: number) => {
      fb.get(local);
      compileExpr(fb, ph.src[0], atHoisted(e));
      fb.emit(...ADD).set(local);
    };
    // n < 8: a plain running sum
    fb.get(nL).emit(...i32const(8), OP.i32LtU, OP.if, 0x40);
    fb.emit(...f64const(0)).set(s);
    countedLoop(fb, i, () => fb.get(nL), () => {
      addInto(s, 0);
      advance(1);
    });
    fb.get(s).emit(OP.return, OP.end);
    // n <= 128: eight accumulators, combined pairwise, then the tail. With two lanes, accumulator
    // pair (a2k, a2k+1) is one v128 fed elements 2k and 2k+1: the very same sums, lane by lane.
    const isLeafV = (x: Node) => leafIndex.has(x) || spec.phaseRefs.has(x) || hoisted.has(x);
    const vector = simdable(ph.src[0], isLeafV) && [...hoisted.values()].every(([, vt]) => vt === "f64");
    const atV = (e: number) => (x: Node): boolean => {
      const h = hoisted.get(x);
      const pj = spec.phaseRefs.get(x);
      if (h || pj !== undefined) {
        fb.get(h ? h[0] : r(pj!)).emit(...simd(SIMD.f64x2Splat));
        return true;
      }
      const k = leafIndex.get(x);
      if (k === undefined) return false;
      emitLoadV(fb, q(k), dtypes[k], innerClasses[k] === "unit" ? e * dtypes[k].itemsize : 0, innerClasses[k] === "unit");
      return true;
    };
    const vacc = Array.from({ length: 4 }, () => fb.local(V128));
    // one leaf of 8 <= nn <= 128 elements into s, pointers left just past it
    const leaf = (nn: number) => {
      if (vector) {
        for (let v = 0; v < 4; v++) {
          compileExprV(fb, ph.src[0], atV(2 * v));
          fb.set(vacc[v]);
        }
      } else {
        for (let e = 0; e < 8; e++) {
          compileExpr(fb, ph.src[0], atHoisted(e));
          fb.set(acc[e]);
        }
      }
      advance(8);
      fb.emit(...i32const(8)).set(i);
      // eight elements into the accumulators, `ahead` elements past the pointers
      const round = (ahead: number) => {
        if (vector) {
          for (let v = 0; v < 4; v++) {
            fb.get(vacc[v]);
            compileExprV(fb, ph.src[0], atV(ahead + 2 * v));
            fb.emit(...VADD).set(vacc[v]);
          }
        } else for (let e = 0; e < 8; e++) addInto(acc[e], ahead + e);
      };
      // two rounds per trip (the same additions in the same order), then at most one more
      fb.emit(OP.block, 0x40, OP.loop, 0x40);
      fb.get(i).emit(...i32const(16), OP.i32Add).get(nn).emit(...i32const(-8), OP.i32And, OP.i32GtU, OP.brIf, 1);
      round(0);
      round(8);
      advance(16);
      fb.addTo(i, 16);
      fb.emit(OP.br, 0, OP.end, OP.end);
      fb.get(i).get(nn).emit(...i32const(-8), OP.i32And, OP.i32LtU, OP.if, 0x40);
      round(0);
      advance(8);
      fb.addTo(i, 8);
      fb.emit(OP.end);
      if (vector) {
        for (let v = 0; v < 4; v++) {
          fb.get(vacc[v]).emit(...simd(SIMD.f64x2ExtractLane, 0)).set(acc[2 * v]);
          fb.get(vacc[v]).emit(...simd(SIMD.f64x2ExtractLane, 1)).set(acc[2 * v + 1]);
        }
      }
      fb.get(acc[0]).get(acc[1]).emit(...ADD).get(acc[2]).get(acc[3]).emit(...ADD, ...ADD);
      fb.get(acc[4]).get(acc[5]).emit(...ADD).get(acc[6]).get(acc[7]).emit(...ADD, ...ADD, ...ADD).set(s);
      fb.emit(OP.block, 0x40, OP.loop, 0x40);
      fb.get(i).get(nn).emit(OP.i32GeU, OP.brIf, 1);
      addInto(s, 0);
      advance(1);
      fb.addTo(i, 1);
      fb.emit(OP.br, 0, OP.end, OP.end);
    };
    // NumPy's recursion (split at n2 = (n / 2) rounded down to a multiple of 8) inlined PW_DEPTH
    // levels deep, then a call: a call per leaf costs about as much as the leaf's own additions.
    // sum(nn) leaves pairwise(nn elements at the pointers) in s and the pointers just past them.
    const levels = Array.from({ length: PW_DEPTH }, () => ({ n2: fb.local(I32), rest: fb.local(I32), left: fb.local(F64) }));
    const sum = (nn: number, depth: number): void => {
      fb.get(nn).emit(...i32const(128), OP.i32LeU, OP.if, 0x40);
      leaf(nn);
      fb.emit(OP.else);
      if (depth < PW_DEPTH) {
        const L = levels[depth];
        fb.get(nn).emit(...i32const(1), OP.i32ShrU, ...i32const(-8), OP.i32And).set(L.n2);
        fb.get(nn).get(L.n2).emit(OP.i32Sub).set(L.rest);
        sum(L.n2, depth + 1);
        fb.get(s).set(L.left);
        sum(L.rest, depth + 1);
        fb.get(L.left).get(s).emit(...ADD).set(s);
      } else {
        for (const k of inputs) fb.get(q(k));
        fb.get(nn);
        for (let t = 0; t < j; t++) fb.get(r(t));
        fb.emit(OP.call, ...uleb(fnBase + j)).set(s);
        for (const k of inputs) {
          if (innerClasses[k] === "unit") fb.get(q(k)).get(nn).emit(...i32const(dtypes[k].itemsize), OP.i32Mul, OP.i32Add).set(q(k));
        }
      }
      fb.emit(OP.end);
    };
    sum(nL, 0);
    fb.get(s);
    return fb;
  });

  // one row at the operand addresses in `cur`: its phases (computed here, or `given` as f64
  // parameters by a caller that summed the halves of a long row on two threads), then the writes
  const emitRow = (fb: FnBuilder, cur: readonly number[], nI: number, given: readonly number[] | null) => {
    const rj = given ?? spec.phases.map(() => fb.local(F64));
    const phaseLeaf = (x: Node): VT | null => {
      const pj = spec.phaseRefs.get(x);
      if (pj === undefined) return null;
      fb.get(rj[pj]);
      return "f64";
    };
    spec.phases.forEach((ph, j) => {
      if (given) {
        // the caller's sum of the two halves, rounded below as any phase
      } else if (smallInner !== null) {
        // a few elements: NumPy's short pairwise case is a running sum from 0, inlined here
        fb.emit(...f64const(0));
        for (let e = 0; e < smallInner; e++) {
          compileExpr(fb, ph.src[0], (x) => {
            const pv = phaseLeaf(x);
            if (pv) return pv;
            const k = leafIndex.get(x);
            return k === undefined ? null : emitLoad(fb, cur[k], dtypes[k], innerClasses[k] === "unit" ? e * dtypes[k].itemsize : 0);
          });
          fb.emit(OP.f64Add);
          if (ph.dtype.name === "float32") fb.emit(OP.f32DemoteF64, OP.f64PromoteF32);
        }
        fb.set(rj[j]);
      } else {
        for (const k of inputs) fb.get(cur[k]);
        fb.get(nI);
        for (let t = 0; t < j; t++) fb.get(rj[t]);
        fb.emit(OP.call, ...uleb(fnBase + j)).set(rj[j]);
      }
      // a float32 phase holds NumPy's float32 value
      if (ph.dtype.name === "float32") fb.get(rj[j]).emit(OP.f32DemoteF64, OP.f64PromoteF32).set(rj[j]);
    });
    if (spec.mode === "phase") {
      fb.get(cur[0]).get(rj[rj.length - 1]);
      emitStore(fb, dtypes[0], "f64");
    } else if (spec.mode === "outer") {
      fb.get(cur[0]);
      emitStore(fb, dtypes[0], compileExpr(fb, spec.root, phaseLeaf));
    } else {
      const t = dtypes.map(() => fb.local(I32));
      dtypes.forEach((_, k) => fb.get(cur[k]).set(t[k]));
      const i = fb.local(I32);
      const hoisted = hoistInvariants(fb, spec.root, (x) => leafIndex.has(x) && !spec.phaseRefs.has(x), phaseLeaf);
      const isLeafV = (x: Node) => leafIndex.has(x) || spec.phaseRefs.has(x) || hoisted.has(x);
      const unitOut = innerClasses[0] === "unit";
      if (unitOut && dtypes[0].kind === "f" && simdable(spec.root, isLeafV) && [...hoisted.values()].every(([, vt]) => vt === "f64")) {
        // pairs of lanes first; the scalar loop below finishes the row
        const pairs = fb.local(I32);
        fb.get(nI).emit(...i32const(1), OP.i32ShrU).set(pairs);
        countedLoop(fb, i, () => fb.get(pairs), () => {
          fb.get(t[0]);
          compileExprV(fb, spec.root, (x) => {
            const h = hoisted.get(x);
            const pj = spec.phaseRefs.get(x);
            if (h || pj !== undefined) {
              fb.get(h ? h[0] : rj[pj!]).emit(...simd(SIMD.f64x2Splat));
              return true;
            }
            const k = leafIndex.get(x);
            if (k === undefined) return false;
            emitLoadV(fb, t[k], dtypes[k], 0, innerClasses[k] === "unit");
            return true;
          });
          emitStoreV(fb, dtypes[0], 0);
          for (let k = 0; k < nops; k++) if (innerClasses[k] === "unit") fb.addTo(t[k], 2 * dtypes[k].itemsize);
        });
        fb.get(nI).emit(...i32const(1), OP.i32And).set(pairs);
        countedLoop(fb, i, () => fb.get(pairs), () => epilogueElement());
      } else countedLoop(fb, i, () => fb.get(nI), () => epilogueElement());
      function epilogueElement() {
        fb.get(t[0]);
        const vt = compileExpr(fb, spec.root, (x) => {
          const h = hoisted.get(x);
          if (h) {
            fb.get(h[0]);
            return h[1];
          }
          const pv = phaseLeaf(x);
          if (pv) return pv;
          const k = leafIndex.get(x);
          return k === undefined ? null : emitLoad(fb, t[k], dtypes[k], 0);
        });
        emitStore(fb, dtypes[0], vt);
        for (let k = 0; k < nops; k++) if (innerClasses[k] === "unit") fb.addTo(t[k], dtypes[k].itemsize);
      }
    }
  };

  // k: nested loops over the kept dims, a row at the bottom
  const levels = outerBytes.length;
  const params: ValType[] = [...dtypes.map(() => I32 as ValType), ...outerBytes.flatMap((d) => d.map(() => I32 as ValType)), ...outerBytes.map(() => I32 as ValType), I32];
  const fb = new FnBuilder(params, []);
  const strideParam = (l: number, k: number) => nops + l * nops + k;
  const extentParam = (l: number) => nops + levels * nops + l;
  const nI = nops + levels * nops + levels;
  const cur = dtypes.map(() => fb.local(I32));
  const rows = Array.from({ length: levels }, () => dtypes.map(() => fb.local(I32)));
  const nestLevel = (l: number) => {
    const src = l === 0 ? dtypes.map((_, k) => k) : rows[l - 1];
    if (l === levels) {
      dtypes.forEach((_, k) => fb.get(src[k]).set(cur[k]));
      emitRow(fb, cur, nI, null);
      return;
    }
    dtypes.forEach((_, k) => fb.get(src[k]).set(rows[l][k]));
    const c = fb.local(I32);
    countedLoop(fb, c, () => fb.get(extentParam(l)), () => {
      nestLevel(l + 1);
      dtypes.forEach((_, k) => fb.get(rows[l][k]).get(strideParam(l, k)).emit(OP.i32Add).set(rows[l][k]));
    });
  };
  nestLevel(0);
  // e(out, in0, ..., n, r_0, ...): one row whose phase sums are given
  const fe = new FnBuilder([...dtypes.map(() => I32 as ValType), I32, ...spec.phases.map(() => F64 as ValType)], []);
  emitRow(fe, dtypes.map((_, k) => k), nops, spec.phases.map((_, j) => nops + 1 + j));
  const more: [string, number][] = [...pws.map((_, j): [string, number] => [`p${j}`, 1 + j]), ["e", 1 + pws.length]];
  const tail = [...outerBytes.flat(), ...outerExtents, nInner];
  const rowsTotal = outerExtents.reduce((p, n) => p * n, 1);
  const par: ParSplit | undefined = smallInner !== null ? undefined
    : rowsTotal === 1
      ? { extentAt: tail.length - 1, steps: dtypes.map((d, k) => (innerClasses[k] === "unit" ? d.itemsize : 0)), work: nInner, pairwise: { float32: spec.phases.map((p) => p.dtype.name === "float32") } }
      : outerExtents[0] >= 2 ? { extentAt: levels * nops, steps: [...outerBytes[0]], work: rowsTotal * nInner } : undefined;
  return { bytes: withConstants(moduleBytes([fb, ...pws, fe], asImports(imports.list), more)), tail, par };
}

/**
 * A float64 sum along slow axes, accumulated row by row straight into a contiguous output (NumPy's
 * order for axis-0 sums), then, for means, the per-output expression in place.
 * `k(out, in0, ..., rowBytes_in0, ..., nRows, nCols)`.
 */
export function renderWasmColumn(spec: KernelSpec, innerClasses: readonly StrideClass[], leafIndex: Map<Node, number>, dtypes: readonly DType[], rowBytes: readonly number[], nRows: number, nCols: number): WasmKernel | null {
  const ph = spec.phases[0];
  if (spec.phases.length !== 1 || ph.reduceArg.op !== "sum" || ph.dtype.name !== "float64" || dtypes[0].name !== "float64") return null;
  if (!dtypes.every(supportedDType) || innerClasses.slice(1).includes("gen")) return null;
  const isLeaf = (x: Node) => leafIndex.has(x) || spec.phaseRefs.has(x);
  const exprs = [ph.src[0], ...(spec.mode === "outer" ? [spec.root] : [])];
  for (const e of exprs) for (const x of walkKernel(e)) if (!supportedNode(x, isLeaf)) return null;
  const imports = importsOf(exprs);
  if (imports.list.length && !imports.native) return null;
  CALLS = imports.table;
  beginConstants();
  const nops = dtypes.length;
  const inputs = Array.from({ length: nops - 1 }, (_, k) => k + 1);
  const params: ValType[] = [...dtypes.map(() => I32 as ValType), ...inputs.map(() => I32 as ValType), I32, I32];
  const fb = new FnBuilder(params, []);
  const rowStride = (k: number) => nops + k - 1;
  const nR = 2 * nops - 1, nC = 2 * nops;
  const j = fb.local(I32), r = fb.local(I32), t = dtypes.map(() => fb.local(I32));
  const each = (body: (e: number) => void, ptrs: number[], sizes: (k: number) => number) => {
    // four columns per trip, then the rest
    fb.emit(...i32const(0)).set(j);
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(j).emit(...i32const(4), OP.i32Add).get(nC).emit(OP.i32GtU, OP.brIf, 1);
    for (let e = 0; e < 4; e++) body(e);
    for (const k of ptrs) fb.addTo(t[k], 4 * sizes(k));
    fb.addTo(j, 4);
    fb.emit(OP.br, 0, OP.end, OP.end);
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(j).get(nC).emit(OP.i32GeU, OP.brIf, 1);
    body(0);
    for (const k of ptrs) fb.addTo(t[k], sizes(k));
    fb.addTo(j, 1);
    fb.emit(OP.br, 0, OP.end, OP.end);
  };
  const unitInputs = inputs.filter((k) => innerClasses[k] === "unit");
  // out = 0
  fb.get(0).set(t[0]);
  each((e) => fb.get(t[0]).emit(...f64const(0), OP.f64Store, 3, ...uleb(8 * e)), [0], () => 8);
  fb.emit(...i32const(0)).set(r);
  if (simdable(ph.src[0], isLeaf)) {
    // four rows per pass, two columns per step: out[j] + row r + row r+1 + ... is still NumPy's
    // row-by-row order for every element, with one load and store of out per four rows
    const p = [0, 1, 2, 3].map(() => inputs.map(() => fb.local(I32)));
    const o = fb.local(I32);
    const ptr = (q: number, k: number) => p[q][k - 1];
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(r).emit(...i32const(4), OP.i32Add).get(nR).emit(OP.i32GtU, OP.brIf, 1);
    for (const k of inputs) for (let q = 0; q < 4; q++) fb.get(k).get(rowStride(k)).emit(...i32const(q), OP.i32Mul, OP.i32Add).set(ptr(q, k));
    fb.get(0).set(o);
    fb.emit(...i32const(0)).set(j);
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(j).emit(...i32const(2), OP.i32Add).get(nC).emit(OP.i32GtU, OP.brIf, 1);
    fb.get(o).get(o).emit(...simd(SIMD.load, 3, 0));
    for (let q = 0; q < 4; q++) {
      compileExprV(fb, ph.src[0], (x) => {
        const k = leafIndex.get(x);
        if (k === undefined) return false;
        emitLoadV(fb, ptr(q, k), dtypes[k], 0, innerClasses[k] === "unit");
        return true;
      });
      fb.emit(...simd(SIMD.f64x2Add));
    }
    fb.emit(...simd(SIMD.store, 3, 0));
    fb.addTo(o, 16);
    for (const k of unitInputs) for (let q = 0; q < 4; q++) fb.addTo(ptr(q, k), 2 * dtypes[k].itemsize);
    fb.addTo(j, 2);
    fb.emit(OP.br, 0, OP.end, OP.end);
    // an odd last column
    fb.get(j).get(nC).emit(OP.i32LtU, OP.if, 0x40);
    fb.get(o).get(o).emit(OP.f64Load, 3, 0);
    for (let q = 0; q < 4; q++) {
      compileExpr(fb, ph.src[0], (x) => {
        const k = leafIndex.get(x);
        return k === undefined ? null : emitLoad(fb, ptr(q, k), dtypes[k], 0);
      });
      fb.emit(OP.f64Add);
    }
    fb.emit(OP.f64Store, 3, 0, OP.end);
    for (const k of inputs) fb.get(k).get(rowStride(k)).emit(...i32const(4), OP.i32Mul, OP.i32Add).set(k);
    fb.addTo(r, 4);
    fb.emit(OP.br, 0, OP.end, OP.end);
  }
  // out += row, for every (remaining) row
  fb.emit(OP.block, 0x40, OP.loop, 0x40);
  fb.get(r).get(nR).emit(OP.i32GeU, OP.brIf, 1);
  {
    fb.get(0).set(t[0]);
    for (const k of inputs) fb.get(k).set(t[k]);
    each((e) => {
      fb.get(t[0]).get(t[0]).emit(OP.f64Load, 3, ...uleb(8 * e));
      compileExpr(fb, ph.src[0], (x) => {
        const k = leafIndex.get(x);
        return k === undefined ? null : emitLoad(fb, t[k], dtypes[k], innerClasses[k] === "unit" ? e * dtypes[k].itemsize : 0);
      });
      fb.emit(OP.f64Add, OP.f64Store, 3, ...uleb(8 * e));
    }, [0, ...unitInputs], (k) => dtypes[k].itemsize);
    for (const k of inputs) fb.get(k).get(rowStride(k)).emit(OP.i32Add).set(k);
  }
  fb.addTo(r, 1);
  fb.emit(OP.br, 0, OP.end, OP.end);
  if (spec.mode === "outer") {
    fb.get(0).set(t[0]);
    each((e) => {
      fb.get(t[0]);
      const vt = compileExpr(fb, spec.root, (x) => {
        if (!spec.phaseRefs.has(x)) return null;
        fb.get(t[0]).emit(OP.f64Load, 3, ...uleb(8 * e));
        return "f64";
      });
      emitStore(fb, dtypes[0], vt, 8 * e);
    }, [0], () => 8);
  }
  // columns are independent: threads take column ranges
  const par: ParSplit = { extentAt: nops, steps: [8, ...inputs.map((k) => (innerClasses[k] === "unit" ? dtypes[k].itemsize : 0))], work: nRows * nCols, coarse: true };
  return { bytes: withConstants(moduleBytes([fb], asImports(imports.list))), tail: [...rowBytes, nRows, nCols], par };
}
