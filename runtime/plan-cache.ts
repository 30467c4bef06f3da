/** @file Eval-time plan cache: a graph seen before (same structure, dtypes, layouts and storage aliasing) reruns its scheduled, lowered plan with the new storages bound. */
import { constant, toposort, type Node } from "../compiler/ir/node.js";
import { Op } from "../compiler/ir/ops.js";
import { viewKey, type View } from "../compiler/ir/view.js";
import { buildPlan, Plan } from "../compiler/plan.js";
import type { LoweredKernel } from "../compiler/render/js.js";
import type { Operand, PlanBuffer } from "../compiler/schedule.js";
import { pagedRunner, runPlan } from "./execute.js";
import type { Storage } from "./storage.js";

interface Cached {
  plan: Plan;
  /** for every buffer bound to a caller's storage: the storage slot it takes */
  bound: [PlanBuffer, number][];
  /** running now: its buffers hold this run's storages */
  busy: boolean;
}

/** Scheduling and rendering cost far more than a small kernel's run: without this, `a.sum()` on 100k elements spent 0.9 ms re-rendering. */
const MAX_ENTRIES = 512;
const cache = new Map<string, Cached>();

export const planCacheStats = { hits: 0, misses: 0 };

/** The graph's structure with storages replaced by their first-seen slot, plus those storages. */
function signature(targets: readonly Node[], outs: readonly (Operand | undefined)[] | undefined): { key: string; storages: Storage[] } {
  const storages: Storage[] = [];
  const slotOf = (s: Storage) => {
    let i = storages.indexOf(s);
    if (i < 0) i = storages.push(s) - 1;
    return i;
  };
  const parts: string[] = [];
  for (const o of outs ?? []) parts.push(o ? `O${slotOf(o.buf.storage!)}:${o.buf.dtype.name}:${viewKey(o.view)}` : "O-");
  const nodes = toposort(targets);
  const index = new Map<Node, number>();
  nodes.forEach((n, i) => {
    index.set(n, i);
    const srcs = n.src.map((s) => index.get(s)).join(",");
    if (n.op === Op.Load && n.loadArg.storage) {
      parts.push(`L${n.dtype.name}|${slotOf(n.loadArg.storage)}:${viewKey(n.loadArg.view)}`);
    } else {
      // the node key is op|dtype|shape|source ids|arg (arg keys hold no "|"): swap the ids for positions
      const k = n.key;
      const argAt = k.lastIndexOf("|") + 1;
      const ids = n.src.map((x) => x.id).join(",");
      parts.push(`${k.slice(0, argAt - ids.length - 2)}|${srcs}|${k.slice(argAt)}`);
    }
  });
  parts.push(`T${targets.map((t) => index.get(t)).join(",")}`);
  return { key: parts.join(";"), storages };
}

/**
 * A copy of `plan` that holds no graph and no storage, so a cached entry never keeps a caller's
 * arrays alive; allocated buffers keep a stand-in node of their shape (the runner only asks
 * whether a buffer is allocated, and listings ask its shape).
 */
function detach(plan: Plan, storages: readonly Storage[]): Cached {
  const map = new Map<PlanBuffer, PlanBuffer>();
  const bound: [PlanBuffer, number][] = [];
  const copy = (b: PlanBuffer): PlanBuffer => {
    let c = map.get(b);
    if (!c) {
      const stand = b.node ? constant(0, b.dtype, b.node.shape) : null;
      c = { id: b.id, dtype: b.dtype, size: b.size, storage: null, node: stand, isTarget: b.isTarget };
      map.set(b, c);
      if (!b.node && b.storage) bound.push([c, storages.indexOf(b.storage)]);
    }
    return c;
  };
  const buffers = plan.allBuffers.map(copy);
  const kernels = plan.kernels.map((k): LoweredKernel => ({ ...k, args: k.args.map(copy), spec: null as never }));
  const results = plan.results.map((r): Operand => ({ buf: copy(r.buf), view: r.view }));
  return { plan: new Plan([], kernels, buffers, results), bound, busy: false };
}

/** Schedule (or reuse) and run the plan computing `targets`; returns where each result landed. */
export function runGraph(targets: readonly Node[], outs?: readonly (Operand | undefined)[]): { storage: Storage; view: View }[] {
  const paged = pagedRunner?.(targets, outs); // memmaps too large to load: src/blockwise.ts
  if (paged) return paged;
  const { key, storages } = signature(targets, outs);
  let entry = cache.get(key);
  if (entry && !entry.busy) {
    planCacheStats.hits++;
    cache.delete(key);
  } else {
    planCacheStats.misses++;
    // a plan already running (re-entered from a per-element JS callback) gets a private twin
    const fresh = detach(buildPlan(targets, outs), storages);
    if (entry) return runEntry(fresh, storages);
    entry = fresh;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, entry);
  return runEntry(entry, storages);
}

function runEntry(entry: Cached, storages: readonly Storage[]): { storage: Storage; view: View }[] {
  const { plan, bound } = entry;
  for (const [b, slot] of bound) b.storage = storages[slot];
  entry.busy = true;
  try {
    runPlan(plan);
    return plan.results.map((r) => ({ storage: r.buf.storage!, view: r.view }));
  } finally {
    entry.busy = false;
    for (const b of plan.allBuffers) b.storage = null;
    for (const [b] of bound) b.storage = null;
  }
}

export const planCacheSize = (): number => cache.size;
