/** @file Callable ufunc objects: broadcasting, NEP 50 type resolution, out=/where=/dtype=, and the reduce/accumulate methods. */
import { cast, constant, where as whereNode, type Node } from "../../compiler/ir/node.js";
import { expand } from "../../compiler/ir/movement.js";
import { parseDType, type DType } from "../../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../../runtime/errors.js";
import { canCast, checkWeakIntFits, resultType, scalarKind, type WeakScalar } from "../../runtime/promotion.js";
import { isComplexObj, toDTypeValue, type JSScalar } from "../../runtime/scalar.js";
import { asarray, isOptions, type ArrayLike } from "../convert.js";
import { NDArray, writeInto } from "../ndarray.js";
import { reduceWith, type ReduceOptions } from "../reductions.js";
import { accumulateWith } from "../accumulate.js";
import { UFUNC_DEFS, type UfuncDef } from "./defs.js";

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
export function prepareInputs(inputs: readonly unknown[], rule: (common: DType) => { loop: DType; out: DType }, forced?: DType) {
  const arrays = inputs.map((x) => (isScalar(x) ? null : asarray(x as ArrayLike)));
  const parts: (DType | WeakScalar)[] = inputs.map((x, i) => (arrays[i] ? arrays[i]!.dtype : scalarKind(x as JSScalar)));
  const common = forced ?? resultType(...parts);
  const { loop, out } = rule(common);
  const shape = broadcastShapes(...arrays.map((a) => (a ? a.shape : [])));
  const nodes = inputs.map((x, i) => {
    const a = arrays[i];
    if (a) return expand(cast(a._node, loop), shape);
    if (typeof x === "number" && Number.isInteger(x) && (common.kind === "i" || common.kind === "u") && !forced) checkWeakIntFits(x, common);
    if (typeof x === "bigint" && (common.kind === "i" || common.kind === "u") && !forced) checkWeakIntFits(x, common);
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
  readonly identity: number | null;
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
    const { nodes, loop, out: outDt, shape } = prepareInputs(inputs, (c) => def.rule(c, name), forced);
    let node = def.lower(nodes, loop);
    if (node.dtype !== outDt) node = cast(node, outDt);
    const out = Array.isArray(opts.out) ? opts.out[0] : opts.out;
    if (out) {
      const casting = opts.casting ?? "same_kind";
      if (!canCast(node.dtype, out.dtype, casting)) {
        throw new NumpyTypeError(`Cannot cast ufunc '${name}' output from dtype('${node.dtype.name}') to dtype('${out.dtype.name}') with casting rule '${casting}'`);
      }
      const full = broadcastShapes(out.shape, shape);
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
    return reduceWith(def.reduce, asarray(a), { axis: 0, ...opts }, name);
  };
  u.accumulate = (a, opts = {}) => {
    if (def.nin !== 2) throw new ValueError("accumulate only supported for binary functions");
    if (def.reduce !== "sum" && def.reduce !== "prod") throw new NumpyTypeError(`the accumulation of ufunc '${name}' is not supported yet`);
    return accumulateWith(def.reduce, asarray(a), opts.axis ?? 0, opts.dtype, opts.out);
  };
  return u;
}
