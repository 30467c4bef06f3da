/** @file A Plan: the kernels `eval` would run, the buffers it allocates, and readable listings of both (API.md "Inspecting what was compiled"). */
import type { Node } from "./ir/node.js";
import { graphToDot } from "./ir/print.js";
import { lowerKernel, type LoweredKernel } from "./render/js.js";
import { PARALLEL_MIN_WORK } from "./render/wasm.js";
import { schedule, walkKernel, type Operand, type PlanBuffer } from "./schedule.js";

export class Plan {
  constructor(
    readonly targets: readonly Node[],
    readonly kernels: readonly LoweredKernel[],
    /** every buffer the plan touches: inputs, allocations, outputs */
    readonly allBuffers: readonly PlanBuffer[],
    readonly results: readonly Operand[],
  ) {}

  /** buffers the plan allocates (not the user's inputs or out= targets) */
  get buffers(): { id: number; shape: number[]; dtype: string; bytes: number }[] {
    return this.allBuffers
      .filter((b) => b.node !== null)
      .map((b) => ({ id: b.id, shape: [...b.node!.shape], dtype: b.dtype.name, bytes: b.size * b.dtype.itemsize }));
  }

  toString(): string {
    const lines: string[] = [`plan: ${this.kernels.length} kernel${this.kernels.length === 1 ? "" : "s"}, ${this.buffers.length} buffer${this.buffers.length === 1 ? "" : "s"} allocated`];
    for (const b of this.buffers) lines.push(`  buf${b.id}: ${b.dtype}[${b.shape.join(",")}] (${b.bytes} bytes)`);
    this.kernels.forEach((k, i) => {
      const outs = `buf${k.args[0].id}`;
      const ins = k.args.slice(1).map((b) => `buf${b.id}`).join(", ");
      // the wasm twin runs when every buffer lives in wasm memory (the usual case)
      const split = k.wasm?.par && k.wasm.par.work >= PARALLEL_MIN_WORK ? (k.wasm.par.pairwise ? ", pairwise subtrees on worker threads" : ", slices on worker threads") : "";
      const how = k.wasm ? `  [also WebAssembly, ${k.wasm.bytes.length} bytes${split}]` : "";
      lines.push("", `kernel ${i}: ${k.name}  (${ins || "no inputs"}) -> ${outs}${how}`, k.source.replace(/^/gm, "  "));
    });
    return lines.join("\n");
  }

  toDot(): string {
    const owner = new Map<Node, number>();
    this.kernels.forEach((k, i) => {
      for (const root of [k.spec.root, ...k.spec.phases]) for (const n of walkKernel(root)) if (!owner.has(n)) owner.set(n, i);
    });
    return graphToDot(this.targets, (n) => owner.get(n));
  }
}

export function buildPlan(targets: readonly Node[], outs?: readonly (Operand | undefined)[]): Plan {
  const s = schedule(targets, outs);
  return new Plan(targets, s.kernels.map(lowerKernel), s.buffers, s.results);
}
