/** @file Renders one kernel's expression DAG to JS statements: every value bound once to a `const`, per-op text from OP_DEFS (tinygrad renderer/cstyle.py). */
import type { DType } from "../../runtime/dtype.js";
import type { HelperName } from "../../runtime/kernel-helpers.js";
import { OP_DEFS, Op, isElemOp } from "../ir/ops.js";
import type { Node } from "../ir/node.js";
import { Emitter, numLiteral } from "./emitter.js";

/**
 * A rendered value: one lane, or two for complex (re, im). An int64/uint64 value may also carry
 * its two 32-bit words (hi as the signed lane, lo as 0..2**32-1): the operations wideOp knows stay
 * exact over all 64 bits on them and wrap as NumPy's do; the others read `re`, the value as a
 * double (exact up to 2**53).
 */
export interface Val {
  re: string;
  im?: string;
  hi?: string;
  lo?: string;
}

const TWO32 = 4294967296;

/** The double of two words: signed for int64, unsigned for uint64. */
const wordsToDouble = (dt: DType, hi: string, lo: string): string =>
  dt.name === "uint64" ? `((${hi} >>> 0) * ${TWO32} + ${lo})` : `(${hi} * ${TWO32} + ${lo})`;

export const words = (dt: DType, hi: string, lo: string): Val => ({ re: wordsToDouble(dt, hi, lo), hi, lo });

/** The words of a wide value: its own, or split from its double (an integer below 2**63 in magnitude). */
export function wordsOf(v: Val): { hi: string; lo: string } {
  if (v.hi !== undefined) return { hi: v.hi, lo: v.lo! };
  return { hi: `(Math.floor(${v.re} / ${TWO32}) | 0)`, lo: `(${v.re} >>> 0)` };
}

/** `p < q` (or <=) on words: hi signed for int64, unsigned for uint64; lo unsigned. */
export function wordsLess(dt: DType, p: { hi: string; lo: string }, q: { hi: string; lo: string }, orEqual: boolean): string {
  const H = (x: string) => (dt.name === "uint64" ? `(${x} >>> 0)` : x);
  return `(${H(p.hi)} < ${H(q.hi)} || (${p.hi} === ${q.hi} && ${p.lo} ${orEqual ? "<=" : "<"} ${q.lo}))`;
}

/** Keeps an integer result inside its dtype, as NumPy's fixed-width arithmetic does. */
export function wrapInt(dt: DType, x: string): string {
  switch (dt.name) {
    case "int8": return `(${x} << 24 >> 24)`;
    case "uint8": return `(${x} & 255)`;
    case "int16": return `(${x} << 16 >> 16)`;
    case "uint16": return `(${x} & 65535)`;
    case "int32": return `(${x} | 0)`;
    case "uint32": return `(${x} >>> 0)`;
    default: return x; // int64/uint64: exact up to 2**53, wrapped to 64 bits on store
  }
}

export function loadText(dt: DType, arr: string, p: string): Val {
  if (dt.kind === "c") return { re: `${arr}[${p}]`, im: `${arr}[${p} + 1]` };
  if (dt.isWide) return words(dt, `${arr}[${p} + 1]`, `(${arr}[${p}] >>> 0)`);
  // float16 lanes hold bits: the table gives the exact value
  if (dt.name === "float16") return { re: `H16[${arr}[${p}]]` };
  return { re: `${arr}[${p}]` };
}

export function storeText(dt: DType, arr: string, p: string, v: Val): string {
  if (dt.kind === "c") return `{ const wr = ${v.re}, wi = ${v.im ?? "0"}; ${arr}[${p}] = wr; ${arr}[${p} + 1] = wi; }`;
  if (dt.isWide && v.hi !== undefined) return `{ ${arr}[${p}] = ${v.lo}; ${arr}[${p} + 1] = ${v.hi}; }`;
  if (dt.isWide) return `{ const w = ${v.re}; ${arr}[${p}] = w; ${arr}[${p} + 1] = Math.floor(w / 4294967296); }`;
  // the one rounding of a float16 result (a Uint16Array store would truncate the double instead)
  if (dt.name === "float16") return `${arr}[${p}] = d2h(${v.re});`;
  return `${arr}[${p}] = ${v.re};`;
}

export function constText(value: number | { re: number; im: number }, dt: DType): Val {
  if (typeof value === "number" && dt.isWide && Number.isInteger(value)) {
    const hi = Math.floor(value / TWO32);
    return words(dt, numLiteral(hi | 0), numLiteral(value - hi * TWO32));
  }
  if (typeof value === "number") return dt.kind === "c" ? { re: numLiteral(value), im: "0" } : { re: numLiteral(value) };
  return { re: numLiteral(value.re), im: numLiteral(value.im) };
}

function castText(from: DType, to: DType, v: Val, use: (h: HelperName) => void): Val {
  if (to.isWide && from.isWide && v.hi !== undefined) return words(to, v.hi, v.lo!);
  // to a narrower integer or bool: the low word (or both) decide, exactly
  if (from.isWide && v.hi !== undefined) {
    if (to.kind === "b") return { re: `(${v.hi} !== 0 || ${v.lo} !== 0)` };
    if ((to.kind === "i" || to.kind === "u") && !to.isWide) return { re: wrapInt(to, v.lo!) };
  }
  // every narrower integer (and bool) is exact in a double: its words follow from its sign
  if (to.isWide && (from.kind === "i" || from.kind === "u" || from.kind === "b") && !from.isWide) {
    const x = from.kind === "b" ? `(+${v.re})` : v.re;
    return words(to, `(${x} < 0 ? -1 : 0)`, `(${x} >>> 0)`);
  }
  if (to.kind === "b") return { re: from.kind === "c" ? `(${v.re} !== 0 || ${v.im} !== 0)` : `(${v.re} !== 0)` };
  const x = from.kind === "b" ? `(+${v.re})` : v.re;
  if (to.kind === "c") {
    const im = from.kind === "c" ? v.im! : "0";
    return to.name === "complex64" && from.name !== "complex64" && from.itemsize > 2
      ? { re: `Math.fround(${x})`, im: `Math.fround(${im})` }
      : { re: x, im };
  }
  if (to.name === "float16") {
    // bool, int8 and uint8 values are all exact halves
    if (from.name === "float16" || from.itemsize === 1) return { re: x };
    use("fround16");
    return { re: `fround16(${x})` };
  }
  if (to.kind === "f") return to.name === "float32" && (from.kind === "f" || from.kind === "c" || from.itemsize >= 4) ? { re: `Math.fround(${x})` } : { re: x };
  // integer targets
  if (from.kind === "f" || from.kind === "c") {
    const h: HelperName = to.name === "uint64" ? "f2u64" : to.name === "uint32" || to.name === "int64" ? "f2i64" : "f2i32";
    use(h);
    return { re: wrapInt(to, `${h}(${x})`) };
  }
  // a negative int64 keeps its two's-complement bits as uint64: the store writes them exactly,
  // where adding 2**64 would round them away (values past 2**53 are inexact in kernels anyway)
  if (to.name === "uint64" && from.kind === "i") return { re: x };
  if (to.name === "int64" && from.name === "uint64") return { re: `(${x} >= 9223372036854775808 ? ${x} - 18446744073709551616 : ${x})` };
  return { re: wrapInt(to, x) };
}

export interface ExprContext {
  em: Emitter;
  /** values already bound in this scope */
  memo: Map<Node, Val>;
  /** how a leaf (load or phase ref) is read */
  leaf(n: Node): Val | undefined;
  useHelper(h: HelperName): void;
  fresh(): string;
}

/** Render `root`, emitting `const` bindings for every interior node; returns the root's value. */
export function renderExpr(ctx: ExprContext, root: Node): Val {
  const go = (n: Node): Val => {
    const hit = ctx.memo.get(n);
    if (hit) return hit;
    let v = ctx.leaf(n);
    if (!v) {
      if (n.op === Op.Const) v = constText(n.constValue, n.dtype);
      else v = bind(ctx, n, op(n, n.src.map(go)));
    }
    ctx.memo.set(n, v);
    return v;
  };
  const op = (n: Node, a: Val[]): Val => {
    if (n.op === Op.Cast) return castText(n.src[0].dtype, n.dtype, a[0], ctx.useHelper);
    if (n.op === Op.Where) {
      const c = `(${a[0].re})`;
      if (n.dtype.isWide && a[1].hi !== undefined && a[2].hi !== undefined) return words(n.dtype, `(${c} ? ${a[1].hi} : ${a[2].hi})`, `(${c} ? ${a[1].lo} : ${a[2].lo})`);
      return n.dtype.kind === "c" ? { re: `(${c} ? ${a[1].re} : ${a[2].re})`, im: `(${c} ? ${a[1].im} : ${a[2].im})` } : { re: `(${c} ? ${a[1].re} : ${a[2].re})` };
    }
    if (!isElemOp(n.op)) throw new Error(`internal: cannot render ${n.op} inside a kernel`);
    const def = OP_DEFS[n.op];
    const dt = n.src[0].dtype;
    for (const h of (dt.kind === "c" ? def.chelpers : def.helpers) ?? []) ctx.useHelper(h);
    if (dt.kind === "c") {
      if (!def.cjs) throw new Error(`internal: ${n.op} has no complex form`);
      const r = def.cjs([a[0].re, a[0].im!], a[1] ? [a[1].re, a[1].im!] : ["0", "0"], dt);
      if (r.pre) {
        // helper results land in the shared scratch pair: copy them out at once
        ctx.em.emit(r.pre);
        const t = ctx.fresh();
        ctx.em.emit(`const ${t}_re = ${r.re}, ${t}_im = ${r.im};`);
        return { re: `${t}_re`, im: `${t}_im` };
      }
      return r.im === undefined ? { re: r.re } : { re: r.re, im: r.im };
    }
    if (dt.isWide && a.every((x) => x.hi !== undefined)) {
      const w = wideOp(ctx, n.op, dt, a);
      if (w) return w;
    }
    if (dt.isWide && (n.op === Op.BitAnd || n.op === Op.BitOr || n.op === Op.BitXor)) ctx.useHelper(n.op === Op.BitAnd ? "bit64and" : n.op === Op.BitOr ? "bit64or" : "bit64xor");
    const text = def.js(a[0].re, a[1]?.re ?? "", dt);
    const isIntResult = def.out === "same" && (dt.kind === "i" || dt.kind === "u");
    // NumPy rounds each float16 ufunc's result to half: so does every float16 node of a fused chain
    if (n.dtype.name === "float16") {
      ctx.useHelper("fround16");
      return { re: `fround16(${text})` };
    }
    return { re: isIntResult ? wrapInt(dt, text) : text };
  };
  return go(root);
}

/**
 * Word-by-word int64/uint64 operations: exact over 64 bits with NumPy's wraparound. Null for the
 * ones computed on doubles (divide, powers, shifts, ...).
 */
function wideOp(ctx: ExprContext, op: Op, dt: DType, a: Val[]): Val | null {
  const [x, y] = a;
  const u = dt.name === "uint64";
  const less = (p: Val, q: Val, orEqual: boolean) => wordsLess(dt, wordsOf(p), wordsOf(q), orEqual);
  const sum = (p: Val, q: Val, sign: "+" | "-"): Val => {
    const t = ctx.fresh();
    ctx.em.emit(`const ${t} = ${p.lo} ${sign} ${q.lo};`);
    const carry = sign === "+" ? `(${t} > 4294967295 ? 1 : 0)` : `(${t} < 0 ? 1 : 0)`;
    return words(dt, `((${p.hi} ${sign} ${q.hi} ${sign} ${carry}) | 0)`, `(${t} >>> 0)`);
  };
  const zero: Val = words(dt, "0", "0");
  switch (op) {
    case Op.Add: return sum(x, y, "+");
    case Op.Sub: return sum(x, y, "-");
    case Op.Neg: return sum(zero, x, "-");
    case Op.Square:
      return wideOp(ctx, Op.Mul, dt, [x, x]);
    case Op.Invert:
      return words(dt, `(~${x.hi})`, `((~${x.lo}) >>> 0)`);
    case Op.Popcount:
      ctx.useHelper("popcount64");
      return words(dt, "0", `popcount64(${x.hi}, ${x.lo}, ${u ? 1 : 0})`);
    case Op.Gcd:
    case Op.Lcm: {
      ctx.useHelper("gcdlcm64");
      return bindWords(ctx, dt, null, (t) => fromW64(ctx, t, `gcdlcm64(${x.hi}, ${x.lo}, ${y.hi}, ${y.lo}, ${u ? 1 : 0}, ${op === Op.Lcm ? 1 : 0})`));
    }
    case Op.Mul: {
      // a product within 2**53 is exact in doubles (the usual case); past it, the low 64 bits from
      // the words: lo*lo in full (mulhi32 for its high word), the cross terms mod 2**32
      ctx.useHelper("mulhi32");
      return bindWords(ctx, dt, (t) => [`const ${t}_a = ${x.re} * ${y.re};`, `Math.abs(${t}_a) < ${TWO53}`, fromDouble(t, `${t}_a`)],
        (t) => `${t}_hi = (mulhi32(${x.lo}, ${y.lo}) + Math.imul(${x.hi}, ${y.lo}) + Math.imul(${x.lo}, ${y.hi})) | 0; ${t}_lo = Math.imul(${x.lo}, ${y.lo}) >>> 0;`);
    }
    case Op.Abs: {
      if (u) return x;
      const m = sum(zero, x, "-");
      const neg = `(${x.hi} < 0)`;
      return words(dt, `(${neg} ? ${m.hi} : ${x.hi})`, `(${neg} ? ${m.lo} : ${x.lo})`);
    }
    case Op.Lt: return { re: less(x, y, false) };
    case Op.Le: return { re: less(x, y, true) };
    case Op.Gt: return { re: less(y, x, false) };
    case Op.Ge: return { re: less(y, x, true) };
    case Op.Eq: return { re: `(${x.hi} === ${y.hi} && ${x.lo} === ${y.lo})` };
    case Op.Ne: return { re: `(${x.hi} !== ${y.hi} || ${x.lo} !== ${y.lo})` };
    case Op.Max:
    case Op.Min:
    case Op.Fmax:
    case Op.Fmin: {
      // integers have no NaN: fmax/fmin are maximum/minimum
      const c = op === Op.Max || op === Op.Fmax ? less(y, x, false) : less(x, y, false);
      return words(dt, `(${c} ? ${x.hi} : ${y.hi})`, `(${c} ? ${x.lo} : ${y.lo})`);
    }
    case Op.Pow: {
      // a power within 2**53 is exact in doubles (ipow throws NumPy's error for negative exponents);
      // past it, squaring on words mod 2**64
      for (const name of ["ipow", "ipow64"] as const) ctx.useHelper(name);
      return bindWords(ctx, dt, (t) => [`const ${t}_a = ipow(${x.re}, ${y.re});`, `Math.abs(${t}_a) < ${TWO53}`, fromDouble(t, `${t}_a`)],
        (t) => fromW64(ctx, t, `ipow64(${x.hi}, ${x.lo}, ${y.hi}, ${y.lo}, ${u ? 1 : 0})`));
    }
    case Op.FloorDiv:
    case Op.Mod: {
      // exact in doubles up to 2**53, past it the helper divides bigints (rare values, not every element)
      const h = op === Op.Mod ? "imod" : "ifloordiv";
      for (const name of ["divmod64", h] as const) ctx.useHelper(name);
      return bindWords(ctx, dt, (t) => [`const ${t}_a = ${x.re}, ${t}_b = ${y.re};`, `Math.abs(${t}_a) <= ${TWO53} && Math.abs(${t}_b) <= ${TWO53}`, `const q = ${h}(${t}_a, ${t}_b); ${fromDouble(t, "q")}`],
        (t) => fromW64(ctx, t, `divmod64(${x.hi}, ${x.lo}, ${y.hi}, ${y.lo}, ${u ? 1 : 0}, ${op === Op.Mod ? 1 : 0})`));
    }
    case Op.Shl:
    case Op.Shr: {
      // a constant shift of 0..63 (the usual `a << 3`) moves words at render time
      const k = /^\d+$/.test(y.lo!) && y.hi === "0" ? Number(y.lo) : -1;
      if (k < 0 || k > 63) {
        // an amount per element: 1..31 inline, the rest (0, 32..63, out of range) through the helper
        ctx.useHelper("shift64");
        const fast = (t: string) => {
          const n = `${t}_a`;
          return op === Op.Shl
            ? `${t}_hi = (${x.hi} << ${n}) | (${x.lo} >>> (32 - ${n})); ${t}_lo = (${x.lo} << ${n}) >>> 0;`
            : `${t}_hi = ${x.hi} ${u ? ">>>" : ">>"} ${n} | 0; ${t}_lo = ((${x.lo} >>> ${n}) | (${x.hi} << (32 - ${n}))) >>> 0;`;
        };
        return bindWords(ctx, dt, (t) => [`const ${t}_a = ${y.lo};`, `${y.hi} === 0 && ${t}_a > 0 && ${t}_a < 32`, fast(t)],
          (t) => fromW64(ctx, t, `shift64(${x.hi}, ${x.lo}, ${y.hi}, ${y.lo}, ${op === Op.Shl ? 1 : 0}, ${u ? 1 : 0})`));
      }
      if (k === 0) return x;
      if (op === Op.Shl) {
        return k < 32
          ? words(dt, `((${x.hi} << ${k}) | (${x.lo} >>> ${32 - k}))`, `((${x.lo} << ${k}) >>> 0)`)
          : words(dt, `(${x.lo} << ${k - 32})`, "0");
      }
      const sr = u ? ">>>" : ">>"; // NumPy shifts int64 arithmetically, uint64 logically
      return k < 32
        ? words(dt, `((${x.hi} ${sr} ${k}) | 0)`, `(((${x.lo} >>> ${k}) | (${x.hi} << ${32 - k})) >>> 0)`)
        : words(dt, u ? "0" : `(${x.hi} >> 31)`, `((${x.hi} ${sr} ${k - 32}) >>> 0)`);
    }
    case Op.BitAnd: return words(dt, `(${x.hi} & ${y.hi})`, `((${x.lo} & ${y.lo}) >>> 0)`);
    case Op.BitOr: return words(dt, `(${x.hi} | ${y.hi})`, `((${x.lo} | ${y.lo}) >>> 0)`);
    case Op.BitXor: return words(dt, `(${x.hi} ^ ${y.hi})`, `((${x.lo} ^ ${y.lo}) >>> 0)`);
    default: return null;
  }
}

const TWO53 = 9007199254740992;

/**
 * Words bound to fresh `t_hi`, `t_lo`. `fast(t)` gives a statement to run first, a condition and
 * the assignments when it holds (a double fast path); `slow(t)` the assignments otherwise (or
 * always, when there is no fast path).
 */
function bindWords(ctx: ExprContext, dt: DType, fast: ((t: string) => [string, string, string]) | null, slow: (t: string) => string): Val {
  const t = ctx.fresh();
  if (fast) {
    const [pre, cond, assign] = fast(t);
    ctx.em.emit(pre, `let ${t}_hi, ${t}_lo;`, `if (${cond}) { ${assign} } else { ${slow(t)} }`);
  } else ctx.em.emit(`let ${t}_hi, ${t}_lo;`, slow(t));
  return words(dt, `${t}_hi`, `${t}_lo`);
}

/** Assignments of a double integer's words. */
const fromDouble = (t: string, d: string) => `${t}_hi = Math.floor(${d} / ${TWO32}) | 0; ${t}_lo = ${d} >>> 0;`;

/** A helper call that leaves its words in W64, then their assignments. */
function fromW64(ctx: ExprContext, t: string, call: string): string {
  ctx.useHelper("W64");
  return `${call}; ${t}_hi = W64[1]; ${t}_lo = W64[0] >>> 0;`;
}

function bind(ctx: ExprContext, n: Node, v: Val): Val {
  if (v.hi !== undefined) {
    // the two words are what wide operations read; the double is formed only where it is used
    const t = ctx.fresh();
    ctx.em.emit(`const ${t}_hi = ${v.hi}, ${t}_lo = ${v.lo};`);
    return words(n.dtype, `${t}_hi`, `${t}_lo`);
  }
  if (/^[A-Za-z_$][\w$]*$/.test(v.re) && (v.im === undefined || /^[A-Za-z_$][\w$]*$/.test(v.im))) return v;
  const t = ctx.fresh();
  if (v.im === undefined) {
    ctx.em.emit(`const ${t} = ${v.re};`);
    return { re: t };
  }
  ctx.em.emit(`const ${t}_re = ${v.re}, ${t}_im = ${v.im};`);
  return { re: `${t}_re`, im: `${t}_im` };
}
