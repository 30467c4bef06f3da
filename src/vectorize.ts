/** @file np.vectorize and np.frompyfunc: plain JS functions as ufuncs, inlined into fused kernels when their source is a pure arithmetic expression, else called per element. */
import { parseExpressionAt } from "acorn";
import { cast, constant, elementwise, where, type Node } from "../compiler/ir/node.js";
import { Op, type ElemOp } from "../compiler/ir/ops.js";
import { expand } from "../compiler/ir/movement.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../runtime/errors.js";
import { isComplexObj, writeElement, type JSScalar } from "../runtime/scalar.js";
import { asarray, type ArrayLike } from "./convert.js";
import { emptyArray, NDArray } from "./ndarray.js";
import { broadcastShapes } from "./ufunc/ufunc.js";

// The inlined path mirrors what JS computes when it calls the function on each element: every value is
// a double (or a boolean), so expressions are built in float64 (bool for comparisons and !), and each
// construct maps to primitives whose bits equal the JS operator's. The user's source is only parsed:
// generated code is made from IR nodes, never from its text.

type Kind = "num" | "bool";
interface Val {
  node: Node;
  kind: Kind;
}
/** An expression over the parameters, built for given input nodes. */
type Builder = (inputs: readonly Val[], shape: readonly number[]) => Val;

class NotInlinable extends Error {}
const reject = (why: string): never => {
  throw new NotInlinable(why);
};

// acorn's tree, as far as this module reads it
interface AstNode {
  type: string;
  [k: string]: unknown;
}
const f64 = DTYPES.float64;

const MATH_CONSTS: Record<string, number> = {
  PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT2: Math.SQRT2, SQRT1_2: Math.SQRT1_2,
};
// Math functions whose IR primitive computes the same double (the renderer emits the same Math call or an IEEE-exact op)
const MATH_UNARY: Record<string, ElemOp> = {
  abs: Op.Abs, sqrt: Op.Sqrt, cbrt: Op.Cbrt, exp: Op.Exp, expm1: Op.Expm1, log: Op.Log, log2: Op.Log2, log10: Op.Log10,
  log1p: Op.Log1p, sin: Op.Sin, cos: Op.Cos, tan: Op.Tan, asin: Op.Asin, acos: Op.Acos, atan: Op.Atan, sinh: Op.Sinh,
  cosh: Op.Cosh, tanh: Op.Tanh, asinh: Op.Asinh, acosh: Op.Acosh, atanh: Op.Atanh, floor: Op.Floor, ceil: Op.Ceil, trunc: Op.Trunc,
};

const num = (v: Val): Node => (v.kind === "num" ? v.node : cast(v.node, f64));
const k = (x: number, shape: readonly number[]) => constant(x, f64, shape);
const el = (op: ElemOp, ...srcs: Node[]) => elementwise(op, srcs);
/** JS truthiness: a number is false for 0, -0 and NaN */
const truthy = (v: Val, shape: readonly number[]): Node =>
  v.kind === "bool" ? v.node : el(Op.And, el(Op.Ne, v.node, k(0, shape)), el(Op.Eq, v.node, v.node));

/** JS `a ** b` (and Math.pow): C's pow except that a NaN exponent, and (+-1) ** (+-Infinity), give NaN */
function jsPow(a: Node, b: Node, shape: readonly number[]): Node {
  const nanCase = el(Op.Or, el(Op.IsNan, b), el(Op.And, el(Op.Eq, el(Op.Abs, a), k(1, shape)), el(Op.IsInf, b)));
  return where(nanCase, k(NaN, shape), el(Op.Pow, a, b));
}
/** Math.max of two: NaN if either is, +0 over -0 (NumPy's maximum returns the second operand on ties) */
function jsMax(a: Node, b: Node, shape: readonly number[]): Node {
  const zeros = el(Op.And, el(Op.Eq, a, k(0, shape)), el(Op.Eq, b, k(0, shape)));
  return where(zeros, el(Op.Add, a, b), el(Op.Max, a, b));
}
function jsMin(a: Node, b: Node, shape: readonly number[]): Node {
  const zeros = el(Op.And, el(Op.Eq, a, k(0, shape)), el(Op.Eq, b, k(0, shape)));
  return where(zeros, el(Op.Neg, el(Op.Add, el(Op.Neg, a), el(Op.Neg, b))), el(Op.Min, a, b));
}
/** Math.round: half-way cases toward +Infinity, -0 kept for [-0.5, -0]; x - floor(x) is exact for every double */
function jsRound(x: Node, shape: readonly number[]): Node {
  const fl = el(Op.Floor, x);
  const up = el(Op.Ge, el(Op.Sub, x, fl), k(0.5, shape));
  return el(Op.Copysign, where(up, el(Op.Add, fl, k(1, shape)), fl), x);
}

const BIN_ARITH: Record<string, ElemOp> = { "+": Op.Add, "-": Op.Sub, "*": Op.Mul, "/": Op.Div, "%": Op.Fmod };
const BIN_CMP: Record<string, ElemOp> = { "<": Op.Lt, "<=": Op.Le, ">": Op.Gt, ">=": Op.Ge };

/** Translate an expression tree into a builder; throws NotInlinable for anything outside the subset. */
function translate(e: AstNode, params: readonly string[]): Builder {
  const sub = (x: unknown) => translate(x as AstNode, params);
  switch (e.type) {
    case "Literal": {
      const v = e.value;
      if (typeof v === "number") return (_i, s) => ({ node: k(v, s), kind: "num" });
      if (typeof v === "boolean") return (_i, s) => ({ node: constant(v ? 1 : 0, DTYPES.bool, s), kind: "bool" });
      return reject("literal");
    }
    case "Identifier": {
      const name = e.name as string;
      const p = params.indexOf(name);
      if (p >= 0) return (inputs) => inputs[p];
      if (name === "NaN") return (_i, s) => ({ node: k(NaN, s), kind: "num" });
      if (name === "Infinity") return (_i, s) => ({ node: k(Infinity, s), kind: "num" });
      return reject(`free variable ${name}`);
    }
    case "MemberExpression": {
      const c = mathMember(e);
      if (c === null || !(c in MATH_CONSTS)) return reject("member");
      const v = MATH_CONSTS[c];
      return (_i, s) => ({ node: k(v, s), kind: "num" });
    }
    case "UnaryExpression": {
      const a = sub(e.argument);
      if (e.operator === "-") return (i, s) => ({ node: el(Op.Neg, num(a(i, s))), kind: "num" });
      if (e.operator === "+") return (i, s) => ({ node: num(a(i, s)), kind: "num" });
      if (e.operator === "!") return (i, s) => ({ node: el(Op.Not, truthy(a(i, s), s)), kind: "bool" });
      return reject(`unary ${e.operator}`);
    }
    case "BinaryExpression": {
      const a = sub(e.left), b = sub(e.right);
      const op = e.operator as string;
      if (op in BIN_ARITH) return (i, s) => ({ node: el(BIN_ARITH[op], num(a(i, s)), num(b(i, s))), kind: "num" });
      if (op === "**") return (i, s) => ({ node: jsPow(num(a(i, s)), num(b(i, s)), s), kind: "num" });
      if (op in BIN_CMP) return (i, s) => ({ node: el(BIN_CMP[op], num(a(i, s)), num(b(i, s))), kind: "bool" });
      if (op === "===" || op === "!==" || op === "==" || op === "!=") {
        const eq = op === "===" || op === "==";
        return (i, s) => {
          const x = a(i, s), y = b(i, s);
          // strict equality of a boolean and a number is always false; loose equality compares numbers
          if (x.kind !== y.kind && op.length === 3) return { node: constant(eq ? 0 : 1, DTYPES.bool, s), kind: "bool" };
          const [p, q] = x.kind === y.kind ? [x.node, y.node] : [num(x), num(y)];
          return { node: el(eq ? Op.Eq : Op.Ne, p, q), kind: "bool" };
        };
      }
      return reject(`operator ${op}`);
    }
    case "LogicalExpression": {
      const a = sub(e.left), b = sub(e.right);
      const op = e.operator as string;
      if (op !== "&&" && op !== "||") return reject(op);
      return (i, s) => {
        const x = a(i, s), y = b(i, s);
        if (x.kind !== y.kind) reject("mixed kinds");
        if (x.kind === "bool") return { node: el(op === "&&" ? Op.And : Op.Or, x.node, y.node), kind: "bool" };
        const t = truthy(x, s);
        return { node: op === "&&" ? where(t, y.node, x.node) : where(t, x.node, y.node), kind: "num" };
      };
    }
    case "ConditionalExpression": {
      const c = sub(e.test), a = sub(e.consequent), b = sub(e.alternate);
      return (i, s) => {
        const x = a(i, s), y = b(i, s);
        if (x.kind !== y.kind) reject("mixed kinds");
        return { node: where(truthy(c(i, s), s), x.node, y.node), kind: x.kind };
      };
    }
    case "CallExpression": {
      const name = e.callee && (e.callee as AstNode).type === "MemberExpression" ? mathMember(e.callee as AstNode) : null;
      if (name === null || e.optional) return reject("call");
      const args = (e.arguments as AstNode[]).map((x) => (x.type === "SpreadElement" ? reject("spread") : sub(x)));
      const n = args.length;
      const nums = (i: readonly Val[], s: readonly number[]) => args.map((f) => num(f(i, s)));
      const out = (f: (xs: Node[], s: readonly number[]) => Node): Builder => (i, s) => ({ node: f(nums(i, s), s), kind: "num" });
      if (name in MATH_UNARY && n === 1) return out((xs) => el(MATH_UNARY[name], xs[0]));
      if (name === "sign" && n === 1) return out(([x], s) => where(el(Op.Eq, x, k(0, s)), x, el(Op.Sign, x)));
      if (name === "round" && n === 1) return out(([x], s) => jsRound(x, s));
      if (name === "atan2" && n === 2) return out(([x, y]) => el(Op.Atan2, x, y));
      if (name === "hypot" && n === 2) return out(([x, y]) => el(Op.Hypot, x, y));
      if (name === "pow" && n === 2) return out(([x, y], s) => jsPow(x, y, s));
      if (name === "max" || name === "min") {
        const f = name === "max" ? jsMax : jsMin;
        return out((xs, s) => (xs.length === 0 ? k(name === "max" ? -Infinity : Infinity, s) : xs.reduce((p, q) => f(p, q, s))));
      }
      return reject(`Math.${name}`);
    }
    default:
      return reject(e.type);
  }
}

/** `Math.name` (not computed, not optional), or null */
function mathMember(e: AstNode): string | null {
  const o = e.object as AstNode;
  const p = e.property as AstNode;
  if (e.computed || e.optional || o.type !== "Identifier" || o.name !== "Math" || p.type !== "Identifier") return null;
  return p.name as string;
}

interface Inlined {
  params: string[];
  outputs: Builder[] | null; // null: a single output
  single: Builder | null;
}

/** Parse a function's source into builders, or null when it must be called per element. */
function analyze(fn: (...a: never[]) => unknown): Inlined | null {
  let src: string;
  try {
    src = Function.prototype.toString.call(fn);
  } catch {
    return null;
  }
  let tree: AstNode;
  try {
    tree = parseExpressionAt(src, 0, { ecmaVersion: "latest" }) as unknown as AstNode;
  } catch {
    return null; // native functions, class/object methods
  }
  if (tree.type !== "ArrowFunctionExpression" && tree.type !== "FunctionExpression") return null;
  if (tree.async || tree.generator) return null;
  const params: string[] = [];
  for (const p of tree.params as AstNode[]) {
    if (p.type !== "Identifier") return null;
    params.push(p.name as string);
  }
  if (new Set(params).size !== params.length || params.includes("Math") || params.includes("NaN") || params.includes("Infinity")) return null;
  let body = tree.body as AstNode;
  if (body.type === "BlockStatement") {
    const stmts = body.body as AstNode[];
    if (stmts.length !== 1 || stmts[0].type !== "ReturnStatement" || !stmts[0].argument) return null;
    body = stmts[0].argument as AstNode;
  }
  try {
    let r: Inlined;
    if (body.type === "ArrayExpression") {
      const els = body.elements as (AstNode | null)[];
      if (!els.length || els.some((x) => !x || x.type === "SpreadElement")) return null;
      r = { params, outputs: els.map((x) => translate(x!, params)), single: null };
    } else r = { params, outputs: null, single: translate(body, params) };
    // kinds (number or boolean) meet only when building: try it once with number inputs
    const probe: Val[] = params.map(() => ({ node: constant(0, f64, []), kind: "num" }));
    for (const b of r.outputs ?? [r.single!]) b(probe, []);
    return r;
  } catch (err) {
    if (err instanceof NotInlinable) return null;
    throw err;
  }
}

export type VectorizePath = "inlined" | "per-element";
/** results of the per-element path, so that vectorizePath(result) can tell */
const resultPaths = new WeakMap<NDArray, VectorizePath>();
const fnPaths = new WeakMap<object, () => VectorizePath>();

/**
 * Which path a vectorized function (or one of its results) took: "inlined" (an expression fused into
 * kernels: the result's explain() shows it) or "per-element" (the JS function called on each element).
 * For a function, the path it takes on real (non-complex) inputs.
 */
export function vectorizePath(x: object): VectorizePath {
  if (x instanceof NDArray) return resultPaths.get(x) ?? "inlined";
  const f = fnPaths.get(x);
  if (!f) throw new NumpyTypeError("vectorizePath expects a function made by np.vectorize or np.frompyfunc, or one of its results");
  return f();
}

export interface VectorizeOptions {
  /** output dtypes: a string of type codes ("d", "dl") or a list of dtypes */
  otypes?: string | readonly unknown[] | null;
  /** generalized signature "(m,n),(n)->(m)": the function receives and returns NDArrays of the core dims */
  signature?: string | null;
}

function parseOtypes(o: VectorizeOptions["otypes"]): DType[] | null {
  if (o === undefined || o === null) return null;
  const list = typeof o === "string" ? [...o] : [...o];
  if (!list.length) return null;
  return list.map((x) => parseDType(x));
}

/** What vectorize/frompyfunc return: call with arrays (and an options object ignored but for NumPy symmetry). */
export interface VectorizedFn {
  (...args: unknown[]): NDArray | NDArray[];
  readonly pyfunc: (...a: never[]) => unknown;
  readonly otypes: string | null;
  readonly signature: string | null;
}

function callInlined(an: Inlined, inputs: NDArray[], shape: number[], otypes: DType[] | null): NDArray[] {
  const vals: Val[] = inputs.map((a) => {
    const node = expand(a.dtype === DTYPES.bool ? a._node : cast(a._node, f64), shape);
    return { node, kind: a.dtype === DTYPES.bool ? "bool" : "num" };
  });
  const builders = an.outputs ?? [an.single!];
  if (otypes && otypes.length !== builders.length) throw new ValueError(`Invalid otype specification: ${otypes.length} otypes for ${builders.length} outputs`);
  return builders.map((b, j) => {
    const v = b(vals, shape);
    return new NDArray(otypes ? cast(v.node, otypes[j]) : v.node);
  });
}

/** The JS value a result slot holds, in the dtype chosen from the first result */
function resultDType(v: unknown): DType {
  if (typeof v === "boolean") return DTYPES.bool;
  if (typeof v === "number") return f64;
  if (typeof v === "bigint") return DTYPES.int64;
  if (isComplexObj(v)) return DTYPES.complex128;
  throw new NumpyTypeError(`vectorized function returned ${v === null ? "null" : typeof v}, which has no dtype here (numfuse has no object dtype)`);
}
function toSlot(v: unknown, dt: DType): JSScalar {
  if (dt.kind === "b") return typeof v === "boolean" ? v : isComplexObj(v) ? v.re !== 0 || v.im !== 0 : Number(v) !== 0;
  if (dt.kind === "c") return isComplexObj(v) ? v : { re: Number(v), im: 0 };
  if (dt.kind === "i") return typeof v === "bigint" ? v : BigInt(Math.trunc(Number(v)));
  if (isComplexObj(v)) throw new NumpyTypeError("float() argument must be a string or a real number, not 'complex'");
  return Number(v);
}

function callPerElement(fn: (...a: unknown[]) => unknown, inputs: NDArray[], shape: number[], otypes: DType[] | null, name: string): NDArray[] {
  const size = shape.reduce((p, n) => p * n, 1);
  const readers = inputs.map((a) => new NDArray(expand(a._node, shape))._elementReader());
  const args = new Array<unknown>(inputs.length);
  let results: unknown[][] | null = null;
  let nout = 1, multi = false;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < readers.length; j++) args[j] = readers[j](i);
    const r = fn(...args);
    if (results === null) {
      multi = Array.isArray(r);
      nout = multi ? (r as unknown[]).length : 1;
      results = Array.from({ length: nout }, () => new Array<unknown>(size));
    }
    if (multi) {
      if (!Array.isArray(r) || r.length !== nout) throw new ValueError(`${name}: the function returned a different number of outputs`);
      for (let j = 0; j < nout; j++) results[j][i] = r[j];
    } else results[0][i] = r;
  }
  if (otypes && results && otypes.length !== nout) throw new ValueError(`Invalid otype specification: ${otypes.length} otypes for ${nout} outputs`);
  if (!results) {
    // size 0: only otypes can say the dtypes
    return (otypes ?? [f64]).map((dt) => emptyArray(shape, dt));
  }
  return results.map((vals, j) => {
    const dt = resultDType(vals[0]);
    const arr = emptyArray(shape, dt, false);
    const { storage } = arr._realized();
    for (let i = 0; i < size; i++) writeElement(storage, dt, i, toSlot(vals[i], dt));
    // through the same Cast node as the inlined path, so both give the same bits
    const out = otypes ? new NDArray(cast(arr._node, otypes[j])) : arr;
    resultPaths.set(out, "per-element");
    return out;
  });
}

function makeVectorized(fn: (...a: never[]) => unknown, otypesIn: VectorizeOptions["otypes"], signature: string | null, name: string, nin: number | null, nout: number | null): VectorizedFn {
  const otypes = parseOtypes(otypesIn);
  let an: Inlined | null | undefined;
  const analysis = () => (an === undefined ? (an = signature ? null : analyze(fn)) : an);
  const call = (...args: unknown[]): NDArray | NDArray[] => {
    if (nin !== null && args.length !== nin) throw new NumpyTypeError(`${name} takes ${nin} positional arguments but ${args.length} were given`);
    if (signature) return callSignature(fn as (...a: unknown[]) => unknown, args, signature, otypes);
    const inputs = args.map((x) => asarray(x as ArrayLike));
    const shape = broadcastShapes(...inputs.map((a) => a.shape));
    const size = shape.reduce((p, n) => p * n, 1);
    if (size === 0 && !otypes && nin === null) throw new ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set");
    const a = analysis();
    const real = inputs.every((x) => x.dtype.kind === "b" || x.dtype.kind === "i" || x.dtype.kind === "u" || x.dtype.kind === "f");
    let outs: NDArray[];
    let inl: NDArray[] | null = null;
    if (a && real && a.params.length === inputs.length) {
      try {
        inl = callInlined(a, inputs, shape, otypes);
      } catch (err) {
        // boolean inputs can meet numbers where the function mixes them: call it per element instead
        if (!(err instanceof NotInlinable)) throw err;
      }
    }
    outs = inl ?? callPerElement(fn as (...a: unknown[]) => unknown, inputs, shape, otypes, name);
    if (nout !== null && outs.length !== nout) throw new ValueError(`${name}: expected ${nout} outputs, the function gave ${outs.length}`);
    return outs.length === 1 && (nout ?? 1) === 1 && !(a?.outputs) ? outs[0] : outs;
  };
  fnPaths.set(call, () => (analysis() ? "inlined" : "per-element"));
  Object.defineProperties(call, {
    pyfunc: { value: fn },
    otypes: { value: otypes ? otypes.map((d) => d.char ?? d.name).join("") : null },
    signature: { value: signature },
  });
  return call as unknown as VectorizedFn;
}

/** np.vectorize(fn, {otypes, signature}) */
export function vectorize(pyfunc: (...a: never[]) => unknown, opts: VectorizeOptions = {}): VectorizedFn {
  if (typeof pyfunc !== "function") throw new NumpyTypeError("vectorize expects a function");
  return makeVectorized(pyfunc, opts.otypes, opts.signature ?? null, "vectorize", null, null);
}

/** np.frompyfunc(fn, nin, nout): a ufunc-like callable with nin, nout and identity (null) */
export function frompyfunc(func: (...a: never[]) => unknown, nin: number, nout: number, opts: { identity?: unknown } = {}): VectorizedFn & { nin: number; nout: number; nargs: number; identity: unknown } {
  if (typeof func !== "function") throw new NumpyTypeError("function must be callable");
  if (!Number.isInteger(nin) || nin < 0 || !Number.isInteger(nout) || nout < 1) throw new ValueError("nin and nout must be non-negative integers, nout >= 1");
  const name = `${func.name || "?"} (vectorized)`;
  const v = makeVectorized(func, null, null, name, nin, nout);
  Object.defineProperties(v, { nin: { value: nin }, nout: { value: nout }, nargs: { value: nin + nout }, identity: { value: opts.identity ?? null } });
  return v as VectorizedFn & { nin: number; nout: number; nargs: number; identity: unknown };
}

// ---- generalized signatures (per element of the loop dims, always the per-element path) -------------------

function parseSignature(sig: string): { ins: string[][]; outs: string[][] } {
  const m = /^\s*((?:\(\w*(?:,\w+)*\),?)*)\s*->\s*((?:\(\w*(?:,\w+)*\),?)*)\s*$/.exec(sig.replace(/\s+/g, ""));
  if (!m) throw new ValueError(`not a valid gufunc signature: ${sig}`);
  const groups = (s: string) => [...s.matchAll(/\(([^)]*)\)/g)].map((g) => (g[1] ? g[1].split(",") : []));
  return { ins: groups(m[1]), outs: groups(m[2]) };
}

function callSignature(fn: (...a: unknown[]) => unknown, args: unknown[], signature: string, otypes: DType[] | null): NDArray | NDArray[] {
  const { ins, outs } = parseSignature(signature);
  if (args.length !== ins.length) throw new NumpyTypeError(`wrong number of positional arguments: expected ${ins.length}, got ${args.length}`);
  const arrays = args.map((x) => asarray(x as ArrayLike));
  const dims = new Map<string, number>();
  const loopShapes = arrays.map((a, i) => {
    const core = ins[i];
    if (a.ndim < core.length) throw new ValueError(`${signature}: input ${i} has ${a.ndim} dimension(s) but the signature needs at least ${core.length}`);
    core.forEach((d, j) => {
      const n = a.shape[a.ndim - core.length + j];
      const had = dims.get(d);
      if (had !== undefined && had !== n) throw new ValueError(`inconsistent size for core dimension '${d}': ${n} vs ${had}`);
      dims.set(d, n);
    });
    return a.shape.slice(0, a.ndim - core.length);
  });
  const loop = broadcastShapes(...loopShapes);
  const count = loop.reduce((p, n) => p * n, 1);
  const bcast = arrays.map((a, i) => new NDArray(expand(a._node, [...loop, ...a.shape.slice(a.ndim - ins[i].length)])).eval());
  const perOut: NDArray[][] = outs.map(() => []);
  for (let f = 0; f < count; f++) {
    const idx: number[] = [];
    let r = f;
    for (let d = loop.length - 1; d >= 0; d--) {
      idx.unshift(r % loop[d]);
      r = Math.floor(r / loop[d]);
    }
    const r0 = fn(...bcast.map((a) => (idx.length ? (a as unknown as { get(...i: unknown[]): NDArray }).get(...idx) : a)));
    const rs = outs.length === 1 ? [r0] : (r0 as unknown[]);
    rs.forEach((x, j) => {
      const arr = asarray(x as ArrayLike);
      const core = outs[j].map((d) => dims.get(d) ?? (dims.set(d, arr.shape[outs[j].indexOf(d)]), dims.get(d)!));
      if (arr.ndim !== core.length || arr.shape.some((n, q) => n !== core[q])) throw new ValueError(`wrong output shape for signature ${signature}`);
      perOut[j].push(arr);
    });
  }
  const results = outs.map((core, j) => {
    const coreShape = core.map((d) => dims.get(d) ?? 0);
    const dt = otypes ? otypes[j] : perOut[j].length ? perOut[j][0].dtype : null;
    if (!dt) throw new ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set");
    const out = emptyArray([...loop, ...coreShape], dt, false);
    const { storage } = out._realized();
    const inner = coreShape.reduce((p, n) => p * n, 1);
    perOut[j].forEach((a, f) => {
      const read = new NDArray(cast(a._node, dt))._elementReader();
      for (let q = 0; q < inner; q++) writeElement(storage, dt, f * inner + q, read(q));
    });
    resultPaths.set(out, "per-element");
    return out;
  });
  return results.length === 1 ? results[0] : results;
}
