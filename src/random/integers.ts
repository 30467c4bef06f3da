/** @file Bounded random integers for every integer dtype (NumPy's _bounded_integers): bounds checks, then the Lemire or masked fills. */
import { DTYPES, parseDType, type DType } from "../../runtime/dtype.js";
import { ValueError, NumpyTypeError } from "../../runtime/errors.js";
import type { RawBitGen } from "../../runtime/random/bitgen.js";
import { bounded64Fill, boundedSmallFill } from "../../runtime/random/distributions.js";
import { isNDArray } from "../convert.js";
import type { NDArray } from "../ndarray.js";
import { newOut, prod, sizeShape } from "./util.js";

const BOUNDS: Record<string, [bigint, bigint]> = {
  bool: [0n, 1n],
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-2147483648n, 2147483647n], int64: [-(1n << 63n), (1n << 63n) - 1n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 4294967295n], uint64: [0n, (1n << 64n) - 1n],
};

function toBig(x: unknown, what: string): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1n : 0n;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new ValueError(`cannot convert float ${x} to integer`);
    return BigInt(Math.trunc(x));
  }
  if (isNDArray(x) && x.ndim === 0) return toBig(x._elementReader(true)(0), what);
  throw new NumpyTypeError(`${what}: array-valued bounds are not supported by numfuse's integers yet`);
}

/**
 * Draws for integers/randint: `[low, high)` (or `[low, high]` when `closed`) in `dtype`, Lemire's
 * method unless `masked` (the legacy RandomState). Returns a scalar (number, or bigint beyond 2**53,
 * or boolean) when size is None.
 */
export function boundedIntegers(bg: RawBitGen, lowIn: unknown, highIn: unknown, size: unknown, dtypeIn: unknown, closed: boolean, masked: boolean, fn: string): NDArray | number | bigint | boolean {
  const dt: DType = dtypeIn === undefined ? DTYPES.int64 : parseDType(dtypeIn);
  if (!(dt.name in BOUNDS)) throw new NumpyTypeError(`Unsupported dtype ${JSON.stringify(dt.name)} for ${fn}`);
  const shape = sizeShape(size);
  if (shape !== null && prod(shape) === 0) return newOut(shape, dt).arr;
  let low: bigint, high: bigint;
  if (highIn === undefined || highIn === null) {
    high = toBig(lowIn, fn);
    low = 0n;
  } else {
    low = toBig(lowIn, fn);
    high = toBig(highIn, fn);
  }
  const [lb, ub] = BOUNDS[dt.name];
  if (!closed) high -= 1n;
  if (low < lb) throw new ValueError(`low is out of bounds for ${dt.name}`);
  if (high > ub) throw new ValueError(`high is out of bounds for ${dt.name}`);
  if (low > high) throw new ValueError(closed ? "low > high" : "low >= high");
  const rng = high - low;
  const n = shape === null ? 1 : prod(shape);
  const { arr, lanes } = newOut(shape ?? [1], dt);
  if (dt.isWide) {
    bounded64Fill(bg, BigInt.asUintN(64, low), rng, masked, lanes as Int32Array, n);
  } else {
    const bits = dt.name === "bool" ? 1 : ((dt.itemsize * 8) as 8 | 16 | 32);
    // the typed-array store wraps off + draw exactly like C's unsigned arithmetic
    boundedSmallFill(bg, bits, Number(low), Number(rng), masked, lanes, n);
  }
  if (shape !== null) return arr;
  const v = arr._elementReader(true)(0);
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  return v as number | boolean;
}
