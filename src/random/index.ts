/** @file np.random: NumPy's random streams bit for bit (Generator over PCG64/PCG64DXSM/MT19937/SFC64/Philox seeded by SeedSequence, and the legacy RandomState). */
export { SeedSequence, BitGenerator, PCG64, PCG64DXSM, MT19937, SFC64, Philox } from "./bit-generators.js";
export type { PCG64State, PCG64DXSMState, MT19937State, SFC64State, PhiloxState, Seed } from "./bit-generators.js";
export { Generator, default_rng } from "./generator.js";
export {
  RandomState, seed, get_state, set_state, rand, randn, randint, random_sample, random, ranf, sample,
  standard_normal, normal, uniform, choice, shuffle, permutation, binomial, poisson,
} from "./legacy.js";
