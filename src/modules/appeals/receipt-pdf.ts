import { fontRuns, renderPdf } from '../../platform/pdf/index.ts';

/* The receipt of a registered appeal as PDF (issue 10), in the platform's PT Sans (platform/pdf). */

export type ReceiptData = {
  title: string;
  /** label → value, in order */
  rows: [string, string][];
  /** paragraphs after the table: what happens next */
  notes: string[];
  footer: string;
};

/** The receipt: a title, the appeal's details as a table, what happens next. */
export async function buildReceiptPdf(data: ReceiptData): Promise<Buffer> {
  return renderPdf({
    info: { title: data.title },
    content: [
      { text: fontRuns(data.title, true), fontSize: 16, margin: [0, 0, 0, 16] },
      {
        table: {
          widths: [170, '*'],
          body: data.rows.map(([k, v]) => [{ text: fontRuns(k, true) }, { text: fontRuns(v) }]),
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 16],
      },
      ...data.notes.map((n) => ({ text: fontRuns(n), margin: [0, 0, 0, 8] })),
      { text: fontRuns(data.footer), fontSize: 9, margin: [0, 16, 0, 0] },
    ],
  });
}
