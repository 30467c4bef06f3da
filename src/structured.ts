/** @file Structured arrays: a.field(name) (NumPy's a["name"]) as a view sharing memory, a.fields([...]) (NumPy 2's multi-field view), and dtype helpers. */
import { loadStorage } from "../compiler/ir/node.js";
import type { View } from "../compiler/ir/view.js";
import type { Storage } from "../runtime/storage.js";
import { shadowArray } from "./shadow.js";
import { DType, StructDType, SubarrayDType, type StructField } from "../runtime/dtype.js";
import { IndexError, ValueError } from "../runtime/errors.js";
import { NDArray } from "./ndarray.js";

declare module "./ndarray.js" {
  interface NDArray {
    /** NumPy's a["name"]: the field as a view sharing memory (through an aligned shadow kept in step when the field is not aligned for its type) */
    field(name: string): NDArray;
    /** NumPy 2's a[["a", "b"]]: a view whose dtype keeps only those fields (the others' bytes become padding) */
    fields(names: readonly string[]): NDArray;
  }
}

function structOf(a: NDArray): StructDType {
  const dt = a.dtype;
  if (!(dt instanceof StructDType) || dt.isPlainVoid) throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
  return dt;
}

function lookup(dt: StructDType, name: string): StructField {
  const f = dt.field(name);
  if (!f) throw new ValueError(`no field of name ${name}`);
  return f;
}

/**
 * The view of field `f` in element units of its (base) dtype, or null when it cannot be one:
 * kernels read typed arrays, which need the record size and the field offset to be multiples of
 * the element size.
 */
function fieldMap(rec: number, f: StructField): { map: (v: View) => View | null; dtype: DType; extra: number[] } | null {
  const sub = f.dtype instanceof SubarrayDType ? f.dtype : null;
  const dt = sub ? sub.subBase : f.dtype;
  const size = dt.itemsize;
  const unit = dt.isFlexible ? size : dt.laneCtor.BYTES_PER_ELEMENT * (dt.kind === "c" || dt.isWide ? 2 : 1);
  // a big-endian field always computes on a native shadow
  if (size === 0 || rec % size !== 0 || f.offset % size !== 0 || size % unit !== 0 || !dt.isnative) return null;
  const k = rec / size;
  const extra = sub ? [...sub.subShape] : [];
  const inner: number[] = [];
  let acc = 1;
  for (let i = extra.length - 1; i >= 0; i--) {
    inner[i] = acc;
    acc *= extra[i];
  }
  const map = (v: View): View => ({
    shape: [...v.shape, ...extra],
    strides: [...v.strides.map((s) => s * k), ...inner],
    offset: v.offset * k + f.offset / size,
  });
  return { map, dtype: dt, extra };
}

function field(this: NDArray, name: string): NDArray {
  const dt = structOf(this);
  const f = lookup(dt, name);
  const { storage, view } = this._realized();
  const fm = fieldMap(dt.itemsize, f);
  if (!fm) return shadowField(this, dt, f, storage, view);
  const v = fm.map(view)!;
  const owner = this._owner ?? this;
  const out = new NDArray(loadStorage(storage, v, fm.dtype), owner, [...this._maps, fm.map]);
  out._writeable = this._writeable;
  return out;
}

/**
 * A field typed arrays cannot address in place (its offset or the record size is not a multiple of
 * its element size, as in NumPy's packed layouts, or it is big-endian): a view over an aligned,
 * native-order shadow that runtime/mirror.ts keeps in step with the records, both ways.
 */
function shadowField(a: NDArray, dt: StructDType, f: StructField, storage: Storage, view: View): NDArray {
  const sub = f.dtype instanceof SubarrayDType ? f.dtype : null;
  // the field of each record, in bytes
  const layout: View = { shape: [...view.shape], strides: view.strides.map((s) => s * dt.itemsize), offset: view.offset * dt.itemsize + f.offset };
  // its own owner, so views of it index the shadow; base and flags still name the records
  const out = shadowArray(storage, layout, f.dtype.itemsize, sub ? sub.subBase : f.dtype, sub ? sub.subShape : [], a._owner ?? a);
  out._writeable = a._writeable;
  return out;
}

function fields(this: NDArray, names: readonly string[]): NDArray {
  const dt = structOf(this);
  const picked = names.map((n) => lookup(dt, n));
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new ValueError(`duplicate field of name ${n}`);
    seen.add(n);
  }
  const sub = new StructDType(picked.map((f) => ({ name: f.name, dtype: f.dtype, offset: f.offset })), dt.itemsize, false, dt.alignment);
  const { storage, view } = this._realized();
  const owner = this._owner ?? this;
  const out = new NDArray(loadStorage(storage, view, sub), owner, [...this._maps, (v: View) => v]);
  out._writeable = this._writeable;
  return out;
}

const P = NDArray.prototype as unknown as Record<string, unknown>;
P.field = field;
P.fields = fields;

/** NumPy's np.dtype(spec, {align}) for the spellings numfuse takes. */
export { StructDType, SubarrayDType };
export { UnicodeDType } from "../runtime/dtype.js";
