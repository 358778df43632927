/**
 * Post-processing of the SVG Vega writes: deterministic ids, opacity resvg can draw
 * safely, and the root element's size attributes.
 */

/** A number with at most three decimals, for SVG attributes and messages. */
export function fmt(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/** Replaces the size attributes of the SVG root element with `attrs`. */
export function setRoot(svg: string, attrs: string): string {
  const end = svg.indexOf('>');
  const head = svg
    .slice(0, end)
    .replace(/\s(width|height|viewBox|preserveAspectRatio)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg ${attrs}`);
  return head + svg.slice(end);
}

/**
 * Vega numbers clip paths and gradients with process-wide counters; renumbering them in
 * order of appearance makes the same figure give the same SVG bytes within a process too.
 */
export function canonicalIds(svg: string): string {
  const map = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g))
    if (!map.has(m[1]!)) map.set(m[1]!, `plt-${map.size + 1}`);
  if (map.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, pre: string, id: string) => {
    const to = map.get(id);
    return to ? pre + to : all;
  });
}

/**
 * resvg 2.6 aborts the whole process (a Rust panic it cannot unwind) when an element
 * drawn with group `opacity` lies wholly outside the canvas — e.g. a legend taller than its
 * axes. Vega writes `opacity` on every mark; on a single shape it means the same as
 * multiplying its fill and stroke opacities, which resvg handles without a layer.
 */
export function flattenOpacity(svg: string): string {
  return svg.replace(
    /<(path|line|rect|circle|ellipse|polygon|polyline|text)\b([^>]*?)\sopacity="([^"]*)"/g,
    (all, tag: string, attrs: string, value: string) => {
      const o = Number(value);
      if (!(o >= 0 && o < 1)) return all;
      let out = attrs;
      for (const name of ['fill-opacity', 'stroke-opacity']) {
        const re = new RegExp(`\\s${name}="([^"]*)"`);
        const m = re.exec(out);
        const v = Math.round((m ? Number(m[1]) : 1) * o * 1e6) / 1e6;
        out = m ? out.replace(re, ` ${name}="${v}"`) : `${out} ${name}="${v}"`;
      }
      return `<${tag}${out}`;
    },
  );
}

/** The viewBox size of an SVG root (points for our figures). */
export function viewBoxOf(svg: string): [number, number] {
  const head = svg.slice(0, svg.indexOf('>'));
  const vb = /viewBox="([^"]*)"/
    .exec(head)?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (vb && vb.length === 4) return [vb[2]!, vb[3]!];
  return [
    Number(/width="([\d.]+)/.exec(head)?.[1] ?? 0),
    Number(/height="([\d.]+)/.exec(head)?.[1] ?? 0),
  ];
}
