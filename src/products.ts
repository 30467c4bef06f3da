/** @file Products: np.dot, np.matmul (batched, broadcasting), np.vdot, np.inner, np.outer, np.cross; contractions run the blocked gemm routine on realized lanes. */
import { cast } from "../compiler/ir/node.js";
import { DTYPES, type DType } from "../runtime/dtype.js";
import { AxisError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { canCast, promoteTypes } from "../runtime/promotion.js";
import { gemm } from "../runtime/routines/gemm.js";
import { stack } from "./combine.js";
import { asarray, isOptions, type ArrayLike } from "./convert.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { moveaxis, ravel, reshape } from "./shape-ops.js";
import { contiguousLanes } from "./sorting.js";
import { ufuncs } from "./ufunc/all.js";
import { get } from "./indexing.js";
import { broadcastShapes } from "./ufunc/ufunc.js";

const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;
const prod = (s: readonly number[]) => s.reduce((p, n) => p * n, 1);
const MATMUL_SIG = "(n?,k),(k,m?)->(n?,m?)";

/** Lanes of `a` cast to `dt`, C-contiguous. */
function lanesAs(a: NDArray, dt: DType) {
  return contiguousLanes(a.dtype === dt ? a : new NDArray(cast(a._node, dt)));
}

/** (P x K) @ (K x Q) for arrays already shaped so; result (P x Q) of dtype dt, as `shape`. */
function matmul2d(a: NDArray, b: NDArray, dt: DType, shape: readonly number[]): NDArray {
  // NumPy's half matmul sums in float32 and rounds once; gemm has no float16 (bits) lanes
  if (dt.name === "float16") return new NDArray(cast(matmul2d(a, b, DTYPES.float32, shape)._node, dt));
  const [P, K] = a.shape, Q = b.shape[1];
  const out = emptyArray(shape, dt, true);
  if (out.size === 0 || K === 0) return out;
  const A = lanesAs(a, dt), B = lanesAs(b, dt);
  const C = out._realized().storage.lanes(dt);
  gemm(dt, A.lanes, A.base, B.lanes, B.base, C, 0, P, K, Q);
  return out;
}

/** Writes `res` into `out` (out=) with ufunc casting rules, returning `out`. */
function intoOut(name: string, res: NDArray, out: NDArray): NDArray {
  if (!canCast(res.dtype, out.dtype, "same_kind")) {
    throw new NumpyTypeError(`Cannot cast ufunc '${name}' output from dtype('${res.dtype.name}') to dtype('${out.dtype.name}') with casting rule 'same_kind'`);
  }
  if (!out.flags.writeable) throw new ValueError("output array is read-only");
  writeInto(out, cast(res._node, out.dtype));
  return out;
}

function optsOf(args: unknown[]): Record<string, unknown> {
  const last = args[args.length - 1];
  return isOptions(last) ? last : {};
}

/** np.matmul(a, b, {out}): stacks of matrices broadcast over the leading dims; 1-d operands get a dim added and removed. */
export function matmul(a: ArrayLike, b: ArrayLike, ...args: unknown[]): NDArray {
  const opts = optsOf(args);
  const out = (args[0] instanceof NDArray ? args[0] : opts.out) as NDArray | undefined | null;
  const x = asarray(a), y = asarray(b);
  [x, y].forEach((t, i) => {
    if (t.ndim === 0) throw new ValueError(`matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${MATMUL_SIG} requires 1)`);
  });
  const xs = x.ndim === 1 ? [1, x.shape[0]] : x.shape;
  const ys = y.ndim === 1 ? [y.shape[0], 1] : y.shape;
  const M = xs[xs.length - 2], K = xs[xs.length - 1], K2 = ys[ys.length - 2], N = ys[ys.length - 1];
  if (K !== K2) {
    throw new ValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIG} (size ${K2} is different from ${K})`);
  }
  const xb = xs.slice(0, -2), yb = ys.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes(xb, yb);
  } catch {
    const remap = (t: NDArray, bt: number[]) => `${tupleStr(t.shape)}->(${[...bt, ...(t.ndim === 1 ? ["newaxis"] : ["newaxis", "newaxis"])].join(",")})`;
    const req = [...(x.ndim === 1 ? [] : [M]), ...(y.ndim === 1 ? [] : [N])];
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(x, xb)} ${remap(y, yb)}  and requested shape ${tupleStr(req)}`);
  }
  const resDt = promoteTypes(x.dtype, y.dtype);
  // float16 is computed in float32 (as NumPy's half loop sums) and rounded at the end
  const dt = resDt.name === "float16" ? DTYPES.float32 : resDt;
  const shape = [...batch, ...(x.ndim === 1 ? [] : [M]), ...(y.ndim === 1 ? [] : [N])];
  if (out) checkOutShape(out, shape, batch.length);
  let res = emptyArray(shape, dt, true);
  if (res.size > 0 && K > 0) {
    const A = lanesAs(x, dt), B = lanesAs(y, dt);
    const C = res._realized().storage.lanes(dt);
    const L = dt.lanes;
    const nb = prod(batch), nd = batch.length;
    // element strides of each operand's batch dims, 0 where it broadcasts
    const strideOf = (bs: number[], mat: number) => {
      const st = new Array<number>(nd).fill(0);
      let acc = mat;
      for (let d = bs.length - 1; d >= 0; d--) {
        const od = nd - bs.length + d;
        st[od] = bs[d] === 1 ? 0 : acc;
        acc *= bs[d];
      }
      return st;
    };
    const sa = strideOf(xb, M * K), sb = strideOf(yb, K * N);
    const idx = new Array<number>(nd).fill(0);
    for (let t = 0; t < nb; t++) {
      let oa = 0, ob = 0;
      for (let d = 0; d < nd; d++) {
        oa += idx[d] * sa[d];
        ob += idx[d] * sb[d];
      }
      gemm(dt, A.lanes, A.base + oa * L, B.lanes, B.base + ob * L, C, t * M * N * L, M, K, N);
      for (let d = nd - 1; d >= 0; d--) {
        if (++idx[d] < batch[d]) break;
        idx[d] = 0;
      }
    }
  }
  if (resDt !== dt) res = new NDArray(cast(res._node, resDt));
  return out ? intoOut("matmul", res, out) : res;
}

function checkOutShape(out: NDArray, shape: number[], nbatch: number): void {
  const os = out.shape;
  if (os.length === shape.length) {
    // core dims first, as NumPy's gufunc reports them
    const core = shape.length - nbatch;
    for (let c = 0; c < core; c++) {
      const i = nbatch + c;
      if (os[i] !== shape[i]) {
        throw new ValueError(`matmul: Output operand 0 has a mismatch in its core dimension ${c}, with gufunc signature ${MATMUL_SIG} (size ${os[i]} is different from ${shape[i]})`);
      }
    }
    if (os.every((n, i) => n === shape[i])) return;
  }
  throw new ValueError(`non-broadcastable output operand with shape ${tupleStr(os)} doesn't match the broadcast shape ${tupleStr(shape)}`);
}

/** np.dot(a, b, {out}): scalars multiply; 1-d·1-d is the inner product; otherwise a's last axis against b's second-to-last. */
export function dot(a: ArrayLike, b: ArrayLike, ...args: unknown[]): NDArray {
  const opts = optsOf(args);
  const out = (args[0] instanceof NDArray ? args[0] : opts.out) as NDArray | undefined | null;
  const x = asarray(a), y = asarray(b);
  let res: NDArray;
  if (x.ndim === 0 || y.ndim === 0) {
    res = ufuncs.multiply(x, y);
  } else {
    const K = x.shape[x.ndim - 1];
    const yk = y.ndim === 1 ? 0 : y.ndim - 2;
    if (y.shape[yk] !== K) {
      throw new ValueError(`shapes ${tupleStr(x.shape)} and ${tupleStr(y.shape)} not aligned: ${K} (dim ${x.ndim - 1}) != ${y.shape[yk]} (dim ${yk})`);
    }
    const dt = promoteTypes(x.dtype, y.dtype);
    const P = prod(x.shape.slice(0, -1));
    const A = reshape(x, [P, K]);
    const B = y.ndim === 1 ? reshape(y, [K, 1]) : reshape(moveaxis(y, -2, 0), [K, prod(y.shape.filter((_, i) => i !== yk))]);
    const shape = [...x.shape.slice(0, -1), ...(y.ndim === 1 ? [] : [...y.shape.slice(0, -2), y.shape[y.ndim - 1]])];
    res = matmul2d(A, B, dt, shape);
  }
  if (out) {
    if (out.shape.length !== res.ndim || out.shape.some((n, i) => n !== res.shape[i]) || out.dtype !== res.dtype) {
      // NumPy's dot takes only an exact match for out (it is what dot would return)
      throw new ValueError("output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)");
    }
    return intoOut("dot", res, out);
  }
  return res;
}

/** np.vdot(a, b): flattened, conjugating `a`; a 0-d result. */
export function vdot(a: ArrayLike, b: ArrayLike): NDArray {
  const x = ravel(asarray(a)), y = ravel(asarray(b));
  if (x.size !== y.size) throw new ValueError(`cannot reshape array of size ${y.size} into shape (${x.size},)`);
  const xc = x.dtype.kind === "c" ? ufuncs.conjugate(x) : x;
  return dot(xc, y);
}

/** np.inner(a, b): sums over the last axes of both; scalars multiply. */
export function inner(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a), y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) return ufuncs.multiply(x, y);
  const K = x.shape[x.ndim - 1], K2 = y.shape[y.ndim - 1];
  if (K !== K2) {
    const yt = [K2, ...y.shape.slice(0, -1)];
    throw new ValueError(`shapes ${tupleStr(x.shape)} and ${tupleStr(yt)} not aligned: ${K} (dim ${x.ndim - 1}) != ${K2} (dim 0)`);
  }
  const dt = promoteTypes(x.dtype, y.dtype);
  const Q = prod(y.shape.slice(0, -1));
  const A = reshape(x, [prod(x.shape.slice(0, -1)), K]);
  const B = reshape(moveaxis(reshape(y, [Q, K]), -1, 0), [K, Q]);
  return matmul2d(A, B, dt, [...x.shape.slice(0, -1), ...y.shape.slice(0, -1)]);
}

/** np.outer(a, b, {out}): a.ravel()[:, None] * b.ravel()[None, :], lazy and fused like any multiply. */
export function outer(a: ArrayLike, b: ArrayLike, ...args: unknown[]): NDArray {
  const opts = optsOf(args);
  const out = (args[0] instanceof NDArray ? args[0] : opts.out) as NDArray | undefined | null;
  const x = ravel(asarray(a)), y = ravel(asarray(b));
  const col = reshape(x, [x.size, 1]), row = reshape(y, [1, y.size]);
  return out ? ufuncs.multiply(col, row, { out }) : ufuncs.multiply(col, row);
}

/** np.cross(a, b, {axisa, axisb, axisc, axis}): 2- and 3-vectors along the chosen axes, built from fused ufuncs as NumPy's own code is. */
export function cross(a: ArrayLike, b: ArrayLike, ...args: unknown[]): NDArray {
  const opts = optsOf(args) as { axisa?: number; axisb?: number; axisc?: number; axis?: number | null };
  let axisa = typeof args[0] === "number" ? args[0] : opts.axisa ?? -1;
  let axisb = typeof args[1] === "number" ? args[1] : opts.axisb ?? -1;
  let axisc = typeof args[2] === "number" ? args[2] : opts.axisc ?? -1;
  const axis = typeof args[3] === "number" ? args[3] : opts.axis;
  if (axis !== undefined && axis !== null) axisa = axisb = axisc = axis;
  let x = asarray(a), y = asarray(b);
  if (x.ndim < 1 || y.ndim < 1) throw new ValueError("At least one array has zero dimension");
  const norm = (ax: number, nd: number, name: string) => {
    if (!Number.isInteger(ax) || ax < -nd || ax >= nd) throw new AxisError(ax, nd, name);
    return ax < 0 ? ax + nd : ax;
  };
  x = moveaxis(x, norm(axisa, x.ndim, "axisa"), -1);
  y = moveaxis(y, norm(axisb, y.ndim, "axisb"), -1);
  const na = x.shape[x.ndim - 1], nb = y.shape[y.ndim - 1];
  if ((na !== 2 && na !== 3) || (nb !== 2 && nb !== 3)) throw new ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)");
  const dt = promoteTypes(x.dtype, y.dtype);
  let cpNd: number;
  try {
    cpNd = broadcastShapes(x.shape.slice(0, -1), y.shape.slice(0, -1)).length + 1;
  } catch {
    // NumPy's np.broadcast(a[..., 0], b[..., 0]) message
    throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${tupleStr(x.shape.slice(0, -1))} and arg 1 with shape ${tupleStr(y.shape.slice(0, -1))}.`);
  }
  if (na === 3 || nb === 3) axisc = norm(axisc, cpNd, "axisc");
  const { multiply: mul, subtract: sub, negative: neg } = ufuncs;
  const c = (t: NDArray, i: number) => new NDArray(cast(get(t, "...", i)._node, dt));
  const a0 = c(x, 0), a1 = c(x, 1), b0 = c(y, 0), b1 = c(y, 1);
  const z = sub(mul(a0, b1), mul(a1, b0));
  if (na === 2 && nb === 2) return z;
  let cp: NDArray[];
  if (na === 2) {
    const b2 = c(y, 2);
    cp = [mul(a1, b2), neg(mul(a0, b2)), z];
  } else if (nb === 2) {
    const a2 = c(x, 2);
    cp = [neg(mul(a2, b1)), mul(a2, b0), z];
  } else {
    const a2 = c(x, 2), b2 = c(y, 2);
    cp = [sub(mul(a1, b2), mul(a2, b1)), sub(mul(a2, b0), mul(a0, b2)), z];
  }
  // every component reads both a and b, so each already has the broadcast batch shape
  return moveaxis(stack(cp, -1), -1, axisc);
}
