/** @file Every kernel the corpus compiles is parsed with acorn: only compiler-made identifiers, no strings, and a name that says its kind, shape and dtype (DESIGN.md: user text never enters generated source). */
import { describe, expect, it } from "vitest";
import * as acorn from "acorn";
import * as np from "../../src/index.js";
import { KERNEL_HELPERS } from "../../runtime/kernel-helpers.js";
import { CORPUS, KNOWN_BAD, LIMITATIONS, asList } from "./corpus.js";

const OPERAND = "(?:out0|in\\d+)";
/** every identifier a kernel may use, by role (compiler/render/js.ts, expr.ts) */
const ALLOWED: RegExp[] = [
  new RegExp(`^${OPERAND}$`), // typed-array arguments
  /^[nm]\d+$/, // loop extents
  new RegExp(`^(?:s|so|si)\\d+_${OPERAND}$`), // strides
  new RegExp(`^[ptqo]\\d+_${OPERAND}$`), // pointers per loop level
  new RegExp(`^[qg]_${OPERAND}$`), // pairwise-sum pointers, general-stride inner pointers
  /^[ij]\d+$/, // loop counters
  /^v\d+(?:_re|_im|_hi|_lo|_a|_b)?$/, // bound values (complex parts, int64 words and operand doubles)
  /^r\d+(?:_re|_im|_hi|_lo)?$/, // phase (reduction) values
  /^acc\d+(?:_re|_im|_v|_k|_hi|_lo|_set)?$/, // accumulators
  /^a[0-7]$/, // pairwise partial sums
  /^e\d+$/, /^pw\d+$/, // pairwise element function and summer
  /^(?:sh|st|off|H|T|q|n|n2|end|s|i|k|size|w|wr|wi|x|t|C|Math|NaN|Infinity|Float64Array|Int32Array)$/, // Float64Array, Int32Array: column-reduction scratch (int64 words)
];
const HELPERS = new Set(Object.keys(KERNEL_HELPERS));
const MATH = new Set(Object.getOwnPropertyNames(Math));
const KERNEL_NAME = /^([ER])_([0-9x]+)(?:_(\d+))?_([a-z0-9]+)$/;

const identOk = (name: string) => HELPERS.has(name) || ALLOWED.some((re) => re.test(name));

interface AnyNode {
  type: string;
  [k: string]: unknown;
}
const isNode = (x: unknown): x is AnyNode => typeof x === "object" && x !== null && typeof (x as AnyNode).type === "string";

/** Problems found in one kernel's source (empty when clean). */
function auditSource(source: string, kernelName: string): string[] {
  const problems: string[] = [];
  const ast = acorn.parse(`(function(H){\n${source}\n})`, { ecmaVersion: 2022 }) as unknown as AnyNode;
  const walk = (node: AnyNode, parent: AnyNode | null, key: string) => {
    switch (node.type) {
      case "Identifier": {
        const name = node.name as string;
        if (parent?.type === "MemberExpression" && key === "property" && !parent.computed) {
          // Math.fround, H.floordiv, T.fill: the property must belong to that object
          const obj = parent.object as AnyNode;
          const owner = obj.type === "Identifier" ? (obj.name as string) : "";
          const ok = (owner === "Math" && MATH.has(name)) || (owner === "H" && HELPERS.has(name)) || (owner === "T" && name === "fill");
          if (!ok) problems.push(`property ${owner}.${name}`);
        } else if (parent?.type === "FunctionExpression" && key === "id") {
          if (name !== kernelName || !KERNEL_NAME.test(name)) problems.push(`function name ${name}`);
        } else if (!identOk(name)) {
          problems.push(`identifier ${name}`);
        }
        break;
      }
      case "Literal":
        if (typeof node.value === "string" || "regex" in node) problems.push(`literal ${String(node.raw)}`);
        break;
      case "TemplateLiteral": case "TaggedTemplateExpression":
        problems.push("template literal");
        break;
    }
    for (const [k, v] of Object.entries(node)) {
      if (Array.isArray(v)) for (const c of v) { if (isNode(c)) walk(c, node, k); }
      else if (isNode(v)) walk(v, node, k);
    }
  };
  walk(ast, null, "");
  return problems;
}

const CASES = [...CORPUS, ...KNOWN_BAD, ...LIMITATIONS];

describe("generated kernel source", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const outs = asList(c.fn(...c.make(1)));
      const plan = np.compile(...outs);
      expect(plan.kernels.length).toBeGreaterThan(0);
      for (const k of plan.kernels) {
        expect(auditSource(k.source, k.name), k.name).toEqual([]);
        // the name says kind, iteration shape, reduced axes and the result dtype
        const m = KERNEL_NAME.exec(k.name);
        expect(m, k.name).not.toBeNull();
        const [, kind, shape, axes, dt] = m!;
        expect(kind).toBe(k.spec.kind);
        expect(shape).toBe(k.spec.space.length ? k.spec.space.join("x") : "1");
        expect(axes ?? "").toBe(kind === "R" ? k.spec.axes.join("") : "");
        expect(dt).toBe(k.spec.root.dtype.short);
      }
    });
  }

  it("names kernels by kind, shape and dtype", () => {
    const names = (name: string) => {
      const c = CASES.find((x) => x.name === name)!;
      return np.compile(...asList(c.fn(...c.make(1)))).kernels.map((k) => k.name);
    };
    expect(names("f64 1000x3")).toEqual(["E_1000x3_f64"]);
    expect(names("sum axis 0")).toEqual(["R_50x7_0_f64"]);
    expect(names("sum axis 1 f32")).toEqual(["R_20x30_1_f32"]);
    expect(names("i8 wrap")).toEqual(["E_50_i8"]);
    expect(names("complex64 chain")).toEqual(["E_30_c64"]);
    expect(names("bool logic")[0]).toBe("E_40_b1");
  });

  it("the auditor rejects user text and foreign names", () => {
    expect(auditSource(`return function E_3_f64(out0, sh, st, off) { out0[0] = "x"; };`, "E_3_f64")).toEqual(['literal "x"']);
    expect(auditSource(`return function E_3_f64(out0, sh, st, off) { out0[0] = age; };`, "E_3_f64")).toEqual(["identifier age"]);
    expect(auditSource(`return function E_3_f64(out0, sh, st, off) { out0[0] = Math.constructor; };`, "E_3_f64")).toEqual(["property Math.constructor"]);
    expect(auditSource(`return function evil(out0, sh, st, off) {};`, "E_3_f64")).toEqual(["function name evil"]);
  });

  it("compiles nothing for arrays already evaluated", () => {
    for (const c of CASES) {
      const xs = c.make(1);
      expect(np.compile(...xs).kernels, c.name).toEqual([]);
    }
    const c = CASES.find((x) => x.name === "softmax")!;
    const outs = asList(c.fn(...c.make(1)));
    np.eval(...outs);
    expect(np.compile(...outs).kernels).toEqual([]);
  });
});
