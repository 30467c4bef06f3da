/** @file vitest setup hook; shared test setup goes here. */
export {};
