import { Document, Packer, Paragraph, TextRun } from 'docx';

/**
 * A DOCX whose paragraphs are the given lines, as a drafter's Word file has
 * them: the demo drafts and the tests upload it through the real form.
 */
export async function docxOfLines(lines: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: lines.map(
          (l) => new Paragraph({ children: [new TextRun({ text: l, bold: /^Статья\s/.test(l) })] }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
