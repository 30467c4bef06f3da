/** @file Renders one kernel's expression DAG to JS statements: every value bound once to a `const`, per-op text from OP_DEFS (tinygrad renderer/cstyle.py). */
import type { DType } from "../../runtime/dtype.js";
import type { HelperName } from "../../runtime/kernel-helpers.js";
import { OP_DEFS, Op, isElemOp } from "../ir/ops.js";
import type { Node } from "../ir/node.js";
import { Emitter, numLiteral } from "./emitter.js";

/** A rendered value: one lane, or two for complex (re, im). */
export interface Val {
  re: string;
  im?: string;
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
  if (dt.name === "int64") return { re: `(${arr}[${p} + 1] * 4294967296 + (${arr}[${p}] >>> 0))` };
  if (dt.name === "uint64") return { re: `((${arr}[${p} + 1] >>> 0) * 4294967296 + (${arr}[${p}] >>> 0))` };
  // float16 lanes hold bits: the table gives the exact value
  if (dt.name === "float16") return { re: `H16[${arr}[${p}]]` };
  return { re: `${arr}[${p}]` };
}

export function storeText(dt: DType, arr: string, p: string, v: Val): string {
  if (dt.kind === "c") return `{ const wr = ${v.re}, wi = ${v.im ?? "0"}; ${arr}[${p}] = wr; ${arr}[${p} + 1] = wi; }`;
  if (dt.isWide) return `{ const w = ${v.re}; ${arr}[${p}] = w; ${arr}[${p} + 1] = Math.floor(w / 4294967296); }`;
  // the one rounding of a float16 result (a Uint16Array store would truncate the double instead)
  if (dt.name === "float16") return `${arr}[${p}] = d2h(${v.re});`;
  return `${arr}[${p}] = ${v.re};`;
}

export function constText(value: number | { re: number; im: number }, dt: DType): Val {
  if (typeof value === "number") return dt.kind === "c" ? { re: numLiteral(value), im: "0" } : { re: numLiteral(value) };
  return { re: numLiteral(value.re), im: numLiteral(value.im) };
}

function castText(from: DType, to: DType, v: Val, use: (h: HelperName) => void): Val {
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

function bind(ctx: ExprContext, _n: Node, v: Val): Val {
  if (/^[A-Za-z_$][\w$]*$/.test(v.re) && (v.im === undefined || /^[A-Za-z_$][\w$]*$/.test(v.im))) return v;
  const t = ctx.fresh();
  if (v.im === undefined) {
    ctx.em.emit(`const ${t} = ${v.re};`);
    return { re: t };
  }
  ctx.em.emit(`const ${t}_re = ${v.re}, ${t}_im = ${v.im};`);
  return { re: `${t}_re`, im: `${t}_im` };
}
