// Memory-mapped reduction benchmark (issue 5): writes a 2 GB float64 .npy in a temp dir, then sums it
// through np.lib.format.open_memmap in numfuse and np.load(mmap_mode='r') in NumPy, each in a fresh
// process, and prints time, peak resident memory (maxRSS) and the ratios. Deletes the file.
// Usage: npm run build && node bench/memmap.mjs [gigabytes]
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const GB = Number(process.argv[2] ?? 2);
const N = Math.floor((GB * 2 ** 30) / 8);

if (process.argv[2] === "--child") {
  // measured side: a fresh process, so maxRSS is this sum's alone
  const np = await import(new URL("../dist/index.js", import.meta.url).href);
  const file = process.argv[3];
  const t0 = performance.now();
  const s = np.lib.format.open_memmap(file, { mode: "r" }).sum().item();
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ sum: s, ms, maxRSS: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "numfuse-bench-memmap-"));
const file = path.join(dir, "big.npy");
try {
  // the header np.save writes, then patterned 8 MB blocks (values i % 1000 / 8, exact in float64)
  const np = await import(new URL("../dist/index.js", import.meta.url).href);
  const header = np.lib.format.open_memmap(file, { mode: "w+", dtype: "float64", shape: [N] }).offset;
  const block = Float64Array.from({ length: 1 << 20 }, (_, i) => (i % 1000) / 8);
  const fd = fs.openSync(file, "r+");
  const t0 = performance.now();
  for (let done = 0; done < N; done += block.length) {
    const n = Math.min(block.length, N - done);
    fs.writeSync(fd, new Uint8Array(block.buffer, 0, n * 8), 0, n * 8, header + done * 8);
  }
  fs.closeSync(fd);
  console.log(`wrote ${(N * 8 / 2 ** 30).toFixed(2)} GiB float64 .npy in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const me = fileURLToPath(import.meta.url);
  const js = spawnSync(process.execPath, [me, "--child", file], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (js.status !== 0) throw new Error(`numfuse side failed: ${js.stderr}`);
  const a = JSON.parse(js.stdout);
  const py = spawnSync("python3", ["-c", `
import json, resource, sys, time
import numpy as np
t0 = time.perf_counter()
s = float(np.load(sys.argv[1], mmap_mode='r').sum())
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({"sum": s, "ms": ms, "maxRSS": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
`, file], { encoding: "utf8" });
  const b = py.status === 0 ? JSON.parse(py.stdout) : null;
  const mb = (x) => `${(x / 2 ** 20).toFixed(0)} MB`;
  console.log(`numfuse  open_memmap(r).sum(): ${a.ms.toFixed(0)} ms, peak RSS ${mb(a.maxRSS)}, sum ${a.sum}`);
  if (b) {
    console.log(`NumPy    np.load(mmap_mode='r').sum(): ${b.ms.toFixed(0)} ms, peak RSS ${mb(b.maxRSS)}, sum ${b.sum}`);
    console.log(`ratio numfuse/NumPy: time ${(a.ms / b.ms).toFixed(2)}, peak RSS ${(a.maxRSS / b.maxRSS).toFixed(2)}; sums ${a.sum === b.sum ? "identical" : "DIFFER"}`);
  } else {
    console.log(`(NumPy side skipped: ${py.stderr.trim().split("\n").pop()})`);
  }
  console.log(`numfuse peak RSS under 300 MB: ${a.maxRSS < 300 * 2 ** 20 ? "yes" : "NO"}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
