/**
 * @file np.unique (and NumPy 2's unique_all, unique_counts, unique_inverse, unique_values) and the
 * set routines union1d, intersect1d, setdiff1d, setxor1d and isin, as NumPy computes them: a stable
 * sort, then runs of equal neighbours (NaN equals nothing, except that np.unique merges NaNs by
 * default; -0 equals 0).
 */
import { DTYPES } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import type { JSScalar } from "../runtime/scalar.js";
import { kwargs } from "./args.js";
import { concatenate } from "./combine.js";
import { asarray, type ArrayLike } from "./convert.js";
import { emptyArray, NDArray } from "./ndarray.js";
import { normalizeAxis } from "./reductions.js";
import { moveaxis, ravel, reshape } from "./shape-ops.js";
import { argsort, compareValues } from "./sorting.js";
import { takeAxis } from "./take.js";
import { resultType } from "../runtime/promotion.js";

interface UniqueOptions {
  return_index?: boolean;
  return_inverse?: boolean;
  return_counts?: boolean;
  axis?: number | null;
  equal_nan?: boolean;
  /** accepted; the result is always sorted (NumPy leaves the order unspecified when false) */
  sorted?: boolean;
}

/** The parts np.unique can return. */
interface UniqueParts { values: NDArray; index: NDArray; inverse: NDArray; counts: NDArray }

/** NumPy's == on two read values (record rows compare element by element). */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  if (typeof a === "object" && a !== null && "re" in a) {
    const p = a as { re: number; im: number }, q = b as { re: number; im: number };
    return p.re === q.re && p.im === q.im;
  }
  return a === b;
}

/** NaN, or a complex value with a NaN part: np.unique's equal_nan merges all of them into one. */
function hasNan(v: unknown): boolean {
  if (typeof v === "number") return v !== v;
  if (typeof v === "object" && v !== null && "re" in v) {
    const c = v as { re: number; im: number };
    return c.re !== c.re || c.im !== c.im;
  }
  return false;
}

const int64Of = (values: ArrayLike, shape: readonly number[]): NDArray =>
  reshape(asarray(values, { dtype: DTYPES.int64 }), [...shape]);

/**
 * The runs of equal values among `keys` (one per item of `src` along axis 0) in the stable sort
 * order `perm`: np.unique's values, first-occurrence index, inverse and counts.
 */
function runs(src: NDArray, keys: readonly unknown[], perm: readonly number[], equalNan: boolean, inverseShape: readonly number[]): UniqueParts {
  const n = perm.length;
  const first: number[] = [], counts: number[] = [];
  const inverse = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const here = keys[perm[k]];
    const prev = k > 0 ? keys[perm[k - 1]] : undefined;
    const fresh = k === 0 || !(same(here, prev) || (equalNan && hasNan(here) && hasNan(prev)));
    if (fresh) {
      first.push(perm[k]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[perm[k]] = first.length - 1;
  }
  return {
    values: takeAxis(src, first, 0),
    index: int64Of(first, [first.length]),
    inverse: int64Of(inverse, inverseShape),
    counts: int64Of(counts, [counts.length]),
  };
}

function unique1d(a: NDArray, equalNan: boolean): UniqueParts {
  const flat = ravel(a);
  const perm = argsort(flat, { kind: "stable" }).tolist() as number[];
  const read = flat._elementReader(true);
  const keys = Array.from({ length: flat.size }, (_, i) => read(i));
  return runs(flat, keys, perm, equalNan, a.shape);
}

/** np.unique along `axis`: the distinct subarrays, compared element by element in C order as NumPy's structured view of them. */
function uniqueAlong(a: NDArray, axis: number): UniqueParts {
  const moved = moveaxis(a, axis, 0);
  const n = moved.shape[0], rest = moved.shape.slice(1);
  const width = rest.reduce((p, k) => p * k, 1);
  const rows = reshape(moved, [n, width]);
  const read = rows._elementReader(true);
  const keys = Array.from({ length: n }, (_, r) => Array.from({ length: width }, (_, c) => read(r * width + c)));
  const cmp = (x: JSScalar[], y: JSScalar[]) => {
    for (let c = 0; c < width; c++) {
      const d = compareValues(x[c], y[c]);
      if (d) return d;
    }
    return 0;
  };
  const perm = Array.from({ length: n }, (_, i) => i).sort((i, j) => cmp(keys[i], keys[j]) || i - j);
  // NaN rows stay apart, as NumPy's record comparison keeps them
  const parts = runs(rows, keys, perm, false, [n]);
  parts.values = moveaxis(reshape(parts.values, [parts.values.shape[0], ...rest]), 0, axis);
  return parts;
}

function uniqueParts(ar: ArrayLike, axis: number | null | undefined, equalNan: boolean): UniqueParts {
  const a = asarray(ar);
  return axis === null || axis === undefined ? unique1d(a, equalNan) : uniqueAlong(a, normalizeAxis(axis, a.ndim));
}

/**
 * np.unique(ar, return_index, return_inverse, return_counts, axis, {equal_nan = true, sorted}):
 * the sorted distinct values; with any return_* flag, an array [values, index?, inverse?, counts?]
 * in that order (int64 index arrays; the inverse has ar's shape when axis is null).
 */
export function unique(ar: ArrayLike, ...args: unknown[]): NDArray | NDArray[] {
  const o = kwargs<UniqueOptions>("unique", args, ["return_index", "return_inverse", "return_counts", "axis"]);
  const p = uniqueParts(ar, o.axis, o.equal_nan ?? true);
  const out = [p.values];
  if (o.return_index) out.push(p.index);
  if (o.return_inverse) out.push(p.inverse);
  if (o.return_counts) out.push(p.counts);
  return out.length === 1 ? p.values : out;
}

/** A JS array of results that also carries NumPy's named-tuple field names. */
function named<T extends Record<string, NDArray>>(fields: T): NDArray[] & T {
  return Object.assign(Object.values(fields), fields);
}

/** np.unique_values(x): the distinct values, NaNs kept apart (sorted here; NumPy's order is unspecified). */
export function unique_values(x: ArrayLike): NDArray {
  return uniqueParts(x, null, false).values;
}

/** np.unique_counts(x): [values, counts], also as {values, counts}. */
export function unique_counts(x: ArrayLike): NDArray[] & { values: NDArray; counts: NDArray } {
  const p = uniqueParts(x, null, false);
  return named({ values: p.values, counts: p.counts });
}

/** np.unique_inverse(x): [values, inverse_indices] (the inverse has x's shape), also named. */
export function unique_inverse(x: ArrayLike): NDArray[] & { values: NDArray; inverse_indices: NDArray } {
  const p = uniqueParts(x, null, false);
  return named({ values: p.values, inverse_indices: p.inverse });
}

/** np.unique_all(x): [values, indices, inverse_indices, counts], also named. */
export function unique_all(x: ArrayLike): NDArray[] & { values: NDArray; indices: NDArray; inverse_indices: NDArray; counts: NDArray } {
  const p = uniqueParts(x, null, false);
  return named({ values: p.values, indices: p.index, inverse_indices: p.inverse, counts: p.counts });
}

/** np.union1d(ar1, ar2): the sorted distinct values of both, flattened. */
export function union1d(ar1: ArrayLike, ar2: ArrayLike): NDArray {
  return unique(concatenate([ravel(asarray(ar1)), ravel(asarray(ar2))])) as NDArray;
}

/** The distinct values of `ar` (or `ar` flattened, when the caller vouches that they are distinct). */
const distinct = (ar: ArrayLike, assumeUnique: boolean): NDArray => (assumeUnique ? ravel(asarray(ar)) : (unique(ar) as NDArray));

/** The values of `a` and `b` (each without repeats) sorted together, stably, with where each came from. */
function mergedSorted(a: NDArray, b: NDArray): { sorted: NDArray; order: number[]; keys: unknown[] } {
  const both = concatenate([a, b]);
  const order = argsort(both, { kind: "stable" }).tolist() as number[];
  const sorted = takeAxis(both, order, 0);
  const read = sorted._elementReader(true);
  return { sorted, order, keys: Array.from({ length: sorted.size }, (_, i) => read(i)) };
}

/**
 * np.intersect1d(ar1, ar2, assume_unique = false, return_indices = false): the sorted values in
 * both; with return_indices, [values, indices into ar1, indices into ar2] (first occurrences).
 */
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, ...args: unknown[]): NDArray | NDArray[] {
  const o = kwargs<{ assume_unique?: boolean; return_indices?: boolean }>("intersect1d", args, ["assume_unique", "return_indices"]);
  let a: NDArray, b: NDArray, ia: number[] | null = null, ib: number[] | null = null;
  if (!o.assume_unique && o.return_indices) {
    const pa = uniqueParts(ar1, null, true), pb = uniqueParts(ar2, null, true);
    [a, b] = [pa.values, pb.values];
    [ia, ib] = [pa.index.tolist() as number[], pb.index.tolist() as number[]];
  } else {
    [a, b] = [distinct(ar1, !!o.assume_unique), distinct(ar2, !!o.assume_unique)];
  }
  const { sorted, order, keys } = mergedSorted(a, b);
  const at: number[] = [], from1: number[] = [], from2: number[] = [];
  for (let k = 0; k + 1 < keys.length; k++) {
    if (!same(keys[k], keys[k + 1])) continue;
    at.push(k);
    from1.push(order[k]);
    from2.push(order[k + 1] - a.size);
  }
  const values = takeAxis(sorted, at, 0);
  if (!o.return_indices) return values;
  const i1 = ia ? from1.map((i) => ia![i]) : from1, i2 = ib ? from2.map((i) => ib![i]) : from2;
  return [values, int64Of(i1, [i1.length]), int64Of(i2, [i2.length])];
}

/** np.setxor1d(ar1, ar2, assume_unique = false): the sorted values in exactly one of them. */
export function setxor1d(ar1: ArrayLike, ar2: ArrayLike, ...args: unknown[]): NDArray {
  const o = kwargs<{ assume_unique?: boolean }>("setxor1d", args, ["assume_unique"]);
  const { sorted, keys } = mergedSorted(distinct(ar1, !!o.assume_unique), distinct(ar2, !!o.assume_unique));
  const keep: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    if ((k === 0 || !same(keys[k], keys[k - 1])) && (k + 1 === keys.length || !same(keys[k], keys[k + 1]))) keep.push(k);
  }
  return takeAxis(sorted, keep, 0);
}

/** np.setdiff1d(ar1, ar2, assume_unique = false): the values of ar1 (distinct and sorted unless assume_unique) not in ar2. */
export function setdiff1d(ar1: ArrayLike, ar2: ArrayLike, ...args: unknown[]): NDArray {
  const o = kwargs<{ assume_unique?: boolean }>("setdiff1d", args, ["assume_unique"]);
  const a = distinct(ar1, !!o.assume_unique);
  const found = membership(a, distinct(ar2, !!o.assume_unique));
  return takeAxis(a, found.flatMap((f, i) => (f ? [] : [i])), 0);
}

/** For each value of `a`: is it equal (NumPy's ==, in the dtype both promote to) to a value of `b`? */
function membership(a: NDArray, b: NDArray): boolean[] {
  const dt = a.dtype.isFlexible || b.dtype.isFlexible ? null : resultType(a.dtype, b.dtype);
  const as = dt ? a.astype(dt) : a, bs = dt ? b.astype(dt) : b;
  const key = (v: unknown): unknown => {
    if (typeof v === "object" && v !== null && "re" in v) {
      const c = v as { re: number; im: number };
      // -0 equals 0 in each part
      return `${c.re === 0 ? 0 : c.re},${c.im === 0 ? 0 : c.im}`;
    }
    return v;
  };
  const readB = bs._elementReader(true);
  const set = new Set<unknown>();
  for (let i = 0; i < bs.size; i++) {
    const v = readB(i);
    if (!hasNan(v)) set.add(key(v));
  }
  const readA = as._elementReader(true);
  return Array.from({ length: as.size }, (_, i) => {
    const v = readA(i);
    return !hasNan(v) && set.has(key(v));
  });
}

/**
 * np.isin(element, test_elements, assume_unique = false, invert = false, {kind}): a bool array of
 * element's shape, true where the value is among test_elements (NaN never is). `kind` ("sort" or
 * "table") is checked as NumPy does; the result does not depend on it.
 */
export function isin(element: ArrayLike, test_elements: ArrayLike, ...args: unknown[]): NDArray {
  const o = kwargs<{ assume_unique?: boolean; invert?: boolean; kind?: string | null }>("isin", args, ["assume_unique", "invert"]);
  const a = asarray(element), b = asarray(test_elements);
  const kind = o.kind ?? null;
  if (kind !== null && kind !== "sort" && kind !== "table") {
    throw new ValueError(`Invalid kind: '${String(kind)}'. Please use None, 'sort' or 'table'.`);
  }
  const integral = (x: NDArray) => x.dtype.kind === "i" || x.dtype.kind === "u" || x.dtype.kind === "b";
  if (kind === "table" && !(integral(a) && integral(b))) {
    throw new ValueError("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.");
  }
  const found = membership(ravel(a), ravel(b));
  const out = emptyArray(a.shape, DTYPES.bool, false);
  const lanes = out._realized().storage.lanes(DTYPES.bool);
  found.forEach((f, i) => (lanes[i] = f !== !!o.invert ? 1 : 0));
  return out;
}
