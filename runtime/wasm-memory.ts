/** @file Array memory inside one shared WebAssembly.Memory, so WebAssembly kernels can address it; a size-class allocator fed back by FinalizationRegistry. */

const PAGE = 65536;
/** 4 GiB: the most a wasm32 memory can address */
const MAX_PAGES = 65536;
const GROW_MIN_PAGES = 1024; // 64 MiB at a time

let memory: WebAssembly.Memory | null = null;
// NUMFUSE_NOWASM=1: plain ArrayBuffers and JS kernels only (the path taken when wasm memory is full)
if (!(typeof process !== "undefined" && process.env?.NUMFUSE_NOWASM === "1")) {
  try {
    memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  } catch {
    memory = null; // no shared wasm memory here: arrays live in plain ArrayBuffers, kernels stay JS
  }
}

export const wasmMemory = (): WebAssembly.Memory | null => memory;

/** Every buffer object the memory has handed out (growth replaces it): is `buf` this memory? */
const seenBuffers = new WeakSet<object>();
export function isWasmBuffer(buf: ArrayBufferLike): boolean {
  if (!memory) return false;
  seenBuffers.add(memory.buffer);
  return seenBuffers.has(buf);
}

/** Next never-used byte; everything below it was handed out at some point. */
let top = 64; // address 0 stays unused so that 0 never names an array
const free = new Map<number, number[]>();

/** Size classes: 64-byte steps below 64 KiB, quarters of powers of two above (at most 25% slack). */
export function blockSize(bytes: number): number {
  if (bytes <= 65536) return Math.max(64, Math.ceil(bytes / 64) * 64);
  const p = 2 ** Math.floor(Math.log2(bytes));
  const q = p / 4;
  return Math.ceil(bytes / q) * q;
}

/** A block of at least `bytes` bytes: [address, block size], or null when the memory is full. */
export function wasmAlloc(bytes: number): [number, number] | null {
  if (!memory) return null;
  const size = blockSize(bytes);
  const list = free.get(size);
  const reused = list?.pop();
  if (reused !== undefined) return [reused, size];
  const need = top + size;
  const have = memory.buffer.byteLength;
  if (need > have) {
    const pages = Math.max(Math.ceil((need - have) / PAGE), GROW_MIN_PAGES);
    const current = have / PAGE;
    const grow = Math.min(pages, MAX_PAGES - current);
    if (grow <= 0 || current + grow < Math.ceil(need / PAGE)) return null;
    try {
      memory.grow(grow);
    } catch {
      return null;
    }
  }
  const addr = top;
  top = need;
  seenBuffers.add(memory.buffer);
  return [addr, size];
}

export function wasmFree(addr: number, size: number): void {
  let list = free.get(size);
  if (!list) free.set(size, (list = []));
  list.push(addr);
}

export const wasmStats = () => ({ top, pages: memory ? memory.buffer.byteLength / PAGE : 0, freeBlocks: [...free.values()].reduce((s, l) => s + l.length, 0) });
