/**
 * @file Worker threads over the shared wasm memory. A large WebAssembly kernel call whose
 * ParSplit says how is cut into pieces: slices of rows, columns or elements, or, for one long
 * pairwise row, the subtrees of NumPy's pairwise recursion a few levels down, combined afterwards
 * in the recursion's order. Every thread claims pieces from one shared counter, so a worker the
 * OS has descheduled costs at most the piece it holds, and results are bit for bit those of one
 * thread. NUMFUSE_THREADS=1 keeps everything on the calling thread.
 */
import { Worker, MessageChannel, type MessagePort } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { PARALLEL_MIN_WORK, type ParSplit, type WasmKernel } from "../compiler/render/wasm.js";
import { wasmInstance, type WasmExports } from "./compile.js";
import { wasmMemory } from "./wasm-memory.js";
import { counters } from "./debug.js";

/** Pieces per call: enough that a late worker leaves little to wait for, few enough to stay cheap. */
const PIECES = 8;
const MAX_PIECES = 64;
/** f64 slots for all pieces' arguments */
const MAX_SLOTS = 4096;
/**
 * Int32 control words. POSTED: the job number workers wake on. CLAIM: (job & 0x7fff) << 16 | next
 * piece, taken by compare-and-swap, so a worker that wakes late can never claim a newer job's
 * pieces. DONE: pieces finished. FAILED: a piece threw. READY: workers running. The rest
 * describe the job: its pieces, arguments per piece, function, module.
 */
const POSTED = 0, CLAIM = 1, DONE = 2, FAILED = 3, READY = 4, NPIECES = 5, NARGS = 6, FN = 7, MODULE = 8;
const CTL_BYTES = 64;

/**
 * The worker: on each posted job, takes new modules from its port, then claims pieces until none
 * is left, calling the job's export with the piece's arguments and storing the f64 result.
 * Static text; it never sees user data.
 */
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require("node:worker_threads");
const { mem, board, port } = workerData;
const ctl = new Int32Array(board, 0, ${CTL_BYTES / 4});
const args = new Float64Array(board, ${CTL_BYTES}, ${MAX_SLOTS});
const res = new Float64Array(board, ${CTL_BYTES + 8 * MAX_SLOTS}, ${MAX_PIECES});
const m = { mem };
for (const k of Object.getOwnPropertyNames(Math)) if (typeof Math[k] === "function") m[k] = Math[k];
const instances = new Map();
let seen = 0;
Atomics.add(ctl, ${READY}, 1);
for (;;) {
  Atomics.wait(ctl, ${POSTED}, seen);
  seen = Atomics.load(ctl, ${POSTED});
  for (let msg; (msg = receiveMessageOnPort(port)); ) instances.set(msg.message.id, new WebAssembly.Instance(msg.message.module, { m }).exports);
  for (;;) {
    const w = Atomics.load(ctl, ${CLAIM});
    if (w >>> 16 !== (seen & 0x7fff) || (w & 0xffff) >= Atomics.load(ctl, ${NPIECES})) break;
    if (Atomics.compareExchange(ctl, ${CLAIM}, w, w + 1) !== w) continue;
    // claimed: the job cannot finish before this piece does, so its description stays put
    const piece = w & 0xffff, fn = ctl[${FN}], nargs = ctl[${NARGS}];
    try {
      const ex = instances.get(ctl[${MODULE}]);
      const f = fn === -1 ? ex.k : ex["p" + fn];
      const a = new Array(nargs);
      for (let i = 0; i < nargs; i++) a[i] = args[piece * nargs + i];
      res[piece] = f(...a) ?? 0;
    } catch {
      Atomics.store(ctl, ${FAILED}, 1);
    }
    Atomics.add(ctl, ${DONE}, 1);
    Atomics.notify(ctl, ${DONE});
  }
}
`;

interface Helper {
  port: MessagePort;
  /** module ids sent to this worker */
  has: Set<number>;
}

/** Threads in all, the calling one included. */
let threads = (() => {
  const env = typeof process !== "undefined" ? process.env?.NUMFUSE_THREADS : undefined;
  const n = env !== undefined && /^\d+$/.test(env) ? Number(env) : availableParallelism();
  return Math.max(1, Math.min(n, 8));
})();
const helpers: Helper[] = [];
let board: SharedArrayBuffer | null = null;
let ctl: Int32Array, args: Float64Array, res: Float64Array;
let job = 0;

/** Set how many threads (the calling one included) large kernels use; 1 turns workers off. */
export function setThreads(n: number): void {
  threads = Math.max(1, Math.min(Math.floor(n), 8));
}
export function threadCount(): number {
  return threads;
}

/** Workers up to `threads - 1`, started on first need; false while none runs yet. */
function helpersReady(): boolean {
  const memory = wasmMemory();
  if (!memory || threads < 2) return false;
  if (!board) {
    board = new SharedArrayBuffer(CTL_BYTES + 8 * MAX_SLOTS + 8 * MAX_PIECES);
    ctl = new Int32Array(board, 0, CTL_BYTES / 4);
    args = new Float64Array(board, CTL_BYTES, MAX_SLOTS);
    res = new Float64Array(board, CTL_BYTES + 8 * MAX_SLOTS, MAX_PIECES);
  }
  while (helpers.length < threads - 1) {
    const { port1, port2 } = new MessageChannel();
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { mem: memory, board, port: port2 }, transferList: [port2] });
    } catch {
      // no workers here (a sandbox, a resource limit): everything stays on this thread
      threads = helpers.length + 1;
      break;
    }
    // a worker that fails never claims a piece: this thread then runs them all
    worker.on("error", () => {});
    worker.unref();
    port1.unref();
    helpers.push({ port: port1, has: new Set() });
  }
  if (!helpers.length) return false;
  return Atomics.load(ctl, READY) > 0;
}

/** Start the workers now and wait (up to `ms`) until they all run: how many threads are then in use. */
export function startThreads(ms = 5000): number {
  if (!wasmMemory() || threads < 2) return 1;
  helpersReady();
  const until = performance.now() + ms;
  for (let r; (r = Atomics.load(ctl, READY)) < helpers.length && performance.now() < until; ) Atomics.wait(ctl, READY, r, 10);
  return 1 + Math.min(Atomics.load(ctl, READY), threads - 1);
}

/**
 * Run `fn` (-1: "k"; j >= 0: "p<j>") once per piece, the pieces shared between this thread and the
 * workers; the f64 results in piece order.
 */
function runPieces(inst: WasmExports, fn: number, pieces: readonly (readonly number[])[]): number[] {
  const nargs = pieces[0].length;
  for (const h of helpers) {
    if (!h.has.has(inst.id)) {
      h.port.postMessage({ id: inst.id, module: inst.module });
      h.has.add(inst.id);
    }
  }
  pieces.forEach((p, i) => args.set(p, i * nargs));
  job = (job + 1) & 0x7fff;
  ctl[NPIECES] = pieces.length;
  ctl[NARGS] = nargs;
  ctl[FN] = fn;
  ctl[MODULE] = inst.id;
  Atomics.store(ctl, DONE, 0);
  Atomics.store(ctl, FAILED, 0);
  Atomics.store(ctl, CLAIM, job << 16);
  Atomics.store(ctl, POSTED, job);
  Atomics.notify(ctl, POSTED);
  const f = fn === -1 ? inst.k : inst.p(fn);
  for (;;) {
    const w = Atomics.load(ctl, CLAIM);
    if ((w & 0xffff) >= pieces.length) break;
    if (Atomics.compareExchange(ctl, CLAIM, w, w + 1) !== w) continue;
    const i = w & 0xffff;
    try {
      res[i] = f(...pieces[i]) ?? 0;
    } catch {
      // still count the piece: the job must end before the board is used again
      Atomics.store(ctl, FAILED, 1);
    }
    Atomics.add(ctl, DONE, 1);
  }
  // wait on the value just seen: a notify between the check and the wait must not be lost
  for (let d; (d = Atomics.load(ctl, DONE)) < pieces.length; ) Atomics.wait(ctl, DONE, d);
  if (Atomics.load(ctl, FAILED)) throw new Error("numfuse: a kernel split between threads failed");
  return Array.from(res.subarray(0, pieces.length));
}

/** Run a wasm kernel at the operands' byte addresses, on several threads when it is large enough to pay. */
export function runWasm(key: string, wasm: WasmKernel, addrs: readonly number[]): void {
  const inst = wasmInstance(key, wasm.bytes);
  const par = wasm.par;
  if (!par || par.work < PARALLEL_MIN_WORK || PIECES * (addrs.length + wasm.tail.length) > MAX_SLOTS || !helpersReady()) {
    inst.k(...addrs, ...wasm.tail);
    return;
  }
  counters.threadedCalls++;
  if (par.pairwise) pairwiseRow(inst, wasm, par, addrs);
  else slices(inst, wasm, par, addrs);
}

function slices(inst: WasmExports, wasm: WasmKernel, par: ParSplit, addrs: readonly number[]): void {
  const units = wasm.tail[par.extentAt];
  const count = par.coarse ? threads : PIECES;
  // slice starts rounded to 8 units, so no two threads write into one cache line of a contiguous output
  const cuts = [...new Set([0, ...Array.from({ length: count - 1 }, (_, t) => Math.floor((units * (t + 1)) / count / 8) * 8), units])].sort((a, b) => a - b);
  const pieces = cuts.slice(1).map((b, t) => {
    const a = cuts[t];
    const tail = wasm.tail.slice();
    tail[par.extentAt] = b - a;
    return [...addrs.map((x, k) => x + a * par.steps[k]), ...tail];
  });
  if (pieces.length === 1) inst.k(...pieces[0]);
  else runPieces(inst, -1, pieces);
}

/**
 * One long row: NumPy's pairwise sum of n > 128 elements is pairwise(n2) + pairwise(n - n2) with
 * n2 = (n / 2) rounded down to a multiple of 8. The subtrees three levels down are the pieces; their
 * sums are added back up the same tree (rounded to float32 at every node for float32 sums).
 */
function pairwiseRow(inst: WasmExports, wasm: WasmKernel, par: ParSplit, addrs: readonly number[]): void {
  const n = wasm.tail[par.extentAt];
  const inputs = addrs.slice(1);
  const LEVELS = Math.log2(PIECES);
  const leaves: [number, number][] = [];
  const split = (start: number, len: number, depth: number): void => {
    if (depth === LEVELS || len <= 128) {
      leaves.push([start, len]);
      return;
    }
    const n2 = Math.floor(len / 2) & ~7;
    split(start, n2, depth + 1);
    split(start + n2, len - n2, depth + 1);
  };
  split(0, n, 0);
  const sums: number[] = [];
  par.pairwise!.float32.forEach((f32, j) => {
    const parts = runPieces(inst, j, leaves.map(([start, len]) => [...inputs.map((x, k) => x + start * par.steps[k + 1]), len, ...sums]));
    let next = 0;
    const combine = (len: number, depth: number): number => {
      if (depth === LEVELS || len <= 128) return parts[next++];
      const n2 = Math.floor(len / 2) & ~7;
      const left = combine(n2, depth + 1);
      const s = left + combine(len - n2, depth + 1);
      return f32 ? Math.fround(s) : s;
    };
    sums.push(combine(n, 0));
  });
  inst.e(...addrs, n, ...sums);
}
