/**
 * What Node prints to stderr when an uncaught exception or unhandled rejection ends the
 * process. Node writes it natively, past process.stderr.write, so tee() writes this copy
 * into the stderr log itself. Node's first lines (the source line with a caret) are not
 * available to JavaScript and are left out.
 */
import { inspect } from 'node:util';

/** The report for `err`, ending with Node's version line like the original. */
export function crashReport(err: unknown): string {
  let body: string;
  try {
    if ((typeof err === 'object' && err !== null) || typeof err === 'function') {
      body = inspect(err);
    } else {
      body =
        (typeof err === 'symbol' ? '' : String(err)) +
        '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)';
    }
  } catch {
    body = '[the uncaught value could not be inspected]';
  }
  return `${body}\n\nNode.js ${process.version}\n`;
}
