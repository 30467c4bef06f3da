/**
 * @file Aligned in-memory shadows of memory kernels cannot address in place: a field of a packed
 * record whose offset or record size is not a multiple of its element size (NumPy's default layout
 * puts the f8 of [("name", "U10"), ("age", "i4"), ("w", "f8")] at byte 44; typed arrays need
 * aligned elements), and a slice of a paged memmap (its parent lives in a file). The shadow is a
 * view's memory kept in step with its parent both ways: refreshed from the parent before it is
 * read if the parent changed, and a written shadow sends its bytes back before anything reads or
 * writes the parent.
 */
import type { Storage } from "./storage.js";
import type { View } from "../compiler/ir/view.js";

export interface Mirror {
  readonly parent: Storage;
  /** the parent bytes mirrored, as a view of uint8 elements */
  readonly region: View;
  /** the shadow holds writes its parent has not received yet */
  dirty: boolean;
  /** the shadow's bytes are the parent's current ones (or newer, when dirty) */
  fresh: boolean;
  /** parent bytes -> shadow */
  gather(): void;
  /** shadow bytes -> parent */
  scatter(): void;
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

/** The parent receives every unsent shadow write (at most one shadow is dirty: writing one flushes the others first). */
function flush(parent: Storage, except?: Storage): void {
  for (const s of liveShadows(parent)) {
    const m = s.mirror!;
    if (s !== except && m.dirty) {
      m.scatter();
      m.dirty = false;
    }
  }
}

/** Before `s` is read: a parent gets its shadows' writes; a shadow gets its parent's current bytes. */
export function syncForRead(s: Storage): void {
  const m = s.mirror;
  if (m) {
    flush(m.parent, s);
    if (!m.fresh) {
      m.gather();
      m.fresh = true;
    }
  } else if (shadowsOf.has(s)) flush(s);
}

/** `s` has been (or is being) written: a shadow now holds news for its parent and its siblings are out of date; a parent's shadows are out of date. */
export function markWritten(s: Storage): void {
  const m = s.mirror;
  const family = liveShadows(m ? m.parent : s);
  for (const t of family) if (t !== s) t.mirror!.fresh = false;
  if (m) m.dirty = true;
}

/** The storage whose lazy readers a write into `s` must protect: its parent and every shadow of that parent. */
export function writeFamily(s: Storage): Storage[] {
  const parent = s.mirror ? s.mirror.parent : s;
  return [parent, ...liveShadows(parent)];
}
