/** @file np.genfromtxt: NumPy 2.4's algorithm (LineSplitter, NameValidator, StringConverter and the main loop of numpy/lib/_npyio_impl.py) ported step by step, so missing values, filling, inference and errors match. */
import { DTYPES, parseDType, StructDType, type DType } from "../../runtime/dtype.js";
import { IndexError, NumpyTypeError, OverflowError, ValueError } from "../../runtime/errors.js";
import type { Complex } from "../../runtime/scalar.js";
import { argsWithOptions } from "../args.js";
import { array } from "../convert.js";
import type { NDArray } from "../ndarray.js";
import { squeeze, transpose } from "../shape-ops.js";
import { inputLines, readInput, type TextSource } from "./text.js";
import { isWs, pyComplex, pyFloat, pyIntBig, pyStrip } from "../../runtime/pyparse.js";

/** A value as Python holds it after conversion: float, int (bigint beyond 2**53), bool, complex or str. */
type PyVal = number | bigint | boolean | Complex | string | PyInt;
/** A Python int that fits a double: kept apart from floats, since the inferred dtype depends on it. */
class PyInt { constructor(readonly v: number | bigint) {} }

export type GenConverter = (field: string) => unknown;

export interface GenfromtxtOptions {
  dtype?: unknown;
  comments?: string | null;
  delimiter?: string | number | readonly number[] | null;
  skip_header?: number;
  skip_footer?: number;
  converters?: Record<number | string, GenConverter> | null;
  missing_values?: unknown;
  filling_values?: unknown;
  usecols?: number | string | readonly (number | string)[] | null;
  names?: boolean | string | readonly string[] | null;
  excludelist?: readonly string[] | null;
  deletechars?: string;
  replace_space?: string;
  autostrip?: boolean;
  case_sensitive?: boolean | string;
  defaultfmt?: string;
  unpack?: boolean | null;
  usemask?: boolean;
  loose?: boolean;
  invalid_raise?: boolean;
  max_rows?: number | null;
  encoding?: string | null;
  ndmin?: 0 | 1 | 2;
  like?: unknown;
}

// ---- Python's str and number parsing -----------------------------------------------------------------

/** str.split() with no separator: runs of whitespace. */
function splitWs(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  for (;;) {
    while (i < n && isWs(s.charCodeAt(i))) i++;
    if (i >= n) return out;
    const st = i;
    while (i < n && !isWs(s.charCodeAt(i))) i++;
    out.push(s.slice(st, i));
  }
}

/** str.strip(chars). */
function stripChars(s: string, chars: string): string {
  let a = 0, b = s.length;
  while (a < b && chars.includes(s[a])) a++;
  while (b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

const pyValueError = (msg: string) => new ValueError(msg);

const asPyInt = (b: bigint): PyInt => new PyInt(b >= -(2n ** 53n) && b <= 2n ** 53n ? Number(b) : b);

const C_LONG: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];

/** np.int64(s) / np.uint64(s). */
function npInt64(s: string, unsigned: boolean): PyInt {
  const b = pyIntBig(s);
  if (b < C_LONG[0] || b > C_LONG[1]) throw new OverflowError("Python int too large to convert to C long");
  if (unsigned && b < 0n) throw new OverflowError(`Python integer ${b} out of bounds for uint64`);
  return asPyInt(b);
}

/** int(float(s)), which genfromtxt uses for integer dtypes other than int64 and uint64. */
function intOfFloat(s: string): PyInt {
  const x = pyFloat(s);
  if (Number.isNaN(x)) throw pyValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
  return asPyInt(BigInt(Math.trunc(x)));
}

function str2bool(s: string): boolean {
  const u = s.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  throw pyValueError("Invalid boolean");
}

// ---- StringConverter -----------------------------------------------------------------------------

/** The type a converter produces: a numfuse dtype, or "str" (NumPy's unsized str_). */
type ConvType = DType | "str";

interface MapEntry { type: ConvType; func: (s: string) => PyVal; dflt: PyVal }

/** StringConverter._mapper, in upgrade order (longdouble and the generic entries fail wherever complex does). */
const MAPPER: MapEntry[] = [
  { type: DTYPES.bool, func: str2bool, dflt: false },
  { type: DTYPES.int64, func: (s) => asPyInt(pyIntBig(s)), dflt: new PyInt(-1) },
  { type: DTYPES.float64, func: pyFloat, dflt: NaN },
  { type: DTYPES.complex128, func: pyComplex, dflt: { re: NaN, im: 0 } },
  { type: "str", func: (s) => s, dflt: "???" },
];
const ST_INT = 1, ST_STR = MAPPER.length - 1;

class StringConverter {
  func: (s: string) => PyVal;
  dflt: PyVal;
  type: ConvType;
  status: number;
  locked: boolean;
  checked = false;
  missing: Set<string>;
  /** NumPy's check `self.func is int`: the inference stage's int, whose values must also fit int64 */
  isPyInt = false;
  readonly initialDefault: PyVal | null;

  constructor(dtype: DType | null, missing: readonly string[], fill: PyVal | null, locked: boolean) {
    this.locked = locked;
    this.missing = new Set([...missing, ""]);
    this.initialDefault = fill;
    if (dtype === null) {
      this.func = str2bool;
      this.status = 0;
      this.dflt = fill ?? false;
      this.type = DTYPES.bool;
      return;
    }
    this.type = dtype;
    const k = dtype.kind;
    if (dtype === DTYPES.bool) { this.status = 0; this.func = str2bool; this.dflt = false; }
    else if (dtype === DTYPES.int64) { this.status = ST_INT; this.func = (s) => npInt64(s, false); this.dflt = new PyInt(-1); }
    else if (dtype.name === "uint64") { this.status = 5; this.func = (s) => npInt64(s, true); this.dflt = new PyInt(-1); }
    else if (k === "i" || k === "u") { this.status = 5; this.func = intOfFloat; this.dflt = new PyInt(-1); }
    else if (k === "f") { this.status = dtype === DTYPES.float64 ? 2 : 6; this.func = pyFloat; this.dflt = NaN; }
    else if (k === "c") { this.status = dtype === DTYPES.complex128 ? 3 : 7; this.func = pyComplex; this.dflt = { re: NaN, im: 0 }; }
    else if ((k as string) === "U") { this.status = ST_STR; this.func = (s) => s; this.dflt = "???"; }
    else throw new NumpyTypeError(`genfromtxt: dtype ${dtype.name} is not supported by numfuse`);
    if (fill !== null) this.dflt = fill;
  }

  looseCall(v: string): PyVal {
    try {
      return this.func(v);
    } catch (e) {
      if (e instanceof ValueError) return this.dflt;
      throw e;
    }
  }

  strictCall(v: string): PyVal {
    try {
      const r = this.func(v);
      if (this.isPyInt && r instanceof PyInt && (BigInt(r.v) < C_LONG[0] || BigInt(r.v) > C_LONG[1])) throw pyValueError("overflow");
      return r;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      if (this.missing.has(pyStrip(v))) {
        if (!this.status) this.checked = false;
        return this.dflt;
      }
      throw pyValueError(`Cannot convert string '${v}'`);
    }
  }

  private doUpgrade(): void {
    if (this.locked) throw new ConverterLockError("Converter is locked and cannot be upgraded");
    if (this.status >= ST_STR) throw new ValueError("Could not find a valid conversion function");
    this.status++;
    const m = MAPPER[this.status];
    this.type = m.type;
    this.func = m.func;
    this.isPyInt = this.status === ST_INT;
    this.dflt = this.initialDefault ?? m.dflt;
  }

  upgrade(v: string): PyVal {
    this.checked = true;
    for (;;) {
      try {
        return this.strictCall(v);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        this.doUpgrade();
      }
    }
  }

  iterupgrade(values: readonly string[]): void {
    for (;;) {
      this.checked = true;
      try {
        for (const v of values) this.strictCall(v);
        return;
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        this.doUpgrade();
      }
    }
  }

  /** A user converter replaces the function (StringConverter.update). */
  update(func: GenConverter, fill: PyVal | null, testing: string | null, missing: readonly string[]): void {
    this.func = (s) => fromJs(func(s));
    this.locked = true;
    this.isPyInt = false;
    if (fill !== null) {
      this.dflt = fill;
      this.type = typeOfValue(fill);
    } else {
      let tester: PyVal | null = null;
      try {
        tester = this.func(testing || "1");
      } catch (e) {
        if (!(e instanceof ValueError) && !(e instanceof TypeError)) throw e;
      }
      this.type = tester === null ? DTYPES.float64 : typeOfValue(tester);
    }
    for (const m of missing) this.missing.add(m);
  }
}

class ConverterLockError extends ValueError {}

/** A converter's JS result as a Python value: integral numbers are ints, as a JS number stands for a Python int (API.md). */
function fromJs(v: unknown): PyVal {
  if (typeof v === "number") return Number.isInteger(v) ? new PyInt(v) : v;
  if (typeof v === "bigint") return asPyInt(v);
  if (typeof v === "boolean" || typeof v === "string") return v;
  if (v && typeof v === "object" && "re" in v) return v as Complex;
  throw new NumpyTypeError(`genfromtxt: a converter returned ${typeof v}, which numfuse cannot store`);
}

/** np.array(value).dtype for a converted value. */
function typeOfValue(v: PyVal): ConvType {
  if (v instanceof PyInt || typeof v === "bigint") return DTYPES.int64;
  if (typeof v === "number") return DTYPES.float64;
  if (typeof v === "boolean") return DTYPES.bool;
  if (typeof v === "string") return "str";
  return DTYPES.complex128;
}

// ---- names ---------------------------------------------------------------------------------------

const DEFAULT_DELETECHARS = " !#$%&'()*+,-./:;<=>?@[\\]^{|}~";

class NameValidator {
  private readonly exclude: string[];
  private readonly del: Set<string>;
  private readonly caseConv: (s: string) => string;
  constructor(excludelist: readonly string[] | null | undefined, deletechars: string | undefined, caseSensitive: boolean | string | undefined, private readonly replaceSpace: string) {
    this.exclude = [...(excludelist ?? []), "return", "file", "print"];
    this.del = new Set([...(deletechars ?? DEFAULT_DELETECHARS), '"']);
    if (caseSensitive === undefined || caseSensitive === true) this.caseConv = (s) => s;
    else if (caseSensitive === false || (typeof caseSensitive === "string" && caseSensitive.startsWith("u"))) this.caseConv = (s) => s.toUpperCase();
    else if (typeof caseSensitive === "string" && caseSensitive.startsWith("l")) this.caseConv = (s) => s.toLowerCase();
    else throw new ValueError(`unrecognized case_sensitive value ${caseSensitive}.`);
  }
  validate(names: readonly string[], defaultfmt = "f%i", nbfields: number | null = null): string[] {
    let list = [...names];
    if (nbfields !== null) {
      if (list.length < nbfields) list = list.concat(Array(nbfields - list.length).fill(""));
      else if (list.length > nbfields) list = list.slice(0, nbfields);
    }
    const out: string[] = [];
    const seen = new Map<string, number>();
    let nbempty = 0;
    for (const raw of list) {
      let item = pyStrip(this.caseConv(raw));
      if (this.replaceSpace) item = item.replaceAll(" ", this.replaceSpace);
      item = [...item].filter((c) => !this.del.has(c)).join("");
      if (item === "") {
        item = pyFormatInt(defaultfmt, nbempty);
        while (list.includes(item)) item = pyFormatInt(defaultfmt, ++nbempty);
        nbempty++;
      } else if (this.exclude.includes(item)) item += "_";
      const cnt = seen.get(item) ?? 0;
      out.push(cnt > 0 ? `${item}_${cnt}` : item);
      seen.set(item, cnt + 1);
    }
    return out;
  }
}

/** defaultfmt % i for the formats genfromtxt users write ("f%i", "col_%d", "%02d"). */
function pyFormatInt(fmt: string, i: number): string {
  return fmt.replace(/%(0?)(\d*)[id]/, (_m, z: string, w: string) => String(i).padStart(Number(w || 0), z ? "0" : " "));
}

// ---- the dtype -----------------------------------------------------------------------------------

/** A genfromtxt dtype: one numeric or str dtype, or fields (name, dtype). */
type GenDType = { kind: "plain"; dt: DType } | { kind: "fields"; names: string[]; dts: DType[] };

function toDType(x: unknown): DType {
  if (x === Number || x === "float") return DTYPES.float64;
  if (x === Boolean || x === "bool") return DTYPES.bool;
  if (x === "int") return DTYPES.int64;
  if (x === String) return parseDType("U");
  return parseDType(x);
}

/** easy_dtype: the dtype with the names applied (a plain dtype and names make fields of that type). */
function easyDtype(x: unknown, names: string[] | null, defaultfmt: string, v: NameValidator): GenDType {
  // a list of formats (not (name, format) pairs): fields named by defaultfmt
  if (Array.isArray(x) && x.every((f) => !Array.isArray(f))) {
    const dts = x.map(toDType);
    return { kind: "fields", names: v.validate(names ?? [], defaultfmt, dts.length), dts };
  }
  const dt = toDType(x);
  if (dt instanceof StructDType) {
    const fields = (dt.names ?? []).map((n) => dt.field(n)!);
    const dts = fields.map((f) => f.dtype);
    if (dts.some((d) => d instanceof StructDType)) throw new NumpyTypeError("genfromtxt: nested structured dtypes are not supported by numfuse");
    const orig = [...(dt.names ?? [])];
    let nm: string[];
    if (names !== null) nm = v.validate(names, defaultfmt, orig.length);
    else if (orig.every((n, i) => n === `f${i}`) && defaultfmt !== "f%i") nm = v.validate(orig.map(() => ""), defaultfmt);
    else nm = v.validate(orig, defaultfmt);
    return { kind: "fields", names: nm, dts };
  }
  if (names !== null) return { kind: "fields", names: v.validate(names, defaultfmt), dts: names.map(() => dt) };
  return { kind: "plain", dt };
}

// ---- the line splitter ---------------------------------------------------------------------------

function makeSplitter(delimiter: GenfromtxtOptions["delimiter"], comments: string | null, autostrip: boolean): (line: string) => string[] {
  const cut = (line: string) => {
    if (comments === null) return line;
    const k = line.indexOf(comments);
    return k < 0 ? line : line.slice(0, k);
  };
  let split: (line: string) => string[];
  if (delimiter === null || delimiter === undefined || typeof delimiter === "string" || delimiter === 0) {
    const d = typeof delimiter === "string" && delimiter !== "" ? delimiter : null;
    split = (line) => {
      const l = stripChars(cut(line), " \r\n");
      if (!l) return [];
      return d === null ? splitWs(l) : l.split(d);
    };
  } else if (typeof delimiter === "number") {
    const w = Math.trunc(delimiter);
    split = (line) => {
      const l = stripChars(cut(line), "\r\n");
      if (!l) return [];
      const out: string[] = [];
      for (let i = 0; i < l.length; i += w) out.push(l.slice(i, i + w));
      return out;
    };
  } else {
    const bounds: [number, number][] = [];
    let at = 0;
    for (const w of delimiter) { bounds.push([at, at + w]); at += w; }
    split = (line) => {
      const l = cut(line);
      if (!l) return [];
      return bounds.map(([a, b]) => l.slice(a, b));
    };
  }
  return autostrip ? (line) => split(line).map(pyStrip) : split;
}

// ---- genfromtxt ----------------------------------------------------------------------------------

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);

/** A user's filling value as a Python value. */
function pyOfFill(v: unknown): PyVal | null {
  if (v === null || v === undefined) return null;
  return fromJs(v);
}

/**
 * np.genfromtxt(fname, {dtype = float64, comments = "#", delimiter = null, skip_header, skip_footer,
 * converters, missing_values, filling_values, usecols, names, excludelist, deletechars, replace_space,
 * autostrip, case_sensitive, defaultfmt, unpack, loose, invalid_raise, max_rows, encoding, ndmin}).
 * Sources as np.loadtxt takes them. `usemask` (masked arrays) is not supported.
 */
export function genfromtxt(fname: TextSource, ...args: unknown[]): NDArray | NDArray[] {
  const o = argsWithOptions<GenfromtxtOptions>(args, ["dtype", "comments", "delimiter", "skip_header", "skip_footer", "converters",
    "missing_values", "filling_values", "usecols", "names", "excludelist", "deletechars", "replace_space", "autostrip",
    "case_sensitive", "defaultfmt", "unpack", "usemask", "loose", "invalid_raise", "max_rows", "encoding"]);
  const ndmin = o.ndmin ?? 0;
  if (ndmin !== 0 && ndmin !== 1 && ndmin !== 2) throw new ValueError(`Illegal value of ndmin keyword: ${ndmin}`);
  const maxRows = o.max_rows ?? null;
  let skipFooter = o.skip_footer ?? 0;
  const skipHeader = o.skip_header ?? 0;
  if (maxRows !== null) {
    if (skipFooter) throw new ValueError("The keywords 'skip_footer' and 'max_rows' can not be specified at the same time.");
    if (maxRows < 1) throw new ValueError("'max_rows' must be at least 1.");
  }
  if (o.usemask) throw new NumpyTypeError("genfromtxt: usemask=True (masked arrays) is not supported by numfuse");
  const userConv = o.converters ?? {};
  if (!isObj(userConv)) throw new NumpyTypeError(`The input argument 'converter' should be a valid dictionary (got '${typeof userConv}' instead)`);
  const comments = o.comments === undefined ? "#" : o.comments;
  const defaultfmt = o.defaultfmt ?? "f%i";
  const loose = o.loose ?? true;
  const invalidRaise = o.invalid_raise ?? true;
  const dtypeArg = o.dtype === undefined ? DTYPES.float64 : o.dtype;

  const lines = inputLines(readInput(fname), o.encoding === "bytes" ? "latin1" : o.encoding);
  const split = makeSplitter(o.delimiter, comments, o.autostrip ?? false);
  const validator = new NameValidator(o.excludelist, o.deletechars, o.case_sensitive, o.replace_space ?? "_");

  let li = Math.min(skipHeader, lines.length);
  let firstLine = "";
  let firstValues: string[] = [];
  let names: string[] | null = null;
  const namesArg = o.names ?? null;
  while (li < lines.length) {
    firstLine = lines[li++];
    if (namesArg === true && comments !== null && firstLine.includes(comments)) firstLine = firstLine.split(comments).slice(1).join("");
    firstValues = split(firstLine);
    if (firstValues.length) break;
  }
  if (!firstValues.length) firstLine = "";
  if (namesArg === true) {
    if (!firstValues.length) throw new IndexError("list index out of range");
    const fval = pyStrip(firstValues[0]);
    if (comments !== null && comments.includes(fval)) firstValues.shift();
  }

  let usecols: (number | string)[] | null = null;
  if (o.usecols !== null && o.usecols !== undefined) {
    usecols = typeof o.usecols === "string" ? o.usecols.split(",").map(pyStrip) : typeof o.usecols === "number" ? [o.usecols] : [...o.usecols];
  }
  const nbcols = (usecols && usecols.length ? usecols : firstValues).length;

  if (namesArg === true) {
    names = validator.validate(firstValues.map((v) => pyStrip(v)));
    firstLine = "";
  } else if (typeof namesArg === "string") names = validator.validate(namesArg.split(",").map(pyStrip));
  else if (Array.isArray(namesArg) && namesArg.length) names = validator.validate(namesArg as string[]);

  let gdt: GenDType | null = dtypeArg === null ? null : easyDtype(dtypeArg, names, defaultfmt, validator);
  if (gdt && gdt.kind === "fields") names = gdt.names;

  const cols: number[] | null = usecols && usecols.length ? usecols.map((c) => {
    if (typeof c === "string") {
      const k = names ? names.indexOf(c) : -1;
      if (k < 0) throw new ValueError(`'${c}' is not in list`);
      return k;
    }
    return c < 0 ? c + firstValues.length : c;
  }) : null;
  if (cols) {
    if (gdt && gdt.kind === "fields" && gdt.dts.length > nbcols) {
      gdt = { kind: "fields", names: cols.map((c) => gdt!.kind === "fields" ? gdt!.names[c] : ""), dts: cols.map((c) => (gdt as { dts: DType[] }).dts[c]) };
      names = gdt.names;
    } else if (names && names.length > nbcols) names = cols.map((c) => names![c]);
  }
  /** a user's column key (index or name) as a result column, or null */
  const colKey = (key: string | number): number | null => {
    let k: number;
    if (typeof key === "string" && !/^-?\d+$/.test(key)) {
      const at = names ? names.indexOf(key) : -1;
      if (at < 0) return null;
      k = at;
    } else k = Number(key);
    if (cols) {
      const at = cols.indexOf(k);
      if (at >= 0) k = at;
    }
    return k;
  };

  // ---- missing values, one list per column
  const missing: string[][] = Array.from({ length: nbcols }, () => [""]);
  const mv = o.missing_values;
  if (mv instanceof Map || isObj(mv)) {
    const entries: [unknown, unknown][] = mv instanceof Map ? [...mv.entries()] : Object.entries(mv);
    for (const [key, val] of entries) {
      const vals = Array.isArray(val) ? val.map(String) : [String(val)];
      if (key === null || key === "null" || key === "None") { for (const m of missing) m.push(...vals); continue; }
      const k = colKey(key as string | number);
      if (k === null) continue;
      missing.at(k)?.push(...vals);
    }
  } else if (Array.isArray(mv)) {
    mv.forEach((value, j) => {
      if (j >= nbcols) return;
      const s = String(value);
      if (!missing[j].includes(s)) missing[j].push(s);
    });
  } else if (typeof mv === "string") {
    for (const m of missing) m.push(...mv.split(","));
  } else if (mv !== null && mv !== undefined) for (const m of missing) m.push(String(mv));

  // ---- filling values
  let fill: (PyVal | null)[] = Array(nbcols).fill(null);
  const fv = o.filling_values;
  if (fv instanceof Map || isObj(fv)) {
    const entries: [unknown, unknown][] = fv instanceof Map ? [...fv.entries()] : Object.entries(fv);
    for (const [key, val] of entries) {
      const k = colKey(key as string | number);
      if (k === null) continue;
      if (k >= 0 && k < nbcols) fill[k] = pyOfFill(val);
      else if (k < 0 && k >= -nbcols) fill[nbcols + k] = pyOfFill(val);
    }
  } else if (Array.isArray(fv)) {
    const vals = fv.map(pyOfFill);
    fill = vals.length <= nbcols ? [...vals, ...fill.slice(vals.length)] : vals.slice(0, nbcols);
  } else if (fv !== null && fv !== undefined) fill = Array(nbcols).fill(pyOfFill(fv));

  // ---- converters
  let converters: StringConverter[];
  if (gdt === null) converters = missing.map((m, j) => new StringConverter(null, m, fill[j] ?? null, false));
  else if (gdt.kind === "fields" && gdt.dts.length > 1) converters = gdt.dts.map((d, j) => new StringConverter(d, missing[j] ?? [""], fill[j] ?? null, true));
  else {
    const d = gdt.kind === "plain" ? gdt.dt : gdt.dts[0];
    converters = missing.map((m, j) => new StringConverter(d, m, fill[j] ?? null, true));
  }
  const userCols = new Set<number>();
  for (const [key, fn] of Object.entries(userConv)) {
    let i: number, j: number;
    if (!/^-?\d+$/.test(key)) {
      j = names ? names.indexOf(key) : -1;
      if (j < 0) continue;
      i = j;
    } else {
      j = Number(key);
      if (cols) {
        i = cols.indexOf(j);
        if (i < 0) continue;
      } else i = j;
    }
    const testing = firstLine.length ? (firstValues.at(j) ?? null) : null;
    const conv = converters.at(i);
    if (!conv) continue;
    conv.update(fn, fill.at(i) ?? null, testing, missing.at(i) ?? [""]);
    userCols.add(i < 0 ? i + converters.length : i);
  }

  // ---- split the lines
  const rows: string[][] = [];
  const invalid: [number, number][] = [];
  const all = [firstLine, ...lines.slice(li)];
  for (let i = 0; i < all.length; i++) {
    let values = split(all[i]);
    const nb = values.length;
    if (nb === 0) continue;
    if (cols) {
      const picked: string[] = [];
      let bad = false;
      for (const c of cols) {
        const k = c < 0 ? c + nb : c;
        if (k < 0 || k >= nb) { bad = true; break; }
        picked.push(values[k]);
      }
      if (bad) { invalid.push([i + skipHeader + 1, nb]); continue; }
      values = picked;
    } else if (nb !== nbcols) {
      invalid.push([i + skipHeader + 1, nb]);
      continue;
    }
    rows.push(values);
    if (rows.length === maxRows) break;
  }

  // ---- inference
  if (gdt === null) {
    converters.forEach((conv, i) => {
      const column = rows.map((r) => r[i]);
      try {
        conv.iterupgrade(column);
      } catch (e) {
        if (!(e instanceof ConverterLockError)) throw e;
        let msg = `Converter #${i} is locked and cannot be upgraded: `;
        column.forEach((value, j) => {
          try {
            conv.upgrade(value);
          } catch (err) {
            if (!(err instanceof ValueError)) throw err;
            msg += `(occurred line #${j + 1 + skipHeader} for value '${value}')`;
            throw new ValueError(msg);
          }
        });
      }
    });
  }

  // ---- bad lines
  if (invalid.length) {
    const nbrows = rows.length + invalid.length - skipFooter;
    let inv = invalid;
    if (skipFooter > 0) {
      const skipped = invalid.filter(([ln]) => ln > nbrows + skipHeader).length;
      inv = invalid.slice(0, invalid.length - skipped);
      skipFooter -= skipped;
    }
    if (inv.length) {
      const msg = ["Some errors were detected !", ...inv.map(([ln, nb]) => `    Line #${ln} (got ${nb} columns instead of ${nbcols})`)].join("\n");
      if (invalidRaise) throw new ValueError(msg);
      process.emitWarning(msg, "ConversionWarning");
    }
  }
  const kept = skipFooter > 0 ? rows.slice(0, Math.max(0, rows.length - skipFooter)) : rows;

  // ---- convert, column by column as NumPy does (a strict failure names the first bad column)
  const data: PyVal[][] = kept.map(() => []);
  converters.forEach((conv, i) => {
    kept.forEach((r, k) => { data[k].push(loose ? conv.looseCall(r[i]) : conv.strictCall(r[i])); });
  });

  // ---- the result's dtype
  let out: NDArray;
  if (gdt === null) {
    const types = converters.map((c) => c.type);
    const sized: DType[] = types.map((t, i) => t === "str" ? parseDType(`U${Math.max(1, ...data.map((r) => (r[i] as string).length))}`) : t);
    if (names === null) {
      const base = new Set(converters.filter((c) => c.checked).map((c) => c.type === "str" ? "str" : c.type.name));
      if (base.size === 1) {
        const only = converters.find((c) => c.checked)!.type;
        const dt = only === "str" ? parseDType(`U${Math.max(1, ...data.flat().map((v) => String(v).length))}`) : only;
        out = plainArray(data, dt, nbcols);
      } else out = structArray(data, sized.map((d, i) => [pyFormatInt(defaultfmt, i), d]));
    } else out = structArray(data, names.map((n, i) => [n, sized[i]]));
  } else if (gdt.kind === "fields") {
    if (gdt.dts.length > 1) out = structArray(data, gdt.names.map((n, i) => [n, gdt!.kind === "fields" ? gdt!.dts[i] : DTYPES.float64]));
    else out = structArray(data, [[gdt.names[0], gdt.dts[0]]]);
  } else {
    const dt = gdt.dt;
    if (userCols.size) {
      // a converter whose values are of another type makes the result structured, as in NumPy
      const ttypes = converters.map((c, i) => (userCols.has(i) ? c.type : dt));
      const homogeneous = ttypes.every((t) => t === "str" ? false : sameFamily(t, dt));
      if (!homogeneous) {
        const descr = ttypes.map((t, i): [string, DType] => [`f${i}`, t === "str" ? parseDType(`U${Math.max(1, ...data.map((r) => String(r[i]).length))}`) : t]);
        out = descr.length > 1 ? structArray(data, descr) : plainArray(data, descr[0][1], 1);
      } else out = plainArray(data, dt, nbcols);
    } else out = plainArray(data, dt, nbcols);
  }

  // ---- _ensure_ndmin_ndarray
  if (out.ndim > ndmin) out = squeeze(out);
  if (out.ndim < ndmin) {
    if (ndmin === 1) out = out.reshape([1]);
    else out = out.ndim === 0 ? out.reshape([1, 1]) : transpose(out.reshape([1, ...out.shape]));
  }
  if (o.unpack) {
    const fieldNames = out.dtype instanceof StructDType ? out.dtype.names : null;
    if (fieldNames === null) return transpose(out);
    if (fieldNames.length === 1) return out.field(fieldNames[0]);
    return fieldNames.map((n) => out.field(n));
  }
  return out;
}

/** NumPy's `ttype == dtype.type` for a converter's result against the requested dtype. */
const sameFamily = (t: DType, dt: DType): boolean => t === dt || (t.kind === dt.kind) || (t === DTYPES.int64 && (dt.kind === "i" || dt.kind === "u" || dt.kind === "f"));

/** A Python value as the JS value numfuse stores for `dt`, with np.array's overflow check for ints. */
function jsValue(v: PyVal, dt: DType): unknown {
  const k = dt.kind;
  if (v instanceof PyInt) v = v.v;
  if ((k as string) === "U") return typeof v === "object" ? `(${(v as Complex).re}+${(v as Complex).im}j)` : String(v);
  if (k === "c") return typeof v === "object" ? v : { re: Number(v), im: 0 };
  if (k === "b") return typeof v === "string" ? v.length > 0 : typeof v === "object" ? (v as Complex).re !== 0 || (v as Complex).im !== 0 : Boolean(v);
  if (k === "f") return typeof v === "object" ? (v as Complex).re : typeof v === "string" ? pyFloat(v) : Number(v);
  // integers
  let b: bigint;
  if (typeof v === "bigint") b = v;
  else if (typeof v === "boolean") b = v ? 1n : 0n;
  else if (typeof v === "number") {
    if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
    b = BigInt(Math.trunc(v));
  } else if (typeof v === "string") b = pyIntBig(v);
  else throw new NumpyTypeError("int() argument must be a string, a bytes-like object or a real number, not 'complex'");
  const bits = dt.itemsize * 8;
  const lo = k === "u" ? 0n : -(2n ** BigInt(bits - 1)), hi = k === "u" ? 2n ** BigInt(bits) - 1n : 2n ** BigInt(bits - 1) - 1n;
  if (b < lo || b > hi) throw new OverflowError(`Python integer ${b} out of bounds for ${dt.name}`);
  return dt.itemsize === 8 ? b : Number(b);
}

function plainArray(data: PyVal[][], dt: DType, nbcols: number): NDArray {
  if (data.length === 0) return array([], { dtype: dt }) as NDArray;
  return array(data.map((r) => r.map((v) => jsValue(v, dt))) as never, { dtype: dt }).reshape([data.length, nbcols]);
}

function structArray(data: PyVal[][], descr: [string, DType][]): NDArray {
  for (const r of data) if (r.length !== descr.length) throw new ValueError(`could not assign tuple of length ${r.length} to structure with ${descr.length} fields.`);
  const rows = data.map((r) => r.map((v, i) => jsValue(v, descr[i][1])));
  return array(rows as never, { dtype: descr.map(([n, d]) => [n, d.str]) as never }) as NDArray;
}
