/** @file Every ufunc object, made once from the table, under NumPy's names and aliases. */
import { UFUNC_ALIASES, UFUNC_DEFS } from "./defs.js";
import { makeUfunc, type Ufunc } from "./ufunc.js";

export const ufuncs: Record<string, Ufunc> = {};
for (const name of Object.keys(UFUNC_DEFS)) ufuncs[name] = makeUfunc(name);
for (const [alias, name] of Object.entries(UFUNC_ALIASES)) ufuncs[alias] = ufuncs[name];
