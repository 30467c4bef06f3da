/** @file NumPy's array str/repr layout: nesting brackets, line wrapping, summarization and the repr's dtype/shape suffix. */

import type { DType } from "../../runtime/dtype.js";
import { makeFormatter, scalarStr, type ElementFormatter } from "./format-scalar.js";
import { flexDtypeRepr, flexFormatter, flexScalarStr } from "./format-flexible.js";
import { get_printoptions, resolveOptions, type PrintOptions, type PrintView, type Scalar } from "./options.js";

export type { PrintOptions, PrintView, Scalar } from "./options.js";
export { get_printoptions, set_printoptions, printoptions } from "./options.js";
export { scalarStr } from "./format-scalar.js";

function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

function stridesOf(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) { st[i] = acc; acc *= shape[i]!; }
  return st;
}

/** The values NumPy sizes its formatter on: only the corners that will actually be shown. */
function shownValues(v: PrintView, edge: number, summarize: boolean): Scalar[] {
  const { shape } = v;
  const strides = stridesOf(shape);
  const out: Scalar[] = [];
  const walk = (axis: number, base: number): void => {
    if (axis === shape.length) { out.push(v.at(base)); return; }
    const n = shape[axis]!;
    const st = strides[axis]!;
    if (summarize && n > 2 * edge) {
      for (let i = 0; i < edge; i++) walk(axis + 1, base + i * st);
      for (let i = n - edge; i < n; i++) walk(axis + 1, base + i * st);
    } else {
      for (let i = 0; i < n; i++) walk(axis + 1, base + i * st);
    }
  };
  walk(0, 0);
  return out;
}

function extendLine(s: string, line: string, word: string, width: number, nextLinePrefix: string): [string, string] {
  // Wrapping is pointless when the line holds nothing but its indent.
  const needsWrap = line.length + word.length > width && line.length > nextLinePrefix.length;
  if (needsWrap) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [s, line + word];
}

function formatArray(
  v: PrintView, fmt: ElementFormatter, lineWidth: number, nextLinePrefix: string,
  separator: string, edgeItems: number, summarize: boolean,
): string {
  const { shape } = v;
  const ndim = shape.length;
  const strides = stridesOf(shape);

  const recurse = (axis: number, base: number, hangingIndent: string, currWidth: number): string => {
    if (axis === ndim) return fmt(v.at(base));
    const axesLeft = ndim - axis;
    // Children sit one column right of this '[' and must leave room for its ']'.
    const nextIndent = hangingIndent + " ";
    const nextWidth = currWidth - 1;
    const n = shape[axis]!;
    const st = strides[axis]!;
    const showSummary = summarize && 2 * edgeItems < n;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : n;
    const child = (i: number): string => recurse(axis + 1, base + i * st, nextIndent, nextWidth);
    let s = "";
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, child(i), elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, "...", elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, child(n - i), elemWidth, hangingIndent);
        line += separator;
      }
      [s, line] = extendLine(s, line, child(n - 1), elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = separator.trimEnd() + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + "..." + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + child(n - i) + lineSep;
      s += hangingIndent + child(n - 1);
    }
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

/** NumPy's array2string with a prefix/suffix that the wrapped lines must leave room for. */
function array2string(v: PrintView, opts: PrintOptions, separator: string, prefix: string, suffix: string): string {
  const lineWidth = opts.linewidth - suffix.length;
  const size = sizeOf(v.shape);
  if (size === 0) return "[]";
  const summarize = size > opts.threshold;
  const data = shownValues(v, opts.edgeitems, summarize);
  const fmt = v.dtype.isFlexible ? flexFormatter(data, v.dtype, opts) : makeFormatter(data, v.dtype, opts, v.shape.length === 0);
  return formatArray(v, fmt, lineWidth, " " + " ".repeat(prefix.length), separator, opts.edgeitems, summarize);
}

/** Dtypes whose repr omits "dtype=": those NumPy infers back from the printed values. */
function dtypeImplied(dtype: DType): boolean {
  return dtype.isnative && (dtype.name === "int64" || dtype.name === "float64" || dtype.name === "complex128" || dtype.name === "bool");
}

function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** numpy str(a) / np.array_str(a). */
export function arrayStr(v: PrintView, opts?: Partial<PrintOptions>): string {
  const o = resolveOptions(opts, get_printoptions());
  if (v.shape.length === 0) return v.dtype.isFlexible ? flexScalarStr(v.at(0), v.dtype, o) : scalarStr(v.at(0), v.dtype);
  return array2string(v, o, " ", "", "");
}

/** numpy repr(a) / np.array_repr(a). */
export function arrayRepr(v: PrintView, opts?: Partial<PrintOptions>): string {
  const o = resolveOptions(opts, get_printoptions());
  const prefix = "array(";
  const lst = array2string(v, o, ", ", prefix, ")");
  const size = sizeOf(v.shape);
  const extras: string[] = [];
  if ((size === 0 && !(v.shape.length === 1 && v.shape[0] === 0)) || size > o.threshold) {
    extras.push(`shape=${shapeRepr(v.shape)}`);
  }
  if (!dtypeImplied(v.dtype) || size === 0) extras.push(`dtype=${v.dtype.isFlexible ? flexDtypeRepr(v.dtype) : v.dtype.isnative ? v.dtype.name : `'${v.dtype.str}'`}`);
  if (extras.length === 0) return prefix + lst + ")";
  const arrStr = prefix + lst + ",";
  const extraStr = extras.join(", ") + ")";
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf("\n") + 1);
  const spacer = lastLineLen + extraStr.length + 1 > o.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return arrStr + spacer + extraStr;
}
