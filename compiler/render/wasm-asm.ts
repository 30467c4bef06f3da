/** @file A tiny WebAssembly assembler: opcodes, LEB128, function builders and the module layout the kernels need (one imported shared memory, several functions, one export). */

export const I32 = 0x7f;
export const F64 = 0x7c;
export type ValType = typeof I32 | typeof F64 | 0x7b;

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, return: 0x0f, call: 0x10,
  select: 0x1b, localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Const: 0x41, f64Const: 0x44,
  i32Eqz: 0x45, i32Ne: 0x47, i32LtU: 0x49, i32GtU: 0x4b, i32LeU: 0x4d, i32GeU: 0x4f,
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32DivU: 0x6e, i32RemU: 0x70, i32And: 0x71, i32Or: 0x72, i32Xor: 0x73, i32ShrU: 0x76,
  f64Abs: 0x99, f64Neg: 0x9a, f64Ceil: 0x9b, f64Floor: 0x9c, f64Trunc: 0x9d, f64Nearest: 0x9e, f64Sqrt: 0x9f,
  f64Add: 0xa0, f64Sub: 0xa1, f64Mul: 0xa2, f64Div: 0xa3, f64Copysign: 0xa6,
  f64Eq: 0x61, f64Ne: 0x62, f64Lt: 0x63, f64Gt: 0x64, f64Le: 0x65, f64Ge: 0x66,
  f64Load: 0x2b, f32Load: 0x2a, i32Load8U: 0x2d, f64Store: 0x39, f32Store: 0x38, i32Store8: 0x3a,
  f32DemoteF64: 0xb6, f64PromoteF32: 0xbb, f64ConvertI32U: 0xb8,
  i64Const: 0x42, i64Add: 0x7c, i64Shl: 0x86, f64ReinterpretI64: 0xbf,
} as const;
/** i64.trunc_sat_f64_s (0xfc prefix) */
export const I64_TRUNC_SAT_F64_S = [0xfc, 0x06];

/** SIMD instructions: the 0xfd prefix and their numbers in the SIMD specification */
export const SIMD = {
  load: 0x00, store: 0x0b, f64x2Splat: 0x14, f64x2ExtractLane: 0x21,
  f64x2Eq: 0x47, f64x2Ne: 0x48, f64x2Lt: 0x49, f64x2Gt: 0x4a, f64x2Le: 0x4b, f64x2Ge: 0x4c,
  and: 0x4e, or: 0x50, bitselect: 0x52, store64Lane: 0x5b, load64Zero: 0x5d,
  f32x4DemoteF64x2Zero: 0x5e, f64x2PromoteLowF32x4: 0x5f,
  f64x2Ceil: 0x74, f64x2Floor: 0x75, f64x2Trunc: 0x7a, f64x2Nearest: 0x94,
  f64x2Abs: 0xec, f64x2Neg: 0xed, f64x2Sqrt: 0xef, f64x2Add: 0xf0, f64x2Sub: 0xf1, f64x2Mul: 0xf2, f64x2Div: 0xf3,
  f64x2ReplaceLane: 0x22, i64x2Splat: 0x12, i32x4TruncSatF64x2SZero: 0xfc, i64x2ExtendLowI32x4S: 0xc7, i64x2Shl: 0xcb, i64x2Add: 0xce,
} as const;
export const V128 = 0x7b;
export const simd = (op: number, ...imm: number[]): number[] => [0xfd, ...uleb(op), ...imm];

export const f64const = (v: number): number[] => [OP.f64Const, ...new Uint8Array(new Float64Array([v]).buffer)];
export const i32const = (v: number): number[] => [OP.i32Const, ...sleb(v)];
/** signed LEB128 of a 64-bit two's-complement value (sleb's 32-bit shifts would lose the high bits) */
export function sleb64(v: bigint): number[] {
  v = BigInt.asIntN(64, v);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}
export const i64const = (v: number | bigint): number[] => [OP.i64Const, ...sleb64(BigInt(v))];

/** One function: typed params, locals allocated on demand, a flat code buffer. */
export class FnBuilder {
  readonly code: number[] = [];
  readonly locals: ValType[] = [];
  constructor(readonly params: readonly ValType[], readonly results: readonly ValType[]) {}
  local(t: ValType): number {
    this.locals.push(t);
    return this.params.length + this.locals.length - 1;
  }
  emit(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  get(i: number): this { return this.emit(OP.localGet, ...uleb(i)); }
  set(i: number): this { return this.emit(OP.localSet, ...uleb(i)); }
  tee(i: number): this { return this.emit(OP.localTee, ...uleb(i)); }
  /** `local += delta` on an i32 local */
  addTo(i: number, delta: number): this {
    return this.get(i).emit(...i32const(delta), OP.i32Add).set(i);
  }
  bytes(): number[] {
    const locals = vec(this.locals.map((t) => [1, t]));
    const body = [...locals, ...this.code, OP.end];
    return [...uleb(body.length), ...body];
  }
}

/** An imported JS function, by its name in the import object's "m" namespace. */
export interface FnImport {
  name: string;
  params: readonly ValType[];
  results: readonly ValType[];
}

/**
 * A module importing the shared memory as m.mem and `imports` as m.<name>, exporting the first
 * defined function as "k" and any `more` by name and index in `fns`. Function indices: the imports
 * first, then `fns` in order.
 */
export function moduleBytes(fns: readonly FnBuilder[], imports: readonly FnImport[] = [], more: readonly [string, number][] = []): Uint8Array {
  const sig = (p: readonly ValType[], r: readonly ValType[]) => [0x60, ...vec(p.map((t) => [t])), ...vec(r.map((t) => [t]))];
  const types = [...imports.map((f) => sig(f.params, f.results)), ...fns.map((f) => sig(f.params, f.results))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec([
      [...name("m"), ...name("mem"), 0x02, 0x03, ...uleb(1), ...uleb(65536)],
      ...imports.map((f, i) => [...name("m"), ...name(f.name), 0x00, ...uleb(i)]),
    ])),
    ...section(3, vec(fns.map((_, i) => uleb(imports.length + i)))),
    ...section(7, vec([["k", 0] as const, ...more].map(([n, i]) => [...name(n), 0x00, ...uleb(imports.length + i)]))),
    ...section(10, vec(fns.map((f) => f.bytes()))),
  ]);
}
