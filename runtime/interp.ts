/** @file The reference interpreter: evaluates an IR graph one element at a time with NumPy's per-node semantics, so tests can check compiled plans against something obviously correct. Slow by design. */
import { OP_DEFS, Op, isElemOp, type CPair, type ReduceOp } from "../compiler/ir/ops.js";
import { toposort, type Node } from "../compiler/ir/node.js";
import type { View } from "../compiler/ir/view.js";
import { DTYPES, type DType } from "./dtype.js";
import { readElement, toDTypeValue, type JSScalar } from "./scalar.js";
import { fround16 } from "./half.js";

/**
 * One element while interpreting. Integers of every width are bigints, so arithmetic is exact and
 * wrapping is BigInt.asIntN (int64 values near 2**63 are not doubles); bools are 0/1, floats
 * numbers, complex values (re, im) pairs.
 */
type Elem = number | bigint | CPair<number>;

export interface Interpreted {
  shape: number[];
  dtype: DType;
  /** C order, as tolist gives them: bools as booleans, ints and floats as numbers, complex as {re, im} */
  values: JSScalar[];
}

export class InterpError extends Error {
  override name = "InterpError";
}

const size = (shape: readonly number[]) => shape.reduce((p, n) => p * n, 1);

/** The multi-index of flat C-order position `flat` in `shape`. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = (flat - idx[d]) / shape[d];
  }
  return idx;
}

function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d] + idx[d];
  return flat;
}

/** Keep an exact integer inside the dtype's width, as NumPy's fixed-width ints do. */
function wrap(v: bigint, dt: DType): bigint {
  const bits = dt.itemsize * 8;
  return dt.kind === "u" ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

function toBig(v: number | bigint): bigint {
  if (typeof v === "bigint") return v;
  if (!Number.isInteger(v)) throw new InterpError(`internal: non-integer ${v} where an integer is stored`);
  return BigInt(v);
}

/** The value a node of dtype `dt` holds after computing `x` in that dtype (results of its own kind). */
function store(x: number | boolean | bigint | CPair<number>, dt: DType): Elem {
  if (typeof x === "object") {
    if (dt.kind !== "c") throw new InterpError(`internal: complex result for ${dt.name}`);
    return dt.itemsize === 8 ? [Math.fround(x[0]), Math.fround(x[1])] : [x[0], x[1]];
  }
  if (dt.isInt) return wrap(toBig(typeof x === "boolean" ? +x : x), dt);
  const v = Number(x);
  switch (dt.kind) {
    case "b": return v !== 0 ? 1 : 0;
    case "c": return dt.itemsize === 8 ? [Math.fround(v), 0] : [v, 0];
    default: return dt.itemsize === 4 ? Math.fround(v) : dt.itemsize === 2 ? fround16(v) : v;
  }
}

/** An element as the JS value a cast (toDTypeValue) and tolist use. */
function toScalar(x: Elem, dt: DType): JSScalar {
  if (typeof x === "object") return { re: x[0], im: x[1] };
  return dt.kind === "b" ? x !== 0 : x;
}

/** NumPy's astype: integer to integer keeps the low bits; everything else as runtime/scalar.ts casts. */
function castElem(x: Elem, from: DType, to: DType): Elem {
  if (from.isInt && to.isInt) return wrap(x as bigint, to);
  const v = toDTypeValue(toScalar(x, from), to);
  if (typeof v === "object") return [v.re, v.im];
  return store(v, to);
}

const truthy = (x: Elem): boolean => (typeof x === "object" ? x[0] !== 0 || x[1] !== 0 : typeof x === "bigint" ? x !== 0n : x !== 0);
const isNaNElem = (x: Elem) => typeof x === "number" && x !== x;

function readView(shape: readonly number[], v: View, limit: number, read: (off: number) => Elem, what: string): Elem[] {
  const out = new Array<Elem>(size(shape));
  for (let f = 0; f < out.length; f++) {
    const idx = unravel(f, shape);
    let off = v.offset;
    for (let d = 0; d < idx.length; d++) off += idx[d] * v.strides[d];
    if (!Number.isInteger(off) || off < 0 || off >= limit) {
      throw new InterpError(`out-of-range read: element ${off} of ${what} with ${limit} elements`);
    }
    out[f] = read(off);
  }
  return out;
}

function evalLoad(n: Node, srcVals: Elem[] | undefined): Elem[] {
  const { storage, view } = n.loadArg;
  if (!storage) return readView(n.shape, view, srcVals!.length, (off) => srcVals![off], `node x${n.src[0].id}`);
  const dt = n.dtype;
  const limit = Math.floor(storage.byteLength / dt.itemsize);
  return readView(n.shape, view, limit, (off) => {
    const x = readElement(storage, dt, off, true);
    if (typeof x === "boolean") return x ? 1 : 0;
    if (typeof x === "object") return [x.re, x.im];
    return dt.isInt ? BigInt(x) : x;
  }, `storage ${storage.id}`);
}

/** Exact integer semantics (NumPy's C loops on fixed-width ints), for the ops where doubles could lose bits. */
const absBig = (a: bigint): bigint => (a < 0n ? -a : a);
/** NumPy's gcd works on the true absolute values; the store wraps the result (int8 gcd(-128, 0) is -128). */
function gcdBig(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (a !== 0n) [a, b] = [b % a, a];
  return b;
}

const INT_OPS: Partial<Record<Op, (a: bigint, b: bigint, bits: number) => bigint | boolean>> = {
  [Op.Add]: (a, b) => a + b,
  [Op.Sub]: (a, b) => a - b,
  [Op.Mul]: (a, b) => a * b,
  [Op.Square]: (a) => a * a,
  [Op.Neg]: (a) => -a,
  [Op.Abs]: (a) => (a < 0n ? -a : a),
  [Op.Invert]: (a) => ~a,
  [Op.FloorDiv]: (a, b) => {
    if (b === 0n) return 0n;
    const q = a / b;
    return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
  },
  [Op.Mod]: (a, b) => {
    if (b === 0n) return 0n;
    const r = a % b;
    return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
  },
  [Op.Fmod]: (a, b) => (b === 0n ? 0n : a % b),
  [Op.Pow]: (a, b, bits) => {
    // by squaring modulo 2**bits, as the fixed-width loop does (negative exponents: see evalElementwise)
    let r = 1n, base = BigInt.asUintN(bits, a), e = b;
    while (e > 0n) {
      if (e & 1n) r = BigInt.asUintN(bits, r * base);
      base = BigInt.asUintN(bits, base * base);
      e >>= 1n;
    }
    return r;
  },
  [Op.Shl]: (a, b, bits) => (b < 0n || b >= BigInt(bits) ? 0n : a << b),
  [Op.Shr]: (a, b, bits) => (b < 0n || b >= BigInt(bits) ? (a < 0n ? -1n : 0n) : a >> b),
  [Op.BitAnd]: (a, b) => a & b,
  [Op.BitOr]: (a, b) => a | b,
  [Op.BitXor]: (a, b) => a ^ b,
  [Op.Max]: (a, b) => (a >= b ? a : b),
  [Op.Min]: (a, b) => (a <= b ? a : b),
  [Op.Fmax]: (a, b) => (a >= b ? a : b),
  [Op.Fmin]: (a, b) => (a <= b ? a : b),
  [Op.Gcd]: gcdBig,
  // |a| / gcd * |b|, wrapped by the store: lcm(int8 25, 8) is 200 -> -56, as NumPy gives
  [Op.Lcm]: (a, b) => {
    const g = gcdBig(a, b);
    return g === 0n ? 0n : (absBig(a) / g) * absBig(b);
  },
  [Op.Popcount]: (a) => {
    let v = absBig(a), n = 0n;
    for (; v > 0n; v >>= 1n) n += v & 1n;
    return n;
  },
  [Op.Lt]: (a, b) => a < b,
  [Op.Le]: (a, b) => a <= b,
  [Op.Gt]: (a, b) => a > b,
  [Op.Ge]: (a, b) => a >= b,
  [Op.Eq]: (a, b) => a === b,
  [Op.Ne]: (a, b) => a !== b,
};

function evalElementwise(n: Node, args: Elem[][]): Elem[] {
  if (!isElemOp(n.op)) throw new InterpError(`internal: no interpreter rule for ${n.op}`);
  const def = OP_DEFS[n.op];
  const dt = n.src[0].dtype;
  const intOp = dt.isInt ? INT_OPS[n.op] : undefined;
  const out = new Array<Elem>(size(n.shape));
  for (let f = 0; f < out.length; f++) {
    const a = args[0][f], b = args[1]?.[f];
    let r: number | boolean | bigint | CPair<number>;
    if (dt.kind === "c") {
      if (!def.cfn) throw new InterpError(`${n.op} has no complex semantics`);
      r = def.cfn(a as CPair<number>, (b ?? [0, 0]) as CPair<number>, dt);
    } else if (intOp && !(n.op === Op.Pow && (b as bigint) < 0n)) {
      r = intOp(a as bigint, (b ?? 0n) as bigint, dt.itemsize * 8);
    } else {
      // OP_DEFS semantics on exact doubles (and its errors, e.g. ints to negative powers)
      r = def.fn(Number(a), b === undefined ? 0 : Number(b), dt);
    }
    out[f] = store(r, n.dtype);
  }
  return out;
}

const greater = (op: ReduceOp) => op === "max" || op === "argmax";

/** Sequential reduction of `xs` (C order over the reduced axes), stored in `dt` after every step as NumPy's loop keeps its accumulator. */
function reduceSeq(op: ReduceOp, xs: Elem[], inDt: DType, dt: DType): Elem {
  switch (op) {
    case "sum": case "prod": {
      if (dt.name === "float16") {
        // NumPy's half loops accumulate in float32 and round to half once, at the end
        let acc = op === "sum" ? 0 : 1;
        for (const x of xs) acc = Math.fround(op === "sum" ? acc + (x as number) : acc * (x as number));
        return store(acc, dt);
      }
      let acc = store(op === "sum" ? 0 : 1, dt);
      for (const x of xs) {
        if (typeof acc === "object") {
          const [ar, ai] = acc, [xr, xi] = x as CPair<number>;
          acc = store(op === "sum" ? [ar + xr, ai + xi] : [ar * xr - ai * xi, ar * xi + ai * xr], dt);
        } else if (typeof acc === "bigint") {
          acc = store(op === "sum" ? acc + (x as bigint) : acc * (x as bigint), dt);
        } else {
          acc = store(op === "sum" ? acc + (x as number) : acc * (x as number), dt);
        }
      }
      return acc;
    }
    case "max": case "min": case "argmax": case "argmin": {
      if (xs.length === 0) throw new InterpError(`zero-size ${op} reduction has no identity`);
      if (inDt.kind === "c") throw new InterpError(`${op} of complex values is not interpreted`);
      // the first NaN wins; otherwise the first strict improvement
      let best = 0;
      for (let i = 1; i < xs.length && !isNaNElem(xs[best]); i++) {
        const v = xs[i], bv = xs[best];
        if (isNaNElem(v) || (greater(op) ? v > bv : v < bv)) best = i;
      }
      return op === "argmax" || op === "argmin" ? store(best, dt) : store(xs[best] as number | bigint, dt);
    }
    case "any": return store(xs.some(truthy), dt);
    case "all": return store(xs.every(truthy), dt);
  }
}

function evalReduce(n: Node, vals: Elem[]): Elem[] {
  const { op, axes } = n.reduceArg;
  const inShape = n.src[0].shape;
  const redShape = axes.map((a) => inShape[a]);
  const out = new Array<Elem>(size(n.shape));
  for (let f = 0; f < out.length; f++) {
    const idx = unravel(f, n.shape);
    const xs: Elem[] = [];
    for (let r = 0; r < size(redShape); r++) {
      const ri = unravel(r, redShape);
      axes.forEach((a, k) => (idx[a] = ri[k]));
      xs.push(vals[ravel(idx, inShape)]);
    }
    out[f] = reduceSeq(op, xs, n.src[0].dtype, n.dtype);
  }
  return out;
}

function evalConst(n: Node): Elem[] {
  const c = n.constValue, dt = n.dtype;
  // integer payloads wrap like any integer result; other payloads (NaN, fractions) cast as astype would
  const v = typeof c === "object" ? store([c.re, c.im], dt)
    : dt.isInt && !Number.isInteger(c) ? castElem(c, DTYPES.float64, dt) : store(c, dt);
  return new Array<Elem>(size(n.shape)).fill(v);
}

function evalNode(n: Node, src: Elem[][]): Elem[] {
  switch (n.op) {
    case Op.Load: return evalLoad(n, src[0]);
    case Op.Const: return evalConst(n);
    case Op.Cast: return src[0].map((x) => castElem(x, n.src[0].dtype, n.dtype));
    case Op.Where: return src[0].map((c, f) => (truthy(c) ? src[1][f] : src[2][f]));
    case Op.Reduce: return evalReduce(n, src[0]);
    case Op.Contiguous: return src[0].slice();
    default: return evalElementwise(n, src);
  }
}

/**
 * Evaluate `node` element by element, never touching the compiler or the kernels. Every node's
 * value is stored in its dtype as NumPy stores it (ints wrapped, float32 rounded, bool 0/1);
 * a read outside a storage or a source node throws InterpError.
 */
export function interpret(node: Node): Interpreted {
  const values = new Map<Node, Elem[]>();
  for (const n of toposort([node])) {
    const vals = evalNode(n, n.src.map((s) => values.get(s)!));
    if (vals.length !== size(n.shape)) throw new InterpError(`internal: ${n.op} produced ${vals.length} values for shape [${n.shape}]`);
    values.set(n, vals);
  }
  const dt = node.dtype;
  return {
    shape: [...node.shape],
    dtype: dt,
    values: values.get(node)!.map((x) => (typeof x === "bigint" ? Number(x) : toScalar(x, dt))),
  };
}
