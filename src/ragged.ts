/** @file NumPy's error for ragged nested input (np.array's numeric and flexible paths share it). */
import { ValueError } from "../runtime/errors.js";

/** Throws NumPy's inhomogeneous-shape ValueError unless a leaf's shape `s` equals the first one seen. */
export function checkSameShape(first: readonly number[], s: readonly number[]): void {
  if (first.length === s.length && first.every((n, i) => n === s[i])) return;
  // the depth where the two shapes part, as NumPy reports it
  let d = 0;
  while (d < first.length && d < s.length && first[d] === s[d]) d++;
  const common = first.slice(0, d);
  throw new ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${d} dimensions. The detected shape was (${common.join(", ")}${common.length === 1 ? "," : ""}) + inhomogeneous part.`,
  );
}
