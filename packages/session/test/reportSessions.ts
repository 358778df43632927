// Sessions written by hand for the report tests: the layout a real run leaves (DESIGN §2),
// with chosen IDs, configs, logs, metrics and figures, and no process needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { openMetrics } from '@scitex/metrics';

export interface FakeSession {
  id: string;
  folder: 'FINISHED_SUCCESS' | 'FINISHED_ERROR' | 'FINISHED' | 'RUNNING';
  config: Record<string, unknown>;
  stdout?: string;
  stderr?: string;
  /** name → values, logged at steps 0, 1, 2… */
  metrics?: Record<string, number[]>;
  /** relative path → file content */
  files?: Record<string, string | Buffer>;
}

/** A small RGB PNG: a horizontal gradient of `rgb` to white. */
export function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    const t = x / Math.max(1, width - 1);
    for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(rgb[c]! + (255 - rgb[c]!) * t);
  }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes one session under `root`; returns its directory. */
export function writeSession(root: string, s: FakeSession): string {
  const dir = join(root, s.folder, s.id);
  mkdirSync(join(dir, 'CONFIGS'), { recursive: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const config = { ID: s.id, ...s.config };
  writeFileSync(join(dir, 'CONFIGS', 'CONFIG.json'), JSON.stringify(config, null, 2));
  writeFileSync(
    join(dir, 'CONFIGS', 'CONFIG.yaml'),
    Object.entries(config)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n') + '\n',
  );
  writeFileSync(join(dir, 'logs', 'stdout.log'), s.stdout ?? '');
  writeFileSync(join(dir, 'logs', 'stderr.log'), s.stderr ?? '');
  if (s.metrics) {
    const m = openMetrics(dir);
    for (const [name, values] of Object.entries(s.metrics))
      values.forEach((v, step) => m.log({ [name]: v }, { step }));
    m.close();
  }
  for (const [rel, content] of Object.entries(s.files ?? {})) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

/** `2025Y-11M-18D-07h53m<ss>s_<tail>`: IDs whose order is their start order. */
export function sessionId(second: number, tail: string): string {
  return `2025Y-11M-18D-07h53m${String(second).padStart(2, '0')}s_${tail}`;
}

/** CONFIG times for a run that started at `second` and ran `seconds`. */
export function times(
  second: number,
  seconds: number,
  exit: number | null,
): Record<string, unknown> {
  const start = new Date(Date.UTC(2025, 10, 18, 7, 53, second));
  return {
    START_TIME: start.toISOString().replace('Z', '+00:00'),
    END_TIME: new Date(start.getTime() + seconds * 1000).toISOString().replace('Z', '+00:00'),
    RUN_TIME: `00:00:${String(seconds).padStart(2, '0')}`,
    EXIT_STATUS: exit,
  };
}
