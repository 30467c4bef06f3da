/** @file Lowers a scheduled kernel to JS: merges dims, orders loops by stride, walks pointers by precomputed steps (cwise compile.js), sums pairwise as NumPy does. */
import type { DType } from "../../runtime/dtype.js";
import type { HelperName } from "../../runtime/kernel-helpers.js";
import type { ReduceOp } from "../ir/ops.js";
import type { Node } from "../ir/node.js";
import { printGraph } from "../ir/print.js";
import type { KernelSpec, Operand, PlanBuffer } from "../schedule.js";
import { Emitter } from "./emitter.js";
import { loadText, renderExpr, storeText, words, wordsLess, wordsOf, wrapInt, type ExprContext, type Val } from "./expr.js";
import { renderWasmColumn, renderWasmElementwise, renderWasmReduce, type WasmKernel } from "./wasm.js";

/** A kernel ready to compile and run: source plus the runtime shape/stride arguments. */
export interface LoweredKernel {
  readonly name: string;
  /** factory body: unpacks helpers from `H`, returns the kernel function */
  readonly source: string;
  /** cache key: the source without its name (one function serves every shape) */
  readonly key: string;
  /** buffers in argument order: out0, in0, in1, ... */
  readonly args: PlanBuffer[];
  readonly argViews: Operand["view"][];
  readonly sh: number[];
  readonly st: number[];
  readonly off: number[];
  readonly spec: KernelSpec;
  readonly elements: number;
  /** the same kernel as WebAssembly, for contiguous float work when every buffer lives in wasm memory */
  readonly wasm: WasmKernel | null;
}

interface Dim {
  n: number;
  /** stride per operand, in lanes */
  s: number[];
}

/** Merge adjacent dims that every operand walks contiguously together; drop size-1 dims. */
function mergeDims(dims: Dim[]): Dim[] {
  const out: Dim[] = [];
  for (const d of dims) {
    if (d.n === 1) continue;
    const last = out[out.length - 1];
    if (last && last.s.every((s, k) => s === d.s[k] * d.n)) {
      out[out.length - 1] = { n: last.n * d.n, s: d.s };
    } else out.push({ n: d.n, s: [...d.s] });
  }
  return out;
}

const dtypeTag = (dt: DType) => dt.short;
/** NUMFUSE_NOWASM=1 keeps every kernel in JS (for bisecting) */
const NO_WASM = typeof process !== "undefined" && process.env?.NUMFUSE_NOWASM === "1";

export function kernelName(spec: KernelSpec): string {
  const shape = spec.space.length ? spec.space.join("x") : "1";
  const tag = spec.kind === "R" ? `R_${shape}_${spec.axes.join("")}` : `E_${shape}`;
  return `${tag}_${dtypeTag(spec.root.dtype)}`.replace(/[^\w]/g, "_");
}

export function lowerKernel(spec: KernelSpec): LoweredKernel {
  const operands = [spec.out, ...spec.operands.values()];
  const leafIndex = new Map<Node, number>();
  [...spec.operands.keys()].forEach((n, i) => leafIndex.set(n, i + 1));
  const lanes = operands.map((o) => o.buf.dtype.lanes);
  const offsets = operands.map((o, k) => o.view.offset * lanes[k]);
  const helpers = new Set<HelperName>();
  const name = kernelName(spec);
  const em = new Emitter();
  const header = `// ${name}: ${printGraph(spec.root, spec.phases).split("\n").join("\n// ")}`;

  let sh: number[], st: number[];
  let wasm: WasmKernel | null = null;
  if (spec.kind === "E") {
    let dims: Dim[] = spec.space.map((n, i) => ({ n, s: operands.map((o, k) => o.view.strides[i] * lanes[k]) }));
    // innermost loop on the output's smallest stride
    dims = dims.map((d, i) => [d, i] as const).sort((a, b) => Math.abs(b[0].s[0]) - Math.abs(a[0].s[0]) || a[1] - b[1]).map(([d]) => d);
    dims = mergeDims(dims);
    if (dims.length === 0) dims = [{ n: 1, s: operands.map(() => 0) }];
    sh = dims.map((d) => d.n);
    st = operands.flatMap((_, k) => dims.map((d) => d.s[k]));
    renderElementwise(em, spec, operands.length, dims, lanes, offsets.every((o) => o === 0), leafIndex, helpers);
    if (dims.length <= 3 && !NO_WASM) {
      const laneBytes = operands.map((o) => o.buf.dtype.laneCtor.BYTES_PER_ELEMENT);
      const outerStrides = dims.slice(0, -1).map((d) => d.s.map((x, k) => x * laneBytes[k]));
      wasm = renderWasmElementwise(spec, strideClasses(dims[dims.length - 1], lanes), leafIndex, operands.map((o) => o.buf.dtype), outerStrides, dims.map((d) => d.n));
    }
  } else {
    const outerAxes = spec.space.map((_, i) => i).filter((i) => !spec.axes.includes(i));
    const strideOf = (k: number, axis: number) => {
      const o = operands[k];
      // the output of a per-row result has no extent along reduced axes
      if (k === 0 && spec.mode !== "full" && spec.axes.includes(axis)) return 0;
      return o.view.strides[axis] * lanes[k];
    };
    const mk = (axes: number[]) => mergeDims(axes.map((a) => ({ n: spec.space[a], s: operands.map((_, k) => strideOf(k, a)) })));
    const column = useColumnOrder(spec, operands.length > 1 ? operands[1].view.strides : []);
    if (column) {
      // all dims, slowest input stride first; the accumulator has no extent along reduced axes
      const outerSize = outerAxes.reduce((p, a) => p * spec.space[a], 1);
      const accStride = new Map<number, number>();
      let acc = 1;
      for (let j = outerAxes.length - 1; j >= 0; j--) {
        accStride.set(outerAxes[j], acc);
        acc *= spec.space[outerAxes[j]];
      }
      const order = spec.space.map((_, i) => i).sort((a, b) => Math.abs(operands[1].view.strides[b]) - Math.abs(operands[1].view.strides[a]) || a - b);
      let dims = order.map((a) => ({ n: spec.space[a], s: [accStride.get(a) ?? 0, ...operands.slice(1).map((_, k) => strideOf(k + 1, a))] }));
      dims = mergeDims(dims);
      if (dims.length === 0) dims = [{ n: 1, s: operands.map(() => 0) }];
      const outDims = mk(outerAxes);
      const od = outDims.length ? outDims : [{ n: 1, s: operands.map(() => 0) }];
      sh = [...dims.map((d) => d.n), ...od.map((d) => d.n), outerSize];
      st = [...operands.flatMap((_, k) => dims.map((d) => d.s[k])), ...od.map((d) => d.s[0])];
      renderColumnReduce(em, spec, operands.length, dims.length, od.length, dims[dims.length - 1], [1, ...lanes.slice(1)], leafIndex, helpers);
      // rows of reduced elements over a contiguous output: accumulate in place in wasm
      if (!NO_WASM && dims.length === 2 && dims[0].s[0] === 0 && dims[1].s[0] === 1 && od.length === 1 && od[0].s[0] === 1 && od[0].n === dims[1].n && spec.out.view.offset === 0) {
        const laneBytes = operands.map((o) => o.buf.dtype.laneCtor.BYTES_PER_ELEMENT);
        wasm = renderWasmColumn(spec, strideClasses(dims[1], [1, ...lanes.slice(1)]), leafIndex, operands.map((o) => o.buf.dtype),
          operands.slice(1).map((_, k) => dims[0].s[k + 1] * laneBytes[k + 1]), dims[0].n, dims[1].n);
      }
    } else {
      let outer = mk(outerAxes);
      let inner = mk([...spec.axes]);
      if (outer.length === 0) outer = [{ n: 1, s: operands.map(() => 0) }];
      if (inner.length === 0) inner = [{ n: 1, s: operands.map(() => 0) }];
      sh = [...outer.map((d) => d.n), ...inner.map((d) => d.n)];
      st = operands.flatMap((_, k) => [...outer.map((d) => d.s[k]), ...inner.map((d) => d.s[k])]);
      // reduced extents of up to 8 elements are baked into the kernel and unrolled
      const floatSum = spec.phases.some((p) => p.reduceArg.op === "sum" && p.dtype.kind !== "i" && p.dtype.kind !== "u");
      const small = inner.length === 1 && inner[0].n <= (floatSum ? 7 : 8) && spec.mode !== "full" ? inner[0].n : null;
      renderReduce(em, spec, operands.length, outer.length, inner.length, inner[inner.length - 1], lanes, small, leafIndex, helpers);
      if (outer.length <= 3 && inner.length === 1 && !NO_WASM) {
        const laneBytes = operands.map((o) => o.buf.dtype.laneCtor.BYTES_PER_ELEMENT);
        wasm = renderWasmReduce(spec, strideClasses(inner[0], lanes), leafIndex, operands.map((o) => o.buf.dtype),
          outer.map((d) => d.s.map((x, k) => x * laneBytes[k])), outer.map((d) => d.n), inner[0].n, small);
      }
    }
  }
  const body = em.toString();
  // float16 loads, stores and roundings name their helpers in the text only
  for (const h of ["H16", "d2h", "fround16", "mulhi32"] as const) if (new RegExp(`\\b${h}\\b`).test(body)) helpers.add(h);
  const argNames = operands.map((_, k) => (k === 0 ? "out0" : `in${k - 1}`));
  const helperLines = [...helpers].sort().map((h) => `const ${h} = H.${h};`);
  const makeSource = (fname: string, comment: string) =>
    [...helperLines, `return function ${fname}(${argNames.join(", ")}, sh, st, off) {`, ...(comment ? [comment.replace(/^/gm, "  ")] : []), body.replace(/^/gm, "  "), "};", `//# sourceURL=numfuse/${fname}.js`].join("\n");
  // the structural key: the body without names or shapes, plus the operands' dtypes (one
  // function per dtype signature keeps every typed-array access monomorphic)
  const key = `${makeSource("K", "")}|${operands.map((o) => o.buf.dtype.name).join(",")}|${wasm ? "wasm" : "js"}`;
  return {
    name,
    source: makeSource(name, header),
    key,
    args: operands.map((o) => o.buf),
    argViews: operands.map((o) => o.view),
    sh,
    st,
    off: offsets,
    spec,
    elements: spec.space.reduce((p, n) => p * n, 1),
    wasm,
  };
}

function useColumnOrder(spec: KernelSpec, inStrides: readonly number[]): boolean {
  if ((spec.mode !== "phase" && spec.mode !== "outer") || spec.phases.length !== 1 || spec.operands.size === 0) return false;
  const op = spec.phases[0].reduceArg.op;
  if (op === "argmax" || op === "argmin" || spec.phases[0].dtype.kind === "c" || spec.phases[0].src[0].dtype.kind === "c") return false;
  // int64 products accumulate exactly on words, row by row (sums and extremes have a column form on words)
  if (spec.phases[0].src[0].dtype.isWide && op === "prod") return false;
  // the fast order accumulates row by row when the input's smallest stride is along a kept axis
  // and strictly smaller than every reduced axis's (overlapping windows tie: rows stay faster)
  let kept = Infinity, reduced = Infinity;
  spec.space.forEach((n, i) => {
    const s = Math.abs(inStrides[i] ?? 0);
    if (n <= 1 || s === 0) return;
    if (spec.axes.includes(i)) reduced = Math.min(reduced, s);
    else kept = Math.min(kept, s);
  });
  return kept < reduced;
}

// ---- code shapes ----------------------------------------------------------------------------

const arr = (k: number) => (k === 0 ? "out0" : `in${k - 1}`);

function unpack(em: Emitter, prefix: string, count: number, base: number): void {
  if (count === 0) return;
  em.emit(`const ${Array.from({ length: count }, (_, i) => `${prefix}${i} = sh[${base + i}]`).join(", ")};`);
}

function unpackStrides(em: Emitter, prefix: string, nops: number, first: number, count: number, perOp: number): void {
  if (count === 0) return;
  for (let k = 0; k < nops; k++) {
    em.emit(`const ${Array.from({ length: count }, (_, i) => `${prefix}${i}_${arr(k)} = st[${k * perOp + first + i}]`).join(", ")};`);
  }
}

/** Nested loops over extents `${ext}0..`; pointers named `${ptr}${level}_${arr}`; body gets the innermost pointer names. */
function nest(em: Emitter, ext: string, stride: string, ptr: string, levels: number, ops: number[], start: (k: number) => string, body: (p: (k: number) => string) => void, counter = "i"): void {
  em.emit(`let ${ops.map((k) => `${ptr}0_${arr(k)} = ${start(k)}`).join(", ")};`);
  for (let l = 0; l < levels; l++) {
    em.open(`for (let ${counter}${l} = 0; ${counter}${l} < ${ext}${l}; ${counter}${l}++) {`);
    if (l < levels - 1) em.emit(`let ${ops.map((k) => `${ptr}${l + 1}_${arr(k)} = ${ptr}${l}_${arr(k)}`).join(", ")};`);
  }
  const inner = levels - 1;
  body((k) => `${ptr}${inner}_${arr(k)}`);
  for (let l = levels - 1; l >= 0; l--) {
    em.emit(ops.map((k) => `${ptr}${l}_${arr(k)} += ${stride}${l}_${arr(k)};`).join(" "));
    em.close();
  }
}

function exprContext(em: Emitter, helpers: Set<HelperName>, leaf: (n: Node) => Val | undefined, counter: { v: number }): ExprContext {
  return {
    em,
    memo: new Map(),
    leaf,
    useHelper: (h) => helpers.add(h),
    fresh: () => `v${counter.v++}`,
  };
}

type StrideClass = "unit" | "zero" | "gen";

/** How each operand walks the innermost loop: unit steps and broadcasts index from the counter; others step a pointer. */
function strideClasses(inner: Dim | undefined, lanes: number[]): StrideClass[] {
  return lanes.map((l, k) => (!inner ? "zero" : inner.s[k] === l ? "unit" : inner.s[k] === 0 ? "zero" : "gen"));
}

/**
 * The innermost loop, where the time goes: operands with unit or zero steps index from the counter
 * (V8 compiles that best), others step a pointer; with no pointer operands the body is unrolled 4x.
 */
function innerLoop(
  em: Emitter, ext: string, ops: number[], cls: StrideClass[], lanes: number[], base: (k: number) => string,
  stride: (k: number) => string, body: (index: (k: number) => string) => void, counter: string,
): void {
  const gens = ops.filter((k) => cls[k] === "gen");
  if (gens.length) em.emit(`let ${gens.map((k) => `g_${arr(k)} = ${base(k)}`).join(", ")};`);
  const index = (ahead: number) => (k: number) => {
    const b = base(k);
    if (cls[k] === "gen") return `g_${arr(k)}`;
    if (cls[k] === "zero") return b;
    const c = ahead ? `(${counter} + ${ahead})` : counter;
    const step = lanes[k] === 1 ? c : `${lanes[k]} * ${c}`;
    return b === "0" ? step : `${b} + ${step}`;
  };
  const advance = () => {
    if (gens.length) em.emit(gens.map((k) => `g_${arr(k)} += ${stride(k)};`).join(" "));
  };
  em.emit(`let ${counter} = 0;`);
  if (!gens.length) {
    em.open(`for (; ${counter} + 4 <= ${ext}; ${counter} += 4) {`);
    for (let u = 0; u < 4; u++) body(index(u));
    em.close();
  }
  em.open(`for (; ${counter} < ${ext}; ${counter}++) {`);
  body(index(0));
  advance();
  em.close();
}

function renderElementwise(em: Emitter, spec: KernelSpec, nops: number, dims: Dim[], lanes: number[], zeroOff: boolean, leafIndex: Map<Node, number>, helpers: Set<HelperName>): void {
  const nd = dims.length;
  const cls = strideClasses(dims[nd - 1], lanes);
  unpack(em, "n", nd, 0);
  unpackStrides(em, "s", nops, 0, nd - 1, nd);
  const ops = Array.from({ length: nops }, (_, k) => k);
  for (const k of ops) if (cls[k] === "gen") em.emit(`const s${nd - 1}_${arr(k)} = st[${k * nd + nd - 1}];`);
  const counter = { v: 0 };
  const innermost = (base: (k: number) => string) =>
    innerLoop(em, `n${nd - 1}`, ops, cls, lanes, base, (k) => `s${nd - 1}_${arr(k)}`, (index) => {
      // a plain copy of 64-bit integers moves both halves: bit for bit past 2**53
      const src = leafIndex.get(spec.root);
      if (src !== undefined && spec.root.dtype.isWide && spec.out.buf.dtype === spec.root.dtype) {
        em.emit(`out0[${index(0)}] = in${src - 1}[${index(src)}]; out0[${index(0)} + 1] = in${src - 1}[${index(src)} + 1];`);
        return;
      }
      const ctx = exprContext(em, helpers, (n) => {
        const k = leafIndex.get(n);
        return k === undefined ? undefined : loadText(n.dtype, arr(k), index(k));
      }, counter);
      const v = renderExpr(ctx, spec.root);
      em.emit(storeText(spec.out.buf.dtype, "out0", index(0), castStore(spec.root.dtype, spec.out.buf.dtype, v)));
    }, "i");
  if (nd === 1) {
    innermost((k) => (zeroOff ? "0" : `off[${k}]`));
    return;
  }
  nest(em, "n", "s", "p", nd - 1, ops, (k) => `off[${k}]`, (p) => innermost(p));
}

/** Values stored into a buffer of another dtype (out= targets of a wider type). */
function castStore(from: DType, to: DType, v: Val): Val {
  if (from === to) return v;
  if (to.kind === "c" && from.kind !== "c") return { re: v.re, im: "0" };
  return v;
}

interface AccCode {
  init: string[];
  step: (v: Val) => string;
  result: string;
  /** the result is held as int64 words (`<result>_hi`, `<result>_lo`) */
  words?: boolean;
}

/** `hi:lo += w` on int64 words (lo may be held signed, as in an Int32Array), wrapping mod 2**64. */
const addWordsInto = (hi: string, lo: string, w: { hi: string; lo: string }): string =>
  `{ const w = ${w.hi}, t = (${lo} >>> 0) + ${w.lo}; ${hi} = (${hi} + w + (t > 4294967295 ? 1 : 0)) | 0; ${lo} = t >>> 0; }`;

/** int64/uint64 sums, products, max and min on the two 32-bit words (exact, wrapping as NumPy's); arg* keep the first extreme. */
function wideAccumulator(op: ReduceOp, dt: DType, name: string): AccCode | null {
  const acc = { hi: `${name}_hi`, lo: `${name}_lo` };
  switch (op) {
    case "prod":
      return {
        init: [`let ${name}_hi = 0, ${name}_lo = 1;`],
        step: (v) => {
          const w = wordsOf(v);
          return `{ const w = ${w.hi}, x = ${w.lo}; const t = (mulhi32(${name}_lo, x) + Math.imul(${name}_hi, x) + Math.imul(${name}_lo, w)) | 0; ${name}_lo = Math.imul(${name}_lo, x) >>> 0; ${name}_hi = t; }`;
        },
        result: name,
        words: true,
      };
    case "sum":
      return {
        init: [`let ${name}_hi = 0, ${name}_lo = 0;`],
        step: (v) => {
          const w = wordsOf(v);
          return addWordsInto(`${name}_hi`, `${name}_lo`, w);
        },
        result: name,
        words: true,
      };
    case "max":
    case "min":
    case "argmax":
    case "argmin": {
      const arg = op === "argmax" || op === "argmin";
      const better = (w: { hi: string; lo: string }) => (op === "max" || op === "argmax" ? wordsLess(dt, acc, w, false) : wordsLess(dt, w, acc, false));
      return {
        init: [`let ${name}_hi = 0, ${name}_lo = 0, ${name}_set = false${arg ? `, ${name} = 0, ${name}_k = 0` : ""};`],
        step: (v) => {
          const w = wordsOf(v);
          return `{ const w = ${w.hi}, x = ${w.lo}; if (!${name}_set || ${better({ hi: "w", lo: "x" })}) { ${name}_hi = w; ${name}_lo = x; ${name}_set = true;${arg ? ` ${name} = ${name}_k;` : ""} }${arg ? ` ${name}_k++;` : ""} }`;
        },
        result: name,
        words: !arg,
      };
    }
    default:
      return null;
  }
}

function accumulator(op: ReduceOp, dt: DType, name: string): AccCode {
  const c = dt.kind === "c";
  const wide = dt.isWide ? wideAccumulator(op, dt, name) : null;
  if (wide) return wide;
  switch (op) {
    case "sum":
      return c
        ? { init: [`let ${name}_re = 0, ${name}_im = 0;`], step: (v) => `${name}_re += ${v.re}; ${name}_im += ${v.im};`, result: name }
        : dt.name === "float32" || dt.name === "float16"
          // NumPy's half loops accumulate in float32 too (HALF_pairwise_sum's npy_float)
          ? { init: [`let ${name} = 0;`], step: (v) => `${name} = Math.fround(${name} + ${v.re});`, result: name }
          : { init: [`let ${name} = 0;`], step: (v) => `${name} += ${v.re};`, result: name };
    case "prod":
      return c
        ? { init: [`let ${name}_re = 1, ${name}_im = 0;`], step: (v) => `{ const t = ${name}_re * ${v.re} - ${name}_im * ${v.im}; ${name}_im = ${name}_re * ${v.im} + ${name}_im * ${v.re}; ${name}_re = t; }`, result: name }
        : dt.name === "float16"
          ? { init: [`let ${name} = 1;`], step: (v) => `${name} = Math.fround(${name} * ${v.re});`, result: name }
          : { init: [`let ${name} = 1;`], step: (v) => `${name} *= ${v.re};`, result: name };
    case "max":
    case "min": {
      const gt = op === "max" ? ">" : "<";
      if (c) {
        // lexicographic order; the first NaN (in either lane) wins and stays
        const init = op === "max" ? "-Infinity" : "Infinity";
        return {
          init: [`let ${name}_re = ${init}, ${name}_im = ${init}, ${name}_nan = false;`],
          step: (v) => `if (!${name}_nan && (${v.re} !== ${v.re} || ${v.im} !== ${v.im} || ${v.re} ${gt} ${name}_re || (${v.re} === ${name}_re && ${v.im} ${gt} ${name}_im))) { ${name}_re = ${v.re}; ${name}_im = ${v.im}; ${name}_nan = ${v.re} !== ${v.re} || ${v.im} !== ${v.im}; }`,
          result: name,
        };
      }
      return { init: [`let ${name} = ${op === "max" ? "-Infinity" : "Infinity"};`], step: (v) => `if (${v.re} ${gt} ${name} || ${v.re} !== ${v.re}) ${name} = ${v.re};`, result: name };
    }
    case "argmax":
    case "argmin":
      if (c) {
        const gt = op === "argmax" ? ">" : "<";
        const init = op === "argmax" ? "-Infinity" : "Infinity";
        return {
          init: [`let ${name}_re = ${init}, ${name}_im = ${init}, ${name}_nan = false, ${name} = 0, ${name}_k = 0;`],
          step: (v) => `if (!${name}_nan && (${v.re} !== ${v.re} || ${v.im} !== ${v.im} || ${v.re} ${gt} ${name}_re || (${v.re} === ${name}_re && ${v.im} ${gt} ${name}_im))) { ${name}_re = ${v.re}; ${name}_im = ${v.im}; ${name}_nan = ${v.re} !== ${v.re} || ${v.im} !== ${v.im}; ${name} = ${name}_k; } ${name}_k++;`,
          result: name,
        };
      }
      if (op === "argmin") {
        return {
          init: [`let ${name}_v = Infinity, ${name} = 0, ${name}_k = 0;`],
          step: (v) => `if (${v.re} < ${name}_v || (${v.re} !== ${v.re} && ${name}_v === ${name}_v)) { ${name}_v = ${v.re}; ${name} = ${name}_k; } ${name}_k++;`,
          result: name,
        };
      }
      return {
        init: [`let ${name}_v = -Infinity, ${name} = 0, ${name}_k = 0;`],
        step: (v) => `if (${v.re} > ${name}_v || (${v.re} !== ${v.re} && ${name}_v === ${name}_v)) { ${name}_v = ${v.re}; ${name} = ${name}_k; } ${name}_k++;`,
        result: name,
      };
    case "any":
      return { init: [`let ${name} = 0;`], step: (v) => (c ? `if (${v.re} !== 0 || ${v.im} !== 0) ${name} = 1;` : `if (${v.re} !== 0 && ${v.re} !== false) ${name} = 1;`), result: name };
    case "all":
      return { init: [`let ${name} = 1;`], step: (v) => (c ? `if (${v.re} === 0 && ${v.im} === 0) ${name} = 0;` : `if (${v.re} === 0 || ${v.re} === false) ${name} = 0;`), result: name };
  }
}

function emitPhaseResult(em: Emitter, ph: Node, j: number, result: string, wordsHeld = false): void {
  if (wordsHeld) em.emit(`const r${j}_hi = ${result}_hi, r${j}_lo = ${result}_lo, r${j} = ${words(ph.dtype, `r${j}_hi`, `r${j}_lo`).re};`);
  else if (ph.dtype.kind === "c") em.emit(`const r${j}_re = ${finalize(ph.dtype, `${result}_re`)}, r${j}_im = ${finalize(ph.dtype, `${result}_im`)};`);
  else em.emit(`const r${j} = ${finalize(ph.dtype, result)};`);
}

/** Words make the phase's value when the accumulator holds them and the phase keeps that dtype. */
const wordResult = (acc: AccCode, ph: Node): boolean => !!acc.words && ph.dtype.isWide;

/** A phase's value as NumPy would hold it: rounded to float32, wrapped to its integer width. */
function finalize(dt: DType, x: string): string {
  if (dt.name === "float32") return `Math.fround(${x})`;
  if (dt.name === "float16") return `fround16(${x})`;
  if (dt.kind === "i" || dt.kind === "u") return wrapInt(dt, x);
  return x;
}

function renderReduce(em: Emitter, spec: KernelSpec, nops: number, no: number, ni: number, innerDim: Dim, lanes: number[], smallInner: number | null, leafIndex: Map<Node, number>, helpers: Set<HelperName>): void {
  unpack(em, "n", no, 0);
  unpack(em, "m", ni, no);
  unpackStrides(em, "so", nops, 0, no, no + ni);
  unpackStrides(em, "si", nops, no, ni, no + ni);
  const all = Array.from({ length: nops }, (_, k) => k);
  const counter = { v: 0 };
  // phases accumulated on int64 words hand their words on
  const wordPhases = new Set<number>();
  const phaseVal = (j: number): Val => (wordPhases.has(j) ? words(spec.phases[j].dtype, `r${j}_hi`, `r${j}_lo`) : spec.phases[j].dtype.kind === "c" ? { re: `r${j}_re`, im: `r${j}_im` } : { re: `r${j}` });
  const leafAt = (p: (k: number) => string) => (n: Node): Val | undefined => {
    const j = spec.phaseRefs.get(n);
    if (j !== undefined) return phaseVal(j);
    const k = leafIndex.get(n);
    return k === undefined ? undefined : loadText(n.dtype, arr(k), p(k));
  };
  // pairwise float sums over one merged inner dim, as NumPy's pairwise_sum does
  const pairwise = spec.phases.map((ph) => ph.reduceArg.op === "sum" && ph.dtype.kind === "f" && ni === 1);
  const cls = strideClasses(innerDim, lanes);
  spec.phases.forEach((ph, j) => {
    if (!pairwise[j] || smallInner !== null) return;
    const used = all.filter((k) => k > 0);
    const prior = Array.from({ length: j }, (_, i) => `r${i}`);
    const q = (k: number) => `q_${arr(k)}`;
    // the element `off` steps ahead of the pointers, for each operand's stride class
    const at = (off: number) => (k: number) =>
      cls[k] === "zero" || off === 0 ? q(k) : cls[k] === "unit" ? `${q(k)} + ${off * lanes[k]}` : `${q(k)} + ${off} * si0_${arr(k)}`;
    const adv = (steps: number) =>
      used.filter((k) => cls[k] !== "zero").map((k) => (cls[k] === "unit" ? `${q(k)} += ${steps * lanes[k]};` : `${q(k)} += ${steps} * si0_${arr(k)};`)).join(" ");
    const value = (off: number): string => {
      const ctx = exprContext(em, helpers, leafAt(at(off)), counter);
      return renderExpr(ctx, ph.src[0]).re;
    };
    // float32 sums add in float32, as NumPy's FLOAT_pairwise_sum does (and HALF_pairwise_sum, rounding to half at the end)
    const r32 = ph.dtype.name === "float32" || ph.dtype.name === "float16";
    const add = (a: string, b: string) => (r32 ? `Math.fround(${a} + ${b})` : `(${a} + ${b})`);
    em.open(`function pw${j}(${[...used.map(q), "n", ...prior].join(", ")}) {`);
    em.open("if (n < 8) {");
    em.emit("let s = 0;");
    em.open("for (let i = 0; i < n; i++) {");
    em.emit(`s = ${add("s", value(0))};`);
    em.emit(adv(1));
    em.close();
    em.emit("return s;");
    em.close();
    em.open("if (n <= 128) {");
    const first = Array.from({ length: 8 }, (_, k) => value(k));
    em.emit(`let ${first.map((v, k) => `a${k} = ${v}`).join(", ")};`);
    em.emit(adv(8));
    em.emit("const end = n - (n % 8);");
    em.open("for (let i = 8; i < end; i += 8) {");
    const next = Array.from({ length: 8 }, (_, k) => value(k));
    em.emit(next.map((v, k) => `a${k} = ${add(`a${k}`, v)};`).join(" "));
    em.emit(adv(8));
    em.close();
    em.emit(`let s = ${add(add(add("a0", "a1"), add("a2", "a3")), add(add("a4", "a5"), add("a6", "a7")))};`);
    em.open("for (let i = end; i < n; i++) {");
    em.emit(`s = ${add("s", value(0))};`);
    em.emit(adv(1));
    em.close();
    em.emit("return s;");
    em.close();
    em.emit("let n2 = Math.floor(n / 2);", "n2 -= n2 % 8;");
    const half = [...used.map((k) => (cls[k] === "zero" ? q(k) : cls[k] === "unit" ? `${q(k)} + n2 * ${lanes[k]}` : `${q(k)} + n2 * si0_${arr(k)}`)), "n - n2", ...prior].join(", ");
    em.emit(`return ${add(`pw${j}(${[...used.map(q), "n2", ...prior].join(", ")})`, `pw${j}(${half})`)};`);
    em.close();
  });

  nest(em, "n", "so", "p", no, all, (k) => `off[${k}]`, (p) => {
    spec.phases.forEach((ph, j) => {
      const rop = ph.reduceArg.op;
      if (smallInner !== null) {
        // a few reduced elements (pairwise distances over xyz): fully unrolled, in NumPy's order
        const acc = accumulator(rop, ph.src[0].dtype, `acc${j}`);
        em.emit(...acc.init);
        for (let e = 0; e < smallInner; e++) {
          const at = (k: number) => (cls[k] === "zero" || e === 0 ? p(k) : cls[k] === "unit" ? `${p(k)} + ${e * lanes[k]}` : `${p(k)} + ${e} * si0_${arr(k)}`);
          const ctx = exprContext(em, helpers, leafAt(at), counter);
          em.emit(acc.step(renderExpr(ctx, ph.src[0])));
        }
        emitPhaseResult(em, ph, j, acc.result, wordResult(acc, ph));
        if (wordResult(acc, ph)) wordPhases.add(j);
        return;
      }
      if (pairwise[j]) {
        const used = all.filter((k) => k > 0);
        em.emit(`const r${j} = ${finalize(ph.dtype, `pw${j}(${[...used.map((k) => p(k)), "m0", ...Array.from({ length: j }, (_, i) => `r${i}`)].join(", ")})`)};`);
        return;
      }
      const acc = accumulator(rop, ph.src[0].dtype, `acc${j}`);
      em.emit(...acc.init);
      em.open("{");
      nest(em, "m", "si", "t", ni, all, (k) => p(k), (t) => {
        const ctx = exprContext(em, helpers, leafAt(t), counter);
        em.emit(acc.step(renderExpr(ctx, ph.src[0])));
      }, "j");
      em.close();
      emitPhaseResult(em, ph, j, acc.result, wordResult(acc, ph));
      if (wordResult(acc, ph)) wordPhases.add(j);
    });
    const outDt = spec.out.buf.dtype;
    if (spec.mode === "phase") {
      em.emit(storeText(outDt, "out0", p(0), castStore(spec.root.dtype, outDt, phaseVal(spec.phases.length - 1))));
    } else if (spec.mode === "outer") {
      const ctx = exprContext(em, helpers, leafAt(p), counter);
      em.emit(storeText(outDt, "out0", p(0), castStore(spec.root.dtype, outDt, renderExpr(ctx, spec.root))));
    } else {
      em.open("{");
      nest(em, "m", "si", "t", ni, all, (k) => p(k), (t) => {
        const ctx = exprContext(em, helpers, leafAt(t), counter);
        em.emit(storeText(outDt, "out0", t(0), castStore(spec.root.dtype, outDt, renderExpr(ctx, spec.root))));
      }, "j");
      em.close();
    }
  });
}

/** Reductions along slow axes: accumulate whole rows into a per-output vector (the fast order for axis 0). */
function renderColumnReduce(em: Emitter, spec: KernelSpec, nops: number, nd: number, nod: number, innerDim: Dim, lanes: number[], leafIndex: Map<Node, number>, helpers: Set<HelperName>): void {
  const ph = spec.phases[0];
  const rop = ph.reduceArg.op;
  unpack(em, "n", nd, 0);
  unpack(em, "m", nod, nd);
  em.emit(`const size = sh[${nd + nod}];`);
  unpackStrides(em, "s", nops, 0, nd - 1, nd);
  em.emit(`const ${Array.from({ length: nod }, (_, i) => `so${i}_out0 = st[${nops * nd + i}]`).join(", ")};`);
  // int64/uint64 sums and extremes accumulate on words: T holds (lo, hi) per output
  const srcDt = ph.src[0].dtype;
  const wide = srcDt.isWide && ph.dtype.isWide && (rop === "sum" || rop === "max" || rop === "min");
  const init = rop === "sum" || rop === "any" ? "0" : rop === "prod" || rop === "all" ? "1" : rop === "max" ? "-Infinity" : "Infinity";
  if (wide) {
    em.emit(`const T = new Int32Array(2 * size);`);
    // the identity of max/min: the type's least (greatest) value, as words
    const u = srcDt.name === "uint64";
    const first = rop === "max" ? (u ? null : ["0", "-2147483648"]) : rop === "min" ? (u ? ["-1", "-1"] : ["-1", "2147483647"]) : null;
    if (first) em.emit(`for (let q = 0; q < size; q++) { T[2 * q] = ${first[0]}; T[2 * q + 1] = ${first[1]}; }`);
  } else {
    em.emit(`const T = new Float64Array(size);`);
    if (init !== "0") em.emit(`T.fill(${init});`);
  }
  const all = Array.from({ length: nops }, (_, k) => k);
  const counter = { v: 0 };
  const cls = strideClasses(innerDim, lanes);
  for (const k of all) if (cls[k] === "gen") em.emit(`const s${nd - 1}_${arr(k)} = st[${k * nd + nd - 1}];`);
  const step = (index: (k: number) => string) => {
    const ctx = exprContext(em, helpers, (n) => {
      const k = leafIndex.get(n);
      return k === undefined ? undefined : loadText(n.dtype, arr(k), index(k));
    }, counter);
    const val = renderExpr(ctx, ph.src[0]);
    if (wide) {
      const w = wordsOf(val);
      const lo = `T[2 * (${index(0)})]`, hi = `T[2 * (${index(0)}) + 1]`;
      if (rop === "sum") em.emit(addWordsInto(hi, lo, w));
      else {
        const acc = { hi, lo: `(${lo} >>> 0)` }, cur = { hi: "w", lo: "x" };
        em.emit(`{ const w = ${w.hi}, x = ${w.lo}; if (${rop === "max" ? wordsLess(srcDt, acc, cur, false) : wordsLess(srcDt, cur, acc, false)}) { ${hi} = w; ${lo} = x; } }`);
      }
      return;
    }
    const v = val.re;
    const t = `T[${index(0)}]`;
    switch (rop) {
      // row by row NumPy runs the binary loop, which rounds float16 results to half at every step
      case "sum": em.emit(ph.dtype.name === "float32" ? `${t} = Math.fround(${t} + ${v});` : ph.dtype.name === "float16" ? `${t} = fround16(${t} + ${v});` : `${t} += ${v};`); break;
      case "prod": em.emit(ph.dtype.name === "float16" ? `${t} = fround16(${t} * ${v});` : `${t} *= ${v};`); break;
      case "max": em.emit(`{ const x = ${v}; if (x > ${t} || x !== x) ${t} = x; }`); break;
      case "min": em.emit(`{ const x = ${v}; if (x < ${t} || x !== x) ${t} = x; }`); break;
      case "any": em.emit(`{ const x = ${v}; if (x !== 0 && x !== false) ${t} = 1; }`); break;
      case "all": em.emit(`{ const x = ${v}; if (x === 0 || x === false) ${t} = 0; }`); break;
      default: throw new Error(`internal: ${rop} has no column form`);
    }
  };
  const innermost = (base: (k: number) => string) => innerLoop(em, `n${nd - 1}`, all, cls, lanes, base, (k) => `s${nd - 1}_${arr(k)}`, step, "i");
  if (nd === 1) innermost((k) => (k === 0 ? "0" : `off[${k}]`));
  else nest(em, "n", "s", "p", nd - 1, all, (k) => (k === 0 ? "0" : `off[${k}]`), (p) => innermost(p));
  em.emit("let q = 0;");
  nest(em, "m", "so", "o", nod, [0], () => "off[0]", (o) => {
    let r0: Val = { re: "r0" };
    if (wide) {
      em.emit(`const r0_hi = T[2 * q + 1], r0_lo = T[2 * q] >>> 0; q++;`);
      r0 = words(ph.dtype, "r0_hi", "r0_lo");
    } else em.emit(`const r0 = ${finalize(ph.dtype, "T[q++]")};`);
    const outDt = spec.out.buf.dtype;
    if (spec.mode === "phase") {
      em.emit(storeText(outDt, "out0", o(0), castStore(ph.dtype, outDt, r0)));
      return;
    }
    // per-output work on the reduction (mean's division): the root reads the phase value only
    const ctx = exprContext(em, helpers, (n) => (spec.phaseRefs.has(n) ? r0 : undefined), counter);
    em.emit(storeText(outDt, "out0", o(0), castStore(spec.root.dtype, outDt, renderExpr(ctx, spec.root))));
  });
}

