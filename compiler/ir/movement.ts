/** @file Movement ops (reshape, permute, expand, slice, flip) pushed through elementwise graphs down to loads, so no data moves (tinygrad's movement-op folding). */
import { EXPENSIVE, isElemOp, Op } from "./ops.js";
import { cast, constant, contiguous, elementwise, loadNode, loadStorage, nodeHeight, where, Node, toposort } from "./node.js";
import {
  contiguousView, expandView, permuteView, prod, reshapeView, selectView, sliceView, type View,
} from "./view.js";

/** A movement as a function of views; null means "cannot be expressed without a copy". */
export type ViewMap = (v: View) => View | null;

/**
 * Apply a movement to every leaf of an elementwise graph. Where a leaf view cannot take it
 * (a reshape of a transposed view), the whole node is materialized first, as NumPy copies.
 */
/** Graphs deeper than this are materialized before a movement, rather than rebuilt recursively. */
const MAX_MOVE_HEIGHT = 64;

export function applyMovement(node: Node, map: ViewMap, shape: readonly number[]): Node {
  if (nodeHeight(node) > MAX_MOVE_HEIGHT) {
    const base = contiguous(node);
    const v = map(contiguousView(base.shape));
    if (v) return loadNode(base, v);
  }
  const memo = new Map<Node, Node | null>();
  const go = (n: Node): Node | null => {
    let r = memo.get(n);
    if (r !== undefined) return r;
    r = moveOne(n, map, shape, go);
    memo.set(n, r);
    return r;
  };
  const moved = go(node);
  if (moved) return moved;
  const base = contiguous(node);
  const v = map(contiguousView(base.shape));
  if (!v) throw new Error("internal: movement failed on a contiguous view");
  return loadNode(base, v);
}

function moveOne(n: Node, map: ViewMap, shape: readonly number[], go: (n: Node) => Node | null): Node | null {
  if (n.op === Op.Const) return constant(n.constValue, n.dtype, shape);
  if (n.op === Op.Load) {
    const v = map(n.loadArg.view);
    if (!v) return null;
    return n.loadArg.storage ? loadStorage(n.loadArg.storage, v, n.dtype) : loadNode(n.src[0], v);
  }
  if (n.isBoundary) {
    const v = map(contiguousView(n.shape));
    return v ? loadNode(n, v) : null;
  }
  const srcs: Node[] = [];
  for (const s of n.src) {
    const m = go(s);
    if (!m) return null;
    srcs.push(m);
  }
  if (n.op === Op.Cast) return cast(srcs[0], n.dtype);
  if (n.op === Op.Where) return where(srcs[0], srcs[1], srcs[2]);
  if (isElemOp(n.op)) return elementwise(n.op, srcs);
  throw new Error(`internal: no movement rule for ${n.op}`);
}

/** Is recomputing `n` once per broadcast element cheap enough to fuse, or should it be materialized? */
function cheapToRecompute(n: Node): boolean {
  let ops = 0;
  for (const m of toposort([n])) {
    if (m.op === Op.Load || m.op === Op.Const) continue;
    if (m.isBoundary) continue;
    if (EXPENSIVE.has(m.op)) return false;
    if (++ops > 8) return false;
  }
  return true;
}

export const permute = (n: Node, axes: readonly number[]): Node =>
  applyMovement(n, (v) => permuteView(v, axes), axes.map((a) => n.shape[a]));

export function expand(n: Node, shape: readonly number[]): Node {
  if (shape.length === n.shape.length && shape.every((s, i) => s === n.shape[i])) return n;
  const grows = prod(shape) > n.size;
  const base = grows && n.op !== Op.Load && n.op !== Op.Const && !n.isBoundary && !cheapToRecompute(n) ? contiguous(n) : n;
  return applyMovement(base, (v) => expandView(v, shape), shape);
}

export function reshape(n: Node, shape: readonly number[]): Node {
  if (shape.length === n.shape.length && shape.every((s, i) => s === n.shape[i])) return n;
  return applyMovement(n, (v) => reshapeView(v, shape), shape);
}

export function slice(n: Node, starts: readonly number[], counts: readonly number[], steps: readonly number[]): Node {
  return applyMovement(n, (v) => sliceView(v, starts, counts, steps), counts);
}

export function select(n: Node, axis: number, index: number): Node {
  return applyMovement(n, (v) => selectView(v, axis, index), n.shape.filter((_, i) => i !== axis));
}


