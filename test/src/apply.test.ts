/** @file piecewise, apply_along_axis, apply_over_axes against NumPy (test/fixtures/apply.json from gen_apply.py). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { apply_along_axis, apply_over_axes, piecewise } from "../../src/apply.js";
import { expectArrayEqualNumpy, expectNumpyError, type EncodedArray } from "../helpers/numpy.js";

type R = { result?: EncodedArray; error?: string; msg?: string };
const fx = JSON.parse(readFileSync(new URL("../fixtures/apply.json", import.meta.url), "utf8")) as Record<"piecewise" | "apply_along_axis" | "apply_over_axes", Record<string, R>>;

function group(name: keyof typeof fx, cases: Record<string, () => np.NDArray>) {
  describe(name, () => {
    it("covers every fixture case", () => expect(Object.keys(cases).sort()).toEqual(Object.keys(fx[name]).sort()));
    for (const [k, fn] of Object.entries(cases)) {
      it(k, () => {
        const c = fx[name][k];
        if (c.error === "AxisError") expect(fn).toThrow(np.AxisError);
        else if (c.error) expectNumpyError(fn, { error: c.error, msg: c.msg! });
        else expectArrayEqualNumpy(fn(), c.result!, { rtol: 1e-12 });
      });
    }
  });
}

const xs = np.linspace(-2.5, 2.5, 11);
const x2 = np.arange(12, { dtype: "float64" }).reshape(3, 4);
const neg = (v: np.NDArray) => v.neg();
group("piecewise", {
  two_pieces: () => piecewise(xs, [xs.lt(0), xs.ge(0)], [neg, (v: np.NDArray) => v.mul(v)]),
  otherwise: () => piecewise(xs, [xs.lt(-1), xs.gt(1)], [-1, 1, (v: np.NDArray) => v.div(2)]),
  scalars: () => piecewise(xs, [xs.lt(0), xs.gt(0)], [-1.5, 2]),
  int_x: () => piecewise(np.arange(-3, 4), [np.arange(-3, 4).lt(0)], [(v: np.NDArray) => v.mul(1.7), (v: np.NDArray) => v.mul(2)]),
  single_cond: () => piecewise(xs, xs.gt(0), [(v: np.NDArray) => v.add(10)]),
  single_cond_otherwise: () => piecewise(xs, xs.gt(0), [(v: np.NDArray) => v.add(10), (v: np.NDArray) => v.sub(10)]),
  overlap_last_wins: () => piecewise(xs, [xs.gt(-1), xs.gt(1)], [1, 2]),
  args: () => piecewise(xs, [xs.lt(0)], [(v: np.NDArray, k: unknown) => v.mul(k as number), (v: np.NDArray, k: unknown) => v.add(k as number)], 3),
  two_d: () => piecewise(x2, [x2.lt(4), x2.gt(8)], [neg, 100, 0.5]),
  zero_d: () => piecewise(np.array(3, { dtype: "float64" }), [true], [(v: np.NDArray) => v.mul(2)]),
  zero_d_otherwise: () => piecewise(np.array(3, { dtype: "float64" }), [false], [(v: np.NDArray) => v.mul(2), 7]),
  bad_count: () => piecewise(xs, [xs.lt(0), xs.gt(0)], [1]),
  bad_count3: () => piecewise(xs, [xs.lt(0)], [1, 2, 3]),
  no_match: () => piecewise(xs, [xs.gt(100)], [(v: np.NDArray) => v.mul(0).add(5)]),
});

const a3 = np.arange(24, { dtype: "float64" }).reshape(2, 3, 4);
const ai = np.arange(12).reshape(3, 4);
const sum = (v: np.NDArray) => np.sum(v);
const outer = (a: np.NDArray, b: np.NDArray) => np.outer(a, b);
group("apply_along_axis", {
  sum_axis0: () => apply_along_axis(sum, 0, ai),
  sum_axis1: () => apply_along_axis(sum, 1, ai),
  sum_axis_neg: () => apply_along_axis(sum, -1, a3),
  diff_axis1: () => apply_along_axis((v) => v.get("1:").sub(v.get(":-1")), 1, a3),
  outer_axis0: () => apply_along_axis((v) => outer(v, v.get(":2")), 0, ai),
  outer_axis1_3d: () => apply_along_axis((v) => outer(v.get(":2"), v.get(":3")), 1, a3),
  args: () => apply_along_axis((v, k) => v.mul(k as number), 1, ai, 3),
  one_d: () => apply_along_axis((v) => v.get("::-1"), 0, np.arange(5)),
  empty: () => apply_along_axis(sum, 1, np.zeros([0, 3])),
  empty_axis_ok: () => apply_along_axis(sum, 0, np.zeros([0, 3])),
  bad_axis: () => apply_along_axis(sum, 3, ai),
  max_float: () => apply_along_axis((v) => np.max(v), 2, a3),
});

const sumAx = (v: np.NDArray, ax: number) => np.sum(v, { axis: ax });
group("apply_over_axes", {
  sum_02: () => apply_over_axes(sumAx, a3, [0, 2]),
  sum_neg: () => apply_over_axes(sumAx, a3, -1),
  sum_keep: () => apply_over_axes((v, ax) => np.sum(v, { axis: ax, keepdims: true }), a3, [1]),
  bad: () => apply_over_axes((v) => np.sum(v), a3, [0]),
  mean_int: () => apply_over_axes((v, ax) => np.mean(v, { axis: ax }), ai, [1, 0]),
});

describe("apply_along_axis details", () => {
  it("later results broadcast into the first one's shape, and a wrong shape is NumPy's error", () => {
    let k = 0;
    const r = apply_along_axis(() => (k++ === 0 ? np.array([1, 2]) : np.array([5])), 1, np.zeros([3, 4]));
    expect(r.tolist()).toEqual([[1, 2], [5, 5], [5, 5]]);
    k = 0;
    expectNumpyError(() => apply_along_axis(() => (k++ === 0 ? np.array([1, 2]) : np.array([1, 2, 3])), 1, np.zeros([3, 4])), {
      error: "ValueError", msg: "could not broadcast input array from shape (3,) into shape (2,)",
    });
  });
  it("results take the first result's dtype", () => {
    const r = apply_along_axis((v) => v.get(0), 1, np.arange(6, { dtype: "int32" }).reshape(2, 3));
    expect(r.dtype.name).toBe("int32");
    expect(r.tolist()).toEqual([0, 3]);
  });
});
