/** @file Array creation (np.array dtype inference, zeros/ones/full/_like, eye, arange, linspace, logspace, geomspace, fromiter, copy) against NumPy via test/fixtures/core.json. */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { runCases, type Cases } from "./core-fixture.js";

const cases: Cases = {
  array_int_2d: () => np.array([[1, 2], [3, 4]]),
  array_float_mixed: () => np.array([1.5, 2]),
  array_bool: () => np.array([true, false, true]),
  array_bool_and_int: () => np.array([true, 2]),
  array_uint64_bigint: () => np.array([2n ** 63n, 5]),
  array_int64_bigint: () => np.array([-(2n ** 62n), 5, 2n ** 53n + 1n]),
  array_complex: () => np.array([np.complex(1, 2), 3]),
  array_complex_nested: () => np.array([[1, 2.5], [{ re: 0, im: 1 }, { re: -1, im: -1 }]]),
  array_dtype_complex64: () => np.array([1, 2], { dtype: np.complex64 }),
  array_typed_f32: () => np.array(new Float32Array([1.5, 2.25, 1 / 3])),
  array_typed_in_list: () => np.array([new Int32Array([1, 2]), new Int32Array([3, 4])]),
  array_typed_u8_with_floats: () => np.array([new Uint8Array([1, 2]), [1.5, 2.0]]),
  array_typed_u8_with_ints: () => np.array([new Uint8Array([1, 2]), [3, 4]]),
  array_of_ndarrays: () => np.array([np.arange(3), np.arange(3).mul(2)]),
  array_ndarray_f32_and_ints: () => np.array([np.arange(2, { dtype: "float32" }), [1, 2]]),
  array_dtype_cast_int32: () => np.array([1.7, -2.7, 3.5], { dtype: "int32" }),
  array_dtype_bool: () => np.array([0, 2, -1, 0.5 - 0.5], { dtype: "bool" }),
  array_dtype_uint8_wrap: () => np.array([255, 256, 257], { dtype: "int64" }).astype("uint8"),
  array_empty: () => np.array([]),
  array_empty_nested: () => np.array([[], []]),
  array_scalar_int: () => np.array(5),
  array_scalar_float: () => np.array(2.5),
  array_scalar_complex: () => np.array(np.complex(1, -2)),
  array_nan_inf: () => np.array([NaN, Infinity, -Infinity, -0]),
  array_ragged: () => np.array([[1, 2], [3]]),
  array_ragged_deep: () => np.array([[1, 2], [3, [4, 5]]]),
  array_ragged_scalar_first: () => np.array([1, [2, 3]]),
  array_copy_owns: () => {
    const a = np.arange(6);
    const b = np.array(a.get("::2"));
    a.set(0, 100);
    return b;
  },
  asarray_same_object: () => {
    const a = np.arange(3);
    return [np.asarray(a) === a, np.asarray(a, { dtype: "int64" }) === a, np.asarray(a, { dtype: "float64" }) === a];
  },
  asarray_dtype: () => np.asarray([1, 2, 3], { dtype: "float32" }),
  zeros_2d: () => np.zeros([2, 3]),
  zeros_int32: () => np.zeros(3, { dtype: "int32" }),
  zeros_empty_dim: () => np.zeros([2, 0]),
  zeros_negative: () => np.zeros([2, -1]),
  ones_bool: () => np.ones([2, 2], { dtype: "bool" }),
  ones_complex: () => np.ones(2, { dtype: "complex128" }),
  empty_shape_dtype: () => {
    const a = np.empty([2, 3], { dtype: "uint16" });
    return [a.shape.join() === "2,3", a.dtype.name];
  },
  full_int: () => np.full([2, 2], 7),
  full_float: () => np.full(3, 2.5),
  full_bool: () => np.full([2], true),
  full_complex: () => np.full(2, np.complex(1, 2)),
  full_row: () => np.full([2, 3], [1, 2, 3]),
  full_dtype: () => np.full([2], 7.9, { dtype: "int16" }),
  full_nan: () => np.full(2, NaN),
  zeros_like_int: () => np.zeros_like(np.array([[1, 2, 3]])),
  ones_like_f32: () => np.ones_like(np.array([1, 2], { dtype: "float32" })),
  full_like_truncates: () => np.full_like(np.array([1, 2, 3]), 2.7),
  full_like_dtype: () => np.full_like(np.array([1, 2, 3]), 2.5, { dtype: "float64" }),
  zeros_like_shape: () => np.zeros_like(np.arange(4), { shape: [2, 2] }),
  empty_like: () => {
    const a = np.empty_like(np.zeros([3, 2], { dtype: "int8" }));
    return [a.shape.join() === "3,2", a.dtype.name];
  },
  eye_3: () => np.eye(3),
  eye_3_4_k1: () => np.eye(3, 4, 1),
  eye_4_3_km2: () => np.eye(4, 3, { k: -2 }),
  eye_int32: () => np.eye(3, { dtype: "int32" }),
  eye_complex: () => np.eye(2, { dtype: "complex128" }),
  eye_k_outside: () => np.eye(3, { k: 5 }),
  eye_int64: () => np.eye(2, 3, 1, { dtype: "int64" }),
  identity_bool: () => np.identity(3, { dtype: "bool" }),
  identity_float: () => np.identity(2),
  arange_5: () => np.arange(5),
  arange_2_7: () => np.arange(2, 7),
  arange_0_1_01: () => np.arange(0, 1, 0.1),
  arange_1_2_03: () => np.arange(1, 2, 0.3),
  arange_01_1_007: () => np.arange(0.1, 1, 0.07),
  arange_neg_step: () => np.arange(10, 0, -3),
  arange_neg_float_step: () => np.arange(0, -1, -0.1),
  arange_f32: () => np.arange(5, { dtype: "float32" }),
  arange_f32_frac: () => np.arange(0.3, 2, 0.1, { dtype: "float32" }),
  arange_float_start: () => np.arange(0.5, 3),
  arange_half_steps: () => np.arange(-3, 3, 1.5),
  arange_empty: () => np.arange(5, 1),
  arange_uint8: () => np.arange(3, { dtype: "uint8" }),
  arange_int_dtype_float_args: () => np.arange(0.5, 5, 1.5, { dtype: "int64" }),
  arange_float_dtype: () => np.arange(0, 5, 2, { dtype: "float64" }),
  arange_step_zero: () => np.arange(0, 5, 0),
  arange_big_step: () => np.arange(0, 3, 10),
  linspace_5: () => np.linspace(0, 1, 5),
  linspace_default: () => np.linspace(-1, 1),
  linspace_no_endpoint: () => np.linspace(0, 1, 5, { endpoint: false }),
  linspace_third: () => np.linspace(0, 1, 7),
  linspace_num0: () => np.linspace(2, 3, 0),
  linspace_num1: () => np.linspace(2, 3, 1),
  linspace_num1_no_endpoint: () => np.linspace(2, 3, 1, { endpoint: false }),
  linspace_int_floor: () => np.linspace(-5, 5, 4, { dtype: "int64" }),
  linspace_int32: () => np.linspace(0, 10, 4, { dtype: "int32" }),
  linspace_f32: () => np.linspace(0, 1, 4, { dtype: "float32" }),
  linspace_same: () => np.linspace(3, 3, 4),
  linspace_descending: () => np.linspace(5, -2.5, 6),
  linspace_negative_num: () => np.linspace(0, 1, -1),
  // powers go through Math.pow, which may differ from C's pow by an ulp
  logspace_default: { fn: () => np.logspace(0, 3, 4), rtol: 1e-14 },
  logspace_base2: { fn: () => np.logspace(0, 3, 4, { base: 2 }), rtol: 1e-14 },
  logspace_no_endpoint: { fn: () => np.logspace(1, 2, 5, { endpoint: false }), rtol: 1e-14 },
  logspace_frac: { fn: () => np.logspace(-1, 1.5, 6), rtol: 1e-14 },
  geomspace_pos: { fn: () => np.geomspace(1, 1000, 4), rtol: 1e-14 },
  geomspace_neg: { fn: () => np.geomspace(-1, -1000, 4), rtol: 1e-14 },
  geomspace_no_endpoint: { fn: () => np.geomspace(1, 16, 4, { endpoint: false }), rtol: 1e-14 },
  geomspace_frac: { fn: () => np.geomspace(2, 7, 5), rtol: 1e-14 },
  geomspace_int: () => np.geomspace(1, 1000, 5, { dtype: "int64" }),
  geomspace_zero: () => np.geomspace(0, 10, 3),
  fromiter_float: () => np.fromiter([0, 1, 2, 3, 4], "float64"),
  fromiter_count: () => np.fromiter((function* () { for (let i = 0; i < 10; i++) yield i; })(), "int32", 3),
  fromiter_short: () => np.fromiter([0, 1], "int32", 3),
  copy_owns: () => {
    const a = np.arange(12).reshape(3, 4);
    const c = np.copy(a.get(":, ::2"));
    a.set(0, 0, 99);
    return c;
  },
  copy_method_of_transpose: () => np.arange(6).reshape(2, 3).T.copy(),
};

runCases("creation vs NumPy", ["array_", "asarray_", "zeros_", "ones_", "empty_", "full_", "eye_", "identity_", "arange_", "linspace_", "logspace_", "geomspace_", "fromiter_", "copy_"], cases);

describe("creation details", () => {
  it("zeros and full stay lazy until read, then give the values", () => {
    const z = np.zeros([2, 2]);
    expect(z.shape).toEqual([2, 2]);
    expect(z.add(1).tolist()).toEqual([[1, 1], [1, 1]]);
  });
  it("typed arrays keep their dtype in every integer width", () => {
    const pairs: [ArrayBufferView, string][] = [
      [new Int8Array([-1]), "int8"], [new Int16Array([-1]), "int16"], [new Uint16Array([1]), "uint16"],
      [new Uint32Array([4294967295]), "uint32"], [new BigInt64Array([-5n]), "int64"], [new BigUint64Array([2n ** 64n - 1n]), "uint64"],
      [new Uint8ClampedArray([255]), "uint8"], [new Float64Array([0.5]), "float64"],
    ];
    for (const [t, name] of pairs) expect(np.array(t).dtype.name).toBe(name);
    expect(np.array(new BigUint64Array([2n ** 64n - 1n])).tolist({ bigint: true })).toEqual([2n ** 64n - 1n]);
    expect(np.array(new BigInt64Array([-5n])).tolist()).toEqual([-5]);
  });
  it("rejects values that are not numbers", () => {
    // strings make a unicode array, as in NumPy (test/src/unicode.test.ts); other objects are refused
    expect(np.array(["a"] as unknown as number[]).dtype.str).toBe("<U1");
    expect(() => np.array([{ a: 1 }] as unknown as number[])).toThrow(np.ValueError);
  });
  it("linspace retstep gives [samples, step] as NumPy's tuple", () => {
    const [y, step] = np.linspace(0, 1, 5, { retstep: true }) as unknown as [np.NDArray, number];
    expect(y.tolist()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(step).toBe(0.25);
    expect(Number.isNaN((np.linspace(0, 1, 1, { retstep: true }) as unknown as [np.NDArray, number])[1])).toBe(true);
  });
  it("arange also takes its arguments as options", () => {
    expect(np.arange(1, 4, { dtype: "float32" }).dtype.name).toBe("float32");
    expect(np.arange(1, 4, { dtype: "float32" }).tolist()).toEqual([1, 2, 3]);
  });
});
