// The benchmark workloads: each builds its inputs once, then `run` computes a fresh result per call.
// `numpy` holds the same workload for NumPy: setup code and one statement, timed the same way.
import * as np from "../dist/index.js";

const N = 10_000_000;
const tmp = (await import("node:os")).tmpdir();
const tmpPy = tmp.replace(/\\/g, "/");
const ramp = (n, dtype = "float64", k = 1) => np.arange(n).astype("float64").mul(k / n).astype(dtype).eval();
const npRamp = (n, dtype = "float64", k = 1) => `(np.arange(${n}) * (${k} / ${n})).astype("${dtype}")`;

export const workloads = [
  {
    name: "W1 a*b + c*d - e (10M f64)", target: 0.6,
    setup: () => ({ a: ramp(N, "float64", 1), b: ramp(N, "float64", 2), c: ramp(N, "float64", 3), d: ramp(N, "float64", 4), e: ramp(N, "float64", 5) }),
    run: ({ a, b, c, d, e }) => a.mul(b).add(c.mul(d)).sub(e).eval(),
    numpy: { setup: `a=${npRamp(N, "float64", 1)}; b=${npRamp(N, "float64", 2)}; c=${npRamp(N, "float64", 3)}; d=${npRamp(N, "float64", 4)}; e=${npRamp(N, "float64", 5)}`, stmt: "a*b + c*d - e" },
  },
  {
    name: "W1 a*b + c*d - e (10M f32)", target: 0.8,
    setup: () => ({ a: ramp(N, "float32", 1), b: ramp(N, "float32", 2), c: ramp(N, "float32", 3), d: ramp(N, "float32", 4), e: ramp(N, "float32", 5) }),
    run: ({ a, b, c, d, e }) => a.mul(b).add(c.mul(d)).sub(e).eval(),
    numpy: { setup: `a=${npRamp(N, "float32", 1)}; b=${npRamp(N, "float32", 2)}; c=${npRamp(N, "float32", 3)}; d=${npRamp(N, "float32", 4)}; e=${npRamp(N, "float32", 5)}`, stmt: "a*b + c*d - e" },
  },
  {
    name: "W2 exp(-x*x/2)*sin(y) + sqrt(abs(z)) (10M)", target: 0.8,
    setup: () => ({ x: ramp(N, "float64", 3), y: ramp(N, "float64", 7), z: ramp(N, "float64", -5) }),
    run: ({ x, y, z }) => np.exp(x.mul(x).neg().div(2)).mul(np.sin(y)).add(np.sqrt(np.abs(z))).eval(),
    numpy: { setup: `x=${npRamp(N, "float64", 3)}; y=${npRamp(N, "float64", 7)}; z=${npRamp(N, "float64", -5)}`, stmt: "np.exp(-x*x/2)*np.sin(y) + np.sqrt(np.abs(z))" },
  },
  {
    name: "W3 sum (10M)", target: 0.7,
    setup: () => ({ x: ramp(N, "float64", 1) }),
    run: ({ x }) => x.sum().eval(),
    numpy: { setup: `x=${npRamp(N, "float64", 1)}`, stmt: "x.sum()" },
  },
  {
    name: "W3 sum axis 0 (1000, 10000)", target: 1.0,
    setup: () => ({ X: ramp(N, "float64", 1).reshape(1000, 10000) }),
    run: ({ X }) => X.sum({ axis: 0 }).eval(),
    numpy: { setup: `X=${npRamp(N, "float64", 1)}.reshape(1000, 10000)`, stmt: "X.sum(axis=0)" },
  },
  {
    name: "W3 sum axis 1 (1000, 10000)", target: 1.0,
    setup: () => ({ X: ramp(N, "float64", 1).reshape(1000, 10000) }),
    run: ({ X }) => X.sum({ axis: 1 }).eval(),
    numpy: { setup: `X=${npRamp(N, "float64", 1)}.reshape(1000, 10000)`, stmt: "X.sum(axis=1)" },
  },
  {
    name: "W3 row-normalize (1000, 10000)", target: 0.4,
    setup: () => ({ X: ramp(N, "float64", 1).reshape(1000, 10000) }),
    run: ({ X }) => X.sub(X.mean({ axis: 1, keepdims: true })).div(X.std({ axis: 1, keepdims: true })).eval(),
    numpy: { setup: `X=${npRamp(N, "float64", 1)}.reshape(1000, 10000)`, stmt: "(X - X.mean(1, keepdims=True)) / X.std(1, keepdims=True)" },
  },
  {
    name: "W4 pairwise sq. distances (2000, 3)", target: 0.2,
    setup: () => ({ A: ramp(6000, "float64", 1).reshape(2000, 3), B: ramp(6000, "float64", 2).reshape(2000, 3) }),
    run: ({ A, B }) => {
      const d = A.get(":", null, ":").sub(B.get(null, ":", ":"));
      return d.mul(d).sum({ axis: -1 }).eval();
    },
    numpy: { setup: `A=${npRamp(6000, "float64", 1)}.reshape(2000, 3); B=${npRamp(6000, "float64", 2)}.reshape(2000, 3)`, stmt: "((A[:, None, :] - B[None, :, :])**2).sum(-1)" },
  },
  {
    name: "I3 where(x > 0, x, 0.1 * x) (10M)", target: 0.7,
    setup: () => ({ x: ramp(N, "float64", 2).sub(1).eval() }),
    run: ({ x }) => np.where(x.gt(0), x, x.mul(0.1)).eval(),
    numpy: { setup: `x=${npRamp(N, "float64", 2)} - 1`, stmt: "np.where(x > 0, x, 0.1 * x)" },
  },
  {
    name: "I3 concatenate 10 x 1M", target: 1.5,
    setup: () => ({ xs: Array.from({ length: 10 }, (_, i) => ramp(1_000_000, "float64", i + 1)) }),
    run: ({ xs }) => np.concatenate(xs).eval(),
    numpy: { setup: `xs=[${npRamp(1_000_000, "float64", 1)} * (i + 1) for i in range(10)]`, stmt: "np.concatenate(xs)" },
  },
  {
    name: "R random() (10M)", target: 2.0,
    setup: () => ({ rng: np.random.default_rng(42) }),
    run: ({ rng }) => rng.random(N),
    numpy: { setup: "rng = np.random.default_rng(42)", stmt: `rng.random(${N})` },
  },
  {
    name: "R standard_normal() (10M)", target: 2.0,
    setup: () => ({ rng: np.random.default_rng(42) }),
    run: ({ rng }) => rng.standard_normal(N),
    numpy: { setup: "rng = np.random.default_rng(42)", stmt: `rng.standard_normal(${N})` },
  },
  {
    name: "R legacy randn(10M)", target: 2.0,
    setup: () => ({ rs: new np.random.RandomState(0) }),
    run: ({ rs }) => rs.randn(N),
    numpy: { setup: "rs = np.random.RandomState(0)", stmt: `rs.randn(${N})` },
  },
  {
    name: "R integers(0, 1000, 10M)", target: 2.0,
    setup: () => ({ rng: np.random.default_rng(42) }),
    run: ({ rng }) => rng.integers(0, 1000, N),
    numpy: { setup: "rng = np.random.default_rng(42)", stmt: `rng.integers(0, 1000, ${N})` },
  },
  {
    name: "F np.save 100 MB", target: 2.0,
    setup: () => ({ x: ramp(12_500_000, "float64", 1), path: `${tmp}/numfuse-bench-save.npy` }),
    run: ({ x, path }) => np.save(path, x),
    numpy: { setup: `x=${npRamp(12_500_000, "float64", 1)}; path = "${tmpPy}/numpy-bench-save.npy"`, stmt: "np.save(path, x)" },
  },
  {
    name: "F np.load 100 MB", target: 2.0,
    setup: () => { const path = `${tmp}/numfuse-bench-load.npy`; np.save(path, ramp(12_500_000, "float64", 1)); return { path }; },
    run: ({ path }) => np.load(path),
    numpy: { setup: `path = "${tmpPy}/numpy-bench-load.npy"; np.save(path, ${npRamp(12_500_000, "float64", 1)})`, stmt: "np.load(path)" },
  },
  {
    name: "I3 vectorize((x, y) => x * x + y) (10M)", target: 1.0,
    setup: () => ({ f: np.vectorize((x, y) => x * x + y), x: ramp(N, "float64", 3), y: ramp(N, "float64", 5) }),
    run: ({ f, x, y }) => f(x, y).eval(),
    numpy: { setup: `x=${npRamp(N, "float64", 3)}; y=${npRamp(N, "float64", 5)}`, stmt: "x*x + y" },
  },
  {
    name: "I3 pad reflect 7 (2000x2000)", target: 2.0,
    setup: () => ({ img: ramp(4_000_000, "float64", 1).reshape(2000, 2000).eval() }),
    run: ({ img }) => np.pad(img, 7, "reflect").eval(),
    numpy: { setup: `img=${npRamp(4_000_000, "float64", 1)}.reshape(2000, 2000)`, stmt: "np.pad(img, 7, mode='reflect')" },
  },
  {
    name: "F loadtxt 100,000 x 10 CSV", target: 1.0,
    setup: () => {
      const path = `${tmp}/numfuse-bench-text.csv`;
      np.savetxt(path, ramp(1_000_000, "float64", 1000).reshape(100_000, 10), { delimiter: ",", fmt: "%.6f" });
      return { path };
    },
    run: ({ path }) => np.loadtxt(path, { delimiter: "," }),
    numpy: { setup: `path = "${tmpPy}/numpy-bench-text.csv"; np.savetxt(path, ${npRamp(1_000_000, "float64", 1000)}.reshape(100_000, 10), delimiter=",", fmt="%.6f")`, stmt: 'np.loadtxt(path, delimiter=",")' },
  },
  {
    name: "F moving mean, window 50, 1M (sliding_window_view)", target: 1.0,
    setup: () => ({ x: ramp(1_000_000, "float64", 1) }),
    run: ({ x }) => np.lib.stride_tricks.sliding_window_view(x, 50).mean(-1).eval(),
    numpy: { setup: `x=${npRamp(1_000_000, "float64", 1)}; from numpy.lib.stride_tricks import sliding_window_view as swv`, stmt: "swv(x, 50).mean(-1)" },
  },
  // no issue sets targets for these yet: they show the contraction order at work against np.einsum's default
  {
    name: "E einsum ij,ij->i (1000, 1000)",
    setup: () => ({ A: ramp(1_000_000, "float64", 1).reshape(1000, 1000), B: ramp(1_000_000, "float64", 2).reshape(1000, 1000) }),
    run: ({ A, B }) => np.einsum("ij,ij->i", A, B).eval(),
    numpy: { setup: `A=${npRamp(1_000_000, "float64", 1)}.reshape(1000, 1000); B=${npRamp(1_000_000, "float64", 2)}.reshape(1000, 1000)`, stmt: "np.einsum('ij,ij->i', A, B)" },
  },
  {
    name: "E einsum ij,jk,kl->il (100 x 100 each)",
    setup: () => ({ A: ramp(10_000, "float64", 1).reshape(100, 100), B: ramp(10_000, "float64", 2).reshape(100, 100) }),
    run: ({ A, B }) => np.einsum("ij,jk,kl->il", A, B, A).eval(),
    numpy: { setup: `A=${npRamp(10_000, "float64", 1)}.reshape(100, 100); B=${npRamp(10_000, "float64", 2)}.reshape(100, 100)`, stmt: "np.einsum('ij,jk,kl->il', A, B, A)" },
  },
];
