/** @file What users can read about compiled work (API.md "Inspecting what was compiled"): plans, listings, Graphviz, the debug print, show_config. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import * as np from "../../src/index.js";

describe("np.compile / explain / toDot", () => {
  const x = np.arange(12).reshape(3, 4).astype("float64");
  const z = x.sub(x.mean({ axis: 1, keepdims: true }));

  it("a plan lists its kernels with names and JavaScript sources, and the buffers it allocates", () => {
    const plan = np.compile(z);
    expect(plan.kernels.map((k) => k.name)).toEqual(["R_3x4_1_f64"]);
    expect(plan.kernels[0].source).toContain("function R_3x4_1_f64(");
    expect(plan.buffers).toEqual([expect.objectContaining({ shape: [3, 4], dtype: "float64", bytes: 96 })]);
    const ids = (t: string) => t.replace(/buf\d+/g, "buf#");
    expect(ids(z.explain())).toBe(ids(plan.toString()));
    expect(z.explain()).toContain("plan: 1 kernel, 1 buffer allocated");
  });

  it("compiling does not run anything, and evaluated inputs cost no kernel", () => {
    const before = np.counters.kernelsRun;
    np.compile(z);
    expect(np.counters.kernelsRun).toBe(before);
    z.eval();
    expect(np.compile(z).kernels).toEqual([]);
  });

  it("toDot gives a Graphviz digraph naming each node once, with its kernel", () => {
    const y = x.mul(2).add(1);
    const dot = np.compile(y).toDot();
    expect(dot.startsWith("digraph numfuse {")).toBe(true);
    expect(dot).toContain("kernel 0");
    const labels = dot.split("\n").filter((l) => l.includes("[label="));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("NUMFUSE_DEBUG=1", () => {
  // the flag is read when the module loads, so this runs the built package (npm install builds it)
  it("prints each kernel's source as it is compiled", () => {
    const dist = new URL("../../dist/index.js", import.meta.url).href;
    const script = `const np = await import(${JSON.stringify(dist)}); np.arange(7).astype("float64").mul(3).add(1).eval();`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, NUMFUSE_DEBUG: "1" }, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/---- E_7_f64 ----\n/);
    expect(r.stderr).toContain("return function E_7_f64(");
  });
});

describe("np.show_config", () => {
  it("returns what runs as a plain object", () => {
    const info = np.show_config({ mode: "dicts" }) as Record<string, unknown>;
    expect(Object.keys(info)).toEqual(["renderer", "engine", "kernel_cache_size", "webassembly", "worker_threads"]);
    expect(typeof info.kernel_cache_size).toBe("number");
  });
});
