/** @file NDArray: a lazy handle on a graph node or a realized strided view; views track their owner so writes and reads stay NumPy-exact. */
import { Op } from "../compiler/ir/ops.js";
import { contiguous, loadStorage, storagesRead, toposort, type Node } from "../compiler/ir/node.js";
import { applyMovement, type ViewMap } from "../compiler/ir/movement.js";
import { contiguousView, isCContiguous, isFContiguous, viewKey, type View } from "../compiler/ir/view.js";
import { buildPlan, type Plan } from "../compiler/plan.js";
import type { Operand } from "../compiler/schedule.js";
import { DTYPES, type DType } from "../runtime/dtype.js";
import { runGraph } from "../runtime/plan-cache.js";
import { readElement, type JSScalar } from "../runtime/scalar.js";
import { allocStorage, type Storage } from "../runtime/storage.js";
import { evalFlexible, writeFlexible } from "../runtime/flexible.js";
import { markWritten, settle, syncForRead, writeFamily } from "../runtime/mirror.js";

// ---- laziness bookkeeping: who reads a storage before it is written ------------------------

const pendingReaders = new WeakMap<Storage, Set<WeakRef<NDArray>>>();

function registerReader(a: NDArray, storages: Iterable<Storage>): void {
  const ref = new WeakRef(a);
  for (const s of storages) {
    let set = pendingReaders.get(s);
    if (!set) pendingReaders.set(s, (set = new Set()));
    set.add(ref);
    // an input read by many short-lived expressions: drop the collected and computed readers now
    // and then (at each doubling), so the set stays as small as the pending work
    if (set.size >= 64 && (set.size & (set.size - 1)) === 0) {
      for (const r of set) {
        const x = r.deref();
        if (!x || x.isRealized) set.delete(r);
      }
    }
  }
}

/**
 * Before a write into `storage`: compute every pending array that reads it, so lazy never changes
 * results. Memory with aligned shadows (runtime/mirror.ts) counts as one: the parent and all its
 * shadows are brought up to date and their readers computed first.
 */
export function beforeWrite(storage: Storage, except?: NDArray): void {
  syncForRead(storage);
  for (const s of writeFamily(storage)) protectReaders(s, except);
  markWritten(storage);
}

/**
 * After a write: mark it again (a plan may have refreshed a shadow midway), and send it on at once
 * from a shadow of a caller's buffer (a big-endian np.frombuffer view).
 */
export function afterWrite(storage: Storage): void {
  markWritten(storage);
  settle(storage);
}

function protectReaders(storage: Storage, except?: NDArray): void {
  const set = pendingReaders.get(storage);
  if (!set || set.size === 0) return;
  const lazy: NDArray[] = [];
  for (const ref of set) {
    const a = ref.deref();
    if (a && a !== except && !a.isRealized && a._readsStorage(storage)) lazy.push(a);
  }
  set.clear();
  if (except && !except.isRealized) set.add(new WeakRef(except));
  if (lazy.length) evalArrays(lazy);
}

export class NDArray {
  /** @internal the graph node; a plain storage load once realized */
  _node: Node;
  /** @internal the array owning the memory this one views (NumPy's base), and how to get here from it */
  _owner: NDArray | null;
  _maps: readonly ViewMap[];
  /** @internal views made while this array was lazy: re-pointed at its storage once it is computed */
  _lazyViews: WeakRef<NDArray>[] | null = null;
  /** @internal extra flags */
  _writeable = true;
  /** @internal an array computing on a shadow (src/shadow.ts, src/byteorder.ts): the array whose memory it mirrors, as NumPy's base */
  _shadowOf: NDArray | null = null;
  /** @internal a big-endian array (src/byteorder.ts): its dtype as NumPy shows it, where the node carries dtype.native */
  _shown: DType | null = null;
  /** @internal a big-endian array owning its shadow: the array of dtype.native over its big-endian bytes */
  _raw: NDArray | null = null;
  /** @internal a shadow array (src/shadow.ts): where its elements lie in the memory it mirrors, in bytes */
  _parentLayout: View | null = null;

  constructor(node: Node, owner: NDArray | null = null, maps: readonly ViewMap[] = []) {
    this._node = node;
    this._owner = owner;
    this._maps = maps;
    if (!this.isRealized) registerReader(this, storagesRead(node));
  }

  get shape(): number[] { return [...this._node.shape]; }
  get ndim(): number { return this._node.shape.length; }
  get size(): number { return this._node.size; }
  get dtype(): DType { return this._shown ?? this._node.dtype; }
  get itemsize(): number { return this.dtype.itemsize; }
  get nbytes(): number { return this.size * this.itemsize; }

  /** computed: a load of a storage (possibly strided), no pending work */
  get isRealized(): boolean { return this._node.op === Op.Load && this._node.loadArg.storage !== null; }

  /** @internal */
  _readsStorage(s: Storage): boolean {
    return !this.isRealized && storagesRead(this._node).has(s);
  }

  /** Compute this array (and what it needs); keeps the result; returns this. */
  eval(): this {
    if (!this.isRealized) evalArrays([this]);
    return this;
  }

  /** @internal the realized storage and view */
  _realized(): { storage: Storage; view: View } {
    this.eval();
    const a = this._node.loadArg;
    syncForRead(a.storage!);
    return { storage: a.storage!, view: a.view };
  }

  /** @internal adopt a computed result */
  _setResult(storage: Storage, view: View): void {
    this._node = loadStorage(storage, view, this.dtype);
    if (this._lazyViews) {
      for (const ref of this._lazyViews) {
        const v = ref.deref();
        if (v && v._owner === this) v._repoint();
      }
      this._lazyViews = null;
    }
  }

  /** @internal a view whose owner has been computed now reads the owner's storage */
  _repoint(): void {
    const owner = this._owner!;
    const { storage, view } = owner._realized();
    let v: View | null = view;
    for (const m of this._maps) {
      v = v && m(v);
    }
    if (!v) throw new Error("internal: view maps failed on the owner's layout");
    this._node = loadStorage(storage, v, this.dtype);
  }

  /** @internal the layout this array has, or will have once computed: a view of its owner's layout */
  _layout(): View {
    if (this.isRealized) return this._node.loadArg.view;
    const owner = this._owner;
    if (!owner) return contiguousView(this.shape);
    let v: View | null = owner._layout();
    for (const m of this._maps) v = v && m(v);
    return v ?? contiguousView(this.shape);
  }

  /**
   * @internal NumPy's layout in bytes: this array's own, or for a shadow array (a packed-record
   * field) and its views, where the elements lie in the memory the shadow mirrors.
   */
  _byteLayout(): View {
    const owner = this._owner ?? this;
    let v: View | null = owner._parentLayout;
    if (v && owner !== this) for (const m of this._maps) v = v && m(v);
    if (v) return v;
    const l = this._layout(), size = this.itemsize;
    return { shape: l.shape, strides: l.strides.map((s) => s * size), offset: l.offset * size };
  }

  /** NumPy's strides, in bytes (of the layout this array has or will have once computed). */
  get strides(): number[] {
    return [...this._byteLayout().strides];
  }

  get flags(): { c_contiguous: boolean; f_contiguous: boolean; owndata: boolean; writeable: boolean; aligned: boolean } {
    const b = this._byteLayout(), size = this.itemsize || 1;
    // contiguity in element units; a packed field's strides are not whole elements
    const v = { shape: b.shape, strides: b.strides.map((s) => s / size), offset: 0 };
    return {
      c_contiguous: isCContiguous(v),
      f_contiguous: isFContiguous(v),
      owndata: this._owner === null && this._shadowOf === null,
      writeable: this._writeable && ((this._owner ?? this._shadowOf)?._writeable ?? true),
      aligned: true,
    };
  }

  /** NumPy's `base`: the array owning the memory this one views, or null. */
  get base(): NDArray | null { return this._owner ?? this._shadowOf; }

  /** @internal a view of this array through `map` (a movement that NumPy makes without copying) */
  _makeView(map: ViewMap, shape: readonly number[]): NDArray {
    const owner = this._owner ?? this;
    const maps = [...this._maps, map];
    // reshape may need a copy: then the result owns its data, as in NumPy
    const ownerView = owner.isRealized ? owner._node.loadArg.view : contiguousView(owner.shape);
    let probe: View | null = ownerView;
    for (const m of maps) probe = probe && m(probe);
    if (!probe) return new NDArray(applyMovement(this._node, map, shape));
    const node = owner.isRealized ? loadStorage(owner._node.loadArg.storage!, probe, this.dtype) : applyMovement(this._node, map, shape);
    const v = new NDArray(node, owner, maps);
    v._writeable = this._writeable;
    v._shown = this._shown;
    if (!owner.isRealized) (owner._lazyViews ??= []).push(new WeakRef(v));
    return v;
  }

  /** @internal element reads for printing and tolist (C order) */
  _elementReader(bigint = false): (flat: number) => JSScalar {
    const { storage, view } = this._realized();
    const shape = view.shape, strides = view.strides, nd = shape.length;
    const dt = this.dtype;
    return (flat: number) => {
      let off = view.offset;
      for (let d = nd - 1; d >= 0; d--) {
        const n = shape[d];
        const i = flat % n;
        flat = (flat - i) / n;
        off += i * strides[d];
      }
      return readElement(storage, dt, off, bigint);
    };
  }
}

/** Compute several arrays together, sharing their common work (np.eval). */
export function evalArrays(arrays: readonly NDArray[]): void {
  const todo = [...new Set(arrays.filter((a) => !a.isRealized))];
  if (!todo.length) return;
  // views of lazy owners are computed through their owner, so they share its memory
  let owners = [...new Set(todo.map((a) => (a._owner && !a._owner.isRealized ? a._owner : a)))];
  // unicode and structured arrays only move bytes: runtime/flexible.ts evaluates them, kernels never see them
  for (const a of owners.filter((o) => o.dtype.isFlexible)) {
    const r = evalFlexible(a._node);
    a._setResult(r.storage, r.view);
  }
  owners = owners.filter((o) => !o.isRealized);
  if (owners.length) {
    const results = runGraph(owners.map((a) => a._node));
    owners.forEach((a, i) => a._setResult(results[i].storage, results[i].view));
  }
  for (const a of todo) if (!a.isRealized) a._repoint();
}

/** The plan that evaluating these arrays would run, without running it. */
export function compileArrays(arrays: readonly NDArray[]): Plan {
  return buildPlan(arrays.filter((a) => !a.isRealized).map((a) => a._node));
}

/** Evaluate `node` straight into `target`'s memory (out=), after protecting pending readers. */
export function writeInto(target: NDArray, node: Node): void {
  const { storage, view } = target._realized();
  beforeWrite(storage);
  // the memory's own dtype: a big-endian array's memory is its native shadow
  const dtype = target._node.dtype;
  if (dtype.isFlexible) {
    writeFlexible(storage, view, node, dtype);
    return afterWrite(storage);
  }
  // reading the target through another view while writing it: compute into a temporary first
  if (storagesRead(node).has(storage) && !onlySameView(node, storage, view)) node = contiguous(node);
  const out: Operand = { buf: { id: -1, dtype, size: 0, storage, node: null, isTarget: true }, view };
  runGraph([node], [out]);
  afterWrite(storage);
}

function onlySameView(node: Node, storage: Storage, view: View): boolean {
  const key = viewKey(view);
  for (const n of toposort([node])) {
    if (n.op === Op.Reduce || n.op === Op.Contiguous) return false;
    if (n.op === Op.Load && n.loadArg.storage === storage && viewKey(n.loadArg.view) !== key) return false;
  }
  return true;
}

/** A new owning array over fresh contiguous storage of `shape`. */
export function emptyArray(shape: readonly number[], dtype: DType = DTYPES.float64, zero = true): NDArray {
  const size = shape.reduce((p, n) => p * n, 1);
  const storage = allocStorage(size * dtype.itemsize, zero);
  return new NDArray(loadStorage(storage, contiguousView(shape), dtype));
}
