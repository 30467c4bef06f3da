/** @file np.real, np.imag and np.angle: the parts of complex values, as functions (the array attributes .real/.imag are in methods.ts). */
import { asarray, type ArrayLike } from "./convert.js";
import type { NDArray } from "./ndarray.js";
import { ufuncs } from "./ufunc/all.js";

/** The real part: a view for complex input, the array itself otherwise (NumPy's np.real). */
export function real(val: ArrayLike): NDArray {
  return asarray(val).real;
}

/** The imaginary part: a view for complex input, read-only zeros otherwise (NumPy's np.imag). */
export function imag(val: ArrayLike): NDArray {
  return asarray(val).imag;
}

/** The counterclockwise angle from the positive real axis, arctan2(imag, real), in radians or degrees. */
export function angle(z: ArrayLike, deg = false): NDArray {
  const a = asarray(z);
  const r = a.dtype.kind === "c" ? ufuncs.arctan2(a.imag, a.real) : ufuncs.arctan2(0, a);
  return deg ? ufuncs.multiply(r, 180 / Math.PI) : r;
}
