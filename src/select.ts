/** @file Elementwise selection built from where/max/min/compare nodes, so each fuses into one kernel: where, select, choose, clip, nan_to_num, isclose/allclose, array_equal/array_equiv. */
import { cast, constant, elementwise, where as whereNode, type Node } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { Op } from "../compiler/ir/ops.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../runtime/errors.js";
import { canCast, checkWeakIntFits, resultType, scalarKind, type Casting, type WeakScalar } from "../runtime/promotion.js";
import { isComplexObj, toDTypeValue, type JSScalar } from "../runtime/scalar.js";
import { asarray, isOptions, scalarNode, type ArrayLike } from "./convert.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { max as rmax, min as rmin } from "./reductions.js";
import { copy } from "./shape-ops.js";
import { nonzero } from "./take.js";
import { ufuncs } from "./ufunc/all.js";
import { broadcastShapes } from "./ufunc/ufunc.js";
import { viewAs } from "./view-dtype.js";

const isScalar = (x: unknown): x is JSScalar =>
  typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || isComplexObj(x);

/** How an operand takes part in promotion: its dtype, or a weak kind for a JS scalar (NEP 50). */
const part = (x: unknown): DType | WeakScalar => (isScalar(x) ? scalarKind(x) : asarray(x as ArrayLike).dtype);
const shapeOf = (x: unknown): readonly number[] => (isScalar(x) ? [] : asarray(x as ArrayLike).shape);

/** `x` as a node of `dt` broadcast to `shape`; a JS scalar is converted as NumPy casts a Python scalar (wrapping). */
function operand(x: unknown, dt: DType, shape: readonly number[]): Node {
  if (isScalar(x)) return scalarNode(x as JSScalar, dt, shape);
  return expand(cast(asarray(x as ArrayLike)._node, dt), shape);
}

const boolNode = (x: unknown, shape: readonly number[]) => operand(x, DTYPES.bool, shape);

/** np.where(cond) is nonzero(cond); np.where(cond, x, y) picks elementwise with NumPy's promotion of x and y. */
export function where(condition: ArrayLike, ...xy: unknown[]): NDArray | NDArray[] {
  if (xy.length === 0) return nonzero(condition);
  if (xy.length !== 2) throw new ValueError("either both or neither of x and y should be given");
  const [x, y] = xy;
  const dt = resultType(part(x), part(y));
  const shape = broadcastShapes(shapeOf(condition), shapeOf(x), shapeOf(y));
  return new NDArray(whereNode(boolNode(condition, shape), operand(x, dt, shape), operand(y, dt, shape)));
}

export function select(condlist: readonly ArrayLike[], choicelist: readonly unknown[], default_: unknown = 0): NDArray {
  if (condlist.length !== choicelist.length) throw new ValueError("list of cases must be same length as list of conditions");
  if (condlist.length === 0) throw new ValueError("select with an empty condition list is not possible");
  const conds = condlist.map((c) => asarray(c));
  conds.forEach((c, i) => {
    if (c.dtype !== DTYPES.bool) throw new NumpyTypeError(`invalid entry ${i} in condlist: should be boolean ndarray`);
  });
  const choices = [...choicelist, default_];
  const dt = resultType(...choices.map(part));
  const shape = broadcastShapes(...conds.map((c) => c.shape), ...choices.map(shapeOf));
  let node = operand(default_, dt, shape);
  for (let i = conds.length - 1; i >= 0; i--) node = whereNode(expand(conds[i]._node, shape), operand(choices[i], dt, shape), node);
  return new NDArray(node);
}

type Mode = "raise" | "wrap" | "clip";

export function choose(a: ArrayLike, choices: readonly unknown[], opts: { out?: NDArray | null; mode?: Mode } = {}): NDArray {
  const idx = asarray(a);
  const mode = opts.mode ?? "raise";
  if (mode !== "raise" && mode !== "wrap" && mode !== "clip") throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${mode}')`);
  const n = choices.length;
  if (n === 0) throw new ValueError("0-length sequence.");
  if (idx.dtype.kind !== "i" && idx.dtype.kind !== "u" && idx.dtype.kind !== "b") {
    throw new NumpyTypeError(`Cannot cast array data from dtype('${idx.dtype.name}') to dtype('int64') according to the rule 'safe'`);
  }
  const dt = resultType(...choices.map((c) => (isScalar(c) ? asarray(c as ArrayLike).dtype : part(c))));
  const shape = broadcastShapes(idx.shape, ...choices.map(shapeOf));
  let k = cast(expand(idx._node, shape), DTYPES.int64);
  if (mode === "raise" && idx.size > 0) {
    const lo = Number(rmin(idx).item()), hi = Number(rmax(idx).item());
    if (lo < 0 || hi >= n) throw new ValueError("invalid entry in choice array");
  }
  const c = (v: number) => constant(v, DTYPES.int64, shape);
  if (mode === "wrap") k = elementwise(Op.Mod, [k, c(n)]);
  if (mode === "clip") k = elementwise(Op.Min, [elementwise(Op.Max, [k, c(0)]), c(n - 1)]);
  let node = operand(choices[n - 1], dt, shape);
  for (let i = n - 2; i >= 0; i--) node = whereNode(elementwise(Op.Eq, [k, c(i)]), operand(choices[i], dt, shape), node);
  return finishOut(node, opts.out ?? null, "choose", "unsafe");
}

function finishOut(node: Node, out: NDArray | null, name: string, casting: Casting = "same_kind"): NDArray {
  if (!out) return new NDArray(node);
  if (!canCast(node.dtype, out.dtype, casting)) {
    throw new NumpyTypeError(`Cannot cast ufunc '${name}' output from dtype('${node.dtype.name}') to dtype('${out.dtype.name}') with casting rule '${casting}'`);
  }
  const full = broadcastShapes(node.shape, out.shape);
  if (full.length !== out.ndim || full.some((n, i) => n !== out.shape[i])) {
    const s = (x: readonly number[]) => `(${x.join(",")}${x.length === 1 ? "," : ""})`;
    throw new ValueError(`non-broadcastable output operand with shape ${s(out.shape)} doesn't match the broadcast shape ${s(full)}`);
  }
  writeInto(out, expand(cast(node, out.dtype), out.shape));
  return out;
}

interface ClipOptions {
  out?: NDArray | null;
  min?: ArrayLike | null;
  max?: ArrayLike | null;
  dtype?: unknown;
  casting?: Casting;
}

/** A Python-int bound beyond the integer dtype's range on its open side means no bound, as NumPy's clip does. */
function outsideRange(x: unknown, dt: DType, side: "lo" | "hi"): boolean {
  if (!(dt.kind === "i" || dt.kind === "u") || !((typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint")) return false;
  const bits = BigInt(dt.itemsize * 8);
  const lo = dt.kind === "i" ? -(2n ** (bits - 1n)) : 0n;
  const hi = dt.kind === "i" ? 2n ** (bits - 1n) - 1n : 2n ** bits - 1n;
  const v = BigInt(x);
  return side === "lo" ? v < lo : v > hi;
}

export function clip(a: ArrayLike, ...rest: unknown[]): NDArray {
  const opts: ClipOptions = rest.length && isOptions(rest[rest.length - 1]) ? { ...(rest.pop() as ClipOptions) } : {};
  let lo = (rest.length > 0 ? rest[0] : opts.min) as unknown;
  let hi = (rest.length > 1 ? rest[1] : opts.max) as unknown;
  if (rest.length > 2) opts.out = rest[2] as NDArray | null;
  lo ??= null;
  hi ??= null;
  const x = isScalar(a) ? a : asarray(a);
  const arr = asarray(a as ArrayLike);
  const forced = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : null;
  const base = forced ?? resultType(...[x, lo, hi].filter((v) => v !== null).map(part));
  if (lo !== null && outsideRange(lo, base, "lo")) lo = null;
  if (hi !== null && outsideRange(hi, base, "hi")) hi = null;
  for (const b of [lo, hi]) {
    if (b !== null && ((typeof b === "number" && Number.isInteger(b)) || typeof b === "bigint") && (base.kind === "i" || base.kind === "u")) checkWeakIntFits(b as number, base);
  }
  const dt = forced ?? resultType(...[x, lo, hi].filter((v) => v !== null).map(part));
  const shape = broadcastShapes(arr.shape, ...(lo !== null ? [shapeOf(lo)] : []), ...(hi !== null ? [shapeOf(hi)] : []));
  let node = operand(x, dt, shape);
  if (lo !== null) node = elementwise(Op.Max, [node, operand(lo, dt, shape)]);
  if (hi !== null) node = elementwise(Op.Min, [node, operand(hi, dt, shape)]);
  return finishOut(node, opts.out ?? null, "clip", opts.casting ?? "same_kind");
}

const FMAX: Record<string, number> = { float32: 3.4028234663852886e38, float64: Number.MAX_VALUE };

/** nan/inf replacement for one real float node. */
function nanToNumNode(x: Node, nan: number, posinf: number, neginf: number): Node {
  const dt = x.dtype, shape = x.shape;
  const c = (v: number) => constant(toDTypeValue(v, dt) as number, dt, shape);
  const isPos = elementwise(Op.Eq, [x, c(Infinity)]);
  const isNeg = elementwise(Op.Eq, [x, c(-Infinity)]);
  return whereNode(elementwise(Op.IsNan, [x]), c(nan), whereNode(isPos, c(posinf), whereNode(isNeg, c(neginf), x)));
}

export function nan_to_num(x: ArrayLike, opts: { copy?: boolean; nan?: number; posinf?: number | null; neginf?: number | null } = {}): NDArray {
  const arr = asarray(x);
  const doCopy = opts.copy ?? true;
  const kind = arr.dtype.kind;
  if (kind !== "f" && kind !== "c") return doCopy ? copy(arr) : arr;
  const real = kind === "c" ? parseDType(arr.dtype.itemsize === 8 ? "float32" : "float64") : arr.dtype;
  const nan = opts.nan ?? 0, posinf = opts.posinf ?? FMAX[real.name], neginf = opts.neginf ?? -FMAX[real.name];
  if (kind === "f") {
    const node = nanToNumNode(arr._node, nan, posinf, neginf);
    if (doCopy) return new NDArray(node);
    writeInto(arr, node);
    return arr;
  }
  // complex: each part separately, written into the real and imaginary views of the result
  const out = doCopy ? emptyArray(arr.shape, arr.dtype, false) : arr;
  const parts = [0, 1].map((p) => nanToNumNode(elementwise(p === 0 ? Op.Real : Op.Imag, [arr._node]), nan, posinf, neginf));
  const reIm = [new NDArray(parts[0]), new NDArray(parts[1])];
  if (!doCopy) reIm.forEach((r) => r.eval());
  writeInto(viewAs(out, real, 0), reIm[0]._node);
  writeInto(viewAs(out, real, 1), reIm[1]._node);
  return out;
}

interface CloseOptions {
  rtol?: number | ArrayLike;
  atol?: number | ArrayLike;
  equal_nan?: boolean;
}

function closeArgs(rest: unknown[]): CloseOptions {
  const opts: CloseOptions = rest.length && isOptions(rest[rest.length - 1]) ? { ...(rest.pop() as CloseOptions) } : {};
  if (rest.length > 0) opts.rtol = rest[0] as number;
  if (rest.length > 1) opts.atol = rest[1] as number;
  if (rest.length > 2) opts.equal_nan = rest[2] as boolean;
  return opts;
}

/** NumPy's isclose: |a - b| <= atol + rtol * |b| for finite b, or a == b; b is made inexact first. */
export function isclose(a: ArrayLike, b: ArrayLike, ...rest: unknown[]): NDArray {
  const opts = closeArgs(rest);
  const rtol = opts.rtol ?? 1e-5, atol = opts.atol ?? 1e-8;
  const x: unknown = isScalar(a) ? a : asarray(a);
  let y: unknown;
  if (isComplexObj(b)) y = b;
  // a Python int y becomes float(y); JS cannot mark 3 as a float, so it goes in as a float64 0-d array
  else if (isScalar(b)) y = typeof b === "number" && !Number.isInteger(b) ? b : asarray(Number(b), { dtype: "float64" });
  else {
    const yb = asarray(b);
    y = new NDArray(cast(yb._node, resultType(yb.dtype, { weak: "float" })));
  }
  const u = ufuncs;
  const diff = u.absolute(u.subtract(x, y));
  const tol = u.add(atol, u.multiply(rtol, u.absolute(y)));
  let r = u.logical_or(u.logical_and(u.less_equal(diff, tol), u.isfinite(y)), u.equal(x, y));
  if (opts.equal_nan) r = u.logical_or(r, u.logical_and(u.isnan(x), u.isnan(y)));
  return r;
}

export function allclose(a: ArrayLike, b: ArrayLike, ...rest: unknown[]): boolean {
  return Boolean(isclose(a, b, ...rest).all().item());
}

export function array_equal(a1: ArrayLike, a2: ArrayLike, opts: { equal_nan?: boolean } = {}): boolean {
  const x = asarray(a1), y = asarray(a2);
  if (x.ndim !== y.ndim || x.shape.some((n, i) => n !== y.shape[i])) return false;
  let eq = ufuncs.equal(x, y);
  if (opts.equal_nan) eq = ufuncs.logical_or(eq, ufuncs.logical_and(ufuncs.isnan(x), ufuncs.isnan(y)));
  return Boolean(eq.all().item());
}

export function array_equiv(a1: ArrayLike, a2: ArrayLike): boolean {
  const x = asarray(a1), y = asarray(a2);
  try {
    broadcastShapes(x.shape, y.shape);
  } catch {
    return false;
  }
  return Boolean(ufuncs.equal(x, y).all().item());
}
