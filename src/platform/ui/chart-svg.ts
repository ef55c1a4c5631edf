import { escapeMarkup } from './escape.ts';

/*
 * Charts are Apache ECharts rendered to SVG on the server (appeals statistics,
 * plans' indicators); this makes their SVG fit for the page.
 */

/**
 * ECharts' SVG made fit for the page: <title>/<desc>/role first; no <style>
 * element, no style, class, event or private attributes; inline styles as
 * presentation attributes; a fluid width that keeps the aspect ratio (200%
 * zoom without horizontal scrolling).
 */
export function accessibleSvg(raw: string, spec: { id: string; title: string; description: string }): string {
  let svg = raw
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\s(?:class|pointer-events|ecmeta_[\w-]+|baseProfile|version|xmlns:xlink)="[^"]*"/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_m, css: string) =>
      css
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const i = d.indexOf(':');
          const prop = d.slice(0, i).trim().toLowerCase();
          const value = d.slice(i + 1).trim();
          return /^[a-z-]+$/.test(prop) ? ` ${prop}="${escapeMarkup(value)}"` : '';
        })
        .join(''),
    );
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  svg = svg.replace(
    /<svg\b([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs
        .replace(/\swidth="\d+"/, ' width="100%"')
        .replace(
          /\sheight="\d+"/,
          '',
        )} role="img" aria-labelledby="${titleId} ${descId}" focusable="false" id="${escapeMarkup(spec.id)}"><title id="${titleId}">${escapeMarkup(spec.title)}</title><desc id="${descId}">${escapeMarkup(spec.description)}</desc>`,
  );
  return svg;
}
