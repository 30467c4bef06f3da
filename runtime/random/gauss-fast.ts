/** @file The legacy polar Box-Muller (RandomState.standard_normal) over blocks of MT19937 doubles: one tight loop, the cached second value carried across calls, no double drawn that NumPy would not draw. */
import { logUnit } from "./glibc-log.js";
import type { MT19937Core } from "./mt19937.js";
import { wasmAlloc, wasmMemory } from "../wasm-memory.js";

/** RandomState's has_gauss / gauss pair. */
export interface GaussCache {
  hasGauss: number;
  gauss: number;
}

const PAIRS = 4096;
let scratch: Float64Array | null = null;
/** In wasm memory when there is one, so MT19937's wasm fill writes the doubles straight in. */
function block(): Float64Array {
  if (scratch) return scratch;
  const b = wasmAlloc(16 * PAIRS);
  scratch = b ? new Float64Array(wasmMemory()!.buffer, b[0], 2 * PAIRS) : new Float64Array(2 * PAIRS);
  return scratch;
}

/**
 * out[i] for i in [start, end) as successive legacy_gauss calls: the cached value first, then
 * per accepted pair f * x2 and f * x1 (the latter cached when it is past the end). Each block asks
 * for at most as many pairs as values are still missing, so the stream never runs ahead.
 */
export function legacyGaussFill(mt: MT19937Core, cache: GaussCache, out: Float64Array, start: number, end: number): void {
  const buf = block();
  let i = start;
  if (i < end && cache.hasGauss) {
    out[i++] = cache.gauss;
    cache.hasGauss = 0;
    cache.gauss = 0;
  }
  while (i < end) {
    const pairs = Math.min((end - i + 1) >> 1, PAIRS);
    mt.fillDouble(buf, 0, 2 * pairs);
    for (let p = 0; p < 2 * pairs; p += 2) {
      const x1 = 2.0 * buf[p] - 1.0;
      const x2 = 2.0 * buf[p + 1] - 1.0;
      const r2 = x1 * x1 + x2 * x2;
      if (r2 >= 1.0 || r2 === 0.0) continue;
      const f = Math.sqrt((-2.0 * logUnit(r2)) / r2);
      out[i++] = f * x2;
      if (i < end) out[i++] = f * x1;
      else {
        cache.gauss = f * x1;
        cache.hasGauss = 1;
      }
    }
  }
}
