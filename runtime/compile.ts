/** @file Kernel compilation: `new Function` over generated source, cached by structure so one function serves every shape (cwise thunk.js, jax-js jitCompileCache). */
import type { LaneArray } from "./dtype.js";
import { KERNEL_HELPERS } from "./kernel-helpers.js";
import { counters, DEBUG } from "./debug.js";
import { wasmMemory } from "./wasm-memory.js";

/** What wasm kernels may import: Math's functions, the same the JS kernels call, so both give the same bits. */
const MATH_IMPORTS = Object.fromEntries(
  Object.getOwnPropertyNames(Math)
    .filter((k) => typeof (Math as unknown as Record<string, unknown>)[k] === "function")
    .map((k) => [k, (Math as unknown as Record<string, unknown>)[k]]),
);

export type KernelFn = (...args: (LaneArray | number[])[]) => void;

const cache = new Map<string, KernelFn>();

export function compileKernel(name: string, source: string, key: string): KernelFn {
  let fn = cache.get(key);
  if (!fn) {
    if (DEBUG >= 1) process.stderr.write(`---- ${name} ----\n${source}\n`);
    fn = new Function("H", source)(KERNEL_HELPERS) as KernelFn;
    cache.set(key, fn);
    counters.kernelsCompiled++;
  }
  return fn;
}

export const kernelCacheSize = (): number => cache.size;

/** An instantiated wasm kernel: its module (posted to worker threads by id) and its exports. */
export interface WasmExports {
  id: number;
  module: WebAssembly.Module;
  k: (...args: number[]) => void;
  /** one row given its phase sums (row reductions) */
  e: (...args: number[]) => void;
  /** phase j's pairwise sum over one row's inputs (row reductions) */
  p: (j: number) => (...args: number[]) => number;
}

const wasmCache = new Map<string, WasmExports>();

/** Instantiate (cached by the kernel's structural key) a wasm kernel over the shared memory. */
export function wasmInstance(key: string, bytes: Uint8Array): WasmExports {
  let inst = wasmCache.get(key);
  if (!inst) {
    const module = new WebAssembly.Module(bytes);
    const ex = new WebAssembly.Instance(module, { m: { mem: wasmMemory(), ...MATH_IMPORTS } }).exports as Record<string, (...args: number[]) => number>;
    inst = { id: wasmCache.size + 1, module, k: ex.k, e: ex.e, p: (j) => ex[`p${j}`] };
    wasmCache.set(key, inst);
    counters.kernelsCompiled++;
  }
  return inst;
}
