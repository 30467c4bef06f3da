/** @file Coordinate grids: meshgrid, indices, and mgrid/ogrid as functions of slice strings. Built from an arange reshaped and broadcast, so grids stay views or single kernels. */
import { cast, type Node } from "../compiler/ir/node.js";
import { expand, reshape as reshapeNode } from "../compiler/ir/movement.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../runtime/errors.js";
import { asarray, isOptions, type ArrayLike } from "./convert.js";
import { arange } from "./creation.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { broadcast_arrays, copy as copyArray, reshape } from "./shape-ops.js";
import { sliceAlong } from "./combine.js";

interface MeshgridOptions {
  indexing?: "xy" | "ij";
  sparse?: boolean;
  copy?: boolean;
}

/**
 * np.meshgrid(...xi, {indexing: "xy" | "ij", sparse, copy}): coordinate matrices from coordinate
 * vectors. Each input is flattened; with copy: false the results are broadcast views of them.
 */
export function meshgrid(...args: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  const opts: MeshgridOptions = args.length && isOptions(args[args.length - 1]) ? (args.pop() as MeshgridOptions) : {};
  const indexing = opts.indexing ?? "xy";
  if (indexing !== "xy" && indexing !== "ij") throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const xi = args as ArrayLike[];
  const nd = xi.length;
  const ones = () => new Array<number>(nd).fill(1);
  let out = xi.map((x, i) => {
    const s = ones();
    s[i] = -1;
    return reshape(asarray(x), s);
  });
  if (indexing === "xy" && nd > 1) {
    out[0] = reshape(out[0], [1, -1, ...ones().slice(2)]);
    out[1] = reshape(out[1], [-1, 1, ...ones().slice(2)]);
  }
  if (!opts.sparse && nd > 0) out = broadcast_arrays(...out);
  if (opts.copy ?? true) out = out.map((x) => copyArray(x));
  return out;
}

/** np.indices(dimensions, {dtype = int64, sparse}): one array of shape (N, ...dimensions), or N sparse aranges. */
export function indices(dimensions: number | readonly number[], opts: { dtype?: unknown; sparse?: boolean } = {}): NDArray | NDArray[] {
  const dims = typeof dimensions === "number" ? [dimensions] : [...dimensions];
  const dt = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : DTYPES.int64;
  return opts.sparse ? dims.map((_, i) => axisRamp(dims, i, dt, 1, 0, true)) : stackRamps(dims, dt, dims.map(() => [1, 0] as [number, number]));
}

/** arange(dims[i]) * step + start in `dt`, shaped to lie along axis i of `dims` (1s elsewhere when sparse). */
function axisRamp(dims: readonly number[], i: number, dt: DType, step: number, start: number, sparse: boolean): NDArray {
  if (dims.some((n) => n < 0)) throw new ValueError("negative dimensions are not allowed");
  const shape = dims.map((n, d) => (d === i ? n : 1));
  let r: NDArray = arange(dims[i], { dtype: dt.name });
  if (step !== 1) r = r.mul(step) as NDArray;
  if (start !== 0) r = r.add(start) as NDArray;
  const v = new NDArray(cast(reshapeNode(r._node, shape), dt));
  return sparse ? v : new NDArray(expand(v._node, dims));
}

/** The dense (N, ...dims) grid: one kernel per axis, each writing its plane of a fresh array. */
function stackRamps(dims: readonly number[], dt: DType, lines: readonly [number, number][]): NDArray {
  if (dims.some((n) => n < 0)) throw new ValueError("negative dimensions are not allowed");
  const out = emptyArray([dims.length, ...dims], dt, false);
  if (out.size === 0) return out;
  lines.forEach(([step, start], i) => {
    const plane = reshape(sliceAlong(out, 0, i, 1), [...dims]);
    const node: Node = axisRamp(dims, i, dt, step, start, true)._node;
    writeInto(plane, expand(node, dims));
  });
  return out;
}

interface GridSlice {
  start: number;
  stop: number | null;
  step: number;
  /** the step was complex ("5j"): the number of points, stop included */
  points: boolean;
  isFloat: boolean;
}

/** "start:stop:step" with Python numbers; "5j" as the step means 5 points. */
function parseGridSlice(text: string): GridSlice {
  const parts = text.split(":").map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3) throw new ValueError(`invalid grid slice '${text}': expected 'start:stop' or 'start:stop:step'`);
  let isFloat = false;
  const num = (p: string | undefined, what: string): number | null => {
    if (p === undefined || p === "") return null;
    const v = Number(p);
    if (p === "" || Number.isNaN(v)) throw new ValueError(`invalid ${what} '${p}' in grid slice '${text}'`);
    if (/[.eE]|inf/i.test(p)) isFloat = true;
    return v;
  };
  const start = num(parts[0], "start") ?? 0;
  const stop = num(parts[1], "stop");
  let step = 1, points = false;
  const s = parts[2];
  if (s !== undefined && s !== "") {
    if (/j$/i.test(s)) {
      const v = Number(s.slice(0, -1) || "1");
      if (Number.isNaN(v)) throw new ValueError(`invalid step '${s}' in grid slice '${text}'`);
      step = Math.abs(v);
      points = true;
      isFloat = true;
    } else step = num(s, "step")!;
  }
  return { start, stop, step, points, isFloat };
}

function gridArgs(slices: readonly string[]): { items: GridSlice[]; tuple: boolean } {
  if (slices.length === 1 && slices[0].includes(",")) {
    return { items: slices[0].split(",").map((p) => p.trim()).filter((p) => p !== "").map(parseGridSlice), tuple: true };
  }
  return { items: slices.map(parseGridSlice), tuple: slices.length !== 1 };
}

const needStop = (g: GridSlice): number => {
  if (g.stop === null) throw new NumpyTypeError("unsupported operand type(s) for -: 'NoneType' and 'int'");
  return g.stop;
};

/** NumPy's nd_grid: per axis (count, step, start) and the common dtype. */
function gridPlan(items: readonly GridSlice[]): { sizes: number[]; lines: [number, number][]; dt: DType } {
  const sizes = items.map((g) => (g.points ? Math.trunc(g.step) : Math.ceil((needStop(g) - g.start) / g.step)));
  const dt = items.some((g) => g.isFloat) ? DTYPES.float64 : DTYPES.int64;
  const lines = items.map((g): [number, number] => {
    let step = g.step;
    if (g.points) {
      const n = Math.trunc(g.step);
      step = n !== 1 ? (needStop(g) - g.start) / (n - 1) : 1;
    }
    return [step, g.start];
  });
  return { sizes, lines, dt };
}

/** The one-slice form, np.mgrid[a:b:c] (and np.ogrid[a:b:c]): an arange, or n points with the stop included. */
function grid1(g: GridSlice): NDArray {
  if (g.points) {
    const n = Math.trunc(g.step);
    const step = n !== 1 ? (needStop(g) - g.start) / (n - 1) : 1;
    return arange(0, n, 1, { dtype: "float64" }).mul(step).add(g.start) as NDArray;
  }
  const dt = g.isFloat ? "float64" : "int64";
  return arange(g.start, needStop(g), g.step, { dtype: dt });
}

/**
 * np.mgrid as a function: each argument is one Python slice as a string, `"start:stop"` or
 * `"start:stop:step"`; a step written as a complex number (`"5j"`) means that many points with
 * the stop included, as in NumPy. One argument is NumPy's `np.mgrid[a:b:c]` (a 1-d array); several
 * arguments, or one string holding a comma (`"0:3, 0:2"` or `"0:3,"`), are the tuple form, giving
 * one array of shape (N, ...sizes). Floats anywhere (`"0:1:0.25"`, a complex step) make it float64.
 *
 *     np.mgrid("0:5")              // [0 1 2 3 4]
 *     np.mgrid("-1:1:5j")          // [-1. -0.5 0. 0.5 1.]
 *     np.mgrid("0:3", "0:2")       // shape (2, 3, 2)
 */
export function mgrid(...slices: string[]): NDArray {
  const { items, tuple } = gridArgs(slices);
  if (!tuple) return grid1(items[0]);
  const { sizes, lines, dt } = gridPlan(items);
  return stackRamps(sizes, dt, lines);
}

/**
 * np.ogrid as a function, with mgrid's slice strings: the open grid, one array per slice shaped
 * to broadcast against the others (a single 1-d array for the one-slice form).
 *
 *     const [x, y] = np.ogrid("0:3", "0:2")   // shapes (3, 1) and (1, 2)
 */
export function ogrid(...slices: string[]): NDArray | NDArray[] {
  const { items, tuple } = gridArgs(slices);
  if (!tuple) return grid1(items[0]);
  const { sizes, lines, dt } = gridPlan(items);
  return lines.map(([step, start], i) => axisRamp(sizes, i, dt, step, start, true));
}
