// npm run bench: every workload in numfuse (benchmark.js) and, when python3 with numpy is
// present, the same workload in NumPy in the same run; prints medians and numfuse/NumPy ratios.
// Usage: npm run bench [-- name-filter]
import Benchmark from "benchmark";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { workloads } from "./workloads.mjs";

const filter = process.argv[2];
const chosen = workloads.filter((w) => !filter || w.name.includes(filter));

function runNumpy() {
  const script = fileURLToPath(new URL("./numpy_bench.py", import.meta.url));
  const input = JSON.stringify(chosen.map((w) => ({ name: w.name, ...w.numpy })));
  const r = spawnSync("python3", [script], { input, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.log(`(NumPy side skipped: ${r.error?.message ?? r.stderr.trim().split("\n").pop()})`);
    return null;
  }
  return JSON.parse(r.stdout);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One benchmark.js run; `defer` gives every call its own task, so dead results can return to the pool between calls. */
function runOne(w) {
  const inputs = w.setup();
  return new Promise((resolve) => {
    const bench = new Benchmark(w.name, {
      defer: true,
      minSamples: 10,
      maxTime: 3,
      fn: (deferred) => {
        w.run(inputs);
        setImmediate(() => deferred.resolve());
      },
      onComplete: () => resolve(bench),
    });
    bench.run({ async: true });
  });
}

const numpy = runNumpy();
const rows = [];
for (const w of chosen) {
  const b = await runOne(w);
  // each sample is a mean over that cycle's calls; the per-call task hop (~0.01 ms) is included
  const ms = median(b.stats.sample) * 1e3;
  const np = numpy?.results[w.name]?.median_ms;
  rows.push({ name: w.name, ms, np, ratio: np ? ms / np : undefined, target: w.target });
  console.error(`  ${w.name}: ${ms.toFixed(2)} ms`);
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`\nnumfuse vs NumPy ${numpy?.numpy ?? "(absent)"}, median ms per call (fresh result each call)\n`);
console.log(`${pad("workload", 44)}${lpad("numfuse", 10)}${lpad("numpy", 10)}${lpad("ratio", 8)}${lpad("target", 8)}`);
for (const r of rows) {
  const ok = r.ratio === undefined || r.target === undefined ? "" : r.ratio <= r.target ? "  ok" : "  MISS";
  console.log(`${pad(r.name, 44)}${lpad(r.ms.toFixed(2), 10)}${lpad(r.np?.toFixed(2) ?? "-", 10)}${lpad(r.ratio?.toFixed(2) ?? "-", 8)}${lpad(r.target === undefined ? "-" : "<= " + r.target, 8)}${ok}`);
}

// the file workloads leave their files in the temp dir
const { readdirSync, unlinkSync } = await import("node:fs");
const { tmpdir } = await import("node:os");
for (const f of readdirSync(tmpdir())) if (/^(numfuse|numpy)-bench-/.test(f)) unlinkSync(`${tmpdir()}/${f}`);
