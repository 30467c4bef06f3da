// npm start: a small pipeline, its result, and the kernel numfuse compiled for it.
import * as np from "../dist/index.js";

const x = np.arange(12).reshape(3, 4).astype("float64");
// row-normalize: five NumPy passes, one fused kernel here
const z = x.sub(x.mean({ axis: 1, keepdims: true })).div(x.std({ axis: 1, keepdims: true }));

console.log("x =");
console.log(String(x));
console.log("\nz = (x - x.mean(1, keepdims)) / x.std(1, keepdims)\n\nplan and generated JavaScript:");
console.log(z.explain());
console.log("\nz =");
console.log(String(z.eval()));

const f = np.jit((a, b, c) => a.mul(b).add(c).sum({ axis: 0 }));
console.log("\nnp.jit((a, b, c) => (a * b + c).sum(0))(ones(1000, 3), arange(3), 2.5) =", f(np.ones([1000, 3]), np.arange(3), 2.5).tolist());
