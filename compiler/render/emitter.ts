/** @file A line builder with indentation, so generated source is built line by line and never patched afterwards (jax-js WgslBuilder). */

export class Emitter {
  readonly lines: string[] = [];
  #depth = 0;
  emit(...lines: string[]): this {
    for (const l of lines) this.lines.push("  ".repeat(this.#depth) + l);
    return this;
  }
  open(line: string): this {
    this.emit(line);
    this.#depth++;
    return this;
  }
  close(line = "}"): this {
    this.#depth--;
    this.emit(line);
    return this;
  }
  toString(): string {
    return this.lines.join("\n");
  }
}

/** Numbers as JS literals, with NaN, infinities and negative zero spelled out. */
export function numLiteral(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "(-Infinity)";
  if (Object.is(v, -0)) return "(-0)";
  return v < 0 ? `(${v})` : String(v);
}
