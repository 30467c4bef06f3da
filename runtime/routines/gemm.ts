/** @file Cache-blocked matrix multiply on lane arrays, one loop per dtype family, with NumPy's integer wrap and complex lanes. */
import type { DType, LaneArray } from "../dtype.js";

/** Blocks sized so a K-block of B rows (KB x JB doubles, 128 KiB) stays in L2 while every row of A streams past it. */
const KB = 64;
const JB = 256;
const TWO32 = 4294967296;

/**
 * C (M x N) = A (M x K) @ B (K x N), every operand C-contiguous lanes of `dt` starting at the given
 * lane offsets. C is overwritten.
 *
 * - float64: double accumulation in i-k-j order (the inner loop walks contiguous rows of B and C).
 *   NumPy calls BLAS, whose summation order differs: results agree to rounding, not bit for bit.
 * - float32 / complex64: accumulated in double and rounded once on store (more accurate than
 *   NumPy's float32 BLAS, so equal to ~1e-6 relative).
 * - int8..int32, uint8..uint32: Math.imul and |0 accumulate modulo 2**32, and the store wraps to the
 *   dtype's width: exactly NumPy's C wraparound.
 * - int64/uint64: exact modulo 2**64 (two 32-bit halves, 16-bit partial products), as NumPy wraps.
 * - bool: OR over k of (a AND b).
 */
export function gemm(dt: DType, A: LaneArray, aOff: number, B: LaneArray, bOff: number, C: LaneArray, cOff: number, M: number, K: number, N: number): void {
  if (M === 0 || N === 0) return;
  if (dt.kind === "c") return gemmComplex(A, aOff, B, bOff, C, cOff, M, K, N);
  if (dt.isWide) return gemmWide(A, aOff, B, bOff, C, cOff, M, K, N);
  if (dt.kind === "b") return gemmBool(A, aOff, B, bOff, C, cOff, M, K, N);
  if (dt.kind === "f") {
    if (C instanceof Float64Array) {
      C.fill(0, cOff, cOff + M * N);
      return gemmF64(A as Float64Array, aOff, B as Float64Array, bOff, C, cOff, M, K, N);
    }
    const acc = new Float64Array(M * N);
    gemmF64(A as unknown as Float64Array, aOff, B as unknown as Float64Array, bOff, acc, 0, M, K, N);
    C.set(acc, cOff);
    return;
  }
  const acc = new Int32Array(M * N);
  gemmI32(A, aOff, B, bOff, acc, M, K, N);
  // typed-array stores wrap to the lane width, as C's integer conversion does
  C.set(acc, cOff);
}

function gemmF64(A: Float64Array, aOff: number, B: Float64Array, bOff: number, C: Float64Array, cOff: number, M: number, K: number, N: number): void {
  for (let kk = 0; kk < K; kk += KB) {
    const ke = Math.min(kk + KB, K);
    for (let jj = 0; jj < N; jj += JB) {
      const je = Math.min(jj + JB, N);
      // four B rows per pass: each load and store of C carries four multiply-adds
      for (let i = 0; i < M; i++) {
        const c0 = cOff + i * N, a0 = aOff + i * K;
        let k = kk;
        for (; k + 3 < ke; k += 4) {
          const x0 = A[a0 + k], x1 = A[a0 + k + 1], x2 = A[a0 + k + 2], x3 = A[a0 + k + 3];
          const b0 = bOff + k * N, b1 = b0 + N, b2 = b1 + N, b3 = b2 + N;
          for (let j = jj; j < je; j++) C[c0 + j] += x0 * B[b0 + j] + x1 * B[b1 + j] + x2 * B[b2 + j] + x3 * B[b3 + j];
        }
        for (; k < ke; k++) {
          const x0 = A[a0 + k], b = bOff + k * N;
          for (let j = jj; j < je; j++) C[c0 + j] += x0 * B[b + j];
        }
      }
    }
  }
}

function gemmI32(A: LaneArray, aOff: number, B: LaneArray, bOff: number, C: Int32Array, M: number, K: number, N: number): void {
  for (let kk = 0; kk < K; kk += KB) {
    const ke = Math.min(kk + KB, K);
    for (let jj = 0; jj < N; jj += JB) {
      const je = Math.min(jj + JB, N);
      for (let i = 0; i < M; i++) {
        const c0 = i * N, a0 = aOff + i * K;
        for (let k = kk; k < ke; k++) {
          const x = A[a0 + k] | 0, b = bOff + k * N;
          for (let j = jj; j < je; j++) C[c0 + j] = (C[c0 + j] + Math.imul(x, B[b + j])) | 0;
        }
      }
    }
  }
}

function gemmBool(A: LaneArray, aOff: number, B: LaneArray, bOff: number, C: LaneArray, cOff: number, M: number, K: number, N: number): void {
  C.fill(0, cOff, cOff + M * N);
  for (let i = 0; i < M; i++) {
    const c0 = cOff + i * N, a0 = aOff + i * K;
    for (let k = 0; k < K; k++) {
      if (!A[a0 + k]) continue;
      const b = bOff + k * N;
      for (let j = 0; j < N; j++) if (B[b + j]) C[c0 + j] = 1;
    }
  }
}

function gemmComplex(A: LaneArray, aOff: number, B: LaneArray, bOff: number, C: LaneArray, cOff: number, M: number, K: number, N: number): void {
  const acc = new Float64Array(2 * M * N);
  for (let kk = 0; kk < K; kk += KB) {
    const ke = Math.min(kk + KB, K);
    for (let jj = 0; jj < N; jj += JB) {
      const je = Math.min(jj + JB, N);
      for (let i = 0; i < M; i++) {
        const c0 = 2 * i * N, a0 = aOff + 2 * i * K;
        for (let k = kk; k < ke; k++) {
          const xr = A[a0 + 2 * k], xi = A[a0 + 2 * k + 1];
          const b = bOff + 2 * k * N;
          for (let j = jj; j < je; j++) {
            const yr = B[b + 2 * j], yi = B[b + 2 * j + 1];
            acc[c0 + 2 * j] += xr * yr - xi * yi;
            acc[c0 + 2 * j + 1] += xr * yi + xi * yr;
          }
        }
      }
    }
  }
  C.set(acc, cOff);
}

/** int64/uint64 lanes are (low, high) Int32 halves; products and sums are exact modulo 2**64. */
function gemmWide(A: LaneArray, aOff: number, B: LaneArray, bOff: number, C: LaneArray, cOff: number, M: number, K: number, N: number): void {
  const lo = new Float64Array(N), hi = new Int32Array(N);
  for (let i = 0; i < M; i++) {
    lo.fill(0);
    hi.fill(0);
    const a0 = aOff + 2 * i * K;
    for (let k = 0; k < K; k++) {
      const al = A[a0 + 2 * k] >>> 0, ah = A[a0 + 2 * k + 1] | 0;
      const a1 = al >>> 16, aL = al & 0xffff;
      const b = bOff + 2 * k * N;
      for (let j = 0; j < N; j++) {
        const bl = B[b + 2 * j] >>> 0, bh = B[b + 2 * j + 1] | 0;
        const b1 = bl >>> 16, bL = bl & 0xffff;
        // al*bl = a1*b1*2**32 + (a1*bL + aL*b1)*2**16 + aL*bL; the last two stay below 2**50, exact
        const t = aL * bL + (a1 * bL + aL * b1) * 65536;
        const tHi = Math.floor(t / TWO32);
        const s = lo[j] + (t - tHi * TWO32);
        const carry = s >= TWO32 ? 1 : 0;
        lo[j] = s - carry * TWO32;
        hi[j] = (hi[j] + Math.imul(a1, b1) + tHi + Math.imul(al | 0, bh) + Math.imul(ah, bl | 0) + carry) | 0;
      }
    }
    const c0 = cOff + 2 * i * N;
    for (let j = 0; j < N; j++) {
      C[c0 + 2 * j] = lo[j] | 0;
      C[c0 + 2 * j + 1] = hi[j];
    }
  }
}
