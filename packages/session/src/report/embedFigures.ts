/**
 * Which saved figures go into the report, as data URIs, within the byte budgets: per
 * figure, per run and for the whole report (newest runs first get theirs).
 */
import { readFileSync } from 'node:fs';
import { svgDataUri } from './html.js';
import { formatBytes } from './format.js';
import type { FigureFile } from './findFigures.js';
import type { ResolvedReportOptions } from './options.js';
import type { EmbeddedFigure } from './runBody.js';

/** Spends a report-wide figure budget; one per report. */
export class FigureBudget {
  private spent = 0;
  constructor(private readonly opts: ResolvedReportOptions) {}

  /** The figures of one run, embedded while the budgets last. */
  embed(figures: readonly FigureFile[]): EmbeddedFigure[] {
    const o = this.opts;
    let n = 0;
    return figures.map((f) => {
      const base = { rel: f.rel, bytes: f.bytes };
      if (n >= o.maxFiguresPerRun)
        return {
          ...base,
          uri: null,
          reason: `not embedded: more than ${o.maxFiguresPerRun} figures in this run`,
        };
      if (f.bytes > o.maxFigureBytes)
        return {
          ...base,
          uri: null,
          reason: `not embedded: larger than ${formatBytes(o.maxFigureBytes)}`,
        };
      if (this.spent + f.bytes > o.maxFigureTotalBytes)
        return {
          ...base,
          uri: null,
          reason: `not embedded: the report's figure budget of ${formatBytes(o.maxFigureTotalBytes)} is spent`,
        };
      let uri: string;
      try {
        const data = readFileSync(f.abs);
        uri =
          f.kind === 'png'
            ? `data:image/png;base64,${data.toString('base64')}`
            : svgDataUri(data.toString('utf8'));
      } catch (err) {
        return { ...base, uri: null, reason: `unreadable: ${(err as Error).message}` };
      }
      this.spent += f.bytes;
      n++;
      return { ...base, uri };
    });
  }
}
