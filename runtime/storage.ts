/** @file Array memory: byte buffers with identity and a write version, recycled through a size-class pool fed by FinalizationRegistry. */
import type { DType, LaneArray } from "./dtype.js";
import { wasmAlloc, wasmFree, wasmMemory } from "./wasm-memory.js";
import type { Mirror } from "./mirror.js";

let nextStorageId = 1;

/**
 * One block of memory that arrays view. Storage identity is what laziness tracks: a write into a
 * storage first realizes every pending computation that reads it (see src/laziness.ts).
 */
export class Storage {
  readonly id = nextStorageId++;
  /** lane arrays over the whole buffer, one per typed-array class, made on first use */
  #lanes = new Map<unknown, LaneArray>();
  /** set on an aligned shadow of unaligned memory (runtime/mirror.ts) */
  mirror: Mirror | null = null;
  constructor(
    readonly buffer: ArrayBuffer | SharedArrayBuffer,
    readonly byteOffset = 0,
    readonly byteLength = buffer.byteLength - byteOffset,
    /** byte address inside the wasm memory, or -1 for memory WebAssembly kernels cannot reach */
    readonly addr = -1,
  ) {}

  /** The whole storage as `dtype`'s lane array (bytes beyond the last whole lane are unreachable). */
  lanes(dtype: DType): LaneArray {
    const ctor = dtype.laneCtor;
    let arr = this.#lanes.get(ctor);
    if (!arr) {
      const n = Math.floor(this.byteLength / ctor.BYTES_PER_ELEMENT);
      if (this.byteOffset % ctor.BYTES_PER_ELEMENT !== 0) {
        throw new RangeError(`storage offset ${this.byteOffset} is not aligned for ${dtype.name}`);
      }
      arr = new ctor(this.buffer, this.byteOffset, n);
      this.#lanes.set(ctor, arr);
    }
    return arr;
  }

  get bytes(): Uint8Array {
    return this.lanes({ laneCtor: Uint8Array } as unknown as DType) as Uint8Array;
  }
}

// ---- the pool -------------------------------------------------------------------------------

/** Buffers below this size are left to the engine: the pool only pays off where page faults dominate. */
const POOL_MIN_BYTES = 1 << 20;
const POOL_MAX_TOTAL = 1 << 30;
const freeBuffers = new Map<number, ArrayBuffer[]>();
let pooledBytes = 0;
export const poolStats = { allocated: 0, reused: 0, returned: 0 };

/** Size classes: powers of two split in quarters, so a reused buffer wastes at most 25%. */
function sizeClass(bytes: number): number {
  if (bytes <= POOL_MIN_BYTES) return bytes;
  const p = 2 ** Math.floor(Math.log2(bytes));
  const q = p / 4;
  return Math.ceil(bytes / q) * q;
}

const registry = new FinalizationRegistry<ArrayBuffer>((buf) => {
  if (pooledBytes + buf.byteLength > POOL_MAX_TOTAL) return;
  const list = freeBuffers.get(buf.byteLength) ?? [];
  list.push(buf);
  freeBuffers.set(buf.byteLength, list);
  pooledBytes += buf.byteLength;
  poolStats.returned++;
});

/**
 * A new storage of at least `bytes` bytes. Its contents are unspecified when `zero` is false
 * (like np.empty); large buffers come back to the pool when their storage is collected.
 */
const ballast = new WeakMap<Storage, ArrayBuffer>();
const wasmRegistry = new FinalizationRegistry<[number, number]>(([addr, size]) => wasmFree(addr, size));

/** Uint8Array.fill over wasm memory runs byte by byte here (32 MB: 31 ms); eight bytes at a time takes 5 ms. */
function zeroFill(buf: ArrayBufferLike, addr: number, size: number): void {
  const head = Math.min(size, (8 - (addr % 8)) % 8);
  if (head) new Uint8Array(buf, addr, head).fill(0);
  const words = Math.floor((size - head) / 8);
  if (words) new Float64Array(buf, addr + head, words).fill(0);
  const tail = size - head - words * 8;
  if (tail) new Uint8Array(buf, addr + head + words * 8, tail).fill(0);
}

export function allocStorage(bytes: number, zero = true): Storage {
  const block = wasmAlloc(bytes);
  if (block) {
    const [addr, size] = block;
    const buf = wasmMemory()!.buffer;
    const s = new Storage(buf, addr, Math.max(bytes, 0), addr);
    // V8 schedules garbage collection by the external memory it sees, and wasm blocks are invisible
    // to it: an untouched buffer of the same size makes dead arrays collectable at the pace their
    // size calls for, so their blocks come back. It is left uninitialized: a zeroed ArrayBuffer is
    // calloc'd, and once glibc's mmap threshold has grown calloc clears (faults in) every page.
    if (size >= 1 << 16) ballast.set(s, Buffer.allocUnsafeSlow(size).buffer as ArrayBuffer);
    // reused blocks hold old data; grown memory is already zero
    if (zero) zeroFill(buf, addr, size);
    wasmRegistry.register(s, [addr, size]);
    poolStats.allocated++;
    return s;
  }
  return allocPlain(bytes, zero);
}

function allocPlain(bytes: number, zero: boolean): Storage {
  const cls = sizeClass(Math.max(bytes, 0));
  if (cls >= POOL_MIN_BYTES) {
    const list = freeBuffers.get(cls);
    const buf = list?.pop();
    if (buf) {
      pooledBytes -= buf.byteLength;
      poolStats.reused++;
      if (zero) new Uint8Array(buf, 0, bytes).fill(0);
      const s = new Storage(buf, 0, bytes);
      registry.register(s, buf);
      return s;
    }
    const fresh = new ArrayBuffer(cls);
    poolStats.allocated++;
    const s = new Storage(fresh, 0, bytes);
    registry.register(s, fresh);
    return s;
  }
  poolStats.allocated++;
  // lane arrays of any dtype need 8-byte multiples
  return new Storage(new ArrayBuffer(Math.ceil(cls / 8) * 8), 0, cls);
}

