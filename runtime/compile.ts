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

const wasmCache = new Map<string, (...args: number[]) => void>();

/** Instantiate (cached by the kernel's structural key) a wasm kernel over the shared memory. */
export function compileWasm(key: string, bytes: Uint8Array): (...args: number[]) => void {
  let fn = wasmCache.get(key);
  if (!fn) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { mem: wasmMemory(), ...MATH_IMPORTS } });
    fn = instance.exports.k as (...args: number[]) => void;
    wasmCache.set(key, fn);
    counters.kernelsCompiled++;
  }
  return fn;
}
