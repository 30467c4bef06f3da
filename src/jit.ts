/** @file np.jit: trace a function once per input signature, keep its whole compiled plan, and rerun it with new inputs bound (jax.jit). */
import { loadStorage } from "../compiler/ir/node.js";
import { buildPlan, type Plan } from "../compiler/plan.js";
import type { PlanBuffer } from "../compiler/schedule.js";
import { runPlan } from "../runtime/execute.js";
import type { Storage } from "../runtime/storage.js";
import { asarray, isNDArray, type ArrayLike } from "./convert.js";
import { NDArray } from "./ndarray.js";

interface Traced {
  plan: Plan;
  /** for each argument position: the plan buffer reading it, if any */
  slots: (PlanBuffer | null)[];
  /** results that need no kernel: the argument they view, or a fixed array */
  single: boolean;
}

const isArrayArg = (x: unknown) => isNDArray(x) || Array.isArray(x) || ArrayBuffer.isView(x);

function signature(args: unknown[], arrays: (NDArray | null)[]): string {
  return args
    .map((x, i) => {
      const a = arrays[i];
      if (!a) return `v:${typeof x === "bigint" ? `${x}n` : JSON.stringify(x)}`;
      const v = a._node.loadArg.view;
      // arguments sharing memory must share it again for the plan to hold
      const alias = arrays.findIndex((b) => b && b._node.loadArg.storage === a._node.loadArg.storage);
      return `a:${a.dtype.name}:${v.shape.join(",")}:${v.strides.join(",")}:${v.offset}:${alias}`;
    })
    .join("|");
}

/**
 * Returns a function that traces `fn` on the first call for each signature (array shapes, dtypes
 * and layouts, and the values of the other arguments), compiles the whole graph, and on later
 * calls only binds the new inputs and runs the kernels. Like jax.jit, `fn` must not read array
 * values while tracing (item, tolist): they would be fixed at trace time.
 */
export function jit<A extends unknown[]>(fn: (...args: NDArray[]) => NDArray | NDArray[]): (...args: A) => NDArray | NDArray[] {
  const cache = new Map<string, Traced>();
  return (...args: A) => {
    const arrays = args.map((x) => (isArrayArg(x) ? asarray(x as ArrayLike).eval() : null));
    const sig = signature(args, arrays);
    const hit = cache.get(sig);
    if (hit) {
      arrays.forEach((a, i) => {
        const slot = hit.slots[i];
        if (slot && a) slot.storage = a._node.loadArg.storage;
      });
      runPlan(hit.plan);
      const outs = hit.plan.results.map((r) => new NDArray(loadStorage(r.buf.storage!, r.view, r.buf.dtype)));
      return hit.single ? outs[0] : outs;
    }
    const result = fn(...(args.map((x, i) => arrays[i] ?? x) as NDArray[]));
    const list = Array.isArray(result) ? result : [result];
    const plan = buildPlan(list.map((a) => a._node));
    const storageOf = new Map<Storage, number>();
    arrays.forEach((a, i) => a && storageOf.set(a._node.loadArg.storage!, i));
    const slots: (PlanBuffer | null)[] = arrays.map(() => null);
    for (const b of plan.allBuffers) {
      const i = b.storage ? storageOf.get(b.storage) : undefined;
      if (i !== undefined) slots[i] = b;
    }
    runPlan(plan);
    list.forEach((a, i) => {
      const r = plan.results[i];
      a._setResult(r.buf.storage!, r.view);
    });
    cache.set(sig, { plan, slots, single: !Array.isArray(result) });
    return result;
  };
}
