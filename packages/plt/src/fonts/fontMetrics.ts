/**
 * Advance widths read from a TrueType/OpenType font, so layout (margins, tick-label room,
 * legend boxes) is computed with the same glyph widths the renderer will draw. Reads only
 * `head`, `hhea`, `hmtx` and `cmap` (formats 4 and 12); kerning is ignored, which keeps
 * estimates within a fraction of a point for labels.
 */
import { readFileSync } from 'node:fs';

/** Glyph advance widths of one font, in em units (1 = the font size). */
export interface FontMetrics {
  /** Width of `text` at `fontSize`, in the same unit as `fontSize`. */
  width(text: string, fontSize: number): number;
  /** Whether the font has a glyph for this code point. */
  has(codePoint: number): boolean;
}

interface Tables {
  [tag: string]: { offset: number; length: number };
}

function readTables(buf: Buffer): Tables {
  const numTables = buf.readUInt16BE(4);
  const tables: Tables = {};
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = buf.toString('latin1', rec, rec + 4);
    tables[tag] = { offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) };
  }
  return tables;
}

function cmapLookup(buf: Buffer, cmapOffset: number): Map<number, number> {
  const map = new Map<number, number>();
  const n = buf.readUInt16BE(cmapOffset + 2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < n; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const offset = cmapOffset + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && (!best || best.format !== 12)) best = { offset, format };
    else if (format === 4 && !best) best = { offset, format };
  }
  if (!best) return map;
  const o = best.offset;
  if (best.format === 4) {
    const segX2 = buf.readUInt16BE(o + 6);
    const segs = segX2 / 2;
    const endBase = o + 14;
    const startBase = endBase + segX2 + 2;
    const deltaBase = startBase + segX2;
    const rangeBase = deltaBase + segX2;
    for (let s = 0; s < segs; s++) {
      const end = buf.readUInt16BE(endBase + s * 2);
      const start = buf.readUInt16BE(startBase + s * 2);
      const delta = buf.readInt16BE(deltaBase + s * 2);
      const rangeOffset = buf.readUInt16BE(rangeBase + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const at = rangeBase + s * 2 + rangeOffset + (c - start) * 2;
          glyph = buf.readUInt16BE(at);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) map.set(c, glyph);
      }
    }
  } else {
    const groups = buf.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const rec = o + 16 + g * 12;
      const start = buf.readUInt32BE(rec);
      const end = buf.readUInt32BE(rec + 4);
      const glyph0 = buf.readUInt32BE(rec + 8);
      // Cap absurd ranges so a malformed font cannot make us allocate without bound.
      for (let c = start; c <= end && c - start < 0x10000; c++) map.set(c, glyph0 + (c - start));
    }
  }
  return map;
}

/** Parses the metrics of the font file at `path`. */
export function readFontMetrics(path: string): FontMetrics {
  const buf = readFileSync(path);
  const t = readTables(buf);
  const head = t['head'];
  const hhea = t['hhea'];
  const hmtx = t['hmtx'];
  const cmap = t['cmap'];
  if (!head || !hhea || !hmtx || !cmap) throw new Error(`not a TrueType/OpenType font: ${path}`);
  const unitsPerEm = buf.readUInt16BE(head.offset + 18);
  const numberOfHMetrics = buf.readUInt16BE(hhea.offset + 34);
  const advance = (glyph: number): number => {
    const i = Math.min(glyph, numberOfHMetrics - 1);
    return buf.readUInt16BE(hmtx.offset + i * 4) / unitsPerEm;
  };
  const glyphs = cmapLookup(buf, cmap.offset);
  const cache = new Map<number, number>();
  const fallback = advance(0);
  const em = (cp: number): number => {
    let w = cache.get(cp);
    if (w === undefined) {
      const g = glyphs.get(cp);
      w = g === undefined ? fallback : advance(g);
      cache.set(cp, w);
    }
    return w;
  };
  return {
    width(text: string, fontSize: number): number {
      let total = 0;
      for (const ch of text) total += em(ch.codePointAt(0)!);
      return total * fontSize;
    },
    has(codePoint: number): boolean {
      return glyphs.has(codePoint);
    },
  };
}
