/** @file THE ufunc table: one row per NumPy ufunc with its type rule and its lowering to IR primitives (numpy generate_umath.py defdict). */
import { DTYPES, type DType } from "../../runtime/dtype.js";
import { canCast, checkWeakIntFits, isWeakScalar, resultType, type WeakScalar } from "../../runtime/promotion.js";
import { NumpyTypeError } from "../../runtime/errors.js";
import { constant, elementwise, where, type Node } from "../../compiler/ir/node.js";
import { Op, type ElemOp, type ReduceOp } from "../../compiler/ir/ops.js";

/**
 * Loop dtype and output dtype(s) for a common input dtype (`parts`: each input's dtype or weak scalar,
 * for error messages); throws NumPy's no-loop TypeError. `out2` is a second output's dtype (default `out`).
 */
export type TypeRule = (common: DType, name: string, parts?: readonly (DType | WeakScalar)[]) => { loop: DType; out: DType; out2?: DType };

export interface UfuncDef {
  nin: 1 | 2;
  /** 2 for divmod, modf, frexp: `lower` then returns both outputs' nodes, built from the same inputs */
  nout?: 1 | 2;
  /** NumPy's ufunc.identity: a Python bool for the logical ufuncs */
  identity: number | boolean | null;
  rule: TypeRule;
  /**
   * NumPy picks float loops per input (the first loop every input casts to safely), not from the
   * promoted input type: arctan2(uint16, int8) is float32 although uint16 + int8 promote to int32.
   */
  floatInputs?: boolean;
  /** the output is bool whatever the loop (comparisons, logical ops, predicates) */
  boolOut?: boolean;
  /** comparisons: a JS integer out of the array dtype's range is compared by value, not refused */
  compare?: boolean;
  /**
   * Per-input loop dtypes where NumPy's loops mix input types (ldexp: float, int): replaces `rule`'s
   * single common loop. `loop` is what `lower` receives.
   */
  resolve?: (parts: readonly (DType | WeakScalar)[], inputs: readonly unknown[], name: string, forced?: DType) => { loops: DType[]; loop: DType; out: DType };
  /** dtype= names every output's type: refused where no loop has them all alike (frexp: float and int32) */
  noDtype?: boolean;
  /** builds the result (one node per output) from inputs already cast to the loop dtype */
  lower: (xs: Node[], loop: DType) => Node | readonly Node[];
  /** the reduction primitive behind ufunc.reduce, where there is one */
  reduce?: ReduceOp;
}

const noLoop = (name: string): never => {
  throw new NumpyTypeError(`ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
};

/** float loops e/f/d, F/D for complex: the first one an input casts to safely (bool and 8-bit ints fit float16) */
function floatOf(dt: DType): DType {
  if (dt.kind === "f" || dt.kind === "c") return dt;
  if (dt.kind === "b" || dt.itemsize === 1) return DTYPES.float16;
  if (dt.itemsize === 2) return DTYPES.float32;
  return DTYPES.float64;
}

const same = (kinds: string): TypeRule => (c, name) => (kinds.includes(c.kind) ? { loop: c, out: c } : noLoop(name));
/** NumPy's message when a ufunc's loop list has no loop for bool at all */
const noBoolLoop = (name: string): never => {
  throw new NumpyTypeError(`ufunc '${name}' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None`);
};
const sameNoBool = (kinds: string): TypeRule => (c, name) => (c.kind === "b" ? noBoolLoop(name) : same(kinds)(c, name));
/** bool inputs computed as int8, as NumPy's loop list has no bool loop for these */
const sameBoolAsInt8 = (kinds: string): TypeRule => (c, name) => {
  if (c.kind === "b") return { loop: DTYPES.int8, out: DTYPES.int8 };
  return kinds.includes(c.kind) ? { loop: c, out: c } : noLoop(name);
};
/** NumPy's class name of an operand's DType, as its no-loop messages print it */
const dtypeClass = (p: DType | WeakScalar): string => {
  if (isWeakScalar(p)) return p.weak === "bool" ? "BoolDType" : `_Py${{ int: "Long", float: "Float", complex: "Complex" }[p.weak]}DType`;
  const n = p.name.replace(/^uint/, "UInt");
  return `${n[0].toUpperCase()}${n.slice(1)}DType`;
};
/** the message of ufuncs with an object loop (gcd, lcm): NumPy names every operand's DType class */
const noLoopSignature = (name: string, parts: readonly (DType | WeakScalar)[]): never => {
  throw new NumpyTypeError(`ufunc '${name}' did not contain a loop with signature matching types (${parts.map((p) => `<class 'numpy.dtypes.${dtypeClass(p)}'>`).join(", ")}) -> None`);
};
const intsOnly: TypeRule = (c, name, parts) => (c.kind === "i" || c.kind === "u" ? { loop: c, out: c } : noLoopSignature(name, parts ?? [c]));

const FLOAT_RULES = new WeakSet<TypeRule>();
const toFloat = (complexOk: boolean, out2?: DType): TypeRule => {
  const rule: TypeRule = (c, name) => {
    if (c.kind === "c" && !complexOk) return noLoop(name);
    const f = floatOf(c);
    return { loop: f, out: f, out2: out2 ?? f };
  };
  FLOAT_RULES.add(rule);
  return rule;
};
/** the float loop an input of this dtype alone would use (what floatInputs promotes) */
export const floatLoopOf = floatOf;
const divideRule: TypeRule = (c) => {
  const f = c.kind === "f" || c.kind === "c" ? c : DTYPES.float64;
  return { loop: f, out: f };
};
const cmp: TypeRule = (c) => ({ loop: c, out: DTYPES.bool });
const logical: TypeRule = (c) => ({ loop: c, out: DTYPES.bool });
const predicate = (complexOk = true): TypeRule => (c, name) => (c.kind === "c" && !complexOk ? noLoop(name) : { loop: c, out: DTYPES.bool });

const e1 = (op: ElemOp) => (x: Node[]) => elementwise(op, [x[0]]);
const k = (v: number, like: Node) => constant(v, like.dtype, like.shape);
const e2 = (op: ElemOp) => (x: Node[]) => elementwise(op, [x[0], x[1]]);

/** ops whose result on integers equals the input (floor of an int): NumPy keeps the int loop */
const identityOnInts = (op: ElemOp) => (x: Node[], loop: DType) => (loop.kind === "f" ? elementwise(op, [x[0]]) : x[0]);

export const UFUNC_DEFS: Record<string, UfuncDef> = {
  add: { nin: 2, identity: 0, rule: same("biufc"), reduce: "sum", lower: (x, dt) => elementwise(dt.kind === "b" ? Op.Or : Op.Add, x) },
  subtract: {
    nin: 2, identity: null, lower: e2(Op.Sub),
    rule: (c, name) => {
      if (c.kind === "b") throw new NumpyTypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
      return same("iufc")(c, name);
    },
  },
  multiply: { nin: 2, identity: 1, rule: same("biufc"), reduce: "prod", lower: (x, dt) => elementwise(dt.kind === "b" ? Op.And : Op.Mul, x) },
  true_divide: { nin: 2, identity: null, rule: divideRule, lower: e2(Op.Div) },
  floor_divide: { nin: 2, identity: null, rule: sameBoolAsInt8("iuf"), lower: e2(Op.FloorDiv) },
  remainder: { nin: 2, identity: null, rule: sameBoolAsInt8("iuf"), lower: e2(Op.Mod) },
  fmod: { nin: 2, identity: null, rule: sameBoolAsInt8("iuf"), lower: e2(Op.Fmod) },
  power: { nin: 2, identity: null, rule: sameBoolAsInt8("iufc"), lower: e2(Op.Pow) },
  float_power: {
    nin: 2, identity: null, lower: e2(Op.Pow),
    rule: (c) => (c.kind === "c" ? { loop: DTYPES.complex128, out: DTYPES.complex128 } : { loop: DTYPES.float64, out: DTYPES.float64 }),
  },
  maximum: { nin: 2, identity: null, rule: same("biufc"), reduce: "max", lower: e2(Op.Max) },
  minimum: { nin: 2, identity: null, rule: same("biufc"), reduce: "min", lower: e2(Op.Min) },
  fmax: { nin: 2, identity: null, rule: same("biufc"), lower: e2(Op.Fmax) },
  fmin: { nin: 2, identity: null, rule: same("biufc"), lower: e2(Op.Fmin) },
  arctan2: { nin: 2, identity: null, rule: toFloat(false), lower: e2(Op.Atan2) },
  hypot: { nin: 2, identity: 0, rule: toFloat(false), lower: e2(Op.Hypot) },
  copysign: { nin: 2, identity: null, rule: toFloat(false), lower: e2(Op.Copysign) },
  logaddexp: { nin: 2, identity: -Infinity, rule: toFloat(false), lower: e2(Op.LogAddExp) },
  logaddexp2: { nin: 2, identity: -Infinity, rule: toFloat(false), lower: e2(Op.LogAddExp2) },
  heaviside: { nin: 2, identity: null, rule: toFloat(false), lower: e2(Op.Heaviside) },
  bitwise_and: { nin: 2, identity: -1, rule: same("biu"), lower: (x, dt) => elementwise(dt.kind === "b" ? Op.And : Op.BitAnd, x) },
  bitwise_or: { nin: 2, identity: 0, rule: same("biu"), lower: (x, dt) => elementwise(dt.kind === "b" ? Op.Or : Op.BitOr, x) },
  bitwise_xor: { nin: 2, identity: 0, rule: same("biu"), lower: (x, dt) => elementwise(dt.kind === "b" ? Op.Xor : Op.BitXor, x) },
  left_shift: { nin: 2, identity: null, rule: sameBoolAsInt8("iu"), lower: e2(Op.Shl) },
  right_shift: { nin: 2, identity: null, rule: sameBoolAsInt8("iu"), lower: e2(Op.Shr) },
  less: { nin: 2, identity: null, rule: cmp, lower: e2(Op.Lt) },
  less_equal: { nin: 2, identity: null, rule: cmp, lower: e2(Op.Le) },
  greater: { nin: 2, identity: null, rule: cmp, lower: e2(Op.Gt) },
  greater_equal: { nin: 2, identity: null, rule: cmp, lower: e2(Op.Ge) },
  equal: { nin: 2, identity: null, rule: cmp, lower: e2(Op.Eq) },
  not_equal: { nin: 2, identity: null, rule: cmp, lower: e2(Op.Ne) },
  logical_and: { nin: 2, identity: true, rule: logical, reduce: "all", lower: e2(Op.And) },
  logical_or: { nin: 2, identity: false, rule: logical, reduce: "any", lower: e2(Op.Or) },
  logical_xor: { nin: 2, identity: false, rule: logical, lower: e2(Op.Xor) },

  negative: {
    nin: 1, identity: null, lower: e1(Op.Neg),
    rule: (c, name) => {
      if (c.kind === "b") throw new NumpyTypeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
      return same("iufc")(c, name);
    },
  },
  positive: { nin: 1, identity: null, rule: sameNoBool("iufc"), lower: (x) => x[0] },
  absolute: {
    nin: 1, identity: null, rule: (c) => (c.kind === "c" ? { loop: c, out: c.itemsize === 8 ? DTYPES.float32 : DTYPES.float64 } : { loop: c, out: c }),
    lower: (x, dt) => {
      if (dt.kind === "c") return elementwise(Op.Hypot, [elementwise(Op.Real, [x[0]]), elementwise(Op.Imag, [x[0]])]);
      return dt.kind === "b" || dt.kind === "u" ? x[0] : elementwise(Op.Abs, [x[0]]);
    },
  },
  fabs: { nin: 1, identity: null, rule: toFloat(false), lower: e1(Op.Abs) },
  sign: { nin: 1, identity: null, rule: sameNoBool("iufc"), lower: (x, dt) => (dt.kind === "c" ? complexSign(x[0]) : elementwise(Op.Sign, [x[0]])) },
  conjugate: { nin: 1, identity: null, rule: sameBoolAsInt8("iufc"), lower: e1(Op.Conj) },
  sqrt: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Sqrt) },
  cbrt: { nin: 1, identity: null, rule: toFloat(false), lower: e1(Op.Cbrt) },
  square: { nin: 1, identity: null, rule: sameBoolAsInt8("iufc"), lower: e1(Op.Square) },
  reciprocal: { nin: 1, identity: null, rule: sameBoolAsInt8("iufc"), lower: e1(Op.Reciprocal) },
  exp: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Exp) },
  exp2: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Exp2) },
  expm1: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Expm1) },
  log: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Log) },
  log2: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Log2) },
  log10: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Log10) },
  log1p: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Log1p) },
  sin: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Sin) },
  cos: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Cos) },
  tan: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Tan) },
  arcsin: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Asin) },
  arccos: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Acos) },
  arctan: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Atan) },
  sinh: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Sinh) },
  cosh: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Cosh) },
  tanh: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Tanh) },
  arcsinh: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Asinh) },
  arccosh: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Acosh) },
  arctanh: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Atanh) },
  deg2rad: { nin: 1, identity: null, rule: toFloat(false), lower: (x, dt) => elementwise(Op.Mul, [x[0], constant(Math.PI / 180, dt, x[0].shape)]) },
  rad2deg: { nin: 1, identity: null, rule: toFloat(false), lower: (x, dt) => elementwise(Op.Mul, [x[0], constant(180 / Math.PI, dt, x[0].shape)]) },
  floor: { nin: 1, identity: null, rule: same("biuf"), lower: identityOnInts(Op.Floor) },
  ceil: { nin: 1, identity: null, rule: same("biuf"), lower: identityOnInts(Op.Ceil) },
  trunc: { nin: 1, identity: null, rule: same("biuf"), lower: identityOnInts(Op.Trunc) },
  divmod: { nin: 2, nout: 2, identity: null, rule: sameBoolAsInt8("iuf"), lower: (x) => [elementwise(Op.FloorDiv, x), elementwise(Op.Mod, x)] },
  modf: {
    nin: 1, nout: 2, identity: null, rule: toFloat(false),
    lower: (x) => {
      // x - trunc(x) is exact; inf has fraction 0, and the fraction keeps x's sign (modf(-2.0) is (-0.0, -2.0))
      const t = elementwise(Op.Trunc, [x[0]]);
      const frac = where(elementwise(Op.IsInf, [x[0]]), k(0, x[0]), elementwise(Op.Sub, [x[0], t]));
      return [elementwise(Op.Copysign, [frac, x[0]]), t];
    },
  },
  frexp: {
    nin: 1, nout: 2, identity: null, rule: toFloat(false, DTYPES.int32), noDtype: true,
    lower: (x) => [elementwise(Op.FrexpMant, [x[0]]), elementwise(Op.FrexpExp, [x[0]])],
  },
  ldexp: {
    nin: 2, identity: null, rule: toFloat(false), resolve: ldexpLoops,
    lower: (x) => elementwise(Op.Ldexp, [x[0], x[1]]),
  },
  nextafter: { nin: 2, identity: null, rule: toFloat(false), lower: e2(Op.Nextafter) },
  spacing: {
    nin: 1, identity: null, rule: toFloat(false),
    lower: (x, dt) => {
      // npy_spacing: the step away from zero (from -0.0 too, which steps up), NaN for inf; npy_half_spacing
      // instead always steps up (a positive gap, the smaller one below a negative power of two)
      const up = dt.name === "float16" ? k(Infinity, x[0]) : where(elementwise(Op.Lt, [x[0], k(0, x[0])]), k(-Infinity, x[0]), k(Infinity, x[0]));
      const step = elementwise(Op.Sub, [elementwise(Op.Nextafter, [x[0], up]), x[0]]);
      return where(elementwise(Op.IsInf, [x[0]]), k(NaN, x[0]), step);
    },
  },
  gcd: { nin: 2, identity: 0, rule: intsOnly, lower: e2(Op.Gcd) },
  lcm: { nin: 2, identity: null, rule: intsOnly, lower: e2(Op.Lcm) },
  bitwise_count: {
    nin: 1, identity: null, lower: e1(Op.Popcount),
    rule: (c, name) => (c.kind === "b" ? { loop: DTYPES.int8, out: DTYPES.uint8 } : c.kind === "i" || c.kind === "u" ? { loop: c, out: DTYPES.uint8 } : noLoop(name)),
  },
  rint: { nin: 1, identity: null, rule: toFloat(true), lower: e1(Op.Rint) },
  invert: { nin: 1, identity: null, rule: same("biu"), lower: e1(Op.Invert) },
  logical_not: { nin: 1, identity: null, rule: logical, lower: e1(Op.Not) },
  isnan: { nin: 1, identity: null, rule: predicate(), lower: e1(Op.IsNan) },
  isinf: { nin: 1, identity: null, rule: predicate(), lower: e1(Op.IsInf) },
  isfinite: { nin: 1, identity: null, rule: predicate(), lower: e1(Op.IsFinite) },
  signbit: { nin: 1, identity: null, rule: predicate(false), lower: (x, dt) => (dt.kind === "f" ? elementwise(Op.Signbit, [x[0]]) : dt.kind === "i" ? elementwise(Op.Lt, [x[0], constant(0, dt, x[0].shape)]) : constant(0, DTYPES.bool, x[0].shape)) },
};

// NumPy's radians/degrees are ufuncs of their own (own __name__ in messages), with deg2rad's loops
UFUNC_DEFS.radians = { ...UFUNC_DEFS.deg2rad };
UFUNC_DEFS.degrees = { ...UFUNC_DEFS.rad2deg };

for (const [name, def] of Object.entries(UFUNC_DEFS)) {
  if (FLOAT_RULES.has(def.rule)) def.floatInputs = true;
  if (def.rule === cmp || def.rule === logical || name.startsWith("is") || name === "signbit") def.boolOut = true;
  if (def.rule === cmp) def.compare = true;
}

/** Binary ufuncs whose accumulate is a running scan of one primitive (add/multiply go through cumsum/cumprod). */
export const ACCUMULATE_OPS: Record<string, ElemOp> = {
  maximum: Op.Max, minimum: Op.Min, fmax: Op.Fmax, fmin: Op.Fmin, logical_and: Op.And, logical_or: Op.Or, logical_xor: Op.Xor,
};

/**
 * ldexp's loops are (float, int32 | int64): the mantissa picks the float loop alone, the exponent must be
 * an integer that casts safely to int64 (a Python int must fit int32, the loop NumPy tries first). The
 * exponent is then carried as a float of the loop dtype: exact for every exponent that is not saturated.
 */
function ldexpLoops(parts: readonly (DType | WeakScalar)[], inputs: readonly unknown[], name: string, forced?: DType) {
  const [x, e] = parts;
  let f: DType;
  // a Python int mantissa fits the first loop, float16 ('ei', 'el'), for any integer exponent array
  // (ldexp(2, int64_array) is float16), but not with a bool one; a JS boolean is a bool, as Python's True is
  if (isWeakScalar(x)) {
    f = x.weak === "complex" ? noLoop(name) : x.weak === "bool" ? floatOf(DTYPES.bool)
      : x.weak === "int" && !isWeakScalar(e) && e.kind !== "b" ? DTYPES.float16 : floatOf(resultType(x, e));
  }
  else f = x.kind === "c" ? noLoop(name) : floatOf(x);
  if (isWeakScalar(e)) {
    if (e.weak === "float" || e.weak === "complex") noLoop(name);
    if (e.weak === "int") checkWeakIntFits(inputs[1] as number | bigint, DTYPES.int32);
  } else if (!(e.kind === "b" || e.kind === "i" || (e.kind === "u" && e.itemsize < 8))) noLoop(name);
  if (forced && forced !== f) {
    // dtype= picks the output's float loop; the mantissa must cast to it safely
    if (forced.kind !== "f" || (!isWeakScalar(x) && !canCast(x, forced, "safe")) || (isWeakScalar(x) && forced.itemsize < f.itemsize)) {
      throw new NumpyTypeError(`No loop matching the specified signature and casting was found for ufunc ${name}`);
    }
    f = forced;
  }
  return { loops: [f, f], loop: f, out: f };
}

/** NumPy 2: sign(z) = z / |z| (0 for 0). */
function complexSign(z: Node): Node {
  const mag = elementwise(Op.Hypot, [elementwise(Op.Real, [z]), elementwise(Op.Imag, [z])]);
  const real = z.dtype.itemsize === 8 ? DTYPES.float32 : DTYPES.float64;
  const zero = constant(0, real, z.shape);
  const magC = castTo(mag, z.dtype);
  return where(elementwise(Op.Eq, [mag, zero]), constant(0, z.dtype, z.shape), elementwise(Op.Div, [z, magC]));
}
import { cast as castTo } from "../../compiler/ir/node.js";

/** NumPy's names that are aliases of table rows. */
export const UFUNC_ALIASES: Record<string, string> = {
  divide: "true_divide", mod: "remainder", abs: "absolute", conj: "conjugate", bitwise_not: "invert",
  bitwise_invert: "invert", bitwise_left_shift: "left_shift", bitwise_right_shift: "right_shift",
  pow: "power", acos: "arccos", asin: "arcsin", atan: "arctan", acosh: "arccosh", asinh: "arcsinh",
  atanh: "arctanh", atan2: "arctan2",
};

/** NumPy's __name__ where it differs from the table row's (np.true_divide is np.divide). */
export const UFUNC_NAMES: Record<string, string> = { true_divide: "divide" };
