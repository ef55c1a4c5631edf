import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * A small PDF with the given paragraphs, in Roboto (Cyrillic included), made
 * with pdfmake for the demo content: the attachment whose text search finds.
 */
export async function makeDemoPdf(title: string, paragraphs: string[]): Promise<Buffer> {
  const pdfmake = require('pdfmake') as {
    setFonts(f: unknown): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (p: string) => boolean): void;
    createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
  };
  const fontsDir = path.join(
    path.dirname(require.resolve('pdfmake/package.json')),
    'build',
    'fonts',
    'Roboto',
  );
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontsDir));
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(fontsDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontsDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontsDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontsDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  const doc = pdfmake.createPdf({
    info: { title },
    content: [
      { text: title, fontSize: 14, bold: true, margin: [0, 0, 0, 12] },
      ...paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 8] })),
    ],
    defaultStyle: { font: 'Roboto', fontSize: 11 },
  });
  return Buffer.from(await doc.getBuffer());
}
