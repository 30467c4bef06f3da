/** @file Block-wise evaluation of plans that read or write paged memmap storage: the graph is rebuilt per block of leading-axis rows with the paged leaves replaced by in-memory block loads, and per-block results are combined, so memory stays bounded. */
import { constant, contiguous, elementwise, loadStorage, Node, reduce, storagesRead, where } from "../compiler/ir/node.js";
import { expand, reshape, slice } from "../compiler/ir/movement.js";
import { isElemOp, Op, type ElemOp, type ReduceOp } from "../compiler/ir/ops.js";
import { contiguousView, prod, sliceView, viewExtent, type View } from "../compiler/ir/view.js";
import type { Operand } from "../compiler/schedule.js";
import { setPagedRunner } from "../runtime/execute.js";
import { runGraph } from "../runtime/plan-cache.js";
import { PagedStorage, pagedLimits, tooLarge } from "../runtime/io/paged.js";
import { syncForRead } from "../runtime/mirror.js";
import { ValueError } from "../runtime/errors.js";
import { DTYPES } from "../runtime/dtype.js";
import { allocStorage, type Storage } from "../runtime/storage.js";
import { NDArray } from "./ndarray.js";

function readsPaged(n: Node): boolean {
  for (const s of storagesRead(n)) if (s instanceof PagedStorage) return true;
  return false;
}

const isPagedLoad = (n: Node): boolean => n.op === Op.Load && n.loadArg.storage instanceof PagedStorage;

/** `n` with new sources and everything else kept (shapes are unchanged, so no re-inference is needed). */
function clone(n: Node, srcs: readonly Node[]): Node {
  if (srcs.every((s, i) => s === n.src[i])) return n;
  // the same key make() would give, so kernel cache keys stay structural
  const argKey = n.key.split("|").slice(4).join("|");
  const key = `${n.op}|${n.dtype.name}|${n.shape.join(",")}|${srcs.map((s) => s.id).join(",")}|${argKey}`;
  return new Node(n.op, n.dtype, n.shape, srcs, n.arg, key);
}

/** Compute an in-memory graph now; its realized load node (storage + view). */
function evalNode(n: Node): Node {
  return new NDArray(n).eval()._node;
}

/** Run `n` into `storage` through `view` (an out= operand; plans are cached by structure, so blocks reuse theirs). */
function runInto(n: Node, storage: Storage, view: View): void {
  const out: Operand = { buf: { id: -1, dtype: n.dtype, size: 0, storage, node: null, isTarget: true }, view };
  runGraph([n], [out]);
}

const rowsView = (v: View, r0: number, r1: number): View =>
  sliceView(v, v.shape.map((_, i) => (i === 0 ? r0 : 0)), v.shape.map((n, i) => (i === 0 ? r1 - r0 : n)), v.shape.map(() => 1));

const rowsOf = (x: Node, r0: number, r1: number): Node =>
  slice(x, x.shape.map((_, i) => (i === 0 ? r0 : 0)), x.shape.map((n, i) => (i === 0 ? r1 - r0 : n)), x.shape.map(() => 1));

/** The paged loads an elementwise region reads directly (reductions inside are evaluated on their own). */
function pagedLeaves(root: Node): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || !readsPaged(n)) continue;
    seen.add(n);
    if (isPagedLoad(n)) out.push(n);
    else if (n.op !== Op.Reduce) stack.push(...n.src);
  }
  return out;
}

/** Bytes of the file a view of a paged leaf spans. */
function extentBytes(n: Node, v: View = n.loadArg.view): [number, number] | null {
  const e = viewExtent(v);
  return e && [e[0] * n.dtype.itemsize, (e[1] + 1) * n.dtype.itemsize];
}

/** Read a paged leaf's span into `into` (or fresh memory) and load it from there. */
function loadPaged(n: Node, into: Storage | null): Node {
  const v = n.loadArg.view;
  const e = extentBytes(n);
  if (!e) return constant(0, n.dtype, n.shape);
  const [lo, hi] = e;
  const mem = into ?? allocStorage(hi - lo, false);
  (n.loadArg.storage as PagedStorage).file.read(lo, mem.bytes.subarray(0, hi - lo));
  return loadStorage(mem, { shape: v.shape, strides: v.strides, offset: v.offset - lo / n.dtype.itemsize }, n.dtype);
}

/** A paged leaf read whole: allowed up to the resident cap. */
function wholeLeaf(n: Node): Node {
  const e = extentBytes(n);
  if (e && e[1] - e[0] > pagedLimits.residentBytes) throw tooLarge(`an operation on a ${n.shape.join("x")} ${n.dtype.name} memmap`, e[1] - e[0]);
  return loadPaged(n, null);
}

/** Per-block leaf loads into scratch storages that are reused from block to block. */
class BlockLeaves {
  #scratch: Storage[] = [];
  #next = 0;
  start(): (n: Node) => Node {
    this.#next = 0;
    return (n: Node) => {
      const e = extentBytes(n);
      const need = e ? e[1] - e[0] : 0;
      const i = this.#next++;
      if (!this.#scratch[i] || this.#scratch[i].byteLength < need) this.#scratch[i] = allocStorage(Math.max(need, 64), false);
      return loadPaged(n, this.#scratch[i]);
    };
  }
}

const COMBINE: Partial<Record<ReduceOp, ElemOp>> = { sum: Op.Add, prod: Op.Mul, max: Op.Max, min: Op.Min, any: Op.Or, all: Op.And };

/** One evaluation: reductions over paged data are computed once and shared. */
class Evaluator {
  readonly reduced = new Map<Node, Node>();

  /** `n` rebuilt over in-memory data: paged leaves through `leaf`, paged reductions block by block. */
  rewrite(n: Node, leaf: (n: Node) => Node): Node {
    const memo = new Map<Node, Node>();
    const go = (m: Node): Node => {
      if (!readsPaged(m)) return m;
      let r = memo.get(m);
      if (r) return r;
      if (isPagedLoad(m)) r = leaf(m);
      else if (m.op === Op.Reduce) r = this.reduce(m);
      else r = clone(m, m.src.map(go));
      memo.set(m, r);
      return r;
    };
    return go(n);
  }

  reduce(R: Node): Node {
    let r = this.reduced.get(R);
    if (!r) this.reduced.set(R, (r = this.#reduce(R)));
    return r;
  }

  #reduce(R: Node): Node {
    const X = R.src[0];
    const { op, axes } = R.reduceArg;
    const S = X.shape;
    const leaves = pagedLeaves(X);
    const spans = leaves.map((l) => extentBytes(l)).reduce((s, e) => s + (e ? e[1] - e[0] : 0), 0);
    // small enough for one block: the ordinary kernel over an in-memory copy
    if (S.length === 0 || spans <= pagedLimits.blockBytes) return clone(R, [this.rewrite(X, wholeLeaf)]);
    const itemsize = Math.max(...leaves.map((l) => l.dtype.itemsize));
    if (op === "sum" && R.dtype.kind === "f" && X.dtype === R.dtype && axes.length === S.length) {
      const flat = S.length === 1 ? X : reshape(X, [prod(S)]);
      if (flatReadable(flat)) return constant(this.#pairwise(flat, R, itemsize), R.dtype, R.shape);
    }
    const rowBytes = Math.max(1, ...leaves.map((l) => Math.abs(l.loadArg.view.strides[0] ?? 0) * l.dtype.itemsize));
    const rows = Math.max(1, Math.floor(pagedLimits.blockBytes / rowBytes));
    const blocks = new BlockLeaves();
    const n0 = S[0];
    if (!axes.includes(0)) {
      // whole rows per block: each block's results are final; they go to their rows of the result
      const bytes = R.size * R.dtype.itemsize;
      if (bytes > pagedLimits.residentBytes) throw tooLarge(`the ${R.shape.join("x")} result of a reduction of a memmap`, bytes);
      const out = allocStorage(bytes, false);
      const ov = contiguousView(R.shape);
      for (let r0 = 0; r0 < n0; r0 += rows) {
        const r1 = Math.min(n0, r0 + rows);
        runInto(reduce(this.rewrite(rowsOf(X, r0, r1), blocks.start()), op, axes, R.dtype), out, rowsView(ov, r0, r1));
      }
      return loadStorage(out, ov, R.dtype);
    }
    const comb = COMBINE[op];
    if (!comb) throw new ValueError(`numfuse: ${op} over the leading axis of a paged memmap is not evaluated block by block; slice a part under the resident cap (${pagedLimits.residentBytes} bytes) first`);
    // a sum or product over axis 0 alone: NumPy adds row after row, so the running result joins
    // the next block's first row and the order (hence every rounding) is NumPy's
    const seq = (op === "sum" || op === "prod") && axes.length === 1;
    let acc: Node | null = null;
    for (let r0 = 0; r0 < n0; r0 += rows) {
      const r1 = Math.min(n0, r0 + rows);
      let xb = this.rewrite(rowsOf(X, r0, r1), blocks.start());
      if (seq && acc) xb = where(firstRowMask(xb.shape), elementwise(comb, [xb, expand(acc, xb.shape)]), xb);
      const part = evalNode(reduce(xb, op, axes, R.dtype));
      acc = seq || !acc ? part : evalNode(elementwise(comb, [acc, part]));
    }
    return acc!;
  }

  /**
   * NumPy's pairwise summation over the whole flat range (n < 8 sequential, up to 128 eight
   * accumulators, else halves split at a multiple of 8), recursing here until a range fits a block
   * and summing that range in memory, where numfuse's kernel is the same pairwise sum: the result
   * is NumPy's to the last bit.
   */
  #pairwise(flat: Node, R: Node, itemsize: number): number {
    const blockElems = Math.max(128, Math.floor(pagedLimits.blockBytes / itemsize));
    const f32 = R.dtype.name === "float32";
    const blocks = new BlockLeaves();
    const leafSum = (lo: number, n: number): number => {
      const part = new NDArray(reduce(this.rewrite(slice(flat, [lo], [n], [1]), blocks.start()), "sum", [0], R.dtype));
      return part._elementReader()(0) as number;
    };
    const rec = (lo: number, n: number): number => {
      if (n <= blockElems) return leafSum(lo, n);
      let n2 = Math.floor(n / 2);
      n2 -= n2 % 8;
      const s = rec(lo, n2) + rec(lo + n2, n - n2);
      return f32 ? Math.fround(s) : s;
    };
    return rec(0, flat.shape[0]);
  }
}

/** Can a flat range of `flat` be read as one contiguous span of each paged leaf? */
function flatReadable(flat: Node): boolean {
  const seen = new Set<Node>();
  const stack = [flat];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || !readsPaged(n)) continue;
    seen.add(n);
    if (isPagedLoad(n)) {
      if (n.loadArg.view.strides[0] !== 1) return false;
    } else if (n.op === Op.Reduce) continue;
    else if (n.op === Op.Cast || n.op === Op.Where || isElemOp(n.op) || (n.op === Op.Load && n.src[0]?.op === Op.Reduce)) stack.push(...n.src);
    else return false;
  }
  return true;
}

const masks = new Map<number, Storage>();
/** true on the first row of a block, broadcast over the rest of its shape */
function firstRowMask(shape: readonly number[]): Node {
  let s = masks.get(shape[0]);
  if (!s) {
    s = allocStorage(shape[0], true);
    s.bytes[0] = 1;
    masks.set(shape[0], s);
  }
  return loadStorage(s, { shape, strides: shape.map((_, i) => (i === 0 ? 1 : 0)), offset: 0 }, DTYPES.bool);
}

/** `target[view] = t` into a paged storage: rows chunked to about a block, each chunk one read-modify of whole blocks. */
function writePaged(P: PagedStorage, V: View, t: Node, ev: Evaluator): void {
  const file = P.file;
  const is = t.dtype.itemsize;
  const leaves = pagedLeaves(t);
  const rowBytes = Math.max(1, Math.abs(V.strides[0] ?? 0) * is, ...leaves.map((l) => Math.abs(l.loadArg.view.strides[0] ?? 0) * l.dtype.itemsize));
  const n0 = V.shape.length ? V.shape[0] : 1;
  const rows = V.shape.length ? Math.max(1, Math.floor(file.blockBytes / rowBytes)) : 1;
  const blocks = new BlockLeaves();
  let scratch: Storage | null = null;
  for (let r0 = 0; r0 < n0; r0 += rows) {
    const r1 = Math.min(n0, r0 + rows);
    const vc = V.shape.length ? rowsView(V, r0, r1) : V;
    const e = viewExtent(vc);
    if (!e) continue;
    const lo = e[0] * is, hi = (e[1] + 1) * is;
    // the value is computed before any block changes: an error leaves the file as it was
    const val = evalNode(ev.rewrite(V.shape.length ? rowsOf(t, r0, r1) : t, blocks.start()));
    const B = file.blockBytes;
    const need = (Math.floor((hi - 1) / B) - Math.floor(lo / B) + 1) * B;
    if (!scratch || scratch.byteLength < need) scratch = allocStorage(need, false);
    const sc = scratch;
    file.update(lo, hi, sc.bytes, (spanStart) => {
      runInto(val, sc, { shape: vc.shape, strides: vc.strides, offset: vc.offset - spanStart / is });
    });
  }
}

/** The runGraph hook: graphs that read or write paged storage run here, target by target. */
function runPaged(targets: readonly Node[], outs?: readonly (Operand | undefined)[]): { storage: Storage; view: View }[] | null {
  if (!PagedStorage.created) return null;
  const touches = targets.some(readsPaged) || !!outs?.some((o) => o?.buf.storage instanceof PagedStorage);
  if (!touches) return null;
  // writes made through slices (in-memory shadows) reach the blocks before they are read
  for (const t of targets) for (const s of storagesRead(t)) if (s instanceof PagedStorage) syncForRead(s);
  const ev = new Evaluator();
  return targets.map((t, i) => {
    const o = outs?.[i];
    const st = o?.buf.storage;
    if (o && st instanceof PagedStorage) {
      writePaged(st, o.view, t, ev);
      return { storage: st, view: o.view };
    }
    const v = ev.rewrite(t, wholeLeaf);
    if (o && st) {
      runInto(v, st, o.view);
      return { storage: st, view: o.view };
    }
    // a fresh result: never the caller's own memory (the kernel copies a bare load)
    const r = evalNode(v.op === Op.Load && v.loadArg.storage ? contiguous(v) : v).loadArg;
    return { storage: r.storage!, view: r.view };
  });
}

setPagedRunner(runPaged);
