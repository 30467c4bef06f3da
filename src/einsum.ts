/**
 * @file np.einsum. The subscripts become integer labels per operand (letters; "..." stands for
 * the broadcast dimensions). Labels an operand repeats are taken as its diagonal, a view. The
 * contraction is built from the engine's primitives: the operands are aligned to a common label
 * order, multiplied (broadcast and fused into one kernel) and summed over the labels that leave.
 * Three or more operands are contracted pairwise, choosing at each step the pair with the smallest
 * intermediate (opt_einsum's greedy path). The subscript text never reaches generated code: only
 * label numbers and shapes do.
 */
import { canCast, resultType, type Casting } from "../runtime/promotion.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../runtime/errors.js";
import { asarray, isOptions, type ArrayLike } from "./convert.js";
import { NDArray, writeInto } from "./ndarray.js";
import { any, sum } from "./reductions.js";
import { reshape, transpose } from "./shape-ops.js";
import { cast } from "../compiler/ir/node.js";
import { ufuncs } from "./ufunc/all.js";
import { matmul } from "./products.js";

interface EinsumOptions { out?: NDArray | null; dtype?: unknown; order?: string; casting?: Casting; optimize?: unknown }

/** The labels of the broadcast ("...") dimensions: numbers no letter takes. */
const BROADCAST = 1000;
const isLetter = (ch: string) => /^[A-Za-z]$/.test(ch);
const shapeStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/** One operand's subscripts as labels, the ellipsis expanded to the trailing broadcast labels (right-aligned). */
function operandLabels(term: string, k: number, ndim: number): number[] {
  const dotError = () => new ValueError(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${k}`);
  const before: number[] = [], after: number[] = [];
  let ellipsis = false;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === " ") continue;
    if (ch === ".") {
      if (ellipsis || term.slice(i, i + 3) !== "...") throw dotError();
      ellipsis = true;
      i += 2;
      continue;
    }
    if (!isLetter(ch)) throw new ValueError(`invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`);
    (ellipsis ? after : before).push(ch.charCodeAt(0));
  }
  const named = before.length + after.length;
  if (named > ndim) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${k}`);
  if (!ellipsis && named < ndim) {
    throw new ValueError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  }
  const extra = ndim - named;
  // broadcast labels count from the right, so operands with fewer of them align to the last ones
  return [...before, ...Array.from({ length: extra }, (_, i) => BROADCAST + extra - 1 - i), ...after];
}

/** The output labels: given after "->", or (implicit mode) the broadcast labels, then the letters used once, sorted. */
function outputLabels(spec: string | null, inputs: readonly number[][], nBroadcast: number): number[] {
  const broadcast = Array.from({ length: nBroadcast }, (_, i) => BROADCAST + nBroadcast - 1 - i);
  const seen = new Map<number, number>();
  for (const labels of inputs) for (const l of labels) if (l < BROADCAST) seen.set(l, (seen.get(l) ?? 0) + 1);
  if (spec === null) return [...broadcast, ...[...seen].filter(([, n]) => n === 1).map(([l]) => l).sort((a, b) => a - b)];
  const out: number[] = [];
  let ellipsis = false;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (isLetter(ch)) {
      if (spec.indexOf(ch, i + 1) >= 0) throw new ValueError(`einstein sum subscripts string includes output subscript '${ch}' multiple times`);
      if (!seen.has(ch.charCodeAt(0))) throw new ValueError(`einstein sum subscripts string included output subscript '${ch}' which never appeared in an input`);
      out.push(ch.charCodeAt(0));
    } else if (ch === ".") {
      if (ellipsis || spec.slice(i, i + 3) !== "...") throw new ValueError("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
      ellipsis = true;
      out.push(...broadcast);
      i += 2;
    } else if (ch !== " ") {
      throw new ValueError(`invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (!ellipsis && nBroadcast > 0) {
    throw new ValueError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  }
  return out;
}

/** An operand with labels it repeats folded into one axis: its diagonal, as a view. */
function diagonalOf(a: NDArray, labels: readonly number[]): { array: NDArray; labels: number[] } {
  const unique = [...new Set(labels)];
  if (unique.length === labels.length) return { array: a, labels: [...labels] };
  const axesOf = unique.map((l) => labels.flatMap((m, i) => (m === l ? [i] : [])));
  for (const [j, axes] of axesOf.entries()) {
    const n = a.shape[axes[0]];
    for (const ax of axes) {
      if (a.shape[ax] !== n) {
        throw new ValueError(`dimensions in single operand for collapsing index '${String.fromCharCode(unique[j])}' don't match (${n} != ${a.shape[ax]})`);
      }
    }
  }
  const shape = axesOf.map((axes) => a.shape[axes[0]]);
  const array = a._makeView((v) => ({
    shape,
    strides: axesOf.map((axes) => axes.reduce((s, ax) => s + v.strides[ax], 0)),
    offset: v.offset,
  }), shape);
  return { array, labels: unique };
}

interface Term { array: NDArray; labels: number[] }

/**
 * The product of `terms` summed over every label not in `keep`, with axes in `keep`'s order: one
 * fused multiply-reduce. `dt` is the dtype the products and sums are computed in.
 */
function contract(terms: readonly Term[], keep: readonly number[], dt: DType): Term {
  const viaMatmul = terms.length === 2 ? matmulContract(terms[0], terms[1], keep, dt) : null;
  if (viaMatmul) return viaMatmul;
  const summed = [...new Set(terms.flatMap((t) => t.labels))].filter((l) => !keep.includes(l));
  const order = [...keep, ...summed];
  const aligned = terms.map((t) => {
    const perm = order.filter((l) => t.labels.includes(l)).map((l) => t.labels.indexOf(l));
    const moved = transpose(new NDArray(cast(t.array._node, dt)), perm);
    return reshape(moved, order.map((l) => (t.labels.includes(l) ? t.array.shape[t.labels.indexOf(l)] : 1)));
  });
  let product = aligned[0];
  for (const x of aligned.slice(1)) product = dt.kind === "b" ? (ufuncs.logical_and(product, x) as NDArray) : (ufuncs.multiply(product, x) as NDArray);
  const axes = summed.map((_, i) => keep.length + i);
  if (!axes.length) return { array: product, labels: [...keep] };
  // a labelled dimension of size 1 broadcasts: the sum runs over the full extent of its label
  const reduced = dt.kind === "b" ? any(product, { axis: axes }) : sum(product, { axis: axes, dtype: dt });
  return { array: reduced, labels: [...keep] };
}

/** Matrix products worth the blocked matmul routine rather than a multiply-reduce loop. */
const MATMUL_MIN_WORK = 4096;

/**
 * Two operands whose contraction is a (batched) matrix product: each laid out as [batch, free,
 * summed] and multiplied by the matmul routine; null when it is not one (or too small to gain).
 */
function matmulContract(a: Term, b: Term, keep: readonly number[], dt: DType): Term | null {
  if (dt.kind === "b" || dt.name === "float16") return null;
  const extent = (t: Term, l: number) => t.array.shape[t.labels.indexOf(l)];
  const shared = a.labels.filter((l) => b.labels.includes(l));
  // a size-1 dimension broadcasting against a larger one stays with the multiply-reduce path
  if (shared.some((l) => extent(a, l) !== extent(b, l))) return null;
  // labels summed away that only one operand has go first, on their own
  const own = (t: Term, other: Term) => t.labels.filter((l) => !keep.includes(l) && !other.labels.includes(l));
  if (own(a, b).length || own(b, a).length) {
    const trim = (t: Term, other: Term) => (own(t, other).length ? contract([t], t.labels.filter((l) => !own(t, other).includes(l)), dt) : t);
    return matmulContract(trim(a, b), trim(b, a), keep, dt);
  }
  const batch = shared.filter((l) => keep.includes(l)), summed = shared.filter((l) => !keep.includes(l));
  const left = a.labels.filter((l) => !shared.includes(l)), right = b.labels.filter((l) => !shared.includes(l));
  const size = (t: Term, ls: number[]) => ls.reduce((p, l) => p * extent(t, l), 1);
  const [nb, m, k, n] = [size(a, batch), size(a, left), size(a, summed), size(b, right)];
  if (!summed.length || !(left.length || right.length) || nb * m * k * n < MATMUL_MIN_WORK) return null;
  const lay = (t: Term, order: number[], shape: number[]) =>
    reshape(transpose(new NDArray(cast(t.array._node, dt)), order.map((l) => t.labels.indexOf(l))), shape);
  const x = lay(a, [...batch, ...left, ...summed], [nb, m, k]);
  const y = lay(b, [...batch, ...summed, ...right], [nb, k, n]);
  const labels = [...batch, ...left, ...right];
  const product = reshape(matmul(x, y), labels.map((l) => (a.labels.includes(l) ? extent(a, l) : extent(b, l))));
  return { array: transpose(product, keep.map((l) => labels.indexOf(l))), labels: [...keep] };
}

const sizeOf = (labels: readonly number[], extent: ReadonlyMap<number, number>) => labels.reduce((p, l) => p * extent.get(l)!, 1);

/** Contract the terms pairwise, smallest intermediate first, until one is left with the output labels. */
function contractAll(terms: Term[], output: readonly number[], extent: Map<number, number>, dt: DType): Term {
  const stillNeeded = (except: readonly Term[]) => {
    const s = new Set(output);
    for (const t of terms) if (!except.includes(t)) for (const l of t.labels) s.add(l);
    return s;
  };
  while (terms.length > 2) {
    let best: { i: number; j: number; keep: number[]; cost: number } | null = null;
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        const need = stillNeeded([terms[i], terms[j]]);
        const keep = [...new Set([...terms[i].labels, ...terms[j].labels])].filter((l) => need.has(l));
        const cost = sizeOf(keep, extent) - sizeOf(terms[i].labels, extent) - sizeOf(terms[j].labels, extent);
        if (!best || cost < best.cost) best = { i, j, keep, cost };
      }
    }
    const { i, j, keep } = best!;
    const merged = contract([terms[i], terms[j]], keep, dt);
    terms = [...terms.filter((_, k) => k !== i && k !== j), merged];
  }
  return contract(terms, output, dt);
}

/** A sublist of the interleaved form as subscripts: 0-25 are A-Z, 26-51 a-z, "..." the ellipsis. */
function sublistSubscripts(list: unknown): string {
  const bad = () => new NumpyTypeError("each subscript must be either an integer or an ellipsis");
  if (!Array.isArray(list)) throw bad();
  return list.map((s) => {
    if (s === "...") return "...";
    const n = typeof s === "bigint" ? Number(s) : s;
    if (typeof n !== "number" || !Number.isInteger(n)) throw bad();
    if (n < 0 || n >= 52) throw new ValueError("subscript is not within the valid range [0, 52)");
    return String.fromCharCode(n < 26 ? 65 + n : 97 + n - 26);
  }).join("");
}

/**
 * np.einsum(subscripts, ...operands, {out, dtype, order, casting = "safe", optimize}): Einstein
 * summation over the operands as the subscripts ("ij,jk->ik", implicit "ij,jk", "...i,...i") say.
 * The interleaved form einsum(op0, sublist0, op1, sublist1, ..., [sublistout]) takes sublists of
 * integers, with "..." for the ellipsis. The result dtype is the operands' result_type (or
 * `dtype`); integers wrap and bools combine with and/or, as NumPy's.
 */
export function einsum(subscripts: string | ArrayLike, ...args: unknown[]): NDArray {
  const opts = (args.length && isOptions(args[args.length - 1]) && !(args[args.length - 1] instanceof NDArray) ? args.pop() : {}) as EinsumOptions;
  if (typeof subscripts !== "string") {
    const all = [subscripts, ...args];
    const pairs = Math.floor(all.length / 2);
    const terms = Array.from({ length: pairs }, (_, k) => sublistSubscripts(all[2 * k + 1])).join(",");
    const out = all.length % 2 ? `->${sublistSubscripts(all[all.length - 1])}` : "";
    return einsum(terms + out, ...Array.from({ length: pairs }, (_, k) => all[2 * k]), opts);
  }
  const operands = args.map((x) => asarray(x as ArrayLike));
  const arrow = subscripts.indexOf("->");
  const inputSpec = arrow >= 0 ? subscripts.slice(0, arrow) : subscripts;
  const outputSpec = arrow >= 0 ? subscripts.slice(arrow + 2) : null;
  const termSpecs = inputSpec.split(",");
  // (NumPy's two messages read the other way round; they are kept as NumPy prints them)
  if (termSpecs.length > operands.length) throw new ValueError("more operands provided to einstein sum function than specified in the subscripts string");
  if (termSpecs.length < operands.length) throw new ValueError("fewer operands provided to einstein sum function than specified in the subscripts string");
  for (const ch of inputSpec) {
    if (ch === "-" || ch === ">") throw new ValueError(`invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`);
  }
  const labels = operands.map((a, k) => operandLabels(termSpecs[k], k, a.ndim));
  const nBroadcast = Math.max(0, ...labels.map((ls) => ls.filter((l) => l >= BROADCAST).length));
  const output = outputLabels(outputSpec, labels, nBroadcast);

  const terms = operands.map((a, k) => diagonalOf(a, labels[k]));
  // each label's extent: sizes must agree, except that 1 broadcasts
  const extent = new Map<number, number>();
  for (const t of terms) {
    t.labels.forEach((l, i) => {
      const n = t.array.shape[i], have = extent.get(l);
      if (have === undefined || have === 1) extent.set(l, n);
      else if (n !== 1 && n !== have) {
        const shapes = operands.map((a) => `${shapeStr(a.shape)}->${shapeStr(a.shape)} `).join("");
        throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapes}`);
      }
    });
  }

  // one operand only rearranged (a transpose, a diagonal): NumPy hands back a view of it
  const only = terms[0];
  if (terms.length === 1 && !opts.out && only.labels.length === output.length && output.every((l) => only.labels.includes(l))) {
    return transpose(only.array, output.map((l) => only.labels.indexOf(l)));
  }
  const inferred = resultType(...operands.map((a) => a.dtype));
  const dt = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype).native : inferred;
  const casting = opts.casting ?? "safe";
  operands.forEach((a, k) => {
    if (!canCast(a.dtype, dt, casting)) {
      throw new NumpyTypeError(`Iterator operand ${k} dtype could not be cast from ${a.dtype.repr()} to ${dt.repr()} according to the rule '${casting}'`);
    }
  });
  let result = contractAll(terms, output, extent, dt.kind === "b" ? DTYPES.bool : dt).array;
  // NumPy adds every product into a zeroed output, so a -0 comes out as 0
  if (dt.kind === "f" || dt.kind === "c") result = ufuncs.add(result, 0) as NDArray;
  if (opts.out) {
    if (!canCast(dt, opts.out.dtype, casting)) {
      throw new NumpyTypeError(`Iterator requested dtype could not be cast from ${dt.repr()} to ${opts.out.dtype.repr()}, the operand 0 dtype, according to the rule '${casting}'`);
    }
    writeInto(opts.out, cast(result._node, opts.out.dtype));
    return opts.out;
  }
  return result;
}
