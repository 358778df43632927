// Runs the Python fixtures with Debian's python3 (NumPy, PyYAML) and explains what to
// install when it cannot.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The interpreter with python3-numpy and python3-yaml (Debian's; override with SCITEX_PYTHON). */
export const PYTHON: string = process.env['SCITEX_PYTHON'] ?? '/usr/bin/python3';

const INSTALL_HINT =
  'run scripts/install-system-deps.sh (installs python3-numpy and python3-yaml), or set SCITEX_PYTHON';

/** Runs test/fixtures/<script> with `args`; returns stdout. Throws with the install hint on a missing module. */
export function runPython(
  script: string,
  args: readonly string[],
  input?: string | Float64Array,
  python: string = PYTHON,
): Buffer {
  const file = fileURLToPath(new URL(`./fixtures/${script}`, import.meta.url));
  const r = spawnSync(python, [file, ...args], {
    input:
      input === undefined
        ? undefined
        : typeof input === 'string'
          ? Buffer.from(input, 'utf8')
          : Buffer.from(input.buffer, input.byteOffset, input.byteLength),
    maxBuffer: 1 << 28,
    encoding: 'buffer',
  });
  if (r.error) throw new Error(`cannot run ${python} (${r.error.message}); ${INSTALL_HINT}`);
  const stderr = r.stderr.toString();
  if (r.status !== 0) {
    const missing = /missing|No module named/.test(stderr);
    throw new Error(
      `${python} ${script} failed (exit ${r.status}): ${stderr.trim()}${missing ? `\n${INSTALL_HINT}` : ''}`,
    );
  }
  return r.stdout;
}

/** float64 values from a little-endian byte buffer. */
export function float64s(buf: Buffer): Float64Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Float64Array(copy.buffer);
}
