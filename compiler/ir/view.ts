/** @file Strided views: shape, element strides and offset, and the movement ops as O(1) index maps (scijs ndarray, tinygrad ShapeTracker). */

export interface View {
  readonly shape: readonly number[];
  /** element strides (not bytes); 0 on broadcast axes, negative on flipped axes. */
  readonly strides: readonly number[];
  /** element offset of index (0, ..., 0). */
  readonly offset: number;
}

export const prod = (xs: readonly number[]): number => {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
};

export function contiguousStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return st;
}

export const contiguousView = (shape: readonly number[], offset = 0): View => ({
  shape: [...shape],
  strides: contiguousStrides(shape),
  offset,
});

/** C-contiguous in NumPy's sense: strides of size-1 (and empty) arrays are ignored. */
export function isCContiguous(v: View): boolean {
  if (v.shape.includes(0)) return true;
  let acc = 1;
  for (let i = v.shape.length - 1; i >= 0; i--) {
    if (v.shape[i] !== 1 && v.strides[i] !== acc) return false;
    acc *= v.shape[i];
  }
  return true;
}

export function isFContiguous(v: View): boolean {
  if (v.shape.includes(0)) return true;
  let acc = 1;
  for (let i = 0; i < v.shape.length; i++) {
    if (v.shape[i] !== 1 && v.strides[i] !== acc) return false;
    acc *= v.shape[i];
  }
  return true;
}

export const permuteView = (v: View, axes: readonly number[]): View => ({
  shape: axes.map((a) => v.shape[a]),
  strides: axes.map((a) => v.strides[a]),
  offset: v.offset,
});

/** Broadcast to `shape` (already checked compatible): new leading axes and size-1 axes get stride 0. */
export function expandView(v: View, shape: readonly number[]): View {
  const lead = shape.length - v.shape.length;
  const strides = shape.map((n, i) => {
    if (i < lead) return 0;
    const j = i - lead;
    return v.shape[j] === n ? v.strides[j] : 0;
  });
  return { shape: [...shape], strides, offset: v.offset };
}

/** Basic slicing with normalized (start, stop-exclusive count, step) per axis. */
export function sliceView(v: View, starts: readonly number[], counts: readonly number[], steps: readonly number[]): View {
  let offset = v.offset;
  const strides = v.strides.map((s, i) => {
    if (counts[i] > 0) offset += starts[i] * s;
    return s * steps[i];
  });
  return { shape: [...counts], strides, offset };
}

/** Drop axis `axis` at index `index` (integer indexing). */
export function selectView(v: View, axis: number, index: number): View {
  return {
    shape: v.shape.filter((_, i) => i !== axis),
    strides: v.strides.filter((_, i) => i !== axis),
    offset: v.offset + index * v.strides[axis],
  };
}

export function insertAxisView(v: View, axis: number): View {
  const shape = [...v.shape];
  const strides = [...v.strides];
  shape.splice(axis, 0, 1);
  strides.splice(axis, 0, 0);
  return { shape, strides, offset: v.offset };
}

const fStrides = (shape: readonly number[]): number[] => {
  const st = new Array<number>(shape.length);
  let acc = 1;
  for (let i = 0; i < shape.length; i++) {
    st[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return st;
};

/**
 * NumPy's PyArray_Newshape without a copy: contiguous input gets fresh contiguous strides,
 * otherwise _attempt_nocopy_reshape (size-1 axes included, so `.strides` match NumPy's); null
 * when NumPy would copy.
 */
export function reshapeView(v: View, shape: readonly number[], order: "C" | "F" = "C"): View | null {
  const f = order === "F";
  if (f ? isFContiguous(v) : isCContiguous(v)) {
    return { shape: [...shape], strides: f ? fStrides(shape) : contiguousStrides(shape), offset: v.offset };
  }
  const olddims: number[] = [], oldstrides: number[] = [];
  v.shape.forEach((n, i) => {
    if (n !== 1) { olddims.push(n); oldstrides.push(v.strides[i]); }
  });
  const newnd = shape.length, oldnd = olddims.length;
  const ns = new Array<number>(newnd).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np_ = shape[ni], op = olddims[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= shape[nj++];
      else op *= olddims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (f ? oldstrides[ok + 1] !== olddims[ok] * oldstrides[ok] : oldstrides[ok] !== olddims[ok + 1] * oldstrides[ok + 1]) return null;
    }
    if (f) {
      ns[ni] = oldstrides[oi];
      for (let nk = ni + 1; nk < nj; nk++) ns[nk] = ns[nk - 1] * shape[nk - 1];
    } else {
      ns[nj - 1] = oldstrides[oj - 1];
      for (let nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk] * shape[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  // trailing 1s of the new shape take the last stride, as NumPy sets them
  let last = ni >= 1 ? ns[ni - 1] : 1;
  if (f && ni >= 1) last *= shape[ni - 1];
  for (let nk = ni; nk < newnd; nk++) ns[nk] = last;
  return { shape: [...shape], strides: ns, offset: v.offset };
}

/** Smallest and largest element offset the view can address (for bounds checks); null if empty. */
export function viewExtent(v: View): [number, number] | null {
  if (v.shape.includes(0)) return null;
  let lo = v.offset, hi = v.offset;
  v.shape.forEach((n, i) => {
    const d = (n - 1) * v.strides[i];
    if (d < 0) lo += d; else hi += d;
  });
  return [lo, hi];
}

export const viewKey = (v: View): string => `${v.shape.join(",")}/${v.strides.join(",")}/${v.offset}`;

/** Call `fn(offset, k)` for the view's k-th element in C order (any strides), without allocating per element. */
export function forEachOffset(v: View, fn: (offset: number, k: number) => void): void {
  const { shape, strides } = v;
  const nd = shape.length;
  const n = prod(shape);
  if (n === 0) return;
  const idx = new Array<number>(nd).fill(0);
  let off = v.offset;
  for (let k = 0; k < n; k++) {
    fn(off, k);
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) {
        off += strides[d];
        break;
      }
      off -= (shape[d] - 1) * strides[d];
      idx[d] = 0;
    }
  }
}
