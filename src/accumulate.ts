/** @file cumsum/cumprod (ufunc.accumulate): a scan routine over contiguous data, a fusion barrier like NumPy's accumulate loop. */
import { d2h, H16 } from "../runtime/half.js";
import { cast } from "../compiler/ir/node.js";
import { reshape } from "../compiler/ir/movement.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { readElement, writeElement } from "../runtime/scalar.js";
import { asarray, type ArrayLike } from "./convert.js";
import { kwargs } from "./args.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { normalizeAxis } from "./reductions.js";
import { ValueError } from "../runtime/errors.js";
import { mul64, W64 } from "../runtime/kernel-helpers.js";

function accDType(dt: DType): DType {
  if (dt.kind === "b" || (dt.kind === "i" && dt.itemsize < 8)) return DTYPES.int64;
  if (dt.kind === "u" && dt.itemsize < 8) return DTYPES.uint64;
  return dt;
}

export function accumulateWith(op: "sum" | "prod", a: NDArray, axis: number | null, dtype?: unknown, out?: NDArray | null): NDArray {
  let src = a;
  if (out) checkAccumulateOut(out, a, axis);
  if (axis === null) {
    src = new NDArray(reshape(a._node, [a.size]));
    axis = 0;
  }
  const ax = normalizeAxis(axis, src.ndim);
  const dt = dtype !== undefined && dtype !== null ? parseDType(dtype) : accDType(src.dtype);
  // contiguous input in the accumulator dtype
  const x = new NDArray(cast(src._node, dt)).eval();
  const result = emptyArray(src.shape, dt, false);
  const { storage: xs, view: xv } = x._realized();
  const { storage: rs } = result._realized();
  const shape = src.shape, n = shape[ax];
  const inner = shape.slice(ax + 1).reduce((p, k) => p * k, 1);
  const outer = shape.slice(0, ax).reduce((p, k) => p * k, 1);
  const contiguousX = xv.offset === 0 && xv.strides.every((s, i) => s === shape.slice(i + 1).reduce((p, k) => p * k, 1) || shape[i] === 1);
  const xr = contiguousX ? null : x._elementReader(dt.isWide);
  const complex = dt.kind === "c";
  if (!complex && !dt.isWide) {
    const X = xs.lanes(dt), R = rs.lanes(dt), half = dt.name === "float16";
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) {
        let acc = op === "sum" ? 0 : 1;
        for (let i = 0; i < n; i++) {
          const idx = (o * n + i) * inner + j;
          const v = xr ? Number(xr(idx)) : half ? H16[X[xv.offset + idx]] : X[xv.offset + idx];
          acc = op === "sum" ? acc + v : acc * v;
          // keep the stored (rounded or wrapped) value, as NumPy's loop does; float16 lanes hold bits
          if (half) acc = H16[(R[idx] = d2h(acc))];
          else {
            R[idx] = acc;
            acc = R[idx];
          }
        }
      }
    }
  } else if (dt.isWide) {
    // int64/uint64 on the two 32-bit words: exact over 64 bits, wrapping as NumPy's loop does
    const R = rs.lanes(dt);
    const X = contiguousX ? xs.lanes(dt) : null;
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) {
        let hi = 0, lo = op === "sum" ? 0 : 1;
        for (let i = 0; i < n; i++) {
          const idx = (o * n + i) * inner + j;
          let vhi: number, vlo: number;
          if (X) {
            vhi = X[2 * (xv.offset + idx) + 1];
            vlo = X[2 * (xv.offset + idx)] >>> 0;
          } else {
            const b = BigInt.asUintN(64, BigInt(xr!(idx) as number | bigint));
            vhi = Number(BigInt.asIntN(32, b >> 32n));
            vlo = Number(b & 0xffffffffn);
          }
          if (op === "sum") {
            const t = lo + vlo;
            hi = (hi + vhi + (t > 4294967295 ? 1 : 0)) | 0;
            lo = t >>> 0;
          } else {
            mul64(hi, lo, vhi, vlo);
            hi = W64[1];
            lo = W64[0] >>> 0;
          }
          R[2 * idx] = lo;
          R[2 * idx + 1] = hi;
        }
      }
    }
  } else {
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) {
        let re = op === "sum" ? 0 : 1, im = 0;
        for (let i = 0; i < n; i++) {
          const idx = (o * n + i) * inner + j;
          const v = xr ? xr(idx) : readElement(xs, dt, xv.offset + idx);
          const vr = typeof v === "object" ? (v as { re: number }).re : Number(v), vi = typeof v === "object" ? (v as { im: number }).im : 0;
          if (op === "sum") { re += vr; im += vi; } else { const t = re * vr - im * vi; im = re * vi + im * vr; re = t; }
          writeElement(rs, dt, idx, complex ? { re, im } : re);
        }
      }
    }
  }
  if (out) {
    writeInto(out, cast(result._node, out.dtype));
    return out;
  }
  return result;
}

const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/** NumPy's out= checks for ufunc.accumulate, with its messages; before any work, so nothing is half-written. */
function checkAccumulateOut(out: NDArray, a: NDArray, axis: number | null): void {
  if (axis === null) {
    if (out.ndim !== 1 || out.size !== a.size) throw new ValueError("provided out is the wrong size for the accumulation.");
    return;
  }
  if (out.ndim === a.ndim && out.shape.every((n, i) => n === a.shape[i])) return;
  throw new ValueError(
    `operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleStr(out.shape)}->(${out.shape.join(",")}) ${tupleStr(a.shape)}->(${a.shape.join(",")}) `,
  );
}

type AccOpts = { axis?: number | null; dtype?: unknown; out?: NDArray };
export const cumsum = (a: ArrayLike, ...args: unknown[]) => {
  const opts = kwargs<AccOpts>("cumsum", args, ["axis", "dtype", "out"]);
  return accumulateWith("sum", asarray(a), opts.axis ?? null, opts.dtype, opts.out);
};
export const cumprod = (a: ArrayLike, ...args: unknown[]) => {
  const opts = kwargs<AccOpts>("cumprod", args, ["axis", "dtype", "out"]);
  return accumulateWith("prod", asarray(a), opts.axis ?? null, opts.dtype, opts.out);
};
