/** @file Immutable, hash-consed IR nodes with shape and dtype computed at creation (tinygrad UOp). */
import { DTYPES, type DType } from "../../runtime/dtype.js";
import type { Storage } from "../../runtime/storage.js";
import { OP_DEFS, Op, type ElemOp, type ReduceOp } from "./ops.js";
import { viewKey, type View } from "./view.js";
import { checkCast, checkComputable } from "../../runtime/flexible.js";

export type ConstValue = number | { re: number; im: number };

export interface LoadArg {
  /** the storage read, or null when src[0] is a materialized node read through `view` */
  storage: Storage | null;
  view: View;
}
export interface ReduceArg {
  op: ReduceOp;
  /** sorted, non-negative axes of src[0] */
  axes: readonly number[];
}

let nextNodeId = 1;

export class Node {
  readonly id = nextNodeId++;
  constructor(
    readonly op: Op,
    readonly dtype: DType,
    readonly shape: readonly number[],
    readonly src: readonly Node[],
    readonly arg: unknown,
    readonly key: string,
  ) {}
  get size(): number {
    let p = 1;
    for (const n of this.shape) p *= n;
    return p;
  }
  get loadArg(): LoadArg { return this.arg as LoadArg; }
  get reduceArg(): ReduceArg { return this.arg as ReduceArg; }
  get constValue(): ConstValue { return this.arg as ConstValue; }
  /** materialized in a kernel of its own: reductions and explicit barriers */
  get isBoundary(): boolean { return this.op === Op.Reduce || this.op === Op.Contiguous; }
}

// Hash-consing: identical (op, dtype, shape, sources, arg) give the same node while it lives.
const table = new Map<string, WeakRef<Node>>();
const cleanup = new FinalizationRegistry<string>((key) => {
  const ref = table.get(key);
  if (ref && ref.deref() === undefined) table.delete(key);
});

function make(op: Op, dtype: DType, shape: readonly number[], src: readonly Node[], arg: unknown, argKey: string): Node {
  // nodes compute in native byte order; a big-endian array's node reads its native copy (src/byteorder.ts)
  dtype = dtype.native;
  const key = `${op}|${dtype.key}|${shape.join(",")}|${src.map((s) => s.id).join(",")}|${argKey}`;
  const hit = table.get(key)?.deref();
  if (hit) return hit;
  const node = new Node(op, dtype, shape, src, arg, key);
  table.set(key, new WeakRef(node));
  cleanup.register(node, key);
  return node;
}

const constKey = (v: ConstValue): string =>
  typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : `${Object.is(v.re, -0) ? "-0" : v.re},${Object.is(v.im, -0) ? "-0" : v.im}`;

export const loadStorage = (storage: Storage, view: View, dtype: DType): Node =>
  make(Op.Load, dtype, view.shape, [], { storage, view } satisfies LoadArg, `s${storage.id}:${viewKey(view)}`);

export const loadNode = (base: Node, view: View): Node =>
  make(Op.Load, base.dtype, view.shape, [base], { storage: null, view } satisfies LoadArg, viewKey(view));

export const constant = (value: ConstValue, dtype: DType, shape: readonly number[] = []): Node =>
  make(Op.Const, dtype, shape, [], value, constKey(value));

export const cast = (x: Node, dtype: DType): Node => (x.dtype === (dtype = dtype.native) ? x : (checkCast(x.dtype, dtype), make(Op.Cast, dtype, x.shape, [x], null, "")));

export function elementwise(op: ElemOp, srcs: readonly Node[]): Node {
  const def = OP_DEFS[op];
  checkComputable(op, srcs);
  const dt = srcs[0].dtype;
  for (const s of srcs) {
    if (s.dtype !== dt) throw new Error(`internal: ${op} operands differ in dtype (${dt.name}, ${s.dtype.name})`);
    if (s.shape.length !== srcs[0].shape.length || s.shape.some((n, i) => n !== srcs[0].shape[i])) {
      throw new Error(`internal: ${op} operands differ in shape`);
    }
  }
  const out = def.out === "same" ? dt : def.out === "bool" ? DTYPES.bool : dt.name === "complex64" ? DTYPES.float32 : dt.name === "complex128" ? DTYPES.float64 : dt;
  // commutative ops keep one canonical operand order, so a*b and b*a are one node; constants go
  // last whatever their age, so a graph rebuilt with new inputs has the same structure (plan cache)
  let ordered = srcs;
  if (def.commutative && srcs.length === 2) {
    const [a, b] = srcs;
    const swap = (a.op === Op.Const) === (b.op === Op.Const) ? a.id > b.id : a.op === Op.Const;
    if (swap) ordered = [b, a];
  }
  return make(op, out, srcs[0].shape, ordered, null, "");
}

export function where(cond: Node, x: Node, y: Node): Node {
  return make(Op.Where, x.dtype, x.shape, [cond, x, y], null, "");
}

export function reduce(x: Node, op: ReduceOp, axes: readonly number[], dtype: DType): Node {
  checkComputable(op, [x]);
  const sorted = [...new Set(axes)].sort((a, b) => a - b);
  const shape = x.shape.map((n, i) => (sorted.includes(i) ? 1 : n));
  return make(Op.Reduce, dtype, shape, [x], { op, axes: sorted } satisfies ReduceArg, `${op}:${sorted.join(",")}`);
}

export const contiguous = (x: Node): Node => (x.isBoundary ? x : make(Op.Contiguous, x.dtype, x.shape, [x], null, ""));

/** Nodes reachable from `roots`, sources before users. */
export function toposort(roots: readonly Node[]): Node[] {
  const seen = new Set<Node>();
  const out: Node[] = [];
  const stack: [Node, boolean][] = roots.map((r) => [r, false]);
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (done) {
      out.push(n);
      continue;
    }
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push([n, true]);
    for (let i = n.src.length - 1; i >= 0; i--) if (!seen.has(n.src[i])) stack.push([n.src[i], false]);
  }
  return out;
}

const heightMemo = new WeakMap<Node, number>();

/** Longest path from `root` down to a leaf (a load of storage or a constant), memoized per node. */
export function nodeHeight(root: Node): number {
  const hit = heightMemo.get(root);
  if (hit !== undefined) return hit;
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (heightMemo.has(n)) continue;
    if (done) {
      heightMemo.set(n, n.src.length ? 1 + Math.max(...n.src.map((s) => heightMemo.get(s)!)) : 0);
      continue;
    }
    stack.push([n, true]);
    for (const s of n.src) if (!heightMemo.has(s)) stack.push([s, false]);
  }
  return heightMemo.get(root)!;
}

const readsMemo = new WeakMap<Node, ReadonlySet<Storage>>();
const NO_READS: ReadonlySet<Storage> = new Set();

/**
 * The storages a graph reads: what a write into one of them must wait for. Nodes are immutable,
 * so each node's set is computed once from its sources' (building a chain stays linear).
 */
export function storagesRead(root: Node): ReadonlySet<Storage> {
  const hit = readsMemo.get(root);
  if (hit) return hit;
  // sources first, descending only into nodes not seen before
  const order: Node[] = [];
  const stack: [Node, boolean][] = [[root, false]];
  const queued = new Set<Node>();
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (done) {
      order.push(n);
      continue;
    }
    if (readsMemo.has(n) || queued.has(n)) continue;
    queued.add(n);
    stack.push([n, true]);
    for (const s of n.src) if (!readsMemo.has(s)) stack.push([s, false]);
  }
  for (const n of order) {
    if (readsMemo.has(n)) continue;
    let set: ReadonlySet<Storage>;
    if (n.op === Op.Load && n.loadArg.storage) set = new Set([n.loadArg.storage]);
    else if (n.src.length === 0) set = NO_READS;
    else if (n.src.length === 1) set = readsMemo.get(n.src[0])!;
    else {
      const parts = n.src.map((s) => readsMemo.get(s)!);
      const biggest = parts.reduce((a, b) => (b.size > a.size ? b : a));
      set = parts.every((p) => [...p].every((x) => biggest.has(x))) ? biggest : new Set(parts.flatMap((p) => [...p]));
    }
    readsMemo.set(n, set);
  }
  return readsMemo.get(root)!;
}
