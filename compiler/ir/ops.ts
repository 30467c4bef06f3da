/** @file The primitive IR: one Op enum, op families, and OP_DEFS, the table that drives dtype rules, the reference interpreter and the JS renderer (tinygrad uop/__init__.py + python_alu, jax-js core.ts). */
import type { DType } from "../../runtime/dtype.js";
import * as H from "../../runtime/kernel-helpers.js";
import type { HelperName } from "../../runtime/kernel-helpers.js";

export enum Op {
  // leaves
  Load = "load", // a strided view of a storage, or of a materialized node (src[0])
  Const = "const", // one scalar broadcast to the node's shape
  // structure
  Cast = "cast",
  Where = "where",
  Reduce = "reduce", // keepdims shape; arg {op, axes}
  Contiguous = "contiguous", // materialize: a fusion barrier
  // unary, same dtype
  Neg = "neg", Abs = "abs", Sqrt = "sqrt", Cbrt = "cbrt", Square = "square", Reciprocal = "reciprocal",
  Exp = "exp", Exp2 = "exp2", Expm1 = "expm1", Log = "log", Log2 = "log2", Log10 = "log10", Log1p = "log1p",
  Sin = "sin", Cos = "cos", Tan = "tan", Asin = "arcsin", Acos = "arccos", Atan = "arctan",
  Sinh = "sinh", Cosh = "cosh", Tanh = "tanh", Asinh = "arcsinh", Acosh = "arccosh", Atanh = "arctanh",
  Floor = "floor", Ceil = "ceil", Trunc = "trunc", Rint = "rint", Sign = "sign",
  Invert = "invert", // bitwise not; logical not on bool
  Conj = "conjugate",
  FrexpMant = "frexp_mantissa", FrexpExp = "frexp_exponent", // frexp's two outputs (the exponent as a float)
  Popcount = "bitwise_count",
  // unary, other dtype
  Not = "logical_not", IsNan = "isnan", IsInf = "isinf", IsFinite = "isfinite", Signbit = "signbit",
  Real = "real", Imag = "imag", // complex -> float parts
  // binary, same dtype
  Add = "add", Sub = "subtract", Mul = "multiply", Div = "true_divide", FloorDiv = "floor_divide",
  Mod = "remainder", Fmod = "fmod", Pow = "power", Max = "maximum", Min = "minimum", Fmax = "fmax", Fmin = "fmin",
  Atan2 = "arctan2", Hypot = "hypot", Copysign = "copysign", LogAddExp = "logaddexp", LogAddExp2 = "logaddexp2",
  Heaviside = "heaviside", BitAnd = "bitwise_and", BitOr = "bitwise_or", BitXor = "bitwise_xor",
  Shl = "left_shift", Shr = "right_shift",
  Ldexp = "ldexp", // the exponent operand arrives cast to the float dtype
  Nextafter = "nextafter", Gcd = "gcd", Lcm = "lcm",
  // np.round's scaled rounding, rint(a * b) / b and rint(a / b) * b: one node so that complex values
  // round lane by lane and float32 rounds the scaled value to float32 before rint, as NumPy's loops do
  RoundMul = "round_mul", RoundDiv = "round_div",
  // binary -> bool
  Lt = "less", Le = "less_equal", Gt = "greater", Ge = "greater_equal", Eq = "equal", Ne = "not_equal",
  And = "logical_and", Or = "logical_or", Xor = "logical_xor",
}

export type ReduceOp = "sum" | "prod" | "max" | "min" | "argmax" | "argmin" | "any" | "all";

/** A complex value in generated code or in the interpreter. */
export type CPair<T> = readonly [T, T];

/** What a complex op renders: statements to run first (helper calls), then the two lanes (or one real). */
export interface CRender {
  pre?: string;
  re: string;
  im?: string;
}

export type OutRule = "same" | "bool" | "real";

export interface ElemDef {
  arity: 1 | 2;
  out: OutRule;
  /** real scalar semantics for the interpreter and constant folding; ints given as exact doubles */
  fn: (a: number, b: number, dt: DType) => number | boolean;
  /** JS expression over operand identifiers; `dt` is the operands' dtype */
  js: (a: string, b: string, dt: DType) => string;
  /** complex semantics, when NumPy defines the op for complex; `dt` is the operands' (complex) dtype */
  cfn?: (a: CPair<number>, b: CPair<number>, dt: DType) => CPair<number> | number | boolean;
  cjs?: (a: CPair<string>, b: CPair<string>, dt: DType) => CRender;
  /** helpers the real form calls */
  helpers?: HelperName[];
  /** helpers the complex form calls */
  chelpers?: HelperName[];
  commutative?: boolean;
}

const isInt = (dt: DType) => dt.kind === "i" || dt.kind === "u";
/** what C's cast of 1.0 / 0 (inf) gives in NumPy's integer reciprocal loop on x86-64 */
const recipZero = (dt: DType) => (dt.name === "int32" ? "-2147483648" : dt.name === "int64" ? "-9223372036854775808" : "0");
const bits = (dt: DType) => dt.itemsize * 8;
const fl = (fn: (a: number) => number, name: string): Pick<ElemDef, "arity" | "out" | "fn" | "js"> => ({
  arity: 1, out: "same", fn: (a) => fn(a), js: (a) => `Math.${name}(${a})`,
});
const hc = (name: HelperName, lanes: number) => (a: CPair<string>, b?: CPair<string>): CRender => ({
  pre: `${name}(${lanes === 2 ? `${a[0]}, ${a[1]}, ${b![0]}, ${b![1]}` : `${a[0]}, ${a[1]}`});`,
  re: "C[0]",
  im: "C[1]",
});
const cApply = (f: (...args: number[]) => void) => (...xs: number[]): CPair<number> => {
  f(...xs);
  return [H.C[0], H.C[1]];
};
/** a complex form computed by one kernel helper that writes the scratch pair C */
const cplx = (name: HelperName, lanes: 1 | 2): Pick<ElemDef, "cfn" | "cjs" | "chelpers"> => ({
  cfn: (a, b) => cApply((H.KERNEL_HELPERS as unknown as Record<string, (...x: number[]) => void>)[name])(...(lanes === 2 ? [a[0], a[1], b[0], b[1]] : [a[0], a[1]])),
  cjs: hc(name, lanes),
  chelpers: [name, "C"],
});
/** a real op (Math.*) that also has a complex helper */
const flc = (fn: (a: number) => number, name: string, cname: HelperName): Pick<ElemDef, "arity" | "out" | "fn" | "js" | "cfn" | "cjs" | "chelpers"> => ({
  ...fl(fn, name), ...cplx(cname, 1),
});

const isF32 = (dt: DType) => dt.name === "float32" || dt.name === "complex64";
const isF16 = (dt: DType) => dt.name === "float16";
/** the scaled value rounded to the dtype first (float32 and float16 kernels otherwise carry doubles between ops) */
const fr = (dt: DType, x: number) => (isF32(dt) ? Math.fround(x) : isF16(dt) ? H.fround16(x) : x);
const frjs = (dt: DType, x: string) => (isF32(dt) ? `Math.fround(${x})` : isF16(dt) ? `fround16(${x})` : x);
/** NumPy's float16 maximum/minimum/fmax/fmin keep the first operand on ties, as its float32 fmax/fmin do */
const firstOnTie = (dt: DType) => dt.name === "float32" || dt.name === "float16";
const roundMul = (a: number, b: number, dt: DType) => H.rint(fr(dt, a * b)) / b;
const roundDiv = (a: number, b: number, dt: DType) => H.rint(fr(dt, a / b)) * b;

export const OP_DEFS_ELEM = {
  [Op.Neg]: { arity: 1, out: "same", fn: (a) => -a, js: (a) => `(-${a})`, cfn: (a) => [-a[0], -a[1]], cjs: (a) => ({ re: `(-${a[0]})`, im: `(-${a[1]})` }) },
  [Op.Abs]: { arity: 1, out: "same", fn: Math.abs, js: (a) => `Math.abs(${a})` },
  [Op.Sqrt]: flc(Math.sqrt, "sqrt", "csqrt"),
  [Op.Cbrt]: fl(Math.cbrt, "cbrt"),
  [Op.Square]: {
    // 32-bit products need Math.imul: a double product past 2**53 loses the low bits that wrap-around keeps
    arity: 1, out: "same", fn: (a, _b, dt) => (dt.name === "int32" || dt.name === "uint32" ? Math.imul(a, a) : a * a),
    js: (a, _b, dt) => (dt.name === "int32" || dt.name === "uint32" ? `Math.imul(${a}, ${a})` : `(${a} * ${a})`),
    cfn: (a) => [a[0] * a[0] - a[1] * a[1], 2 * a[0] * a[1]], cjs: (a) => ({ re: `(${a[0]} * ${a[0]} - ${a[1]} * ${a[1]})`, im: `(2 * ${a[0]} * ${a[1]})` }),
  },
  [Op.Reciprocal]: {
    // NumPy's integer loop stores the double 1.0 / x: 1/0 = inf becomes the C cast of inf (INT_MIN for int32/int64, else 0)
    arity: 1, out: "same", fn: (a, _b, dt) => (isInt(dt) ? (a === 0 ? Number(recipZero(dt)) : Math.trunc(1 / a)) : 1 / a),
    js: (a, _b, dt) => (isInt(dt) ? `(${a} === 0 ? ${recipZero(dt)} : Math.trunc(1 / ${a}))` : `(1 / ${a})`),
    ...cplx("crecip", 1),
  },
  [Op.Exp]: flc(Math.exp, "exp", "cexp"),
  [Op.Exp2]: { arity: 1, out: "same", fn: (a) => 2 ** a, js: (a) => `(2 ** ${a})`, ...cplx("cexp2", 1) },
  [Op.Expm1]: flc(Math.expm1, "expm1", "cexpm1"),
  [Op.Log]: flc(Math.log, "log", "clog"),
  [Op.Log2]: flc(Math.log2, "log2", "clog2"),
  [Op.Log10]: flc(Math.log10, "log10", "clog10"),
  [Op.Log1p]: flc(Math.log1p, "log1p", "clog1p"),
  [Op.Sin]: flc(Math.sin, "sin", "csin"),
  [Op.Cos]: flc(Math.cos, "cos", "ccos"),
  [Op.Tan]: flc(Math.tan, "tan", "ctan"),
  [Op.Asin]: flc(Math.asin, "asin", "casin"),
  [Op.Acos]: flc(Math.acos, "acos", "cacos"),
  [Op.Atan]: flc(Math.atan, "atan", "catan"),
  [Op.Sinh]: flc(Math.sinh, "sinh", "csinh"),
  [Op.Cosh]: flc(Math.cosh, "cosh", "ccosh"),
  [Op.Tanh]: flc(Math.tanh, "tanh", "ctanh"),
  [Op.Asinh]: flc(Math.asinh, "asinh", "casinh"),
  [Op.Acosh]: flc(Math.acosh, "acosh", "cacosh"),
  [Op.Atanh]: flc(Math.atanh, "atanh", "catanh"),
  [Op.Floor]: fl(Math.floor, "floor"),
  [Op.Ceil]: fl(Math.ceil, "ceil"),
  [Op.Trunc]: fl(Math.trunc, "trunc"),
  [Op.Rint]: {
    arity: 1, out: "same", fn: H.rint, js: (a) => `rint(${a})`, helpers: ["rint"],
    cfn: (a) => [H.rint(a[0]), H.rint(a[1])], cjs: (a) => ({ re: `rint(${a[0]})`, im: `rint(${a[1]})` }), chelpers: ["rint"],
  },
  [Op.Sign]: { arity: 1, out: "same", fn: H.sign, js: (a) => `sign(${a})`, helpers: ["sign"] },
  [Op.Invert]: {
    arity: 1, out: "same", fn: (a, _b, dt) => (dt.kind === "b" ? (a ? 0 : 1) : -a - 1),
    js: (a, _b, dt) => (dt.kind === "b" ? `(${a} ? 0 : 1)` : dt.itemsize === 8 ? `(-${a} - 1)` : `(~${a})`),
  },
  [Op.Conj]: { arity: 1, out: "same", fn: (a) => a, js: (a) => a, cfn: (a) => [a[0], -a[1]], cjs: (a) => ({ re: a[0], im: `(-${a[1]})` }) },
  [Op.Not]: { arity: 1, out: "bool", fn: (a) => a === 0, js: (a, _b, dt) => (dt.kind === "b" ? `!${a}` : `(${a} === 0)`), cfn: (a) => a[0] === 0 && a[1] === 0, cjs: (a) => ({ re: `(${a[0]} === 0 && ${a[1]} === 0)` }) },
  [Op.IsNan]: { arity: 1, out: "bool", fn: (a) => a !== a, js: (a, _b, dt) => (isInt(dt) || dt.kind === "b" ? "false" : `(${a} !== ${a})`), cfn: (a) => a[0] !== a[0] || a[1] !== a[1], cjs: (a) => ({ re: `(${a[0]} !== ${a[0]} || ${a[1]} !== ${a[1]})` }) },
  [Op.IsInf]: { arity: 1, out: "bool", fn: (a) => a === Infinity || a === -Infinity, js: (a) => `(${a} === Infinity || ${a} === -Infinity)`, cfn: (a) => Math.abs(a[0]) === Infinity || Math.abs(a[1]) === Infinity, cjs: (a) => ({ re: `(Math.abs(${a[0]}) === Infinity || Math.abs(${a[1]}) === Infinity)` }) },
  [Op.IsFinite]: { arity: 1, out: "bool", fn: (a) => a - a === 0, js: (a) => `(${a} - ${a} === 0)`, cfn: (a) => a[0] - a[0] === 0 && a[1] - a[1] === 0, cjs: (a) => ({ re: `(${a[0]} - ${a[0]} === 0 && ${a[1]} - ${a[1]} === 0)` }) },
  [Op.Signbit]: { arity: 1, out: "bool", fn: H.signbit, js: (a) => `signbit(${a})`, helpers: ["signbit"] },
  [Op.FrexpMant]: { arity: 1, out: "same", fn: H.frexpMant, js: (a) => `frexpMant(${a})`, helpers: ["frexpMant"] },
  [Op.FrexpExp]: { arity: 1, out: "same", fn: H.frexpExp, js: (a) => `frexpExp(${a})`, helpers: ["frexpExp"] },
  [Op.Popcount]: { arity: 1, out: "same", fn: H.popcount, js: (a) => `popcount(${a})`, helpers: ["popcount"] },
  [Op.Real]: { arity: 1, out: "real", fn: (a) => a, js: (a) => a, cfn: (a) => a[0], cjs: (a) => ({ re: a[0] }) },
  [Op.Imag]: { arity: 1, out: "real", fn: () => 0, js: () => "0", cfn: (a) => a[1], cjs: (a) => ({ re: a[1] }) },

  [Op.Add]: {
    arity: 2, out: "same", commutative: true, fn: (a, b) => a + b, js: (a, b) => `(${a} + ${b})`,
    cfn: (a, b) => [a[0] + b[0], a[1] + b[1]], cjs: (a, b) => ({ re: `(${a[0]} + ${b[0]})`, im: `(${a[1]} + ${b[1]})` }),
  },
  [Op.Sub]: {
    arity: 2, out: "same", fn: (a, b) => a - b, js: (a, b) => `(${a} - ${b})`,
    cfn: (a, b) => [a[0] - b[0], a[1] - b[1]], cjs: (a, b) => ({ re: `(${a[0]} - ${b[0]})`, im: `(${a[1]} - ${b[1]})` }),
  },
  [Op.Mul]: {
    arity: 2, out: "same", commutative: true, fn: (a, b, dt) => (dt.name === "int32" ? Math.imul(a, b) : a * b),
    js: (a, b, dt) => (dt.name === "int32" || dt.name === "uint32" ? `Math.imul(${a}, ${b})` : `(${a} * ${b})`),
    cfn: (a, b) => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]],
    cjs: (a, b) => ({ re: `(${a[0]} * ${b[0]} - ${a[1]} * ${b[1]})`, im: `(${a[0]} * ${b[1]} + ${a[1]} * ${b[0]})` }),
  },
  [Op.Div]: { arity: 2, out: "same", fn: (a, b) => a / b, js: (a, b) => `(${a} / ${b})`, ...cplx("cdiv", 2) },
  [Op.FloorDiv]: {
    arity: 2, out: "same", fn: (a, b, dt) => (isInt(dt) ? H.ifloordiv(a, b) : H.floordiv(a, b)),
    js: (a, b, dt) => (isInt(dt) ? `ifloordiv(${a}, ${b})` : `floordiv(${a}, ${b})`), helpers: ["floordiv", "ifloordiv"],
  },
  [Op.Mod]: {
    arity: 2, out: "same", fn: (a, b, dt) => (isInt(dt) ? H.imod(a, b) : H.fmodPy(a, b)),
    js: (a, b, dt) => (isInt(dt) ? `imod(${a}, ${b})` : `fmodPy(${a}, ${b})`), helpers: ["fmodPy", "imod"],
  },
  [Op.Fmod]: { arity: 2, out: "same", fn: (a, b, dt) => (isInt(dt) && b === 0 ? 0 : a % b), js: (a, b, dt) => (isInt(dt) ? `(${b} === 0 ? 0 : ${a} % ${b})` : `(${a} % ${b})`) },
  [Op.Pow]: {
    // up to 32 bits every product wraps mod 2**32 (exact for the narrower types too); 64-bit ints are exact to 2**53
    arity: 2, out: "same", fn: (a, b, dt) => (isInt(dt) && dt.itemsize <= 4 ? H.ipow32(a, b) : isInt(dt) ? H.ipow(a, b) : H.fpow(a, b)),
    js: (a, b, dt) => (isInt(dt) && dt.itemsize <= 4 ? `ipow32(${a}, ${b})` : isInt(dt) ? `ipow(${a}, ${b})` : `fpow(${a}, ${b})`),
    helpers: ["ipow", "ipow32", "fpow"], ...cplx("cpow", 2),
  },
  // NumPy's loops return the second operand on ties (maximum(0.0, -0.0) is -0.0), except float32 fmax/fmin
  // (C's fmaxf keeps the first) and all four for float16 (npy_half_ge): so these are not commutative. NaN propagates from either side (maximum)
  // or is skipped (fmax). Complex operands compare lexicographically, as NumPy's CGE/CLE.
  [Op.Max]: {
    arity: 2, out: "same", fn: (a, b, dt) => (a > b || (a === b && isF16(dt)) || a !== a ? a : b),
    js: (a, b, dt) => `(${a} ${isF16(dt) ? ">=" : ">"} ${b} || ${a} !== ${a} ? ${a} : ${b})`, ...cplx("cmax", 2),
  },
  [Op.Min]: {
    arity: 2, out: "same", fn: (a, b, dt) => (a < b || (a === b && isF16(dt)) || a !== a ? a : b),
    js: (a, b, dt) => `(${a} ${isF16(dt) ? "<=" : "<"} ${b} || ${a} !== ${a} ? ${a} : ${b})`, ...cplx("cmin", 2),
  },
  [Op.Fmax]: {
    arity: 2, out: "same", fn: (a, b, dt) => (a > b || (a === b && firstOnTie(dt)) || b !== b ? a : b),
    js: (a, b, dt) => `(${a} ${firstOnTie(dt) ? ">=" : ">"} ${b} || ${b} !== ${b} ? ${a} : ${b})`, ...cplx("cfmax", 2),
  },
  [Op.Fmin]: {
    arity: 2, out: "same", fn: (a, b, dt) => (a < b || (a === b && firstOnTie(dt)) || b !== b ? a : b),
    js: (a, b, dt) => `(${a} ${firstOnTie(dt) ? "<=" : "<"} ${b} || ${b} !== ${b} ? ${a} : ${b})`, ...cplx("cfmin", 2),
  },
  [Op.Atan2]: { arity: 2, out: "same", fn: Math.atan2, js: (a, b) => `Math.atan2(${a}, ${b})` },
  [Op.Hypot]: { arity: 2, out: "same", commutative: true, fn: (a, b) => Math.hypot(a, b), js: (a, b) => `Math.hypot(${a}, ${b})` },
  [Op.Copysign]: { arity: 2, out: "same", fn: H.copysign, js: (a, b) => `copysign(${a}, ${b})`, helpers: ["copysign"] },
  [Op.LogAddExp]: { arity: 2, out: "same", commutative: true, fn: H.logaddexp, js: (a, b) => `logaddexp(${a}, ${b})`, helpers: ["logaddexp"] },
  [Op.LogAddExp2]: { arity: 2, out: "same", commutative: true, fn: H.logaddexp2, js: (a, b) => `logaddexp2(${a}, ${b})`, helpers: ["logaddexp2"] },
  [Op.Heaviside]: { arity: 2, out: "same", fn: H.heaviside, js: (a, b) => `heaviside(${a}, ${b})`, helpers: ["heaviside"] },
  [Op.BitAnd]: { arity: 2, out: "same", commutative: true, fn: (a, b, dt) => bitop(a, b, dt, (x, y) => x & y), js: (a, b, dt) => bitjs(a, b, dt, "&") },
  [Op.BitOr]: { arity: 2, out: "same", commutative: true, fn: (a, b, dt) => bitop(a, b, dt, (x, y) => x | y), js: (a, b, dt) => bitjs(a, b, dt, "|") },
  [Op.BitXor]: { arity: 2, out: "same", commutative: true, fn: (a, b, dt) => bitop(a, b, dt, (x, y) => x ^ y), js: (a, b, dt) => bitjs(a, b, dt, "^") },
  [Op.Shl]: { arity: 2, out: "same", fn: (a, b, dt) => H.shl(a, b, bits(dt)), js: (a, b, dt) => `shl(${a}, ${b}, ${bits(dt)})`, helpers: ["shl"] },
  [Op.Shr]: { arity: 2, out: "same", fn: (a, b, dt) => H.shr(a, b, bits(dt)), js: (a, b, dt) => `shr(${a}, ${b}, ${bits(dt)})`, helpers: ["shr"] },
  [Op.Ldexp]: {
    // float32 and float16 overflow and underflow at their own range: round the exact double product once
    arity: 2, out: "same", fn: (a, b, dt) => fr(dt, H.ldexp(a, b)), js: (a, b, dt) => frjs(dt, `ldexp(${a}, ${b})`), helpers: ["ldexp"],
  },
  [Op.Nextafter]: {
    arity: 2, out: "same", fn: (a, b, dt) => (dt.name === "float32" ? H.nextafter32(a, b) : isF16(dt) ? H.nextafter16(a, b) : H.nextafter(a, b)),
    js: (a, b, dt) => (dt.name === "float32" ? `nextafter32(${a}, ${b})` : isF16(dt) ? `nextafter16(${a}, ${b})` : `nextafter(${a}, ${b})`),
    helpers: ["nextafter", "nextafter32", "nextafter16"],
  },
  // results wrap to the dtype on store: gcd(int8 -128, 0) is -128 as in NumPy
  [Op.Gcd]: { arity: 2, out: "same", commutative: true, fn: (a, b) => H.gcd(a, b), js: (a, b) => `gcd(${a}, ${b})`, helpers: ["gcd"] },
  [Op.Lcm]: { arity: 2, out: "same", commutative: true, fn: (a, b, dt) => H.lcm(a, b, bits(dt)), js: (a, b, dt) => `lcm(${a}, ${b}, ${bits(dt)})`, helpers: ["lcm"] },
  [Op.RoundMul]: {
    arity: 2, out: "same", fn: roundMul, js: (a, b, dt) => `(rint(${frjs(dt, `${a} * ${b}`)}) / ${b})`, helpers: ["rint"],
    // the scale b is real: its imaginary lane is 0
    cfn: (a, b, dt) => [roundMul(a[0], b[0], dt), roundMul(a[1], b[0], dt)],
    cjs: (a, b, dt) => ({ re: `(rint(${frjs(dt, `${a[0]} * ${b[0]}`)}) / ${b[0]})`, im: `(rint(${frjs(dt, `${a[1]} * ${b[0]}`)}) / ${b[0]})` }),
    chelpers: ["rint"],
  },
  [Op.RoundDiv]: {
    arity: 2, out: "same", fn: roundDiv, js: (a, b, dt) => `(rint(${frjs(dt, `${a} / ${b}`)}) * ${b})`, helpers: ["rint"],
    cfn: (a, b, dt) => [roundDiv(a[0], b[0], dt), roundDiv(a[1], b[0], dt)],
    cjs: (a, b, dt) => ({ re: `(rint(${frjs(dt, `${a[0]} / ${b[0]}`)}) * ${b[0]})`, im: `(rint(${frjs(dt, `${a[1]} / ${b[0]}`)}) * ${b[0]})` }),
    chelpers: ["rint"],
  },

  [Op.Lt]: { arity: 2, out: "bool", fn: (a, b) => a < b, js: (a, b) => `(${a} < ${b})`, cfn: (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]), cjs: (a, b) => ({ re: `(${a[0]} < ${b[0]} || (${a[0]} === ${b[0]} && ${a[1]} < ${b[1]}))` }) },
  [Op.Le]: { arity: 2, out: "bool", fn: (a, b) => a <= b, js: (a, b) => `(${a} <= ${b})`, cfn: (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), cjs: (a, b) => ({ re: `(${a[0]} < ${b[0]} || (${a[0]} === ${b[0]} && ${a[1]} <= ${b[1]}))` }) },
  [Op.Gt]: { arity: 2, out: "bool", fn: (a, b) => a > b, js: (a, b) => `(${a} > ${b})`, cfn: (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]), cjs: (a, b) => ({ re: `(${a[0]} > ${b[0]} || (${a[0]} === ${b[0]} && ${a[1]} > ${b[1]}))` }) },
  [Op.Ge]: { arity: 2, out: "bool", fn: (a, b) => a >= b, js: (a, b) => `(${a} >= ${b})`, cfn: (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), cjs: (a, b) => ({ re: `(${a[0]} > ${b[0]} || (${a[0]} === ${b[0]} && ${a[1]} >= ${b[1]}))` }) },
  [Op.Eq]: { arity: 2, out: "bool", commutative: true, fn: (a, b) => a === b, js: (a, b, dt) => (dt.kind === "b" ? `(!${a} === !${b})` : `(${a} === ${b})`), cfn: (a, b) => a[0] === b[0] && a[1] === b[1], cjs: (a, b) => ({ re: `(${a[0]} === ${b[0]} && ${a[1]} === ${b[1]})` }) },
  [Op.Ne]: { arity: 2, out: "bool", commutative: true, fn: (a, b) => a !== b, js: (a, b, dt) => (dt.kind === "b" ? `(!${a} !== !${b})` : `(${a} !== ${b})`), cfn: (a, b) => a[0] !== b[0] || a[1] !== b[1], cjs: (a, b) => ({ re: `(${a[0]} !== ${b[0]} || ${a[1]} !== ${b[1]})` }) },
  [Op.And]: { arity: 2, out: "bool", commutative: true, fn: (a, b) => a !== 0 && b !== 0, js: (a, b, dt) => (dt.kind === "b" ? `(!!${a} && !!${b})` : `(${a} !== 0 && ${b} !== 0)`), cfn: (a, b) => (a[0] !== 0 || a[1] !== 0) && (b[0] !== 0 || b[1] !== 0), cjs: (a, b) => ({ re: `((${a[0]} !== 0 || ${a[1]} !== 0) && (${b[0]} !== 0 || ${b[1]} !== 0))` }) },
  [Op.Or]: { arity: 2, out: "bool", commutative: true, fn: (a, b) => a !== 0 || b !== 0, js: (a, b, dt) => (dt.kind === "b" ? `(!!${a} || !!${b})` : `(${a} !== 0 || ${b} !== 0)`), cfn: (a, b) => a[0] !== 0 || a[1] !== 0 || b[0] !== 0 || b[1] !== 0, cjs: (a, b) => ({ re: `(${a[0]} !== 0 || ${a[1]} !== 0 || ${b[0]} !== 0 || ${b[1]} !== 0)` }) },
  [Op.Xor]: { arity: 2, out: "bool", commutative: true, fn: (a, b) => (a !== 0) !== (b !== 0), js: (a, b, dt) => (dt.kind === "b" ? `(!${a} !== !${b})` : `((${a} !== 0) !== (${b} !== 0))`), cfn: (a, b) => (a[0] !== 0 || a[1] !== 0) !== (b[0] !== 0 || b[1] !== 0), cjs: (a, b) => ({ re: `((${a[0]} !== 0 || ${a[1]} !== 0) !== (${b[0]} !== 0 || ${b[1]} !== 0))` }) },
} satisfies Record<string, ElemDef>;

export type ElemOp = keyof typeof OP_DEFS_ELEM;
export const OP_DEFS: Readonly<Record<ElemOp, ElemDef>> = OP_DEFS_ELEM;
export const isElemOp = (op: Op): op is ElemOp => op in OP_DEFS_ELEM;

/** ops whose cost makes re-computing them per broadcast element a bad trade */
export const EXPENSIVE = new Set<Op>([
  Op.Exp, Op.Exp2, Op.Expm1, Op.Log, Op.Log2, Op.Log10, Op.Log1p, Op.Sin, Op.Cos, Op.Tan, Op.Asin, Op.Acos, Op.Atan,
  Op.Sinh, Op.Cosh, Op.Tanh, Op.Asinh, Op.Acosh, Op.Atanh, Op.Pow, Op.Atan2, Op.Hypot, Op.Cbrt, Op.LogAddExp, Op.LogAddExp2,
  Op.Gcd, Op.Lcm,
]);

// 64-bit integers are exact doubles here; bit ops on them go through BigInt in the interpreter only
function bitop(a: number, b: number, dt: DType, f: (x: number, y: number) => number): number {
  if (dt.itemsize < 8) return f(a, b);
  const big = (x: number) => BigInt.asIntN(64, BigInt(x));
  const r = dt.kind === "u" ? BigInt.asUintN(64, bigf(big(a), big(b), f)) : BigInt.asIntN(64, bigf(big(a), big(b), f));
  return Number(r);
}
function bigf(x: bigint, y: bigint, f: (x: number, y: number) => number): bigint {
  const op = f(6, 3); // identify the operator by its result on 6 and 3: & 2, | 7, ^ 5
  return op === 2 ? x & y : op === 7 ? x | y : x ^ y;
}
function bitjs(a: string, b: string, dt: DType, op: "&" | "|" | "^"): string {
  if (dt.itemsize < 8) return `(${a} ${op} ${b})`;
  // two 32-bit halves: exact for operands in the safe-integer range
  return `bit64${op === "&" ? "and" : op === "|" ? "or" : "xor"}(${a}, ${b})`;
}

export const REDUCE_IDENTITY: Record<ReduceOp, number | null> = {
  sum: 0, prod: 1, max: null, min: null, argmax: null, argmin: null, any: 0, all: 1,
};
