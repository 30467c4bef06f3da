/** @file Every ufunc object, made once from the table, under NumPy's names and aliases. */
import { UFUNC_ALIASES, UFUNC_DEFS } from "./defs.js";
import { makeUfunc, type Ufunc, type Ufunc2 } from "./ufunc.js";

/** single-output ufuncs */
export const ufuncs: Record<string, Ufunc> = {};
/** two-output ufuncs (divmod, modf, frexp): their calls return [first, second] */
export const ufuncs2: Record<string, Ufunc2> = {};
for (const [name, def] of Object.entries(UFUNC_DEFS)) {
  const u = makeUfunc(name);
  if (def.nout === 2) ufuncs2[name] = u as unknown as Ufunc2;
  else ufuncs[name] = u;
}
for (const [alias, name] of Object.entries(UFUNC_ALIASES)) ufuncs[alias] = ufuncs[name];
