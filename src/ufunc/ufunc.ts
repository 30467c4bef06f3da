/** @file Callable ufunc objects: broadcasting, NEP 50 type resolution, out=/where=/dtype=, and the reduce/accumulate methods. */
import { cast, constant, toposort, where as whereNode, type Node } from "../../compiler/ir/node.js";
import { Op } from "../../compiler/ir/ops.js";
import { viewKey } from "../../compiler/ir/view.js";
import { expand } from "../../compiler/ir/movement.js";
import { parseDType, ufuncDType, type DType } from "../../runtime/dtype.js";
import { flexibleUfunc, isFlexibleOperand } from "../strings.js";
import { DTYPES } from "../../runtime/dtype.js";
import { NumpyTypeError, OverflowError, ValueError } from "../../runtime/errors.js";
import { canCast, checkWeakIntFits, isWeakScalar, resultType, scalarKind, weakAmong, type Casting, type WeakScalar } from "../../runtime/promotion.js";
import { isComplexObj, readElement, writeElement, type JSScalar } from "../../runtime/scalar.js";
import { OP_DEFS, type ElemOp } from "../../compiler/ir/ops.js";
import { asarray, isOptions, scalarNode, type ArrayLike } from "../convert.js";
import { emptyArray, evalArrays, NDArray, writeInto } from "../ndarray.js";
import { reduceWith, type ReduceOptions } from "../reductions.js";
import { accumulateWith } from "../accumulate.js";
import { ACCUMULATE_OPS, floatLoopOf, UFUNC_DEFS, UFUNC_NAMES, type UfuncDef } from "./defs.js";
import { normalizeAxis } from "../reductions.js";
import { reshape } from "../../compiler/ir/movement.js";

export interface UfuncOptions {
  /** one array for a single-output ufunc; a tuple (JS array, entries may be null) with one entry per output */
  out?: NDArray | (NDArray | null)[] | null;
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
  const floatInputs = def.floatInputs && !def.resolve;
  const arrayDTypes = arrays.filter((a) => a !== null).map((a) => a!.dtype);
  const parts: (DType | WeakScalar)[] = inputs.map((x, i) => {
    const a = arrays[i];
    if (!a) {
      const w = scalarKind(x as JSScalar);
      if (!floatInputs) return w;
      const p = weakAmong(w, arrayDTypes);
      return isWeakScalar(p) ? p : floatLoopOf(p);
    }
    return floatInputs ? floatLoopOf(a.dtype) : a.dtype;
  });
  if (forced && ((def.boolOut && forced !== DTYPES.bool) || def.noDtype)) {
    throw new NumpyTypeError(`No loop matching the specified signature and casting was found for ufunc ${name}`);
  }
  if (def.resolve) {
    const r = def.resolve(parts, inputs, name, forced);
    return finishInputs(inputs, arrays, r.loops, r.loop, [r.out], null);
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
  const { loop, out, out2 } = def.rule(common, name, parts);
  if (forced && casting !== "unsafe") {
    arrays.forEach((a, i) => {
      if (a && !canCast(a.dtype, loop, casting)) {
        throw new NumpyTypeError(`Cannot cast ufunc '${name}' input ${i} from dtype('${a.dtype.name}') to dtype('${loop.name}') with casting rule '${casting}'`);
      }
    });
  }
  const outs = def.nout === 2 ? [out, out2 ?? out] : [out];
  return finishInputs(inputs, arrays, inputs.map(() => loop), loop, outs, { common, forced: !!forced });
}

/** Broadcast the inputs and cast each to its loop dtype (`weak`: how JS scalars enter, null when a resolve hook checked them). */
function finishInputs(inputs: readonly unknown[], arrays: (NDArray | null)[], loops: DType[], loop: DType, outs: DType[], weak: { common: DType; forced: boolean } | null) {
  const shape = broadcastShapes(...arrays.map((a) => (a ? a.shape : [])));
  const nodes = inputs.map((x, i) => {
    const a = arrays[i];
    if (a) return expand(cast(a._node, loops[i]), shape);
    const common = weak ? weak.common : loops[i];
    const weakInt = (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint";
    if (weak && weakInt && (common.kind === "i" || common.kind === "u") && !weak.forced) checkWeakIntFits(x as number | bigint, common);
    // the scalar takes the array's dtype first (NumPy casts the Python scalar), then the loop's
    // past 2**53 a constant's double would round a 64-bit integer: scalarNode holds it exactly
    return cast(scalarNode(x as JSScalar, common, shape), loops[i]);
  });
  return { nodes, loop, out: outs[0], outs, shape };
}

/** What every ufunc object has besides its call. */
/** The generic fold for reduce/accumulate, bound by src/index.ts (it builds on modules that import this one). */
export const GENERIC: {
  reduce?: (u: UfuncBase, a: ArrayLike, opts: Record<string, unknown>) => NDArray;
  accumulate?: (u: UfuncBase, a: ArrayLike, opts: Record<string, unknown>) => NDArray;
} = {};

export interface UfuncBase {
  readonly __name__: string;
  readonly nin: number;
  readonly nout: number;
  readonly nargs: number;
  readonly identity: number | boolean | null;
  reduce(a: ArrayLike, opts?: ReduceOptions): NDArray;
  accumulate(a: ArrayLike, opts?: { axis?: number; dtype?: unknown; out?: NDArray }): NDArray;
  /** attached by src/ufunc/attach.ts (src/ufunc-methods.ts) */
  outer(a: ArrayLike, b: ArrayLike, opts?: Record<string, unknown>): NDArray | NDArray[];
  at(a: NDArray, indices: unknown, b?: ArrayLike): void;
  reduceat(a: ArrayLike, indices: ArrayLike, opts?: { axis?: number; dtype?: unknown; out?: NDArray | null }): NDArray;
}
export interface Ufunc extends UfuncBase {
  (...args: unknown[]): NDArray;
}
/** divmod, modf, frexp: a call returns both outputs as a JS array (destructurable, NumPy's tuple). */
export interface Ufunc2 extends UfuncBase {
  (...args: unknown[]): [NDArray, NDArray];
}

function splitArgs(name: string, def: UfuncDef, args: unknown[]): { inputs: unknown[]; opts: UfuncOptions; outs: (NDArray | null)[] } {
  const nout = def.nout ?? 1;
  let opts: UfuncOptions = {};
  if (args.length && isOptions(args[args.length - 1])) opts = args.pop() as UfuncOptions;
  if (args.length < def.nin || args.length > def.nin + nout) {
    throw new NumpyTypeError(`${name}() takes from ${def.nin} to ${def.nin + nout} positional arguments but ${args.length} were given`);
  }
  const positional = args.splice(def.nin) as (NDArray | null)[];
  let outs: (NDArray | null)[] = new Array<NDArray | null>(nout).fill(null);
  if (positional.length) {
    if (opts.out !== undefined && opts.out !== null) throw new NumpyTypeError("cannot specify 'out' as both a positional and keyword argument");
    positional.forEach((o, i) => (outs[i] = o ?? null));
  } else if (Array.isArray(opts.out)) {
    if (opts.out.length !== nout) throw new ValueError("The 'out' tuple must have exactly one entry per ufunc output");
    outs = opts.out.map((o) => o ?? null);
  } else if (opts.out) {
    if (nout > 1) throw new NumpyTypeError("'out' must be a tuple of arrays");
    outs = [opts.out];
  }
  return { inputs: args, opts, outs };
}

export function makeUfunc(name: string): Ufunc {
  const def = UFUNC_DEFS[name];
  const uname = UFUNC_NAMES[name] ?? name;
  const nout = def.nout ?? 1;
  const call = (...args: unknown[]): NDArray | NDArray[] => {
    const { inputs, opts, outs } = splitArgs(uname, def, [...args]);
    if (inputs.some(isFlexibleOperand)) return flexibleUfunc(uname, inputs);
    const forced = opts.dtype !== undefined && opts.dtype !== null ? ufuncDType(opts.dtype) : undefined;
    const casting = opts.casting ?? "same_kind";
    const { nodes, loop, outs: outDts, shape } = prepareInputs(uname, def, inputs, forced, casting);
    const lowered = def.lower(nodes, loop);
    let results = (Array.isArray(lowered) ? lowered : [lowered]).map((n: Node, k) => (n.dtype !== outDts[k] ? cast(n, outDts[k]) : n));
    // both outputs read the inputs, so neither may be written before the other has read them
    if (nout > 1 && outs.some((o) => o && results.some((r) => readsStorage(r, o)))) {
      const tmp = results.map((r) => new NDArray(r));
      evalArrays(tmp);
      results = tmp.map((t) => t._node);
    }
    // NumPy names an output by its operand index when there are several
    const final = results.map((r, k) => outputNode(uname, nout > 1 ? `output ${def.nin + k}` : "output", inputs, r, outs[k], opts, casting, shape));
    const done = final.map((r, k) => commitOutput(r, outs[k]));
    return nout === 1 ? done[0] : done;
  };
  Object.defineProperties(call, {
    __name__: { value: uname },
    nin: { value: def.nin },
    nout: { value: nout },
    nargs: { value: def.nin + nout },
    identity: { value: def.identity },
    name: { value: uname },
  });
  const u = call as unknown as Ufunc & { reduce: Ufunc["reduce"]; accumulate: Ufunc["accumulate"] };
  u.reduce = (a, opts = {}) => {
    if (def.nin !== 2) throw new ValueError("reduce only supported for binary functions");
    if (nout !== 1) throw new ValueError("reduce only supported for functions returning a single value");
    // ufuncs without a reduce primitive fold step by step (src/ufunc-reduce.ts, bound by src/ufunc/attach.ts)
    if (!def.reduce) return GENERIC.reduce!(u, a, opts as Record<string, unknown>);
    let arr = asarray(a);
    // logical reductions look only at truth values: reduce the bool view of any dtype
    if (def.reduce === "all" || def.reduce === "any") arr = new NDArray(cast(arr._node, DTYPES.bool));
    return reduceWith(def.reduce, arr, { axis: 0, ...opts }, uname);
  };
  u.accumulate = (a, opts = {}) => {
    if (def.nin !== 2) throw new ValueError("accumulate only supported for binary functions");
    if (nout !== 1) throw new ValueError("accumulate only supported for functions returning a single value");
    if (def.reduce === "sum" || def.reduce === "prod") {
      return accumulateWith(def.reduce, asarray(a), opts.axis ?? 0, opts.dtype === undefined || opts.dtype === null ? opts.dtype : ufuncDType(opts.dtype), opts.out);
    }
    const op = ACCUMULATE_OPS[name];
    if (!op) return GENERIC.accumulate!(u, a, opts as Record<string, unknown>);
    const arr = asarray(a);
    const dt = opts.dtype !== undefined && opts.dtype !== null ? ufuncDType(opts.dtype) : def.boolOut ? DTYPES.bool : def.rule(arr.dtype, name, [arr.dtype]).loop;
    const r = scan(op, arr, opts.axis ?? 0, dt);
    if (opts.out) {
      writeInto(opts.out, cast(r._node, opts.out.dtype));
      return opts.out;
    }
    return r;
  };
  return u;
}

/** One output's final node: cast-checked for `out`, masked by where=. Throws before anything is written. */
function outputNode(name: string, what: string, inputs: unknown[], node: Node, out: NDArray | null, opts: UfuncOptions, casting: Casting, shape: number[]): Node {
  if (out) {
    if (!canCast(node.dtype, out.dtype, casting)) {
      throw new NumpyTypeError(`Cannot cast ufunc '${name}' ${what} from dtype('${node.dtype.name}') to dtype('${out.dtype.name}') with casting rule '${casting}'`);
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
  return node;
}

/** Write an output node into `out` (which is returned), or wrap it as a new array. */
function commitOutput(node: Node, out: NDArray | null): NDArray {
  if (out) {
    // out= overlapping an input through another view (np.add(a, a[::-1], out=a)): NumPy computes into
    // a temporary first; writeInto alone would stream into `a` while still reading it (see report)
    if (readsThroughOtherView(node, out)) node = new NDArray(node).eval()._node;
    writeInto(out, node);
    return out;
  }
  return new NDArray(node);
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
      const r = def.cfn!([p.re, p.im], [q.re, q.im], dt) as readonly [number, number];
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

/** Does `node` read `out`'s storage at all? */
function readsStorage(node: Node, out: NDArray): boolean {
  const { storage } = out._realized();
  return toposort([node]).some((n) => n.op === Op.Load && n.loadArg.storage === storage);
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
