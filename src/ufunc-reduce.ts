/** @file Generic ufunc.reduce / ufunc.accumulate for any binary ufunc: a left fold along the axis in NumPy's order, with NumPy's identity, reorderability and empty-input rules. */
import { cast, constant, contiguous, where as whereNode, type Node } from "../compiler/ir/node.js";
import { expand, reshape as reshapeNode, select } from "../compiler/ir/movement.js";
import { OP_DEFS } from "../compiler/ir/ops.js";
import { concatenate } from "./combine.js";
import { DTYPES, ufuncDType, type DType } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../runtime/errors.js";
import { checkWeakIntFits } from "../runtime/promotion.js";
import { toDTypeValue, type Complex, type JSScalar } from "../runtime/scalar.js";
import { asarray, type ArrayLike } from "./convert.js";
import { emptyArray, evalArrays, NDArray, writeInto } from "./ndarray.js";
import { normalizeAxes, normalizeAxis } from "./reductions.js";
import { transpose } from "./shape-ops.js";
import { UFUNC_DEFS, UFUNC_NAMES, type UfuncDef } from "./ufunc/defs.js";
import { singlePrimitive } from "./ufunc/primitive.js";
import { prepareInputs, type UfuncBase } from "./ufunc/ufunc.js";

export interface UfuncReduceOptions {
  axis?: number | readonly number[] | null;
  dtype?: unknown;
  out?: NDArray | null;
  keepdims?: boolean;
  initial?: JSScalar;
  where?: ArrayLike | boolean;
}
export interface UfuncAccumulateOptions {
  axis?: number | readonly number[] | null;
  dtype?: unknown;
  out?: NDArray | null;
}

type NumList = { readonly [i: number]: number; readonly length: number };
type Callable = UfuncBase & ((...args: unknown[]) => unknown);

/** ufuncs NumPy flags reorderable besides those with an identity (PyUFunc_ReorderableNone) */
const REORDERABLE_NONE = new Set(["maximum", "minimum", "fmax", "fmin"]);

/** a long fold is realized every few steps so the lazy graph stays shallow */
const EVAL_EVERY = 8;

function defOf(uf: UfuncBase): { name: string; key: string; def: UfuncDef } {
  for (const [k, def] of Object.entries(UFUNC_DEFS)) if ((UFUNC_NAMES[k] ?? k) === uf.__name__) return { name: uf.__name__, key: k, def };
  throw new NumpyTypeError(`not a ufunc: ${String(uf.__name__)}`);
}

const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;
const prodOf = (s: readonly number[]) => s.reduce((p, n) => p * n, 1);

/**
 * The reduce loop: NumPy resolves (in, in) -> out and needs the accumulator dtype to be both the first
 * input and the output (less on ints resolves ll->? and is refused; divide on ints is dd->d and runs).
 */
function resolveLoop(name: string, key: string, def: UfuncDef, arr: NDArray, dtype: unknown): { x: NDArray; dt: DType } {
  // the logical ufuncs have bool loops only for reductions: NumPy's promoter sends every dtype there
  const x = key.startsWith("logical_") ? new NDArray(cast(arr._node, DTYPES.bool)) : arr;
  const forced = dtype !== undefined && dtype !== null ? ufuncDType(dtype) : null;
  const probeDt = forced ?? x.dtype;
  const probe = emptyArray([], probeDt);
  const prep = prepareInputs(name, def, [probe, probe], undefined, "unsafe");
  if (prep.out !== prep.loop || prep.nodes.some((n) => n.dtype !== prep.loop) || (forced && prep.out !== forced)) {
    throw new NumpyTypeError(`No loop matching the specified signature and casting was found for ufunc ${name}`);
  }
  return { x, dt: prep.out };
}

/** A JS scalar converted as NumPy converts a Python scalar for `dt` (out-of-range ints raise, floats cast unsafely). */
function scalarFor(v: JSScalar, dt: DType): number | Complex {
  if ((typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint") {
    if (dt.kind === "i" || dt.kind === "u") checkWeakIntFits(v, dt);
  }
  const c = toDTypeValue(v, dt);
  return typeof c === "bigint" ? Number(c) : c;
}

/** dtypes whose typed-array store rounds/wraps exactly as NumPy's loop does, with exact double arithmetic */
const fastDType = (dt: DType) => dt.kind === "b" || (dt.kind === "f" && dt.name !== "float16") || ((dt.kind === "i" || dt.kind === "u") && !dt.isWide);

/** `node` (shape [rows, cols]) as a flat Float64-readable array of numbers, row-major. */
function numbersOf(node: Node): NumList {
  const arr = new NDArray(contiguous(node)).eval();
  const { storage, view } = arr._realized();
  const cols = node.shape[1];
  const dense = view.shape.length === 2 && (view.shape[0] <= 1 || view.strides[0] === cols) && (cols <= 1 || view.strides[1] === 1);
  const lanes = storage.lanes(node.dtype) as unknown as NumList & { subarray(a: number, b: number): NumList };
  if (dense) return lanes.subarray(view.offset, view.offset + prodOf(node.shape));
  const read = arr._elementReader();
  return Float64Array.from({ length: prodOf(node.shape) }, (_, i) => Number(read(i)));
}

/**
 * The fold of the rows of `x` ([count, cols], already the loop dtype): acc = f(acc, row) for each row whose
 * mask is true, starting from `init` (or row 0). `scan` keeps every step. Returns [count or 1, cols].
 */
function fold(uf: Callable, def: UfuncDef, x: Node, mask: Node | null, init: number | Complex | null, scan: boolean): NDArray {
  const [count, cols] = x.shape;
  const dt = x.dtype;
  const prim = fastDType(dt) ? singlePrimitive(def, dt) : null;
  const outRows = scan ? count : 1;
  if (prim) {
    const fn = OP_DEFS[prim].fn;
    const X = numbersOf(x);
    const M = mask ? numbersOf(mask) : null;
    const result = emptyArray([outRows, cols], dt, false);
    const R = result._realized().storage.lanes(dt) as unknown as { [i: number]: number; length: number };
    let start = 0;
    if (init !== null) for (let j = 0; j < cols; j++) R[j] = init as number;
    else {
      for (let j = 0; j < cols; j++) R[j] = X[j];
      start = 1;
    }
    if (scan) {
      // row i of the scan: f(row i-1 of the result, row i of x); R[j] holds row 0 already
      for (let i = 1; i < count; i++) {
        const o = i * cols, p = o - cols;
        for (let j = 0; j < cols; j++) R[o + j] = fn(R[p + j], X[o + j], dt) as number;
      }
    } else {
      for (let i = start; i < count; i++) {
        const o = i * cols;
        if (M) {
          for (let j = 0; j < cols; j++) if (M[o + j]) R[j] = fn(R[j], X[o + j], dt) as number;
        } else {
          // the store into R rounds (float32) or wraps (ints) at each step, as NumPy's loop does
          for (let j = 0; j < cols; j++) R[j] = fn(R[j], X[o + j], dt) as number;
        }
      }
    }
    return result;
  }
  // any other ufunc or dtype: one ufunc call per step along the axis, on whole rows
  const row = (i: number) => new NDArray(select(x, 0, i));
  let acc: NDArray = init !== null ? new NDArray(expand(constant(init, dt, []), [cols])) : new NDArray(contiguous(select(x, 0, 0)));
  const rows: NDArray[] = [acc];
  for (let i = init !== null ? 0 : 1; i < count; i++) {
    let next = uf(acc, row(i)) as NDArray;
    if (next.dtype !== dt) next = new NDArray(cast(next._node, dt));
    if (mask) next = new NDArray(whereNode(select(mask, 0, i), next._node, acc._node));
    acc = next;
    if (scan) rows.push(acc);
    if (i % EVAL_EVERY === 0) evalArrays(scan ? rows.slice(-EVAL_EVERY - 1) : [acc]);
  }
  if (!scan) return new NDArray(reshapeNode(acc._node, [1, cols]));
  evalArrays(rows);
  return concatenate(rows.map((r) => new NDArray(reshapeNode(r._node, [1, cols]))), { axis: 0 });
}

function checkBinary(def: UfuncDef, what: "reduce" | "accumulate"): void {
  if (def.nin !== 2) throw new ValueError(`${what} only supported for binary functions`);
  if ((def.nout ?? 1) !== 1) throw new ValueError(`${what} only supported for functions returning a single value`);
}

/** NumPy's out= checks for a reduction, with its messages. */
function checkReduceOut(out: NDArray, shape: readonly number[], name: string, inShape: readonly number[], axes: readonly number[], keepdims: boolean): void {
  if (out.ndim !== shape.length) {
    const hint = keepdims ? " (must match the operand's when keepdims=True)" : "";
    throw new ValueError(`output parameter for reduction operation ${name} has the wrong number of dimensions: Found ${out.ndim} but expected ${shape.length}${hint}`);
  }
  if (out.shape.every((n, i) => n === shape[i])) return;
  let k = 0;
  const mapped = inShape.map((_, i) => (axes.includes(i) ? (keepdims ? String(out.shape[k++]) : "newaxis") : String(out.shape[k++])));
  while (mapped.length && mapped[0] === "newaxis") mapped.shift();
  throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleStr(out.shape)}->(${mapped.join(",")}) ${tupleStr(inShape)} `);
}

/** ufunc.reduce for any binary ufunc: a left fold over `axis` (default 0), NumPy's identity and errors. */
export function ufuncReduce(uf: UfuncBase, a: ArrayLike, opts: UfuncReduceOptions = {}): NDArray {
  const { name, key, def } = defOf(uf);
  checkBinary(def, "reduce");
  const arr0 = asarray(a);
  const { x: arr, dt } = resolveLoop(name, key, def, arr0, opts.dtype);
  const axisOpt = opts.axis === undefined ? 0 : opts.axis;
  // a 0-d operand has nothing to reduce over: the default axis means "no axis", as in NumPy
  const axes = arr.ndim === 0 && (axisOpt === 0 || axisOpt === null) ? [] : normalizeAxes(axisOpt, arr.ndim);
  const reorderable = def.identity !== null || REORDERABLE_NONE.has(key);
  if (axes.length > 1 && !reorderable) {
    throw new ValueError(`reduction operation '${name}' is not reorderable, so at most one axis may be specified`);
  }
  const keepdims = !!opts.keepdims;
  const kept = arr.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outShape = arr.shape.flatMap((n, i) => (!axes.includes(i) ? [n] : keepdims ? [1] : []));
  const count = prodOf(axes.map((i) => arr.shape[i]));
  const cols = prodOf(kept.map((i) => arr.shape[i]));
  const hasWhere = opts.where !== undefined && opts.where !== true;
  const hasInitial = opts.initial !== undefined && opts.initial !== null;
  if (count === 0 && cols > 0 && def.identity === null && !hasInitial) {
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  if (hasWhere && def.identity === null && !hasInitial) {
    throw new ValueError(`reduction operation '${name}' does not have an identity, so to use a where mask one has to specify 'initial'`);
  }
  if (opts.out) checkReduceOut(opts.out, outShape, name, arr.shape, axes, keepdims);
  // NumPy starts from the identity whenever the ufunc has one (hypot.reduce([-3.]) is 3.0)
  let init: number | Complex | null = null;
  if (hasInitial) init = scalarFor(opts.initial as JSScalar, dt);
  else if (def.identity !== null && axes.length > 0) init = toDTypeValue(def.identity, dt) as number | Complex;
  if (typeof init === "bigint") init = Number(init);
  const x0 = cast(arr._node, dt);
  let node: Node;
  if (axes.length === 0) {
    // no axis: each element on its own, combined with the initial value when one is given
    node = contiguous(x0);
    if (hasInitial) node = ((uf as Callable)(new NDArray(constant(init!, dt, [])), new NDArray(node), { dtype: dt }) as NDArray)._node;
    if (hasWhere && hasInitial) node = whereNode(expand(cast(asarray(opts.where as ArrayLike)._node, DTYPES.bool), arr.shape), node, constant(init!, dt, arr.shape));
    node = cast(node, dt);
    if (keepdims) node = reshapeNode(node, outShape);
  } else {
    const perm = [...axes, ...kept];
    const moved = transpose(new NDArray(x0), perm);
    const x = reshapeNode(moved._node, [count, cols]);
    let mask: Node | null = null;
    if (hasWhere) {
      const m = expand(cast(asarray(opts.where as ArrayLike)._node, DTYPES.bool), arr.shape);
      mask = reshapeNode(transpose(new NDArray(m), perm)._node, [count, cols]);
    }
    const r = count === 0 ? new NDArray(expand(constant(init ?? 0, dt, []), [1, cols])) : fold(uf as Callable, def, x, mask, init, false);
    node = reshapeNode(r._node, outShape);
  }
  if (!opts.out) return new NDArray(node);
  writeInto(opts.out, cast(node, opts.out.dtype));
  return opts.out;
}

/** ufunc.accumulate for any binary ufunc: every step of the left fold along `axis` (default 0). */
export function ufuncAccumulate(uf: UfuncBase, a: ArrayLike, opts: UfuncAccumulateOptions = {}): NDArray {
  const { name, key, def } = defOf(uf);
  checkBinary(def, "accumulate");
  const arr0 = asarray(a);
  if (arr0.ndim === 0) throw new NumpyTypeError("cannot accumulate on a scalar");
  let axisOpt = opts.axis === undefined ? 0 : opts.axis;
  if (axisOpt === null) {
    if (arr0.ndim !== 1) throw new ValueError("accumulate does not allow multiple axes");
    axisOpt = 0;
  } else if (typeof axisOpt !== "number") {
    if (axisOpt.length !== 1) throw new ValueError("accumulate does not allow multiple axes");
    axisOpt = axisOpt[0];
  }
  const axis = normalizeAxis(axisOpt, arr0.ndim);
  const { x: arr, dt } = resolveLoop(name, key, def, arr0, opts.dtype);
  const out = opts.out ?? null;
  if (out && (out.ndim !== arr.ndim || out.shape.some((n, i) => n !== arr.shape[i]))) {
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleStr(out.shape)}->(${out.shape.join(",")}) ${tupleStr(arr.shape)}->(${arr.shape.join(",")}) `);
  }
  const kept = arr.shape.map((_, i) => i).filter((i) => i !== axis);
  const perm = [axis, ...kept];
  const n = arr.shape[axis], cols = prodOf(kept.map((i) => arr.shape[i]));
  let result: NDArray;
  if (n === 0 || cols === 0) result = emptyArray(arr.shape, dt);
  else {
    const x = reshapeNode(transpose(new NDArray(cast(arr._node, dt)), perm)._node, [n, cols]);
    const r = fold(uf as Callable, def, x, null, null, true);
    const inv = perm.map((_, i) => perm.indexOf(i));
    const movedShape = perm.map((i) => arr.shape[i]);
    result = new NDArray(contiguous(transpose(new NDArray(reshapeNode(r._node, movedShape)), inv)._node));
  }
  if (!out) return result;
  writeInto(out, cast(result._node, out.dtype));
  return out;
}
