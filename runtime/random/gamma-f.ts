/**
 * @file random_standard_gamma_f (NumPy's float32 gamma) on the float ziggurats: every step rounds to
 * float32 where C's float arithmetic does (NumPy's build has no FMA), and powf/logf are glibc's own.
 */
import { logf, powf } from "./glibc-float.js";
import type { RawBitGen } from "./bitgen.js";
import { standardExponentialF, standardNormalF } from "./distributions.js";

const f = Math.fround;
const ONE_THIRD_F = f(1 / 3);
const C0331 = f(0.0331);

export function standardGammaF(bg: RawBitGen, shape: number): number {
  shape = f(shape);
  if (shape === 1) return standardExponentialF(bg);
  if (shape === 0) return 0;
  if (shape < 1) {
    const inv = f(1 / shape);
    for (;;) {
      const U = bg.nextFloat();
      const V = standardExponentialF(bg);
      if (U <= f(1 - shape)) {
        const X = powf(U, inv);
        if (X <= V) return X;
      } else {
        const Y = -logf(f(f(1 - U) / shape));
        const X = powf(f(f(1 - shape) + f(shape * Y)), inv);
        if (X <= f(V + Y)) return X;
      }
    }
  }
  const b = f(shape - ONE_THIRD_F);
  const c = f(1 / f(Math.sqrt(f(9 * b))));
  for (;;) {
    let X: number, V: number;
    do {
      X = standardNormalF(bg);
      V = f(1 + f(c * X));
    } while (V <= 0);
    V = f(f(V * V) * V);
    const U = bg.nextFloat();
    const X2 = f(X * X);
    if (U < f(1 - f(f(C0331 * X2) * X2))) return f(b * V);
    if (logf(U) < f(f(f(0.5 * X) * X) + f(b * f(f(1 - V) + logf(V))))) return f(b * V);
  }
}
