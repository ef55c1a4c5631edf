import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/*
 * PDF documents set in PT Sans, the public typeface the portal uses (the
 * appeal's receipt, the annual report of a body). pdfmake reads TTF, OTF or WOFF through
 * fontkit; the only PT Sans files installed (@fontsource/pt-sans) are WOFF
 * files split by script, so the Cyrillic file lacks digits and Latin letters
 * and the Latin file lacks Cyrillic. Each string is therefore set in runs:
 * the Cyrillic file for the characters of its unicode-range (as its CSS
 * declares it), the Latin file for the rest.
 */

const FONTS_DIR = path.join(path.dirname(require.resolve('@fontsource/pt-sans/package.json')), 'files');
const font = (subset: string, weight: number) =>
  path.join(FONTS_DIR, `pt-sans-${subset}-${weight}-normal.woff`);

/** The unicode-range of @fontsource/pt-sans's Cyrillic file (cyrillic-400.css). */
function inCyrillicFile(cp: number): boolean {
  return (
    cp === 0x0301 ||
    (cp >= 0x0400 && cp <= 0x045f) ||
    cp === 0x0490 ||
    cp === 0x0491 ||
    cp === 0x04b0 ||
    cp === 0x04b1 ||
    cp === 0x2116
  );
}

type Run = { text: string; font: 'PTSansCyrillic' | 'PTSansLatin'; bold?: boolean };

/** A string as runs of one font each. */
export function fontRuns(text: string, bold = false): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const f = inCyrillicFile(ch.codePointAt(0) ?? 0) ? 'PTSansCyrillic' : 'PTSansLatin';
    const last = runs[runs.length - 1];
    if (last && last.font === f) last.text += ch;
    else runs.push({ text: ch, font: f, ...(bold ? { bold } : {}) });
  }
  return runs;
}

type PdfMake = {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};

/**
 * A pdfmake document definition rendered to bytes in PT Sans: text given as
 * `fontRuns(…)`; no URL or file outside the fonts is read.
 */
export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  const pdfmake = require('pdfmake') as PdfMake;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONTS_DIR));
  pdfmake.setFonts({
    PTSansCyrillic: { normal: font('cyrillic', 400), bold: font('cyrillic', 700) },
    PTSansLatin: { normal: font('latin', 400), bold: font('latin', 700) },
  });
  const pdf = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    ...doc,
    defaultStyle: { font: 'PTSansLatin', fontSize: 11 },
  });
  return Buffer.from(await pdf.getBuffer());
}
