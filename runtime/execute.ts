/** @file Runs a Plan: binds storage to every buffer, recycles intermediates after their last reader, calls the compiled kernels (tinygrad engine/realize.py). */
import type { Plan } from "../compiler/plan.js";
import type { Operand, PlanBuffer } from "../compiler/schedule.js";
import type { Node } from "../compiler/ir/node.js";
import type { View } from "../compiler/ir/view.js";
import { compileKernel, type KernelFn } from "./compile.js";
import { counters, DEBUG } from "./debug.js";
import { allocStorage, type Storage } from "./storage.js";
import { syncForRead } from "./mirror.js";
import { runWasm } from "./threads.js";

interface Prepared {
  fns: KernelFn[];
  /** allocated buffer -> index of the last kernel that reads or writes it */
  lastUse: Map<PlanBuffer, number>;
}

const prepared = new WeakMap<Plan, Prepared>();

/** src/blockwise.ts: graphs that read or write paged (file-backed) memmap storage run block by block there (runGraph asks first) */
export type PagedRunner = (targets: readonly Node[], outs?: readonly (Operand | undefined)[]) => { storage: Storage; view: View }[] | null;
export let pagedRunner: PagedRunner | null = null;
export function setPagedRunner(fn: PagedRunner): void { pagedRunner = fn; }

function prepare(plan: Plan): Prepared {
  let p = prepared.get(plan);
  if (p) return p;
  const fns = plan.kernels.map((k) => compileKernel(k.name, k.source, k.key));
  const lastUse = new Map<PlanBuffer, number>();
  plan.kernels.forEach((k, i) => {
    for (const b of k.args) if (b.node) lastUse.set(b, i);
  });
  p = { fns, lastUse };
  prepared.set(plan, p);
  return p;
}

/** Compile (cached) and run. Allocated target buffers get fresh storage on every run. */
export function runPlan(plan: Plan): void {
  const { fns, lastUse } = prepare(plan);
  const free: Storage[] = [];
  for (const b of plan.allBuffers) {
    if (b.node) b.storage = null;
    else if (b.storage) syncForRead(b.storage);
  }
  const bytesOf = (b: PlanBuffer) => b.size * b.dtype.itemsize;
  const take = (b: PlanBuffer): Storage => {
    const need = bytesOf(b);
    const i = free.findIndex((s) => s.byteLength === need);
    if (i >= 0) return free.splice(i, 1)[0];
    counters.buffersAllocated++;
    counters.bytesAllocated += need;
    return allocStorage(need, false);
  };
  plan.kernels.forEach((k, i) => {
    for (const b of k.args) if (!b.storage) b.storage = take(b);
    const t0 = DEBUG >= 2 ? performance.now() : 0;
    if (k.wasm && k.args.every((b) => b.storage!.addr >= 0)) {
      const addrs = k.args.map((b, j) => b.storage!.addr + k.argViews[j].offset * b.dtype.itemsize);
      runWasm(k.key, k.wasm, addrs);
    } else {
      const arrays = k.args.map((b) => b.storage!.lanes(b.dtype));
      fns[i](...arrays, k.sh, k.st, k.off);
    }
    counters.kernelsRun++;
    if (DEBUG >= 2) {
      const ms = performance.now() - t0;
      process.stderr.write(`${k.name}: ${k.elements} elements, ${ms.toFixed(3)} ms\n`);
    }
    // intermediates whose last reader has run go back for the next kernel of the same size
    for (const b of new Set(k.args)) {
      if (b.node && !b.isTarget && lastUse.get(b) === i && b.storage) free.push(b.storage);
    }
  });
}
