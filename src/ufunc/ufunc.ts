/** @file Callable ufunc objects: broadcasting, NEP 50 type resolution, out=/where=/dtype=, and the reduce/accumulate methods. */
import { cast, constant, toposort, where as whereNode, type Node } from "../../compiler/ir/node.js";
import { Op } from "../../compiler/ir/ops.js";
import { viewKey } from "../../compiler/ir/view.js";
import { expand } from "../../compiler/ir/movement.js";
import { parseDType, type DType } from "../../runtime/dtype.js";
import { DTYPES } from "../../runtime/dtype.js";
import { NumpyTypeError, OverflowError, ValueError } from "../../runtime/errors.js";
import { canCast, checkWeakIntFits, resultType, scalarKind, type Casting, type WeakScalar } from "../../runtime/promotion.js";
import { isComplexObj, readElement, toDTypeValue, writeElement, type JSScalar } from "../../runtime/scalar.js";
import { OP_DEFS, type ElemOp } from "../../compiler/ir/ops.js";
import { asarray, isOptions, type ArrayLike } from "../convert.js";
import { emptyArray, NDArray, writeInto } from "../ndarray.js";
import { reduceWith, type ReduceOptions } from "../reductions.js";
import { accumulateWith } from "../accumulate.js";
import { ACCUMULATE_OPS, floatLoopOf, UFUNC_DEFS, type UfuncDef } from "./defs.js";
import { normalizeAxis } from "../reductions.js";
import { reshape } from "../../compiler/ir/movement.js";

export interface UfuncOptions {
  out?: NDArray | [NDArray] | null;
  where?: ArrayLike | boolean;
  dtype?: unknown;
  casting?: "no" | "equiv" | "safe" | "same_kind" | "unsafe";
}

const shapeStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/** NumPy's broadcasting rule, with its error message. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = nd - s.length + i;
      const a = out[j], b = s[i];
      if (a === b || b === 1) continue;
      if (a === 1) out[j] = b;
      else throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(shapeStr).join(" ")} `);
    }
  }
  return out;
}

const isScalar = (x: unknown): x is JSScalar =>
  typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || isComplexObj(x);

/** Inputs as nodes of the loop dtype, broadcast to one shape; JS scalars are weak (NEP 50). */
export function prepareInputs(name: string, def: UfuncDef, inputs: readonly unknown[], forced?: DType, casting: Casting = "same_kind") {
  const arrays = inputs.map((x) => (isScalar(x) ? null : asarray(x as ArrayLike)));
  const parts: (DType | WeakScalar)[] = inputs.map((x, i) => {
    const a = arrays[i];
    if (!a) return scalarKind(x as JSScalar);
    return def.floatInputs ? floatLoopOf(a.dtype) : a.dtype;
  });
  if (forced && def.boolOut && forced !== DTYPES.bool) {
    throw new NumpyTypeError(`No loop matching the specified signature and casting was found for ufunc ${name}`);
  }
  let common = forced && !def.boolOut ? forced : resultType(...parts);
  // NEP 50 refuses int8_array + 1000, but comparisons answer by value (int8_array < 1000 is all true)
  if (def.compare && (common.kind === "i" || common.kind === "u")) {
    for (const x of inputs) {
      if ((typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint") {
        try {
          checkWeakIntFits(x, common);
        } catch (e) {
          if (!(e instanceof OverflowError)) throw e;
          common = DTYPES.float64;
        }
      }
    }
  }
  const { loop, out } = def.rule(common, name);
  if (forced && casting !== "unsafe") {
    arrays.forEach((a, i) => {
      if (a && !canCast(a.dtype, loop, casting)) {
        throw new NumpyTypeError(`Cannot cast ufunc '${name}' input ${i} from dtype('${a.dtype.name}') to dtype('${loop.name}') with casting rule '${casting}'`);
      }
    });
  }
  const shape = broadcastShapes(...arrays.map((a) => (a ? a.shape : [])));
  const nodes = inputs.map((x, i) => {
    const a = arrays[i];
    if (a) return expand(cast(a._node, loop), shape);
    const weakInt = (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint";
    if (weakInt && (common.kind === "i" || common.kind === "u") && !forced) checkWeakIntFits(x as number | bigint, common);
    // the scalar takes the array's dtype first (NumPy casts the Python scalar), then the loop's
    const v = toDTypeValue(x as JSScalar, common);
    const c = constant(typeof v === "bigint" ? Number(v) : v, common, shape);
    return cast(c, loop);
  });
  return { nodes, loop, out, shape };
}

export interface Ufunc {
  (...args: unknown[]): NDArray;
  readonly __name__: string;
  readonly nin: number;
  readonly nout: number;
  readonly nargs: number;
  readonly identity: number | boolean | null;
  reduce(a: ArrayLike, opts?: ReduceOptions): NDArray;
  accumulate(a: ArrayLike, opts?: { axis?: number; dtype?: unknown; out?: NDArray }): NDArray;
}

function splitArgs(name: string, def: UfuncDef, args: unknown[]): { inputs: unknown[]; opts: UfuncOptions } {
  let opts: UfuncOptions = {};
  if (args.length && isOptions(args[args.length - 1])) opts = args.pop() as UfuncOptions;
  if (args.length === def.nin + 1) opts = { ...opts, out: args.pop() as NDArray };
  if (args.length !== def.nin) {
    throw new NumpyTypeError(`${name}() takes from ${def.nin} to ${def.nin + 1} positional arguments but ${args.length} were given`);
  }
  return { inputs: args, opts };
}

export function makeUfunc(name: string): Ufunc {
  const def = UFUNC_DEFS[name];
  const call = (...args: unknown[]): NDArray => {
    const { inputs, opts } = splitArgs(name, def, [...args]);
    const forced = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : undefined;
    const casting = opts.casting ?? "same_kind";
    const { nodes, loop, out: outDt, shape } = prepareInputs(name, def, inputs, forced, casting);
    let node = def.lower(nodes, loop);
    if (node.dtype !== outDt) node = cast(node, outDt);
    const out = Array.isArray(opts.out) ? opts.out[0] : opts.out;
    if (out) {
      if (!canCast(node.dtype, out.dtype, casting)) {
        throw new NumpyTypeError(`Cannot cast ufunc '${name}' output from dtype('${node.dtype.name}') to dtype('${out.dtype.name}') with casting rule '${casting}'`);
      }
      // NumPy broadcasts the output with the inputs (its message lists every operand), then insists on its shape
      const full = broadcastShapes(...inputs.map((x) => (isScalar(x) ? [] : asarray(x as ArrayLike).shape)), out.shape);
      if (full.length !== out.ndim || full.some((n, i) => n !== out.shape[i])) {
        throw new ValueError(`non-broadcastable output operand with shape ${shapeStr(out.shape)} doesn't match the broadcast shape ${shapeStr(full)}`);
      }
      node = expand(cast(node, out.dtype), out.shape);
    }
    if (opts.where !== undefined && opts.where !== true) {
      const mask = expand(cast(asarray(opts.where as ArrayLike)._node, parseDType("bool")), out ? out.shape : shape);
      const keep = out ? out._node : constant(0, node.dtype, node.shape);
      node = whereNode(mask, node, expand(keep, node.shape));
    }
    if (out) {
      // out= overlapping an input through another view (np.add(a, a[::-1], out=a)): NumPy computes into
      // a temporary first; writeInto alone would stream into `a` while still reading it (see report)
      if (readsThroughOtherView(node, out)) node = new NDArray(node).eval()._node;
      writeInto(out, node);
      return out;
    }
    return new NDArray(node);
  };
  Object.defineProperties(call, {
    __name__: { value: name },
    nin: { value: def.nin },
    nout: { value: 1 },
    nargs: { value: def.nin + 1 },
    identity: { value: def.identity },
    name: { value: name },
  });
  const u = call as unknown as Ufunc & { reduce: Ufunc["reduce"]; accumulate: Ufunc["accumulate"] };
  u.reduce = (a, opts = {}) => {
    if (def.nin !== 2) throw new ValueError("reduce only supported for binary functions");
    if (!def.reduce) throw new NumpyTypeError(`the reduction of ufunc '${name}' is not supported yet`);
    let arr = asarray(a);
    // logical reductions look only at truth values: reduce the bool view of any dtype
    if (def.reduce === "all" || def.reduce === "any") arr = new NDArray(cast(arr._node, DTYPES.bool));
    return reduceWith(def.reduce, arr, { axis: 0, ...opts }, name);
  };
  u.accumulate = (a, opts = {}) => {
    if (def.nin !== 2) throw new ValueError("accumulate only supported for binary functions");
    if (def.reduce === "sum" || def.reduce === "prod") return accumulateWith(def.reduce, asarray(a), opts.axis ?? 0, opts.dtype, opts.out);
    const op = ACCUMULATE_OPS[name];
    if (!op) throw new NumpyTypeError(`the accumulation of ufunc '${name}' is not supported yet`);
    const arr = asarray(a);
    const dt = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : def.boolOut ? DTYPES.bool : def.rule(arr.dtype, name).loop;
    const r = scan(op, arr, opts.axis ?? 0, dt);
    if (opts.out) {
      writeInto(opts.out, cast(r._node, opts.out.dtype));
      return opts.out;
    }
    return r;
  };
  return u;
}

/** ufunc.accumulate for a primitive without a dedicated routine: a running scan along `axis`, in `dt`. */
function scan(op: ElemOp, a: NDArray, axis: number | null, dt: DType): NDArray {
  let src = a;
  if (axis === null) {
    src = new NDArray(reshape(a._node, [a.size]));
    axis = 0;
  }
  const ax = normalizeAxis(axis, src.ndim);
  const x = new NDArray(cast(src._node, dt)).eval();
  const read = x._elementReader();
  const result = emptyArray(src.shape, dt, false);
  const { storage } = result._realized();
  const shape = src.shape, n = shape[ax];
  const inner = shape.slice(ax + 1).reduce((p, k) => p * k, 1);
  const outer = shape.slice(0, ax).reduce((p, k) => p * k, 1);
  const def = OP_DEFS[op];
  const step = (acc: JSScalar, v: JSScalar): JSScalar => {
    if (dt.kind === "c") {
      const p = acc as { re: number; im: number }, q = v as { re: number; im: number };
      const r = def.cfn!([p.re, p.im], [q.re, q.im]) as readonly [number, number];
      return { re: r[0], im: r[1] };
    }
    const r = def.fn(Number(acc), Number(v), dt);
    return dt.kind === "b" ? Boolean(r) : (r as number);
  };
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      let acc: JSScalar = 0;
      for (let i = 0; i < n; i++) {
        const idx = (o * n + i) * inner + j;
        const v = read(idx);
        acc = i === 0 ? v : step(acc, v);
        writeElement(storage, dt, idx, acc);
        // continue from the stored value (rounded to float32, as NumPy's loop does)
        acc = readElement(storage, dt, idx);
      }
    }
  }
  return result;
}

/** Does `node` read `out`'s memory through a view other than `out`'s own? */
function readsThroughOtherView(node: Node, out: NDArray): boolean {
  const { storage, view } = out._realized();
  const key = viewKey(view);
  for (const n of toposort([node])) {
    if (n.op === Op.Load && n.loadArg.storage === storage && viewKey(n.loadArg.view) !== key) return true;
  }
  return false;
}
