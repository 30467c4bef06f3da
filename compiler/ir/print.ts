/** @file Text and Graphviz listings of IR graphs, shared nodes named once (tinygrad pretty_print, jax-js Jaxpr.toString). Only compiler-made names appear. */
import { Op } from "./ops.js";
import { toposort, type Node } from "./node.js";

function describe(n: Node, name: (m: Node) => string): string {
  const args = n.src.map(name);
  switch (n.op) {
    case Op.Load: {
      const v = n.loadArg.view;
      const base = n.loadArg.storage ? `buf${n.loadArg.storage.id}` : name(n.src[0]);
      return `load ${base} [${v.shape.join(",")}] strides=[${v.strides.join(",")}] offset=${v.offset}`;
    }
    case Op.Const: {
      const c = n.constValue;
      return `const ${typeof c === "number" ? String(c) : `${c.re}${c.im < 0 ? "" : "+"}${c.im}j`}`;
    }
    case Op.Reduce:
      return `reduce.${n.reduceArg.op} ${args[0]} axes=[${n.reduceArg.axes.join(",")}]`;
    case Op.Cast:
      return `cast ${args[0]}`;
    default:
      return `${n.op} ${args.join(" ")}`;
  }
}

/** One line per node, `x<id>: dtype[shape] = op args`, sources first. */
export function printGraph(root: Node, extraRoots: readonly Node[] = []): string {
  const nodes = toposort([...extraRoots, root]);
  const name = (m: Node) => `x${m.id}`;
  return nodes.map((n) => `${name(n)}: ${n.dtype.name}[${n.shape.join(",")}] = ${describe(n, name)}`).join("\n");
}

export function graphToDot(roots: readonly Node[], kernelOf?: (n: Node) => number | undefined): string {
  const lines = ["digraph numfuse {", "  node [shape=box, fontname=monospace];"];
  for (const n of toposort(roots)) {
    const k = kernelOf?.(n);
    const label = `x${n.id} ${n.op}\\n${n.dtype.name}[${n.shape.join(",")}]${k === undefined ? "" : `\\nkernel ${k}`}`;
    lines.push(`  x${n.id} [label="${label}"${n.op === Op.Load ? ", style=rounded" : ""}];`);
    for (const s of n.src) lines.push(`  x${s.id} -> x${n.id};`);
  }
  lines.push("}");
  return lines.join("\n");
}
