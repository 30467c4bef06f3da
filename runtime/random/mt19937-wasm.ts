/**
 * @file MT19937's block fill in WebAssembly: the twist and tempering over a 624-word key in wasm
 * memory, writing runs of tempered words or 53-bit doubles (randomkit's (a >> 5) * 2**26 + (b >> 6)).
 * Same bits as the JS loops in mt19937.ts, which stay the fallback.
 */
import { FnBuilder, I32, OP, i32const, moduleBytes, uleb } from "../../compiler/render/wasm-asm.js";
import { wasmAlloc, wasmMemory } from "../wasm-memory.js";
import { randomWasm } from "./pcg64-wasm.js";

const X = {
  i32Load: 0x28, i32Store: 0x36, i32Shl: 0x74, i32ShrU: 0x76, i32Sub: 0x6b, i32GeS: 0x4e,
  i64ExtendI32U: 0xad, i64Shl: 0x86, i64Or: 0x84, f64ConvertI64U: 0xba, f64Mul: 0xa2, f64Store: 0x39,
};
const N = 624, M = 397;
const f64bytes = (v: number) => [...new Uint8Array(new Float64Array([v]).buffer)];

/** twist(st): the 624-word regeneration, in order, each word reading its (i + 1) and (i + 397) mod 624 neighbours. */
function buildTwist(): FnBuilder {
  const fb = new FnBuilder([I32], []);
  const st = 0;
  const i = fb.local(I32), j = fb.local(I32), p = fb.local(I32), y = fb.local(I32);
  const word = (idx: number) => fb.get(idx).emit(...i32const(2), X.i32Shl).get(st).emit(OP.i32Add, X.i32Load, 2, 0);
  fb.emit(...i32const(0)).set(i);
  fb.emit(OP.block, 0x40, OP.loop, 0x40);
  fb.get(i).emit(...i32const(N), OP.i32GeU, OP.brIf, 1);
  // j = i + 1 mod N, p = i + M mod N
  fb.get(i).emit(...i32const(1), OP.i32Add).set(j);
  fb.get(j).emit(...i32const(0)).get(j).emit(...i32const(N), OP.i32Ne, OP.select).set(j);
  fb.get(i).emit(...i32const(M), OP.i32Add).set(p);
  fb.get(p).emit(...i32const(N), X.i32Sub).get(p).get(p).emit(...i32const(N), OP.i32GeU, OP.select).set(p);
  word(i).emit(...i32const(0x80000000 | 0), OP.i32And);
  word(j).emit(...i32const(0x7fffffff), OP.i32And, OP.i32Or).set(y);
  // mt[i] = mt[p] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df)
  fb.get(i).emit(...i32const(2), X.i32Shl).get(st).emit(OP.i32Add);
  word(p);
  fb.get(y).emit(...i32const(1), X.i32ShrU, OP.i32Xor);
  fb.emit(...i32const(0)).get(y).emit(...i32const(1), OP.i32And, X.i32Sub, ...i32const(0x9908b0df | 0), OP.i32And, OP.i32Xor);
  fb.emit(X.i32Store, 2, 0);
  fb.addTo(i, 1);
  fb.emit(OP.br, 0, OP.end, OP.end);
  return fb;
}

/** k(st, out, n, asDouble): n tempered words (i32) or n doubles at out; st = key[624], then pos. */
function buildFill(): FnBuilder {
  const fb = new FnBuilder([I32, I32, I32, I32], []);
  const [st, out, n, asDouble] = [0, 1, 2, 3];
  const pos = fb.local(I32), y = fb.local(I32), a = fb.local(I32), end = fb.local(I32);
  fb.get(st).emit(X.i32Load, 2, ...uleb(4 * N)).set(pos);
  // next tempered word into y
  const next = () => {
    fb.get(pos).emit(...i32const(N), OP.i32GeU, OP.if, 0x40);
    fb.get(st).emit(OP.call, 1).emit(...i32const(0)).set(pos);
    fb.emit(OP.end);
    fb.get(pos).emit(...i32const(2), X.i32Shl).get(st).emit(OP.i32Add, X.i32Load, 2, 0).set(y);
    fb.addTo(pos, 1);
    fb.get(y).get(y).emit(...i32const(11), X.i32ShrU, OP.i32Xor).set(y);
    fb.get(y).get(y).emit(...i32const(7), X.i32Shl, ...i32const(0x9d2c5680 | 0), OP.i32And, OP.i32Xor).set(y);
    fb.get(y).get(y).emit(...i32const(15), X.i32Shl, ...i32const(0xefc60000 | 0), OP.i32And, OP.i32Xor).set(y);
    fb.get(y).get(y).emit(...i32const(18), X.i32ShrU, OP.i32Xor).set(y);
  };
  fb.get(asDouble).emit(OP.if, 0x40);
  {
    fb.get(out).get(n).emit(...i32const(3), X.i32Shl, OP.i32Add).set(end);
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(out).get(end).emit(OP.i32GeU, OP.brIf, 1);
    next();
    fb.get(y).emit(...i32const(5), X.i32ShrU).set(a);
    next();
    fb.get(out);
    fb.get(a).emit(X.i64ExtendI32U, OP.i64Const, 26, X.i64Shl);
    fb.get(y).emit(...i32const(6), X.i32ShrU, X.i64ExtendI32U, X.i64Or, X.f64ConvertI64U);
    fb.emit(OP.f64Const, ...f64bytes(2 ** -53), X.f64Mul, X.f64Store, 3, 0);
    fb.addTo(out, 8);
    fb.emit(OP.br, 0, OP.end, OP.end);
  }
  fb.emit(OP.else);
  {
    fb.get(out).get(n).emit(...i32const(2), X.i32Shl, OP.i32Add).set(end);
    fb.emit(OP.block, 0x40, OP.loop, 0x40);
    fb.get(out).get(end).emit(OP.i32GeU, OP.brIf, 1);
    next();
    fb.get(out).get(y).emit(X.i32Store, 2, 0);
    fb.addTo(out, 4);
    fb.emit(OP.br, 0, OP.end, OP.end);
  }
  fb.emit(OP.end);
  fb.get(st).get(pos).emit(X.i32Store, 2, ...uleb(4 * N));
  return fb;
}

type Fill = (st: number, out: number, n: number, asDouble: number) => void;
let kernel: Fill | null | undefined;
let slot = -1;

/** The wasm fill and its state slot (624 key words, then pos), or null without wasm memory or with the switch off. */
export function mtWasm(): { fill: Fill; state: number } | null {
  if (!randomWasm.enabled) return null;
  if (kernel === undefined) {
    const mem = wasmMemory();
    const b = mem ? wasmAlloc(4 * (N + 1)) : null;
    if (!mem || !b) kernel = null;
    else {
      slot = b[0];
      const inst = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes([buildFill(), buildTwist()])), { m: { mem } });
      kernel = inst.exports.k as Fill;
    }
  }
  return kernel ? { fill: kernel, state: slot } : null;
}
