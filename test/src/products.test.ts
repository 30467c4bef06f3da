/** @file np.dot / matmul / vdot / inner / outer / cross against NumPy fixtures (gen_products.py). */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as np from "../../src/index.js";
import { cross, dot, inner, matmul, outer, vdot } from "../../src/products.js";
import { decodeArray, expectArrayEqualNumpy, expectNumpyOutcome, type EncodedArray, type Expected } from "../helpers/numpy.js";

interface Case { op: string; args: EncodedArray[]; kw: Record<string, unknown>; expected: Expected }
const fx = JSON.parse(readFileSync(new URL("../fixtures/products.json", import.meta.url), "utf8")) as {
  cases: Case[];
  outs: { a: EncodedArray; b: EncodedArray; out: EncodedArray; expected: Expected }[];
  blocked: { M: number; K: number; N: number; f64: EncodedArray; i32: EncodedArray; i64: EncodedArray };
};

const OPS: Record<string, (...a: never[]) => np.NDArray> = { dot, matmul, vdot, inner, outer, cross } as never;

/** float64 sums run in another order than BLAS: close to rounding; float32 is accumulated in double here */
function tol(dtype: string) {
  if (dtype === "float64" || dtype === "complex128") return { rtol: 1e-12, atol: 1e-12 };
  if (dtype === "float32" || dtype === "complex64") return { rtol: 1e-5, atol: 1e-5 };
  return {};
}

function check(fn: () => np.NDArray, expected: Expected): void {
  expectNumpyOutcome(fn, expected, "error" in expected ? {} : tol(expected.dtype));
}

describe("products", () => {
  fx.cases.forEach((c, i) => {
    it(`${i} ${c.op} ${c.args.map((a) => `${a.dtype}${JSON.stringify(a.shape)}`).join(" ")} ${JSON.stringify(c.kw)}`, () => {
      const args = c.args.map(decodeArray);
      const f = OPS[c.op] as unknown as (...a: unknown[]) => np.NDArray;
      check(() => (Object.keys(c.kw).length ? f(...args, c.kw) : f(...args)), c.expected);
    });
  });

  fx.outs.forEach((c, i) => {
    it(`matmul out= ${i} ${c.out.dtype}${JSON.stringify(c.out.shape)}`, () => {
      const out = decodeArray(c.out);
      const reader = (c.out.dtype.startsWith("complex") ? out.real : out).add(1);
      check(() => {
        const r = matmul(decodeArray(c.a), decodeArray(c.b), { out });
        expect(r).toBe(out);
        return r;
      }, c.expected);
      // a lazy result computed from `out` before the write keeps the old values
      expect((reader.tolist() as number[][]).flat().every((v) => v === 1)).toBe(true);
    });
  });

  it("blocked sizes (past the k and j blocks), float64, int32 wrap, int64 wrap", () => {
    const { M, K, N } = fx.blocked;
    const A = new Float64Array(M * K), B = new Float64Array(K * N);
    for (let i = 0; i < M; i++) for (let k = 0; k < K; k++) A[i * K + k] = ((i * 31 + k * 17) % 23) - 11;
    for (let k = 0; k < K; k++) for (let j = 0; j < N; j++) B[k * N + j] = ((k * 7 + j * 13) % 19) - 9;
    const a = np.array(A).reshape(M, K), b = np.array(B).reshape(K, N);
    expectArrayEqualNumpy(matmul(a, b), fx.blocked.f64);
    expectArrayEqualNumpy(dot(a.astype("int32"), b.astype("int32").mul(100000)), fx.blocked.i32);
    const a64 = a.astype("int64").mul(2 ** 40), b64 = b.astype("int64").mul(2 ** 30);
    expectArrayEqualNumpy(matmul(a64, b64), fx.blocked.i64);
  });

  it("strided and lazy operands", () => {
    const a = np.array([[1, 2], [3, 4], [5, 6]]).T.mul(2); // [[2,6,10],[4,8,12]]
    const b = np.array([[1, 0, 2], [0, 1, 3]]).get(":", "::-1").T; // [[2,3],[0,1],[1,0]]
    expect(matmul(a, b).tolist()).toEqual([[14, 12], [20, 20]]);
    expect(dot(a, b).tolist()).toEqual([[14, 12], [20, 20]]);
    expect(inner(a, b.T).tolist()).toEqual([[14, 12], [20, 20]]);
  });

});
