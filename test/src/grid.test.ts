/** @file meshgrid, indices, mgrid and ogrid against NumPy (test/fixtures/pad.json, written by gen_pad.py). */
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";
import { indices, meshgrid, mgrid, ogrid } from "../../src/grid.js";
import { runCases } from "../helpers/pad-fixture.js";


const x3 = np.array([1.0, 2.0, 3.0], { dtype: "float64" });
const y2 = np.array([10, 20], { dtype: "int32" });
const z4 = np.arange(4, { dtype: "uint8" });
runCases("grid_", {
  grid_meshgrid_xy: () => meshgrid(x3, y2),
  grid_meshgrid_ij: () => meshgrid(x3, y2, { indexing: "ij" }),
  grid_meshgrid_3_xy: () => meshgrid(x3, y2, z4),
  grid_meshgrid_3_ij_sparse: () => meshgrid(x3, y2, z4, { indexing: "ij", sparse: true }),
  grid_meshgrid_xy_sparse: () => meshgrid(x3, y2, { sparse: true }),
  grid_meshgrid_nocopy: () => meshgrid(x3, y2, { copy: false }),
  grid_meshgrid_one: () => meshgrid(x3),
  grid_meshgrid_none: () => meshgrid(),
  grid_meshgrid_2d_input: () => meshgrid(np.arange(4).reshape(2, 2), [5, 6]),
  grid_meshgrid_bad_indexing: () => meshgrid(x3, { indexing: "xyz" as never }),
  grid_indices: () => indices([2, 3]),
  grid_indices_dtype: () => indices([3, 2], { dtype: "float32" }),
  grid_indices_sparse: () => indices([2, 3, 2], { sparse: true }),
  grid_indices_3d: () => indices([2, 1, 3]),
  grid_indices_empty: () => indices([]),
  grid_indices_zero: () => indices([2, 0]),
  grid_mgrid_1: () => mgrid("0:5"),
  grid_mgrid_1_step: () => mgrid("-3:8:2"),
  grid_mgrid_1_neg: () => mgrid("5:0:-1"),
  grid_mgrid_1_float: () => mgrid("0:1:0.25"),
  grid_mgrid_1_complex: () => mgrid("-1:1:5j"),
  grid_mgrid_1_complex1: () => mgrid("2:7:1j"),
  grid_mgrid_2: () => mgrid("0:3", "0:2"),
  grid_mgrid_2_complex: () => mgrid("0:4, -1:1:3j"),
  grid_mgrid_tuple1: () => mgrid("0:3,"),
  grid_mgrid_float_step: () => mgrid("0:1:0.3", "1:2"),
  grid_ogrid_1: () => ogrid("0:5"),
  grid_ogrid_2: () => ogrid("0:3", "0:2"),
  grid_ogrid_complex: () => ogrid("-1:1:3j", "0:4:2"),
});

describe("grid views and laziness", () => {
  it("meshgrid copy: false gives broadcast views of the inputs", () => {
    const [xx, yy] = meshgrid(x3, y2, { copy: false });
    expect(xx.strides).toEqual([0, 8]);
    expect(yy.strides).toEqual([4, 0]);
    expect(xx.base).toBe(x3);
  });
  it("sparse grids broadcast to the dense ones", () => {
    const [a, b] = ogrid("0:3", "0:4") as np.NDArray[];
    const m = mgrid("0:3", "0:4");
    expect(np.add(a, b.mul(0)).tolist()).toEqual(m.get(0).tolist());
    expect(np.add(a.mul(0), b).tolist()).toEqual(m.get(1).tolist());
  });
  it("rejects malformed slice strings", () => {
    expect(() => mgrid("0:x")).toThrow(np.ValueError);
    expect(() => mgrid("5")).toThrow(np.ValueError);
  });
});
