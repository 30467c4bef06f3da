/** @file np.round / np.around / ndarray.round and np.fix: NumPy's PyArray_Round (scale, rint, unscale), built from IR primitives so it fuses. */
import { fround16 } from "../../runtime/half.js";
import { cast, constant, elementwise, type Node } from "../../compiler/ir/node.js";
import { Op } from "../../compiler/ir/ops.js";
import { DTYPES } from "../../runtime/dtype.js";
import { NumpyTypeError } from "../../runtime/errors.js";
import { asarray, isOptions, type ArrayLike } from "../convert.js";
import { NDArray } from "../ndarray.js";
import { copy } from "../shape-ops.js";
import { ufuncs } from "./all.js";

interface RoundOptions {
  decimals?: number;
  out?: NDArray | null;
}

/** NumPy's power_of_ten: a table to 1e8, then repeated multiplication (not 10 ** n, which rounds differently for large n). */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n;
  let r = 1e9;
  while (n-- > 9) r *= 10;
  return r;
}

/** Positional arguments after the array, then a trailing options object, as NumPy's keywords. */
function splitRoundArgs(rest: unknown[]): { decimals: number; out: NDArray | null } {
  let opts: RoundOptions = {};
  if (rest.length && isOptions(rest[rest.length - 1])) opts = rest.pop() as RoundOptions;
  const decimals = rest[0] ?? opts.decimals ?? 0;
  const out = (rest[1] ?? opts.out ?? null) as NDArray | null;
  if (typeof decimals !== "number" || !Number.isInteger(decimals)) {
    const kind = typeof decimals === "number" ? "float" : typeof decimals === "string" ? "str" : typeof decimals;
    throw new NumpyTypeError(`'${kind}' object cannot be interpreted as an integer`);
  }
  return { decimals, out };
}

/** x * 10**d rounded half to even, then scaled back: NumPy's exact steps for a float node. */
function roundNode(x: Node, decimals: number): Node {
  const dt = x.dtype;
  const p = powerOfTen(Math.abs(decimals));
  const scale = constant(dt.name === "float32" || dt.name === "complex64" ? Math.fround(p) : dt.name === "float16" ? fround16(p) : p, dt, x.shape);
  // complex parts round lane by lane and float32/float16 round the scaled value first: both need the fused primitive
  if (dt.kind === "c" || dt.name === "float32" || dt.name === "float16") return elementwise(decimals >= 0 ? Op.RoundMul : Op.RoundDiv, [x, scale]);
  const [op1, op2] = decimals >= 0 ? [Op.Mul, Op.Div] as const : [Op.Div, Op.Mul] as const;
  return elementwise(op2, [elementwise(Op.Rint, [elementwise(op1, [x, scale])]), scale]);
}

/**
 * np.round(a, decimals=0, out=None) (np.around, ndarray.round). Ties go to even and the scaling is
 * NumPy's, so np.round(2.675, 2) is 2.67 and np.round(0.5) is 0.0. Integers with decimals >= 0 come back
 * unchanged (a copy); negative decimals round integers through float64 and cast back (125 -> 120).
 */
export function round(a: ArrayLike, ...rest: unknown[]): NDArray {
  const { decimals, out } = splitRoundArgs(rest);
  const x = asarray(a);
  const dt = x.dtype;
  const isInt = dt.kind === "i" || dt.kind === "u";
  if (dt.kind === "c") {
    // NumPy rounds .real and .imag as float arrays and assigns them into a copy or into out
    const r = new NDArray(roundNode(x._node, decimals));
    return out ? ufuncs.positive(r, { out, casting: "unsafe" }) : r;
  }
  if (decimals >= 0 && isInt) return out ? ufuncs.positive(x, { out }) : copy(x);
  if (decimals === 0) return out ? ufuncs.rint(x, { out }) : ufuncs.rint(x);
  if (out) {
    // NumPy's three ufunc calls, each into out: the loop dtypes follow out's after the first step
    const f = powerOfTen(Math.abs(decimals));
    const src = dt.kind === "b" ? ufuncs.positive(new NDArray(cast(x._node, DTYPES.float64))) : x;
    const [op1, op2] = decimals >= 0 ? [ufuncs.multiply, ufuncs.true_divide] : [ufuncs.true_divide, ufuncs.multiply];
    op1(src, f, { out });
    ufuncs.rint(out, { out });
    return op2(out, f, { out });
  }
  if (dt.kind === "b") {
    // NumPy writes into an empty array of the input's dtype: the float product cannot go there
    throw new NumpyTypeError(`Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'`);
  }
  if (isInt) return new NDArray(cast(roundNode(cast(x._node, DTYPES.float64), decimals), dt));
  return new NDArray(roundNode(x._node, decimals));
}

/** np.fix(x, out=None): NumPy 2.4 implements it as trunc(x, out=out) (ints stay ints, complex is refused by trunc). */
export function fix(x: ArrayLike, ...rest: unknown[]): NDArray {
  let opts: { out?: NDArray | null } = {};
  if (rest.length && isOptions(rest[rest.length - 1])) opts = rest.pop() as typeof opts;
  const out = (rest[0] ?? opts.out ?? null) as NDArray | null;
  return out ? ufuncs.trunc(x, { out }) : ufuncs.trunc(x);
}
