/** @file Gives every public ufunc object its methods outer/at/reduceat and the generic reduce/accumulate fold (they live in src/ufunc-methods.ts and src/ufunc-reduce.ts, which import the ufunc machinery, so the link is made here, once). */
import { ufuncAt, ufuncOuter, ufuncReduceat } from "../ufunc-methods.js";
import { ufuncAccumulate, ufuncReduce } from "../ufunc-reduce.js";
import { ufuncs, ufuncs2 } from "./all.js";
import { GENERIC, type UfuncBase } from "./ufunc.js";

GENERIC.reduce = ufuncReduce;
GENERIC.accumulate = ufuncAccumulate;

for (const uf of [...Object.values(ufuncs), ...Object.values(ufuncs2)]) {
  // the interface declares these methods; they are assigned once, here
  const u = uf as { -readonly [K in keyof UfuncBase]: UfuncBase[K] };
  u.outer = (a, b, opts) => ufuncOuter(uf, a, b, opts);
  u.at = (a, indices, b) => ufuncAt(uf, a, indices, b);
  u.reduceat = (a, indices, opts) => ufuncReduceat(uf, a, indices, opts);
}
