/** @file Which ufuncs are one primitive op on their loop dtype (add, maximum, bitwise_and...): ufunc.at and the generic reduce run those as plain scalar loops. */
import { constant, type Node } from "../../compiler/ir/node.js";
import { isElemOp, OP_DEFS, type ElemOp } from "../../compiler/ir/ops.js";
import type { DType } from "../../runtime/dtype.js";
import type { UfuncDef } from "./defs.js";

/** The primitive `def` lowers to on `loop` operands, producing `loop` (operands in order, or swapped if commutative); else null. */
export function singlePrimitive(def: UfuncDef, loop: DType): ElemOp | null {
  const probes = Array.from({ length: def.nin }, (_, i) => constant(i + 1, loop, []));
  let r: Node | readonly Node[];
  try {
    r = def.lower(probes, loop);
  } catch {
    return null;
  }
  if (Array.isArray(r)) return null;
  const n = r as Node;
  if (!isElemOp(n.op) || n.src.length !== def.nin || n.dtype !== loop) return null;
  const [a, b] = n.src;
  if (def.nin === 1) return a === probes[0] ? n.op : null;
  if (a === probes[0] && b === probes[1]) return n.op;
  if (a === probes[1] && b === probes[0] && OP_DEFS[n.op].commutative) return n.op;
  return null;
}
