/**
 * PNG metadata: resvg writes no resolution, so we add a `pHYs` chunk (pixels per metre)
 * right after `IHDR`; journals' upload checks and image editors read the DPI from it.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Returns `png` with a pHYs chunk saying `dpi` (any existing pHYs is replaced). */
export function withDpi(png: Buffer, dpi: number): Buffer {
  const ppm = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(ppm, 0);
  data.writeUInt32BE(ppm, 4);
  data.writeUInt8(1, 8);
  const parts: Buffer[] = [png.subarray(0, 8)];
  let off = 8;
  let inserted = false;
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const end = off + 12 + len;
    if (type !== 'pHYs') parts.push(png.subarray(off, end));
    if (type === 'IHDR' && !inserted) {
      parts.push(chunk('pHYs', data));
      inserted = true;
    }
    off = end;
  }
  return Buffer.concat(parts);
}

/** Width, height and DPI (if recorded) read from a PNG's header. */
export function pngInfo(png: Buffer): { width: number; height: number; dpi: number | undefined } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  let dpi: number | undefined;
  let off = 8;
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    if (type === 'pHYs' && png.readUInt8(off + 16) === 1) dpi = png.readUInt32BE(off + 8) * 0.0254;
    if (type === 'IDAT') break;
    off += 12 + len;
  }
  return { width, height, dpi };
}
