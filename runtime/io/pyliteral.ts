/** @file A safe reader for the Python literals that `.npy` headers hold (what NumPy reads with `ast.literal_eval`): a Python tokenizer and expression parser that never evaluates anything, literal_eval's rules for what counts as a literal, and Python's `repr` for error messages. */
import { ValueError } from "../errors.js";

/** A Python value as literal_eval returns it. Python ints stay exact as bigints. */
export type PyValue =
  | { t: "str"; v: string }
  | { t: "bytes"; v: Uint8Array }
  | { t: "int"; v: bigint }
  | { t: "float"; v: number }
  | { t: "complex"; re: number; im: number }
  | { t: "bool"; v: boolean }
  | { t: "none" }
  | { t: "ellipsis" }
  | { t: "tuple" | "list" | "set"; items: PyValue[] }
  | { t: "dict"; keys: PyValue[]; values: PyValue[] };

/** What Python's compile() raises: literal_eval callers turn it into their own message. */
export class PySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyntaxError";
  }
}

// ---- tokenizer --------------------------------------------------------------------------------

type TokKind = "name" | "number" | "string" | "op" | "newline" | "end";
interface Tok {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
  line: number;
  /** numbers and strings: the value; f-strings have none (they are never literals) */
  value?: PyValue;
  fstring?: boolean;
}

/** CPython's tokenizer refuses more nesting than this (MAXLEVEL). */
const MAX_NESTING = 200;
/** Our own bound on recursion through unary operators, so a hostile header cannot exhaust the JS stack. */
const MAX_RECURSION = 1000;

const OPS = [
  "**=", "//=", ">>=", "<<=", "...", "!=", "==", "<=", ">=", "**", "//", "<<", ">>", "->", ":=",
  "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
  "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "+", "-", "*", "/", "%", "@", "~", "<", ">", "=", "&", "|", "^",
];
const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);
/** Keywords CPython still lets follow a number directly (`1if x else y`), with a warning. */
const AFTER_NUMBER_OK = ["and", "else", "for", "if", "in", "is", "not", "or"];
const STRING_PREFIXES = new Set(["r", "u", "f", "b", "br", "rb", "fr", "rf"]);

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;
const isIdStart = (c: string | undefined) =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || (c > "\x7f" && ID_START.test(c)));
const isIdContinue = (c: string | undefined) => c !== undefined && (isIdStart(c) || isDigit(c) || (c > "\x7f" && ID_CONTINUE.test(c)));

/** One code point starting at s[i] (a whole surrogate pair when there is one). */
const charAt = (s: string, i: number): string => String.fromCodePoint(s.codePointAt(i) ?? 0);

function tokenize(src: string): Tok[] {
  if (src.includes("\0")) throw new PySyntaxError("source code string cannot contain null bytes");
  const s = src.replace(/\r\n?/g, "\n");
  const toks: Tok[] = [];
  const brackets: string[] = [];
  let i = 0, line = 1, atLineStart = true;
  const err = (msg: string): never => {
    throw new PySyntaxError(`${msg} (line ${line})`);
  };
  const push = (kind: TokKind, start: number, end: number, extra: Partial<Tok> = {}) => {
    toks.push({ kind, text: s.slice(start, end), start, end, line, ...extra });
  };

  const scanDigits = (j: number, ok: (c: string | undefined) => boolean): number => {
    if (!ok(s[j])) err("invalid decimal literal");
    j++;
    for (;;) {
      if (s[j] === "_") {
        if (!ok(s[j + 1])) err("invalid decimal literal");
        j += 2;
      } else if (ok(s[j])) j++;
      else return j;
    }
  };
  const checkNumberEnd = (j: number) => {
    if (!isIdStart(charAt(s, j))) return;
    if (AFTER_NUMBER_OK.some((k) => s.startsWith(k, j) && !isIdContinue(s[j + k.length]))) return;
    err("invalid decimal literal");
  };

  const scanNumber = (start: number): void => {
    let j = start;
    const c1 = s[start + 1]?.toLowerCase();
    if (s[start] === "0" && (c1 === "x" || c1 === "o" || c1 === "b")) {
      const ok = c1 === "x" ? (c: string | undefined) => c !== undefined && /[0-9a-fA-F]/.test(c)
        : c1 === "o" ? (c: string | undefined) => c !== undefined && c >= "0" && c <= "7"
          : (c: string | undefined) => c === "0" || c === "1";
      j = start + 2;
      if (s[j] === "_") j++;
      j = scanDigits(j, ok);
      if (isDigit(s[j])) err("invalid digit in literal");
      checkNumberEnd(j);
      const digits = s.slice(start + 2, j).replace(/_/g, "");
      push("number", start, j, { value: { t: "int", v: BigInt(`0${c1}${digits}`) } });
      i = j;
      return;
    }
    let isFloat = false;
    if (s[j] !== ".") j = scanDigits(j, isDigit);
    const intPart = s.slice(start, j);
    if (s[j] === ".") {
      isFloat = true;
      j++;
      if (isDigit(s[j])) j = scanDigits(j, isDigit);
    }
    if (s[j] === "e" || s[j] === "E") {
      let k = j + 1;
      if (s[k] === "+" || s[k] === "-") k++;
      if (!isDigit(s[k])) err("invalid decimal literal");
      j = scanDigits(k, isDigit);
      isFloat = true;
    }
    let imag = false;
    if (s[j] === "j" || s[j] === "J") {
      imag = true;
      j++;
    }
    checkNumberEnd(j);
    const text = s.slice(start, j).replace(/_/g, "");
    let value: PyValue;
    if (imag) value = { t: "complex", re: 0, im: Number(text.slice(0, -1)) };
    else if (isFloat) value = { t: "float", v: Number(text) };
    else {
      if (/^0+[1-9]/.test(intPart.replace(/_/g, ""))) err("leading zeros in decimal integer literals are not permitted");
      value = { t: "int", v: BigInt(text) };
    }
    push("number", start, j, { value });
    i = j;
  };

  const scanString = (start: number, prefix: string): void => {
    const raw = prefix.includes("r"), bytes = prefix.includes("b"), fstr = prefix.includes("f");
    let j = start + prefix.length;
    const q = s[j];
    const triple = s.startsWith(q + q + q, j);
    const bodyStart = j + (triple ? 3 : 1);
    j = bodyStart;
    for (;;) {
      if (j >= s.length) err(triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
      const c = s[j];
      if (c === "\\") {
        if (s[j + 1] === "\n") line++;
        j += 2;
        continue;
      }
      if (c === "\n") {
        if (!triple) err("unterminated string literal");
        line++;
      }
      if (c === q && (!triple || s.startsWith(q + q + q, j))) break;
      j++;
    }
    const body = s.slice(bodyStart, j);
    j += triple ? 3 : 1;
    if (fstr) {
      push("string", start, j, { fstring: true });
    } else {
      if (bytes && /[^\x00-\x7f]/.test(body)) err("bytes can only contain ASCII literal characters");
      const text = raw ? body : unescape(body, bytes, err);
      const value: PyValue = bytes ? { t: "bytes", v: Uint8Array.from(text, (ch) => ch.charCodeAt(0)) } : { t: "str", v: text };
      push("string", start, j, { value });
    }
    i = j;
  };

  while (i < s.length) {
    const c = s[i];
    if (atLineStart && brackets.length === 0) {
      // indentation: a single-expression input may not be indented on any logical line
      let j = i, col = 0;
      while (s[j] === " " || s[j] === "\t" || s[j] === "\f") {
        col = s[j] === "\f" ? 0 : col + 1;
        j++;
      }
      i = j;
      if (j >= s.length || s[j] === "\n" || s[j] === "#") {
        if (s[j] === "#") while (i < s.length && s[i] !== "\n") i++;
        if (s[i] === "\n") { i++; line++; }
        continue;
      }
      if (col > 0 && !(s[j] === "\\" && s[j + 1] === "\n")) err("unexpected indent");
      atLineStart = false;
      continue;
    }
    if (c === " " || c === "\t" || c === "\f") { i++; continue; }
    if (c === "#") { while (i < s.length && s[i] !== "\n") i++; continue; }
    if (c === "\n") {
      if (brackets.length === 0) {
        push("newline", i, i + 1);
        atLineStart = true;
      }
      i++;
      line++;
      continue;
    }
    if (c === "\\") {
      if (s[i + 1] !== "\n") err(i + 1 >= s.length ? "unexpected EOF while parsing" : "unexpected character after line continuation character");
      if (i + 2 >= s.length) err("unexpected EOF while parsing");
      i += 2;
      line++;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(s[i + 1]))) { scanNumber(i); continue; }
    const ch = charAt(s, i);
    if (isIdStart(ch)) {
      let j = i + ch.length;
      while (j < s.length && isIdContinue(charAt(s, j))) j += charAt(s, j).length;
      const word = s.slice(i, j);
      if ((s[j] === "'" || s[j] === '"') && STRING_PREFIXES.has(word.toLowerCase())) {
        scanString(i, word.toLowerCase());
        continue;
      }
      push("name", i, j);
      i = j;
      continue;
    }
    if (c === "'" || c === '"') { scanString(i, ""); continue; }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (op === undefined) err(`invalid character '${ch}'`);
    if (op === "(" || op === "[" || op === "{") {
      if (brackets.length >= MAX_NESTING) err("too many nested parentheses");
      brackets.push(op);
    } else if (op === ")" || op === "]" || op === "}") {
      const open = brackets.pop();
      if (open === undefined) err(`unmatched '${op}'`);
      if ({ "(": ")", "[": "]", "{": "}" }[open!] !== op) err(`closing parenthesis '${op}' does not match opening parenthesis '${open}'`);
    }
    push("op", i, i + op!.length);
    i += op!.length;
  }
  if (brackets.length) err(`'${brackets[brackets.length - 1]}' was never closed`);
  if (toks.length && toks[toks.length - 1].kind !== "newline") push("newline", s.length, s.length);
  push("end", s.length, s.length);
  return toks;
}

/** Python's backslash escapes in a non-raw string or bytes literal. */
function unescape(body: string, bytes: boolean, err: (m: string) => never): string {
  if (!body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") { out += c; continue; }
    const e = body[++i];
    const simple: Record<string, string> = { "\n": "", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
    if (e !== undefined && Object.hasOwn(simple, e)) { out += simple[e]; continue; }
    if (e !== undefined && e >= "0" && e <= "7") {
      let j = i;
      while (j < i + 3 && body[j] >= "0" && body[j] <= "7") j++;
      const code = parseInt(body.slice(i, j), 8);
      out += String.fromCharCode(bytes ? code & 0xff : code);
      i = j - 1;
      continue;
    }
    const hex = (n: number): number => {
      const h = body.slice(i + 1, i + 1 + n);
      if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) err(`(unicode error) truncated \\${e} escape`);
      i += n;
      return parseInt(h, 16);
    };
    if (e === "x") { out += String.fromCharCode(hex(2)); continue; }
    if (!bytes && e === "u") { out += String.fromCharCode(hex(4)); continue; }
    if (!bytes && e === "U") {
      const cp = hex(8);
      if (cp > 0x10ffff) err("(unicode error) illegal Unicode character");
      out += String.fromCodePoint(cp);
      continue;
    }
    // \N{name} needs Unicode's name table, which we do not carry: refuse rather than guess
    if (!bytes && e === "N") err("(unicode error) \\N{...} escapes are not supported");
    out += "\\" + (e ?? "");
  }
  return out;
}

// ---- parser: Python expressions, enough to tell literals from other valid code -------------------

type Node =
  | { k: "Constant"; v: PyValue; line: number }
  | { k: "Tuple" | "List" | "Set"; elts: Node[]; line: number }
  | { k: "Dict"; keys: (Node | null)[]; values: Node[]; line: number }
  | { k: "UnaryOp"; op: string; operand: Node; line: number }
  | { k: "BinOp"; op: string; left: Node; right: Node; line: number }
  | { k: "Call"; func: Node; nargs: number; line: number }
  | { k: "Name"; id: string; line: number }
  /** any other expression node (Attribute, Compare, IfExp, ...), named as Python's ast class */
  | { k: "Other"; cls: string; line: number };

class Parser {
  private p = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  private get tok(): Tok { return this.toks[this.p]; }
  private fail(): never {
    throw new PySyntaxError(`invalid syntax (line ${this.tok.line})`);
  }
  private isOp(text: string): boolean { return this.tok.kind === "op" && this.tok.text === text; }
  private isName(text: string): boolean { return this.tok.kind === "name" && this.tok.text === text; }
  private eatOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.p++;
    return true;
  }
  private expectOp(text: string): void {
    if (!this.eatOp(text)) this.fail();
  }
  private enter(): void {
    if (++this.depth > MAX_RECURSION) throw new PySyntaxError("too many nested expressions");
  }

  /** eval_input: expressions NEWLINE* ENDMARKER */
  parseEval(): Node {
    const n = this.expressions();
    while (this.tok.kind === "newline") this.p++;
    if (this.tok.kind !== "end") this.fail();
    return n;
  }

  /** expression (',' expression)* [','], a tuple when there is a comma */
  private expressions(): Node {
    const line = this.tok.line;
    const first = this.starExpr();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.startsExpr()) elts.push(this.starExpr());
      else break;
    }
    return { k: "Tuple", elts, line };
  }

  private startsExpr(): boolean {
    const t = this.tok;
    if (t.kind === "number" || t.kind === "string") return true;
    if (t.kind === "name") return !KEYWORDS.has(t.text) || ["True", "False", "None", "not", "lambda", "await"].includes(t.text);
    if (t.kind === "op") return ["(", "[", "{", "-", "+", "~", "...", "*"].includes(t.text);
    return false;
  }

  private starExpr(): Node {
    if (this.isOp("*")) {
      const line = this.tok.line;
      this.p++;
      this.bitor();
      return { k: "Other", cls: "Starred", line };
    }
    return this.expression();
  }

  private expression(): Node {
    if (this.isName("lambda")) return this.lambda();
    const line = this.tok.line;
    const body = this.disjunction();
    if (this.isName("if")) {
      this.p++;
      this.disjunction();
      if (!this.isName("else")) this.fail();
      this.p++;
      this.expression();
      return { k: "Other", cls: "IfExp", line };
    }
    return body;
  }

  private lambda(): Node {
    const line = this.tok.line;
    this.p++;
    // parameters: names, defaults, * and **; checked loosely, the result is never a literal anyway
    while (!this.isOp(":")) {
      if (this.tok.kind === "end" || this.tok.kind === "newline") this.fail();
      if (this.tok.kind === "name" && !KEYWORDS.has(this.tok.text)) this.p++;
      else if (this.eatOp(",") || this.eatOp("*") || this.eatOp("**") || this.eatOp("/")) continue;
      else if (this.eatOp("=")) this.expression();
      else this.fail();
    }
    this.p++;
    this.expression();
    return { k: "Other", cls: "Lambda", line };
  }

  private disjunction(): Node {
    const line = this.tok.line;
    const first = this.conjunction();
    if (!this.isName("or")) return first;
    while (this.isName("or")) { this.p++; this.conjunction(); }
    return { k: "Other", cls: "BoolOp", line };
  }

  private conjunction(): Node {
    const line = this.tok.line;
    const first = this.inversion();
    if (!this.isName("and")) return first;
    while (this.isName("and")) { this.p++; this.inversion(); }
    return { k: "Other", cls: "BoolOp", line };
  }

  private inversion(): Node {
    if (this.isName("not")) {
      const line = this.tok.line;
      this.p++;
      this.enter();
      const operand = this.inversion();
      this.depth--;
      return { k: "UnaryOp", op: "Not", operand, line };
    }
    return this.comparison();
  }

  private comparison(): Node {
    const line = this.tok.line;
    const first = this.binary(0);
    let any = false;
    for (;;) {
      if (["==", "!=", "<", "<=", ">", ">="].some((o) => this.isOp(o)) || this.isName("in")) this.p++;
      else if (this.isName("not") && this.toks[this.p + 1].kind === "name" && this.toks[this.p + 1].text === "in") this.p += 2;
      else if (this.isName("is")) {
        this.p++;
        if (this.isName("not")) this.p++;
      } else break;
      this.binary(0);
      any = true;
    }
    return any ? { k: "Other", cls: "Compare", line } : first;
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]];
  private static readonly OPNAMES: Readonly<Record<string, string>> = {
    "|": "BitOr", "^": "BitXor", "&": "BitAnd", "<<": "LShift", ">>": "RShift", "+": "Add", "-": "Sub",
    "*": "Mult", "/": "Div", "//": "FloorDiv", "%": "Mod", "@": "MatMult", "**": "Pow",
  };

  private bitor(): Node { return this.binary(0); }

  /** left-associative binary operators by precedence level, then unary factors */
  private binary(level: number): Node {
    if (level === Parser.LEVELS.length) return this.factor();
    const line = this.tok.line;
    let left = this.binary(level + 1);
    for (;;) {
      const op = Parser.LEVELS[level].find((o) => this.isOp(o));
      if (op === undefined) return left;
      this.p++;
      const right = this.binary(level + 1);
      left = { k: "BinOp", op: Parser.OPNAMES[op], left, right, line };
    }
  }

  private factor(): Node {
    const t = this.tok;
    if (t.kind === "op" && (t.text === "+" || t.text === "-" || t.text === "~")) {
      this.p++;
      this.enter();
      const operand = this.factor();
      this.depth--;
      return { k: "UnaryOp", op: t.text === "+" ? "UAdd" : t.text === "-" ? "USub" : "Invert", operand, line: t.line };
    }
    return this.power();
  }

  private power(): Node {
    const line = this.tok.line;
    if (this.isName("await")) {
      this.p++;
      this.primary();
      return { k: "Other", cls: "Await", line };
    }
    const base = this.primary();
    if (this.eatOp("**")) {
      const right = this.factor();
      return { k: "BinOp", op: "Pow", left: base, right, line };
    }
    return base;
  }

  private primary(): Node {
    const line = this.tok.line;
    let n = this.atom();
    for (;;) {
      if (this.eatOp("(")) {
        const nargs = this.callArgs();
        n = { k: "Call", func: n, nargs, line };
      } else if (this.eatOp("[")) {
        this.slices();
        this.expectOp("]");
        n = { k: "Other", cls: "Subscript", line };
      } else if (this.eatOp(".")) {
        if (this.tok.kind !== "name" || KEYWORDS.has(this.tok.text)) this.fail();
        this.p++;
        n = { k: "Other", cls: "Attribute", line };
      } else return n;
    }
  }

  /** after '(': arguments up to and including ')'; how many there were */
  private callArgs(): number {
    let n = 0;
    while (!this.eatOp(")")) {
      if (this.eatOp("*") || this.eatOp("**")) this.expression();
      else if (this.tok.kind === "name" && this.toks[this.p + 1].kind === "op" && this.toks[this.p + 1].text === "=") {
        if (KEYWORDS.has(this.tok.text)) this.fail();
        this.p += 2;
        this.expression();
      } else {
        this.expression();
        if (this.isName("for") || this.isName("async")) this.comprehension();
      }
      n++;
      if (!this.eatOp(",")) {
        this.expectOp(")");
        break;
      }
    }
    return n;
  }

  private slices(): void {
    do {
      if (this.isOp("]")) return;
      if (!this.isOp(":")) this.starExpr();
      if (this.eatOp(":")) {
        if (!this.isOp(":") && !this.isOp("]") && !this.isOp(",")) this.expression();
        if (this.eatOp(":") && !this.isOp("]") && !this.isOp(",")) this.expression();
      }
    } while (this.eatOp(","));
  }

  /** for targets in iter [if cond]... (the opening element is already parsed) */
  private comprehension(): void {
    while (this.isName("for") || this.isName("async")) {
      if (this.isName("async")) this.p++;
      if (!this.isName("for")) this.fail();
      this.p++;
      do { this.starExprNoCompare(); } while (this.eatOp(",") && !this.isName("in"));
      if (!this.isName("in")) this.fail();
      this.p++;
      this.disjunction();
      while (this.isName("if")) { this.p++; this.disjunction(); }
    }
  }

  private starExprNoCompare(): void {
    if (this.eatOp("*")) this.bitor();
    else this.bitor();
  }

  private atom(): Node {
    const t = this.tok;
    const line = t.line;
    if (t.kind === "number") {
      this.p++;
      return { k: "Constant", v: t.value!, line };
    }
    if (t.kind === "string") return this.strings();
    if (t.kind === "name") {
      if (t.text === "True" || t.text === "False") { this.p++; return { k: "Constant", v: { t: "bool", v: t.text === "True" }, line }; }
      if (t.text === "None") { this.p++; return { k: "Constant", v: { t: "none" }, line }; }
      if (KEYWORDS.has(t.text)) this.fail();
      this.p++;
      return { k: "Name", id: t.text, line };
    }
    if (t.kind === "op") {
      if (t.text === "...") { this.p++; return { k: "Constant", v: { t: "ellipsis" }, line }; }
      if (t.text === "(") return this.paren();
      if (t.text === "[") return this.listDisplay();
      if (t.text === "{") return this.braceDisplay();
    }
    return this.fail();
  }

  /** adjacent string literals concatenate; bytes and str do not mix */
  private strings(): Node {
    const line = this.tok.line;
    let joined = false, kind: "str" | "bytes" | null = null;
    let text = "";
    const parts: Uint8Array[] = [];
    while (this.tok.kind === "string") {
      const t = this.tok;
      this.p++;
      const isBytes = t.value?.t === "bytes";
      const k = isBytes ? "bytes" : "str";
      if (kind !== null && kind !== k) throw new PySyntaxError(`cannot mix bytes and nonbytes literals (line ${t.line})`);
      kind = k;
      if (t.fstring) joined = true;
      else if (t.value!.t === "bytes") parts.push(t.value!.v);
      else if (t.value!.t === "str") text += t.value!.v;
    }
    if (joined) return { k: "Other", cls: "JoinedStr", line };
    if (kind === "bytes") {
      const len = parts.reduce((s, b) => s + b.length, 0);
      const v = new Uint8Array(len);
      let o = 0;
      for (const b of parts) { v.set(b, o); o += b.length; }
      return { k: "Constant", v: { t: "bytes", v }, line };
    }
    return { k: "Constant", v: { t: "str", v: text }, line };
  }

  private paren(): Node {
    const line = this.tok.line;
    this.p++;
    if (this.eatOp(")")) return { k: "Tuple", elts: [], line };
    if (this.isName("yield")) this.fail();
    const first = this.starExpr();
    if (this.isName("for") || this.isName("async")) {
      this.comprehension();
      this.expectOp(")");
      return { k: "Other", cls: "GeneratorExp", line };
    }
    if (this.eatOp(")")) {
      if (first.k === "Other" && first.cls === "Starred") this.fail();
      return first;
    }
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp(")")) break;
      elts.push(this.starExpr());
    }
    this.expectOp(")");
    return { k: "Tuple", elts, line };
  }

  private listDisplay(): Node {
    const line = this.tok.line;
    this.p++;
    const elts: Node[] = [];
    if (this.eatOp("]")) return { k: "List", elts, line };
    elts.push(this.starExpr());
    if (this.isName("for") || this.isName("async")) {
      this.comprehension();
      this.expectOp("]");
      return { k: "Other", cls: "ListComp", line };
    }
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      elts.push(this.starExpr());
    }
    this.expectOp("]");
    return { k: "List", elts, line };
  }

  private braceDisplay(): Node {
    const line = this.tok.line;
    this.p++;
    if (this.eatOp("}")) return { k: "Dict", keys: [], values: [], line };
    // a dict when the first item is `key: value` or `**mapping`, a set otherwise
    if (this.eatOp("**")) return this.dictRest(line, null, this.bitor());
    const first = this.starExpr();
    if (this.eatOp(":")) return this.dictRest(line, first, this.expression());
    if (this.isName("for") || this.isName("async")) {
      this.comprehension();
      this.expectOp("}");
      return { k: "Other", cls: "SetComp", line };
    }
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("}")) break;
      elts.push(this.starExpr());
    }
    this.expectOp("}");
    return { k: "Set", elts, line };
  }

  private dictRest(line: number, key: Node | null, value: Node): Node {
    if (key !== null && (this.isName("for") || this.isName("async"))) {
      this.comprehension();
      this.expectOp("}");
      return { k: "Other", cls: "DictComp", line };
    }
    const keys: (Node | null)[] = [key], values = [value];
    while (this.eatOp(",")) {
      if (this.isOp("}")) break;
      if (this.eatOp("**")) {
        keys.push(null);
        values.push(this.bitor());
      } else {
        keys.push(this.expression());
        this.expectOp(":");
        values.push(this.expression());
      }
    }
    this.expectOp("}");
    return { k: "Dict", keys, values, line };
  }
}

// ---- literal_eval's conversion --------------------------------------------------------------------

function nodeRepr(n: Node): string {
  const cls = n.k === "Other" ? n.cls : n.k;
  return `<ast.${cls} object>`;
}

function malformed(n: Node | null): never {
  // CPython shows the node as "<ast.Name object at 0x...>"; the address means nothing here
  if (n === null) throw new ValueError("malformed node or string: None");
  throw new ValueError(`malformed node or string on line ${n.line}: ${nodeRepr(n)}`);
}

function convertNum(n: Node): PyValue {
  if (n.k !== "Constant" || !(n.v.t === "int" || n.v.t === "float" || n.v.t === "complex")) malformed(n);
  return n.v;
}

function negate(v: PyValue): PyValue {
  if (v.t === "int") return { t: "int", v: -v.v };
  if (v.t === "float") return { t: "float", v: -v.v };
  if (v.t === "complex") return { t: "complex", re: -v.re, im: -v.im };
  return v;
}

function convertSignedNum(n: Node): PyValue {
  if (n.k === "UnaryOp" && (n.op === "UAdd" || n.op === "USub")) {
    const operand = convertNum(n.operand);
    return n.op === "UAdd" ? operand : negate(operand);
  }
  return convertNum(n);
}

function isHashable(v: PyValue): boolean {
  if (v.t === "list" || v.t === "dict" || v.t === "set") return false;
  if (v.t === "tuple") return v.items.every(isHashable);
  return true;
}

/** Python's == for hashable literal values (what dict keys and set members are compared with). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const num = (v: PyValue): [number | bigint, number] | null =>
    v.t === "int" ? [v.v, 0] : v.t === "float" ? [v.v, 0] : v.t === "bool" ? [v.v ? 1n : 0n, 0] : v.t === "complex" ? [v.re, v.im] : null;
  const na = num(a), nb = num(b);
  if (na && nb) {
    if (na[1] !== nb[1]) return false;
    const [x, y] = [na[0], nb[0]];
    if (typeof x === "bigint" && typeof y === "bigint") return x === y;
    if (typeof x === "number" && typeof y === "number") return x === y;
    const f = (typeof x === "number" ? x : y) as number, i = (typeof x === "bigint" ? x : y) as bigint;
    return Number.isInteger(f) && BigInt(f) === i;
  }
  if (a.t !== b.t) return false;
  switch (a.t) {
    case "str": return a.v === (b as typeof a).v;
    case "bytes": {
      const w = (b as typeof a).v;
      return a.v.length === w.length && a.v.every((x, i) => x === w[i]);
    }
    case "none": case "ellipsis": return true;
    case "tuple": {
      const w = (b as typeof a).items;
      return a.items.length === w.length && a.items.every((x, i) => pyEquals(x, w[i]));
    }
    default: return false;
  }
}

function unhashable(v: PyValue): never {
  throw new ValueError(`unhashable type: '${v.t}'`);
}

function convert(n: Node): PyValue {
  switch (n.k) {
    case "Constant": return n.v;
    case "Tuple": return { t: "tuple", items: n.elts.map(convert) };
    case "List": return { t: "list", items: n.elts.map(convert) };
    case "Set": {
      const items: PyValue[] = [];
      for (const e of n.elts) {
        const v = convert(e);
        if (!isHashable(v)) unhashable(v);
        if (!items.some((x) => pyEquals(x, v))) items.push(v);
      }
      return { t: "set", items };
    }
    case "Call":
      if (n.func.k === "Name" && n.func.id === "set" && n.nargs === 0) return { t: "set", items: [] };
      break;
    case "Dict": {
      const keys: PyValue[] = [], values: PyValue[] = [];
      n.keys.forEach((kn, i) => {
        if (kn === null) malformed(null);
        const k = convert(kn);
        const v = convert(n.values[i]);
        if (!isHashable(k)) unhashable(k);
        const at = keys.findIndex((x) => pyEquals(x, k));
        if (at >= 0) values[at] = v;
        else { keys.push(k); values.push(v); }
      });
      return { t: "dict", keys, values };
    }
    case "BinOp":
      if (n.op === "Add" || n.op === "Sub") {
        const left = convertSignedNum(n.left);
        const right = convertNum(n.right);
        if ((left.t === "int" || left.t === "float") && right.t === "complex") {
          const l = Number(left.v);
          return n.op === "Add" ? { t: "complex", re: l + right.re, im: right.im } : { t: "complex", re: l - right.re, im: 0 - right.im };
        }
      }
      break;
    default:
      break;
  }
  return convertSignedNum(n);
}

/**
 * ast.literal_eval(src): throws PySyntaxError where Python's parser would raise SyntaxError, and
 * ValueError ("malformed node or string ...") for valid Python that is not a literal.
 */
export function literalEval(src: string): PyValue {
  const toks = tokenize(src.replace(/^[ \t]+/, ""));
  return convert(new Parser(toks).parseEval());
}

/**
 * NumPy's _filter_header for headers written by Python 2: drops the `L` of longs (`(3L, 4L)`).
 * It round-trips the header through Python's tokenize/untokenize, which also rewrites the
 * whitespace between tokens as spaces and drops a blank last line; this scanner does the same, so
 * "Cannot parse header" messages repeat NumPy's text.
 */
export function filterPy2Longs(src: string): string {
  let out = "";
  let i = 0;
  let lastWasNumber = false;
  const n = src.length;
  const STRING_START = /^(?:[rRuUbBfF]|[bBrR][rRbB]|[fFrR][rRfF])?(?:'{3}|"{3}|'|")/;
  const NUMBER = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][-+]?\d(?:_?\d)*)?[jJ]?)/;
  while (i < n) {
    const c = src[i];
    if (c === "\t" || c === "\f" || c === " ") {
      out += " ";
      i++;
      continue;
    }
    if (c === "#") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      out += src.slice(i, stop);
      i = stop;
      lastWasNumber = false;
      continue;
    }
    // a string literal (with any prefix) is copied whole; an unterminated one-line string is just its quote
    const pre = STRING_START.exec(src.slice(i, i + 5));
    if (pre && (i === 0 || !isIdContinue(src[i - 1]))) {
      const q = pre[0].replace(/^[a-zA-Z]+/, "");
      const head = pre[0].length - q.length;
      let j = i + pre[0].length;
      let closed = false;
      while (j < n) {
        if (src[j] === "\\") { j += 2; continue; }
        if (q.length === 1 && src[j] === "\n") break;
        if (src.startsWith(q, j)) { j += q.length; closed = true; break; }
        j++;
      }
      const stop = closed ? Math.min(j, n) : i + head + 1;
      out += src.slice(i, stop);
      i = stop;
      lastWasNumber = false;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(src[i + 1]))) {
      const m = NUMBER.exec(src.slice(i, i + 400));
      const len = m ? m[0].length : 1;
      out += src.slice(i, i + len);
      i += len;
      lastWasNumber = true;
      continue;
    }
    if (isIdStart(charAt(src, i))) {
      let j = i;
      while (j < n && isIdContinue(charAt(src, j))) j += charAt(src, j).length;
      const word = src.slice(i, j);
      out += lastWasNumber && word === "L" ? " " : word;
      i = j;
      lastWasNumber = false;
      continue;
    }
    out += c;
    i++;
    lastWasNumber = false;
  }
  // untokenize ends at the last token: a last line of nothing but blanks disappears
  return out.replace(/(^|\n) +$/, "$1");
}

// ---- Python's repr ------------------------------------------------------------------------------

const NONPRINTABLE = /[\p{C}\p{Z}]/u;

/** repr(str): Python's quoting choice and escapes (non-printable characters as \xNN, \uNNNN, \UNNNNNNNN). */
export function reprStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp < 0x7f) out += ch;
    else if ((cp >= 0xd800 && cp <= 0xdfff) || (ch !== " " && NONPRINTABLE.test(ch))) {
      out += cp < 0x100 ? "\\x" + cp.toString(16).padStart(2, "0") : cp < 0x10000 ? "\\u" + cp.toString(16).padStart(4, "0") : "\\U" + cp.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + q;
}

export function reprBytes(b: Uint8Array): string {
  let hasSingle = false, hasDouble = false;
  for (const x of b) {
    if (x === 0x27) hasSingle = true;
    if (x === 0x22) hasDouble = true;
  }
  const q = hasSingle && !hasDouble ? '"' : "'";
  let out = "b" + q;
  for (const x of b) {
    const ch = String.fromCharCode(x);
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (x < 0x20 || x >= 0x7f) out += "\\x" + x.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + q;
}

/**
 * Python's float formatting with the shortest round-trip digits (repr): fixed notation when the
 * decimal exponent is in [-4, 16), scientific otherwise; `addDot0` gives repr(float)'s "1.0"
 * (complex parts are printed without it).
 */
export function reprFloat(x: number, addDot0 = true): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const [mant, expStr] = Math.abs(x).toExponential().split("e");
  const digits = mant.replace(".", "");
  const decpt = parseInt(expStr, 10) + 1;
  let body: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) body = "0." + "0".repeat(-decpt) + digits;
    else if (decpt >= digits.length) body = digits + "0".repeat(decpt - digits.length) + (addDot0 ? ".0" : "");
    else body = digits.slice(0, decpt) + "." + digits.slice(decpt);
  } else {
    const e = decpt - 1;
    body = digits[0] + (digits.length > 1 ? "." + digits.slice(1) : "") + "e" + (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
  }
  return sign + body;
}

export function reprComplex(re: number, im: number): string {
  const imPart = reprFloat(im, false) + "j";
  if (re === 0 && !Object.is(re, -0)) return imPart;
  const reStr = reprFloat(re, false);
  const imSigned = imPart.startsWith("-") ? imPart : "+" + imPart;
  return `(${reStr}${imSigned})`;
}

export function pyRepr(v: PyValue): string {
  switch (v.t) {
    case "str": return reprStr(v.v);
    case "bytes": return reprBytes(v.v);
    case "int": return v.v.toString();
    case "float": return reprFloat(v.v);
    case "complex": return reprComplex(v.re, v.im);
    case "bool": return v.v ? "True" : "False";
    case "none": return "None";
    case "ellipsis": return "Ellipsis";
    case "tuple": return v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${v.items.map(pyRepr).join(", ")})`;
    case "list": return `[${v.items.map(pyRepr).join(", ")}]`;
    case "set": return v.items.length === 0 ? "set()" : `{${v.items.map(pyRepr).join(", ")}}`;
    case "dict": return `{${v.keys.map((k, i) => `${pyRepr(k)}: ${pyRepr(v.values[i])}`).join(", ")}}`;
  }
}
