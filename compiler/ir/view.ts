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

/**
 * Reshape without copying when the strides allow it, as NumPy's _attempt_nocopy_reshape does
 * (C order); null when a copy is needed.
 */
export function reshapeView(v: View, shape: readonly number[]): View | null {
  const newSize = prod(shape);
  if (newSize === 0 || v.shape.length === 0 || isCContiguous(v)) {
    return { shape: [...shape], strides: contiguousStrides(shape), offset: v.offset };
  }
  // drop size-1 axes from the old view, then match groups of old axes to groups of new axes
  const oldShape: number[] = [];
  const oldStrides: number[] = [];
  v.shape.forEach((n, i) => {
    if (n !== 1) { oldShape.push(n); oldStrides.push(v.strides[i]); }
  });
  const newStrides = new Array<number>(shape.length).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  const on = oldShape.length, nn = shape.length;
  while (ni < nn && oi < on) {
    let np_ = shape[ni], op = oldShape[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= shape[nj++];
      else op *= oldShape[oj++];
    }
    for (let k = oi; k < oj - 1; k++) {
      if (oldStrides[k] !== oldShape[k + 1] * oldStrides[k + 1]) return null;
    }
    newStrides[nj - 1] = oldStrides[oj - 1];
    for (let k = nj - 1; k > ni; k--) newStrides[k - 1] = newStrides[k] * shape[k];
    ni = nj++;
    oi = oj++;
  }
  // trailing size-1 axes of the new shape
  for (let k = 0; k < nn; k++) if (shape[k] === 1) newStrides[k] = 0;
  return { shape: [...shape], strides: newStrides, offset: v.offset };
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
