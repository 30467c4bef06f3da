/** @file WebAssembly renderer for contiguous elementwise kernels on float and bool data: the same expression as the JS kernel, compiled to a loop over the shared wasm memory (about twice the speed V8 gets from JS loops). */
import type { DType } from "../../runtime/dtype.js";
import { Op } from "../ir/ops.js";
import type { Node } from "../ir/node.js";
import type { KernelSpec } from "../schedule.js";
import { walkKernel } from "../schedule.js";

/** wasm value kinds: f64 for float data, i32 for bools */
type VT = "f64" | "i32";

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));
const f64const = (v: number): number[] => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)];

const I32 = 0x7f, F64 = 0x7c;
const OP = {
  localGet: 0x20, localSet: 0x21, localTee: 0x22, i32Const: 0x41, select: 0x1b,
  i32Add: 0x6a, i32GeU: 0x4f, i32Eqz: 0x45, i32And: 0x71, i32Or: 0x72, i32Xor: 0x73, i32Ne: 0x47,
  f64Abs: 0x99, f64Neg: 0x9a, f64Ceil: 0x9b, f64Floor: 0x9c, f64Trunc: 0x9d, f64Nearest: 0x9e, f64Sqrt: 0x9f,
  f64Add: 0xa0, f64Sub: 0xa1, f64Mul: 0xa2, f64Div: 0xa3, f64Copysign: 0xa6,
  f64Eq: 0x61, f64Ne: 0x62, f64Lt: 0x63, f64Gt: 0x64, f64Le: 0x65, f64Ge: 0x66,
  f64Load: 0x2b, f32Load: 0x2a, i32Load8U: 0x2d, f64Store: 0x39, f32Store: 0x38, i32Store8: 0x3a,
  f32DemoteF64: 0xb6, f64PromoteF32: 0xbb, f64ConvertI32U: 0xb8,
};

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

/** Can this node be computed by the wasm renderer? (Transcendentals stay in JS: wasm has no exp or sin.) */
function supportedNode(n: Node): boolean {
  if (!supportedDType(n.dtype)) return false;
  switch (n.op) {
    case Op.Load: case Op.Const: return typeof n.arg !== "object" || n.op === Op.Load;
    case Op.Cast: return supportedDType(n.src[0].dtype);
    case Op.Where: return true;
    case Op.Max: case Op.Min: case Op.Square: case Op.IsNan: return n.src[0].dtype.kind === "f";
    case Op.Not: return true;
    default: {
      const s = n.src[0]?.dtype;
      if (!s) return false;
      if (s.kind === "b") return n.op in BOOL_OPS;
      return n.op in BINARY_F64 || n.op in COMPARE_F64 || n.op in UNARY_F64;
    }
  }
}

export interface WasmKernel {
  bytes: Uint8Array;
}

/**
 * A wasm module for `spec` when it is a contiguous 1-d elementwise kernel over float/bool data:
 * export `k(out, in0, ..., n)` taking byte addresses. Null when the JS kernel must run.
 */
export function renderWasm(spec: KernelSpec, classes: readonly ("unit" | "zero" | "gen")[], leafIndex: Map<Node, number>, dtypes: readonly DType[]): WasmKernel | null {
  if (spec.kind !== "E" || classes.includes("gen")) return null;
  if (!dtypes.every(supportedDType)) return null;
  for (const n of walkKernel(spec.root)) if (!supportedNode(n)) return null;
  const nops = dtypes.length;
  // params: one byte pointer per operand, then n; locals: i, then one per shared value
  const nParam = nops + 1;
  const iLocal = nParam;
  const uses = new Map<Node, number>();
  for (const n of walkKernel(spec.root)) for (const s of n.op === Op.Load || n.op === Op.Const ? [] : n.src) uses.set(s, (uses.get(s) ?? 0) + 1);
  const localOf = new Map<Node, number>();
  const localTypes: number[] = [I32];
  const scratch = (vt: VT) => {
    localTypes.push(vt === "f64" ? F64 : I32);
    return nParam + localTypes.length - 1;
  };
  const code: number[] = [];
  const emitted = new Set<Node>();
  const itemsize = (k: number) => dtypes[k].itemsize;

  /** push node's value; shared nodes go through a local the first time */
  const value = (n: Node): VT => {
    const loc = localOf.get(n);
    if (loc !== undefined && emitted.has(n)) {
      code.push(OP.localGet, ...uleb(loc));
      return vtOf(n.dtype);
    }
    const vt = compute(n);
    if ((uses.get(n) ?? 0) > 1) {
      const l = scratch(vt);
      localOf.set(n, l);
      emitted.add(n);
      code.push(OP.localTee, ...uleb(l));
    }
    return vt;
  };
  const toF64 = (vt: VT) => {
    if (vt === "i32") code.push(OP.f64ConvertI32U);
  };
  const compute = (n: Node): VT => {
    if (n.op === Op.Const) {
      const v = n.arg as number;
      if (n.dtype.kind === "b") {
        code.push(OP.i32Const, v ? 1 : 0);
        return "i32";
      }
      code.push(...f64const(v));
      return "f64";
    }
    if (n.op === Op.Load) {
      const k = leafIndex.get(n)!;
      code.push(OP.localGet, ...uleb(k));
      const dt = dtypes[k];
      if (dt.name === "float64") code.push(OP.f64Load, 3, 0);
      else if (dt.name === "float32") code.push(OP.f32Load, 2, 0, OP.f64PromoteF32);
      else code.push(OP.i32Load8U, 0, 0);
      return vtOf(dt);
    }
    if (n.op === Op.Cast) {
      const from = n.src[0].dtype, to = n.dtype;
      const vt = value(n.src[0]);
      if (to.kind === "b") {
        if (vt === "f64") code.push(...f64const(0), OP.f64Ne);
        return "i32";
      }
      toF64(vt);
      if (to.name === "float32" && from.name !== "float32" && from.kind !== "b") code.push(OP.f32DemoteF64, OP.f64PromoteF32);
      return "f64";
    }
    if (n.op === Op.Where) {
      const vt = vtOf(n.dtype);
      const a = value(n.src[1]);
      if (vt === "f64") toF64(a);
      const b = value(n.src[2]);
      if (vt === "f64") toF64(b);
      const c = value(n.src[0]);
      if (c === "f64") code.push(...f64const(0), OP.f64Ne);
      code.push(OP.select);
      return vt;
    }
    const a = n.src[0], b = n.src[1];
    if (a.dtype.kind === "b") {
      value(a);
      if (n.op === Op.Not) code.push(OP.i32Eqz);
      else {
        value(b);
        code.push(BOOL_OPS[n.op]!);
      }
      return "i32";
    }
    switch (n.op) {
      case Op.Square: {
        const l = scratch("f64");
        value(a);
        code.push(OP.localTee, ...uleb(l), OP.localGet, ...uleb(l), OP.f64Mul);
        return "f64";
      }
      case Op.IsNan: {
        const l = scratch("f64");
        value(a);
        code.push(OP.localTee, ...uleb(l), OP.localGet, ...uleb(l), OP.f64Ne);
        return "i32";
      }
      case Op.Not:
        value(a);
        code.push(...f64const(0), OP.f64Eq);
        return "i32";
      case Op.Max:
      case Op.Min: {
        // NumPy: (a >= b || a !== a) ? a : b (and <= for minimum), signed zeros included
        const la = scratch("f64"), lb = scratch("f64");
        value(a);
        code.push(OP.localSet, ...uleb(la));
        value(b);
        code.push(OP.localSet, ...uleb(lb));
        code.push(OP.localGet, ...uleb(la), OP.localGet, ...uleb(lb));
        code.push(OP.localGet, ...uleb(la), OP.localGet, ...uleb(lb), n.op === Op.Max ? OP.f64Ge : OP.f64Le);
        code.push(OP.localGet, ...uleb(la), OP.localGet, ...uleb(la), OP.f64Ne, OP.i32Or, OP.select);
        return "f64";
      }
    }
    if (n.op in UNARY_F64) {
      value(a);
      code.push(UNARY_F64[n.op]!);
      return "f64";
    }
    value(a);
    value(b);
    if (n.op in COMPARE_F64) {
      code.push(COMPARE_F64[n.op]!);
      return "i32";
    }
    code.push(BINARY_F64[n.op]!);
    return "f64";
  };

  // loop: while (i < n) { out[i] = expr; advance unit pointers; i++ }
  const body: number[] = [];
  code.length = 0;
  code.push(OP.localGet, 0); // store address
  const vt = value(spec.root);
  const outDt = dtypes[0];
  if (outDt.kind === "b") {
    if (vt === "f64") code.push(...f64const(0), OP.f64Ne);
    code.push(OP.i32Store8, 0, 0);
  } else {
    toF64(vt);
    if (outDt.name === "float32") code.push(OP.f32DemoteF64, OP.f32Store, 2, 0);
    else code.push(OP.f64Store, 3, 0);
  }
  for (let k = 0; k < nops; k++) {
    if (classes[k] !== "unit") continue;
    code.push(OP.localGet, k, OP.i32Const, ...uleb(itemsize(k)), OP.i32Add, OP.localSet, k);
  }
  body.push(OP.i32Const, 0, OP.localSet, ...uleb(iLocal));
  body.push(0x02, 0x40, 0x03, 0x40); // block, loop
  body.push(OP.localGet, ...uleb(iLocal), OP.localGet, ...uleb(nops), OP.i32GeU, 0x0d, 1); // br_if exit
  body.push(...code);
  body.push(OP.localGet, ...uleb(iLocal), OP.i32Const, 1, OP.i32Add, OP.localSet, ...uleb(iLocal));
  body.push(0x0c, 0, 0x0b, 0x0b, 0x0b); // br loop, end loop, end block, end func

  const locals = vec(localTypes.map((t) => [1, t]));
  const fn = [...locals, ...body];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(Array.from({ length: nParam }, () => [I32])), 0]])),
    ...section(2, vec([[...name("m"), ...name("mem"), 0x02, 0x03, ...uleb(1), ...uleb(65536)]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name("k"), 0x00, 0]])),
    ...section(10, vec([[...uleb(fn.length), ...fn]])),
  ];
  return { bytes: new Uint8Array(bytes) };
}
