/** @file Print options (NumPy's set_printoptions/get_printoptions/printoptions) and the printer's input types. */

import type { DType } from "../../runtime/dtype.js";

export type Scalar = number | bigint | boolean | { re: number; im: number };

/** What the printer needs: shape, dtype, and C-order element access (int64/uint64 return bigint, bool boolean, complex {re,im}, others number). */
export interface PrintView {
  shape: readonly number[];
  dtype: DType;
  at(flatIndex: number): Scalar;
}

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  suppress: boolean;
  nanstr: string;
  infstr: string;
  sign: "-" | "+" | " ";
  floatmode: "fixed" | "unique" | "maxprec" | "maxprec_equal";
}

const DEFAULTS: PrintOptions = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: "nan",
  infstr: "inf",
  sign: "-",
  floatmode: "maxprec",
};

let current: PrintOptions = { ...DEFAULTS };

const FLOATMODES = ["fixed", "unique", "maxprec", "maxprec_equal"];

/** Validates a partial option set the way NumPy's set_printoptions does and returns the merged result. */
export function resolveOptions(opts: Partial<PrintOptions> | undefined, base: PrintOptions = current): PrintOptions {
  if (!opts) return { ...base };
  const out = { ...base };
  for (const [key, value] of Object.entries(opts) as [keyof PrintOptions, unknown][]) {
    if (value === undefined) continue;
    if (!(key in DEFAULTS)) throw new TypeError(`unknown print option '${key}'`);
    (out as unknown as Record<string, unknown>)[key] = value;
  }
  if (opts.floatmode !== undefined && !FLOATMODES.includes(opts.floatmode)) {
    throw new Error(`ValueError: floatmode option must be one of ${FLOATMODES.map((m) => `"${m}"`).join(", ")}`);
  }
  if (opts.sign !== undefined && !["-", "+", " "].includes(opts.sign)) {
    throw new Error("ValueError: sign option must be one of ' ', '+', or '-'");
  }
  if (opts.threshold !== undefined) {
    if (typeof opts.threshold !== "number") throw new TypeError("threshold must be numeric");
    if (Number.isNaN(opts.threshold)) {
      throw new Error("ValueError: threshold must be non-NAN, try Infinity for untruncated representation");
    }
  }
  if (opts.precision !== undefined) {
    if (typeof opts.precision !== "number" || !Number.isInteger(opts.precision)) {
      throw new TypeError("precision must be an integer");
    }
    // NumPy only rejects a negative precision when a float is formatted; rejecting early is friendlier.
    if (opts.precision < 0) throw new Error("ValueError: precision must be >= 0");
  }
  if (opts.suppress !== undefined) out.suppress = Boolean(opts.suppress);
  return out;
}

export function get_printoptions(): PrintOptions {
  return { ...current };
}

export function set_printoptions(opts: Partial<PrintOptions>): void {
  current = resolveOptions(opts);
}

export function printoptions<T>(opts: Partial<PrintOptions>, fn: () => T): T {
  const saved = current;
  current = resolveOptions(opts);
  try {
    return fn();
  } finally {
    current = saved;
  }
}
