/** @file Laziness never changes results (API.md "Laziness and evaluation"): write-after-read sequences give eager NumPy's values, views see writes, np.eval and a.eval(). */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { runCases, type Cases } from "./core-fixture.js";

const f64 = (n: number) => np.arange(n, { dtype: "float64" });

const cases: Cases = {
  lazy_op_not_see_write: () => {
    const a = np.arange(4);
    const b = a.mul(2);
    a.set(0, 100);
    return [a, b];
  },
  lazy_view_sees_write: () => {
    const a = np.arange(5);
    const v = a.get("1:3");
    a.set(1, 50);
    return v;
  },
  lazy_op_of_view: () => {
    const a = np.arange(5);
    const v = a.get("1:4");
    const c = v.add(1);
    a.set(2, 50);
    return [c, v];
  },
  lazy_chain_before_write: () => {
    const a = f64(4);
    const b = a.mul(2);
    const c = b.add(a);
    a.set(":", 0);
    return [c, b];
  },
  lazy_out_into_read_array: () => {
    const a = np.arange(4);
    const b = a.add(1);
    np.multiply(a, 3, { out: a });
    return [a, b];
  },
  lazy_out_returns_out: () => {
    const a = f64(3);
    const c = np.zeros(3);
    const r = np.add(a, 1, { out: c });
    return [r === c, c];
  },
  lazy_out_overlap_shift: () => {
    const a = np.arange(6);
    np.add(a.get(":-1"), a.get("1:"), { out: a.get("1:") });
    return a;
  },
  lazy_out_into_view: () => {
    const a = np.arange(6);
    const b = a.mul(1);
    np.negative(a.get("::2"), { out: a.get("::2") });
    return [a, b];
  },
  lazy_fill: () => {
    const a = np.arange(4);
    const b = a.mul(1);
    a.fill(3);
    return [a, b];
  },
  lazy_fill_view: () => {
    const a = np.arange(6);
    const b = a.add(0);
    a.get("::2").fill(0);
    return [a, b];
  },
  lazy_write_into_lazy: () => {
    const a = np.arange(4);
    const c = a.mul(2);
    const d = c.add(1);
    c.set(1, -5);
    return [c, d, a];
  },
  lazy_write_view_of_lazy: () => {
    const a = np.arange(6);
    const c = a.mul(2);
    const w = c.get("::2");
    w.set("...", 0);
    return [c, w];
  },
  lazy_view_of_lazy_sees_write: () => {
    const a = np.arange(6);
    const c = a.mul(2);
    const v = c.get("1:4");
    c.set(2, 99);
    return v;
  },
  lazy_transpose_then_write: () => {
    const a = np.arange(6).reshape(2, 3);
    const b = a.T;
    const c = b.mul(2);
    a.set(0, 0, 9);
    return [b, c];
  },
  lazy_reshape_view_of_lazy: () => {
    const c = np.arange(6).add(10);
    const r = c.reshape(2, 3);
    c.set(0, 0);
    return r;
  },
  lazy_reduction_before_write: () => {
    const a = f64(5);
    const s = a.sum();
    const m = a.max();
    a.set(0, 100);
    return [s, m];
  },
  lazy_overlap_assign_shift: () => {
    const a = np.arange(6);
    a.set("1:", a.get(":-1"));
    return a;
  },
  lazy_overlap_assign_reverse: () => {
    const a = np.arange(6);
    a.set(":", a.get("::-1"));
    return a;
  },
  lazy_overlap_fancy_swap: () => {
    const a = np.arange(4);
    a.set([0, 1], a.get([1, 0]));
    return a;
  },
  lazy_set_from_lazy_of_self: () => {
    const a = np.arange(4);
    a.set("1:3", a.mul(10).get("2:4"));
    return a;
  },
  lazy_mask_from_self_then_write: () => {
    const a = np.arange(6);
    const m = a.gt(2);
    a.set(0, 10);
    return [m, a.get(m)];
  },
  lazy_eval_several: () => {
    const a = f64(4);
    const b = a.mul(2);
    const c = b.add(1);
    const r = np.eval(b, c);
    return r;
  },
  lazy_eval_then_write: () => {
    const a = np.arange(4);
    const b = a.add(1).eval();
    a.set(0, 50);
    return [b, a.add(1)];
  },
  lazy_zeros_write: () => {
    const z = np.zeros(3);
    const y = z.add(1);
    z.set(1, 5);
    return [z, y];
  },
  lazy_broadcast_view_sees_write: () => {
    const a = np.arange(3);
    const b = np.broadcast_to(a, [2, 3]);
    const c = b.mul(1);
    a.set(0, 7);
    return [b, c];
  },
  lazy_copy_not_see_write: () => {
    const a = np.arange(3);
    const c = a.copy();
    const f = a.flatten();
    a.set(0, 9);
    return [c, f];
  },
  lazy_astype_not_see_write: () => {
    const a = np.arange(3);
    const c = a.astype("float64");
    a.set(0, 9);
    return c;
  },
  lazy_real_view_write: () => {
    const a = np.array([np.complex(1, 1), np.complex(2, 2)]);
    const b = a.mul(1);
    a.real.set(0, 0);
    return [a, b];
  },
  lazy_many_writes: () => {
    const a = np.zeros(4);
    const snaps: np.NDArray[] = [];
    for (let i = 0; i < 4; i++) {
      a.set(i, i + 1);
      snaps.push(a.mul(1));
    }
    return snaps;
  },
  lazy_write_base_through_two_views: () => {
    const a = np.arange(8);
    const v1 = a.get("2:6");
    const v2 = v1.get("::2");
    const s = v2.add(0);
    v1.set(0, -1);
    return [a, v2, s];
  },
};

runCases("laziness vs eager NumPy", ["lazy_"], cases);

describe("evaluation API", () => {
  it("eval is idempotent and returns the array itself", () => {
    const a = np.arange(5).mul(2);
    expect(a.eval()).toBe(a);
    const first = a.tolist();
    expect(a.eval()).toBe(a);
    expect(a.eval().tolist()).toEqual(first);
  });
  it("np.eval returns its arguments, computed", () => {
    const x = np.arange(3, { dtype: "float64" });
    const p = x.add(1), q = x.mul(x);
    const r = np.eval(p, q);
    expect(r[0]).toBe(p);
    expect(r[1]).toBe(q);
    expect(r.map((t) => t.tolist())).toEqual([[1, 2, 3], [0, 1, 4]]);
  });
  it("shape and dtype errors are thrown at the call, not at eval", () => {
    expect(() => np.arange(3).add(np.arange(4))).toThrow("operands could not be broadcast together with shapes (3,) (4,)");
    expect(() => np.arange(6).mul(2).reshape(4, 2)).toThrow("cannot reshape array of size 6 into shape (4,2)");
  });
  // ndarray.ts writeInto + compiler/schedule.ts: Scheduler.realize(node, into) drops the Contiguous
  // that writeInto adds for an overlapping out=, so a value that is a bare load is written in place
  it("out= overlapping its input through an identity ufunc", () => {
    const a = np.arange(6);
    np.positive(a.get(":-1"), { out: a.get("1:") });
    expect(a.tolist()).toEqual([0, 0, 1, 2, 3, 4]);
  });
  it("a long chain of interleaved writes and reads matches eager order", () => {
    const a = np.zeros(5);
    let acc = np.zeros(5);
    for (let i = 0; i < 5; i++) {
      a.set(i, i);
      acc = acc.add(a);
    }
    // eager: acc = sum over i of (a after i-th write) = [0, 4, 6, 6, 4]
    expect(acc.tolist()).toEqual([0, 4, 6, 6, 4]);
  });
});
