/** @file NUMFUSE_DEBUG ladder and counters that tests read (tinygrad DEBUG, GlobalCounters). */

/** 1: each kernel's source as compiled; 2: also one line per kernel run. */
export const DEBUG = Number((typeof process !== "undefined" && process.env?.NUMFUSE_DEBUG) || 0);

export const counters = {
  kernelsCompiled: 0,
  kernelsRun: 0,
  plansBuilt: 0,
  buffersAllocated: 0,
  bytesAllocated: 0,
  /** wasm kernel calls shared with worker threads */
  threadedCalls: 0,
};

export function resetCounters(): void {
  for (const k of Object.keys(counters) as (keyof typeof counters)[]) counters[k] = 0;
}
