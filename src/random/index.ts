/** @file np.random: NumPy's random streams bit for bit (Generator over PCG64/MT19937 seeded by SeedSequence, and the legacy RandomState). */
export { SeedSequence, BitGenerator, PCG64, MT19937 } from "./bit-generators.js";
export type { PCG64State, MT19937State, Seed } from "./bit-generators.js";
export { Generator, default_rng } from "./generator.js";
export {
  RandomState, seed, get_state, set_state, rand, randn, randint, random_sample, random, ranf, sample,
  standard_normal, normal, uniform, choice, shuffle, permutation, binomial, poisson,
} from "./legacy.js";
