/** @file Fusion: cut a graph into kernels. Elementwise chains become one loop; a reduction absorbs its producers and, when they broadcast it back (keepdims), its consumers (tinygrad schedule/rangeify.py). */
import type { DType } from "../runtime/dtype.js";
import type { Storage } from "../runtime/storage.js";
import { Op, isElemOp } from "./ir/ops.js";
import { loadNode, nodeHeight, Node } from "./ir/node.js";
import { contiguousView, expandView, prod, reshapeView, type View } from "./ir/view.js";

let nextBufferId = 1;

/** A buffer a plan reads or writes: a user's storage, or one the plan allocates. */
export interface PlanBuffer {
  readonly id: number;
  readonly dtype: DType;
  /** elements; the storage must hold at least this many (for views: up to the largest offset + 1) */
  readonly size: number;
  /** bound storage: inputs and out= targets; allocated buffers get theirs at run time */
  storage: Storage | null;
  /** the node whose value this buffer holds (allocated buffers) */
  readonly node: Node | null;
  /** a plan output the caller keeps: never recycled inside the plan */
  isTarget: boolean;
}

export interface Operand {
  readonly buf: PlanBuffer;
  readonly view: View;
}

export type KernelMode = "full" | "outer" | "phase";

export interface KernelSpec {
  readonly kind: "E" | "R";
  /** the iteration space: the full (unreduced) shape */
  readonly space: readonly number[];
  readonly axes: readonly number[];
  /** reductions computed per outer index, in dependency order */
  readonly phases: readonly Node[];
  /** what is written: over `space` (full), per outer index from phase values (outer), or the last phase */
  readonly root: Node;
  readonly mode: KernelMode;
  readonly out: Operand;
  /** leaf node (a Load, or a boundary read directly) -> what it reads */
  readonly operands: Map<Node, Operand>;
  /** leaf node -> index of the phase whose value it stands for */
  readonly phaseRefs: Map<Node, number>;
}

export interface Schedule {
  kernels: KernelSpec[];
  buffers: PlanBuffer[];
  /** for each target: the buffer and view holding its value */
  results: Operand[];
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Is `load` the keepdims broadcast of reduction `r` back over its input shape? */
function isBroadcastBack(load: Node, r: Node): boolean {
  if (load.op !== Op.Load || load.src[0] !== r) return false;
  const space = r.src[0].shape;
  const v = load.loadArg.view;
  if (!sameShape(v.shape, space) || v.offset !== 0) return false;
  const want = expandView(contiguousView(r.shape), space).strides;
  return v.strides.every((s, i) => s === want[i] || space[i] === 1);
}

/** Is `n` (a reduction or a load of one) read at the reduction's own flat index? */
function identityRef(n: Node): Node | null {
  if (n.op === Op.Reduce) return n;
  if (n.op !== Op.Load || !n.src[0] || n.src[0].op !== Op.Reduce) return null;
  const r = n.src[0], v = n.loadArg.view;
  if (v.offset !== 0 || prod(v.shape) !== r.size) return null;
  const c = contiguousView(v.shape).strides;
  return v.strides.every((s, i) => s === c[i] || v.shape[i] === 1) ? r : null;
}

const sameAxes = (a: readonly number[], b: readonly number[]) => sameShape(a, b);

export class Scheduler {
  readonly kernels: KernelSpec[] = [];
  readonly buffers: PlanBuffer[] = [];
  #realized = new Map<Node, PlanBuffer>();
  #storageBuffers = new Map<Storage, PlanBuffer>();

  bufferFor(storage: Storage, dtype: DType): PlanBuffer {
    let b = this.#storageBuffers.get(storage);
    if (!b) {
      b = { id: nextBufferId++, dtype, size: 0, storage, node: null, isTarget: false };
      this.#storageBuffers.set(storage, b);
      this.buffers.push(b);
    }
    return b;
  }

  /** The buffer holding `node`'s value, scheduling its kernel first if needed. */
  realize(node: Node, into?: Operand): Operand {
    if (!into && node.op === Op.Load && node.loadArg.storage) {
      return { buf: this.bufferFor(node.loadArg.storage, node.dtype), view: node.loadArg.view };
    }
    if (!into) {
      const done = this.#realized.get(node);
      if (done) return { buf: done, view: contiguousView(node.shape) };
    }
    const out: Operand = into ?? {
      buf: { id: nextBufferId++, dtype: node.dtype, size: node.size, storage: null, node, isTarget: false },
      view: contiguousView(node.shape),
    };
    if (!into) {
      this.buffers.push(out.buf);
      this.#realized.set(node, out.buf);
    }
    if (into && node.op === Op.Contiguous) {
      // out= that reads its own target: compute into a temporary, then copy (as NumPy buffers overlap)
      const tmp = this.realize(node);
      this.#schedule(loadNode(node, tmp.view), out);
      return out;
    }
    this.#schedule(node.op === Op.Contiguous ? node.src[0] : node, out);
    return out;
  }

  #schedule(root: Node, out: Operand): void {
    // a reduction read back in its own order (keepdims=False is a reshape of it): write it directly
    const direct = root.op === Op.Load ? identityRef(root) : null;
    if (direct) root = direct;
    if (root.op === Op.Reduce) {
      const space = root.src[0].shape, axes = root.reduceArg.axes;
      const phases = this.#collectPhases(root.src[0], space, axes);
      phases.push(root);
      const outView = reshapeView(out.view, root.shape) ?? contiguousView(root.shape);
      return this.#emit("R", space, axes, phases, root, "phase", { buf: out.buf, view: outView });
    }
    // a reduction broadcast back over its own input shape: fuse it and its producers in
    const bb = this.#findBroadcastBack(root);
    if (bb) {
      const { space, axes } = bb;
      const phases = this.#collectPhases(root, space, axes);
      return this.#emit("R", space, axes, phases, root, "full", out);
    }
    // elementwise work on reduction results only (mean = sum / n): one kernel with the reduction
    const outer = this.#outerGroup(root);
    if (outer) {
      const { space, axes, keep } = outer;
      const phases = this.#collectPhases(root, space, axes);
      const outView = reshapeView(out.view, keep);
      if (outView) return this.#emit("R", space, axes, phases, root, "outer", { buf: out.buf, view: outView });
    }
    this.#emit("E", root.shape, [], [], root, "full", out);
  }

  #findBroadcastBack(root: Node): { space: readonly number[]; axes: readonly number[] } | null {
    for (const n of walkKernel(root)) {
      if (n.op === Op.Load && n.src[0]?.op === Op.Reduce && isBroadcastBack(n, n.src[0]) && sameShape(n.src[0].src[0].shape, root.shape)) {
        return { space: root.shape, axes: n.src[0].reduceArg.axes };
      }
    }
    return null;
  }

  #outerGroup(root: Node): { space: readonly number[]; axes: readonly number[]; keep: readonly number[] } | null {
    let group: Node | null = null;
    for (const n of walkKernel(root)) {
      if (n.op === Op.Const) continue;
      if (n.op === Op.Load || n.op === Op.Reduce) {
        const r = identityRef(n);
        if (!r || prod(r.shape) !== root.size) return null;
        if (group && (!sameShape(group.src[0].shape, r.src[0].shape) || !sameAxes(group.reduceArg.axes, r.reduceArg.axes))) return null;
        group = group ?? r;
      }
    }
    return group ? { space: group.src[0].shape, axes: group.reduceArg.axes, keep: group.shape } : null;
  }

  /** Reductions over (space, axes) that `expr` reads by broadcast-back or directly, producers first. */
  #collectPhases(expr: Node, space: readonly number[], axes: readonly number[]): Node[] {
    const phases: Node[] = [];
    const visit = (e: Node) => {
      for (const n of walkKernel(e)) {
        const r = n.op === Op.Reduce ? n : n.op === Op.Load && n.src[0]?.op === Op.Reduce ? n.src[0] : null;
        if (!r || phases.includes(r)) continue;
        if (!sameShape(r.src[0].shape, space) || !sameAxes(r.reduceArg.axes, axes)) continue;
        if (n.op === Op.Load && !isBroadcastBack(n, r) && !identityRef(n)) continue;
        visit(r.src[0]);
        if (!phases.includes(r)) phases.push(r);
      }
    };
    visit(expr);
    return phases;
  }

  #emit(kind: "E" | "R", space: readonly number[], axes: readonly number[], phases: Node[], root: Node, mode: KernelMode, out: Operand): void {
    const operands = new Map<Node, Operand>();
    const phaseRefs = new Map<Node, number>();
    const exprs = mode === "phase" ? phases.map((p) => p.src[0]) : [...phases.map((p) => p.src[0]), root];
    for (const e of exprs) {
      for (const n of walkKernel(e)) {
        if (n.op === Op.Const || operands.has(n) || phaseRefs.has(n)) continue;
        const r = n.op === Op.Reduce ? n : n.op === Op.Load && n.src[0]?.op === Op.Reduce ? n.src[0] : null;
        const pi = r ? phases.indexOf(r) : -1;
        if (pi >= 0 && (n.op === Op.Reduce || isBroadcastBack(n, r!) || identityRef(n))) {
          phaseRefs.set(n, pi);
          continue;
        }
        if (n.op === Op.Load && n.loadArg.storage) {
          operands.set(n, { buf: this.bufferFor(n.loadArg.storage, n.dtype), view: n.loadArg.view });
        } else if (n.op === Op.Load) {
          const base = this.realize(n.src[0]);
          operands.set(n, { buf: base.buf, view: composeView(base.view, n.loadArg.view) });
        } else if (n.isBoundary || isSplitPoint(n, e)) {
          operands.set(n, this.realize(n));
        }
      }
    }
    this.kernels.push({ kind, space, axes, phases, root, mode, out, operands, phaseRefs });
  }
}

/** A load's view is relative to a contiguous base; the base buffer may itself be at an offset. */
function composeView(base: View, v: View): View {
  return base.offset === 0 ? v : { shape: v.shape, strides: v.strides, offset: v.offset + base.offset };
}

/** Nodes of one kernel's expression: stops at loads, constants and boundaries (reductions, barriers). */
/**
 * Very deep expressions are cut into kernels of bounded depth: a node whose height is a multiple
 * of SPLIT_HEIGHT is computed by a kernel of its own (generated functions stay small, and the
 * renderers' recursion stays shallow).
 */
const SPLIT_HEIGHT = 48;
export const isSplitPoint = (n: Node, root: Node): boolean => n !== root && n.src.length > 0 && nodeHeight(n) % SPLIT_HEIGHT === 0;

export function* walkKernel(root: Node): Generator<Node> {
  const seen = new Set<Node>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    yield n;
    if (n.op === Op.Load || n.op === Op.Const || n.isBoundary || isSplitPoint(n, root)) continue;
    if (n.op === Op.Cast || n.op === Op.Where || isElemOp(n.op)) stack.push(...n.src);
  }
}

export function schedule(targets: readonly Node[], outs?: readonly (Operand | undefined)[]): Schedule {
  const s = new Scheduler();
  const results = targets.map((t, i) => {
    const r = s.realize(t, outs?.[i]);
    r.buf.isTarget = true;
    return r;
  });
  return { kernels: s.kernels, buffers: s.buffers, results };
}
