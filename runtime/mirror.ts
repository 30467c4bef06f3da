/**
 * @file Aligned in-memory shadows of memory kernels cannot address in place: a field of a packed
 * record whose offset or record size is not a multiple of its element size (NumPy's default layout
 * puts the f8 of [("name", "U10"), ("age", "i4"), ("w", "f8")] at byte 44; typed arrays need
 * aligned elements), and a slice of a paged memmap (its parent lives in a file). The shadow is a
 * view's memory kept in step with its parent both ways: refreshed from the parent before it is
 * read if the parent changed, and a written shadow sends its bytes back before anything reads or
 * writes the parent. A big-endian array (src/byteorder.ts) is a third kind: a native-order shadow of
 * its big-endian bytes.
 */
import type { Storage } from "./storage.js";
import type { View } from "../compiler/ir/view.js";

export interface Mirror {
  readonly parent: Storage;
  /** the parent bytes mirrored, as a view of uint8 elements */
  readonly region: View;
  /** where a view of the shadow's elements lies in the parent, in the same elements, when the shadow keeps the parent's layout (big-endian arrays): np.shares_memory is then exact */
  toParent?: (v: View) => View;
  /** the shadow holds writes its parent has not received yet */
  dirty: boolean;
  /** the shadow's bytes are the parent's current ones (or newer, when dirty) */
  fresh: boolean;
  /** the parent is memory numfuse does not own (a caller's buffer): writes are sent to it as soon as they are done */
  eager?: boolean;
  /** parent bytes -> shadow */
  gather(): void;
  /** shadow bytes -> parent */
  scatter(): void;
}

/**
 * Moves `width` bytes per element between the parent's bytes, element k at byte `at[k]`, and the
 * shadow's, packed in order: the gather (`toShadow`) and scatter of every kind of shadow. With
 * `unit` > 1 the bytes of each `unit`-byte number are reversed on the way (big-endian parents).
 */
export function moveElements(parent: Uint8Array, shadow: Uint8Array, at: readonly number[], width: number, toShadow: boolean, unit = 1): void {
  for (let k = 0; k < at.length; k++) {
    const o = at[k], d = k * width;
    if (unit <= 1) {
      if (toShadow) for (let b = 0; b < width; b++) shadow[d + b] = parent[o + b];
      else for (let b = 0; b < width; b++) parent[o + b] = shadow[d + b];
      continue;
    }
    for (let u = 0; u < width; u += unit) {
      for (let b = 0; b < unit; b++) {
        if (toShadow) shadow[d + u + b] = parent[o + u + unit - 1 - b];
        else parent[o + u + unit - 1 - b] = shadow[d + u + b];
      }
    }
  }
}

const shadowsOf = new WeakMap<Storage, Set<WeakRef<Storage>>>();

/** Make `shadow` mirror part of `m.parent`, filled from it now. */
export function addShadow(shadow: Storage, m: Mirror): void {
  shadow.mirror = m;
  let set = shadowsOf.get(m.parent);
  if (!set) shadowsOf.set(m.parent, (set = new Set()));
  set.add(new WeakRef(shadow));
  m.gather();
  m.fresh = true;
}

export function liveShadows(parent: Storage): Storage[] {
  const set = shadowsOf.get(parent);
  if (!set) return [];
  const out: Storage[] = [];
  for (const r of set) {
    const s = r.deref();
    if (s) out.push(s);
    else set.delete(r);
  }
  return out;
}

/**
 * The parent receives every unsent shadow write, deepest shadows first (a shadow can mirror part of
 * another shadow: a packed field inside a packed field). Writing one shadow flushes the others
 * first, so at most one shadow of a parent is dirty at a time.
 */
function flush(parent: Storage, except?: Storage): void {
  for (const s of liveShadows(parent)) {
    if (s === except) continue;
    flush(s);
    const m = s.mirror!;
    if (m.dirty) {
      m.scatter();
      m.dirty = false;
      markWritten(parent, s);
    }
  }
}

/** Before `s` is read: its ancestors are current and it holds their bytes; its own shadows' writes are in it. */
export function syncForRead(s: Storage): void {
  const m = s.mirror;
  if (m) {
    syncForRead(m.parent);
    if (!m.fresh) {
      m.gather();
      m.fresh = true;
    }
  }
  if (shadowsOf.has(s)) flush(s);
}

/** Every shadow below `s` (and below them) must read `s` again. */
function staleBelow(s: Storage, except?: Storage): void {
  for (const t of liveShadows(s)) {
    if (t === except) continue;
    t.mirror!.fresh = false;
    staleBelow(t);
  }
}

/**
 * `s` has been (or is being) written: the shadows below it are out of date; a shadow now holds news
 * for its parent, and its siblings are out of date. `child`: the shadow whose bytes just arrived.
 */
export function markWritten(s: Storage, child?: Storage): void {
  staleBelow(s, child);
  const m = s.mirror;
  if (m) {
    m.dirty = true;
    staleBelow(m.parent, s);
  }
}

/** After a write into `s`: a shadow of memory numfuse does not own sends the write on now, as the owner may read it directly. */
export function settle(s: Storage): void {
  const m = s.mirror;
  if (m?.eager && m.dirty) {
    m.scatter();
    m.dirty = false;
    markWritten(m.parent, s);
  }
}

/** The storage whose lazy readers a write into `s` must protect: its topmost ancestor and every shadow below it. */
export function writeFamily(s: Storage): Storage[] {
  let root = s;
  while (root.mirror) root = root.mirror.parent;
  const out: Storage[] = [];
  const walk = (t: Storage) => {
    out.push(t);
    for (const c of liveShadows(t)) walk(c);
  };
  walk(root);
  return out;
}
