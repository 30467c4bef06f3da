/** @file Kernel compilation: `new Function` over generated source, cached by structure so one function serves every shape (cwise thunk.js, jax-js jitCompileCache). */
import type { LaneArray } from "./dtype.js";
import { KERNEL_HELPERS } from "./kernel-helpers.js";
import { counters, DEBUG } from "./debug.js";

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
export const clearKernelCache = (): void => cache.clear();
