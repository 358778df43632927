/**
 * Replacing `Math.random` so that restoring works however patches are stacked: each
 * patch keeps the function it replaced in a closure, and a patch that is restored while
 * another sits on top of it turns into a pass-through, skipped when the top is restored.
 */

interface PatchEntry {
  active: boolean;
  readonly replaced: () => number;
}

// Installed functions → their entries; lets a restore skip inactive patches below.
const patches: WeakMap<() => number, PatchEntry> = new WeakMap();

function unwrap(fn: () => number): () => number {
  let current = fn;
  for (let entry = patches.get(current); entry && !entry.active; entry = patches.get(current)) {
    current = entry.replaced;
  }
  return current;
}

/**
 * Makes `Math.random` return `source()` and returns an idempotent function that undoes
 * it: `Math.random` goes back to what it was before this patch, skipping patches below
 * that were restored in the meantime.
 */
export function installMathRandom(source: () => number): () => void {
  const entry: PatchEntry = { active: true, replaced: Math.random };
  const patched = function random(): number {
    return entry.active ? source() : entry.replaced();
  };
  patches.set(patched, entry);
  Math.random = patched;
  return () => {
    if (!entry.active) return;
    entry.active = false;
    if (Math.random === patched) Math.random = unwrap(entry.replaced);
  };
}
