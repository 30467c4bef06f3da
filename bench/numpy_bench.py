"""Times the NumPy side of bench/workloads.mjs: reads [{name, setup, stmt}] as JSON on stdin,
prints {name: {"median_ms", "runs"}} as JSON. Each statement computes a fresh result per call."""
import json
import statistics
import sys
import time

import numpy as np  # noqa: F401  (the workloads refer to np)


def time_stmt(setup, stmt, min_time=1.0, min_runs=5, max_runs=60):
    env = {"np": np}
    exec(setup, env)
    code = compile(stmt, "<workload>", "eval")
    eval(code, env)  # warm up
    runs = []
    start = time.perf_counter()
    while len(runs) < max_runs and (len(runs) < min_runs or time.perf_counter() - start < min_time):
        t0 = time.perf_counter()
        eval(code, env)
        runs.append((time.perf_counter() - t0) * 1e3)
    return {"median_ms": statistics.median(runs), "runs": len(runs)}


def main():
    work = json.load(sys.stdin)
    out = {w["name"]: time_stmt(w["setup"], w["stmt"]) for w in work}
    json.dump({"numpy": np.__version__, "results": out}, sys.stdout)


main()
