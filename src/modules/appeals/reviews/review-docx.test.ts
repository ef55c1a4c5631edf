import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../platform/i18n/index.ts';
import '../public.messages.ts';
import { emptyRawFigures, publishFigures } from '../stats/figures.ts';
import { reviewDocx } from './review-docx.ts';

describe('quarterly review as DOCX', () => {
  it('is a Word document with the title, real headings, table header rows, the figures, the comment and the language', async () => {
    const figures = publishFigures({
      ...emptyRawFigures(),
      received: 42,
      answered: 30,
      answeredOnTime: 29,
      byTopic: [
        { code: '0002.0014', name: 'Здравоохранение', count: 40 },
        { code: '0005.0005', name: 'Жилище', count: 2 },
      ],
      byMonth: [{ month: '2026-07', received: 42, answered: 30 }],
    });
    const buf = await reviewDocx(
      {
        orgName: 'Министерство здравоохранения Калининградской области',
        year: 2026,
        quarter: 3,
        figures,
        comment: 'Открыт новый фельдшерский пункт.\n\nУвеличено число врачей.',
        publishedAt: null,
        url: 'https://example.test/orgs/minzdrav/appeals/reviews/2026-3',
      },
      translator('ru'),
      'ru',
    );
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const files = unzipSync(new Uint8Array(buf));
    const doc = strFromU8(files['word/document.xml'] as Uint8Array);
    const core = strFromU8(files['docProps/core.xml'] as Uint8Array);
    const styles = strFromU8(files['word/styles.xml'] as Uint8Array);
    expect(core).toContain(
      'Обзор обращений граждан, поступивших в Министерство здравоохранения Калининградской области, за III квартал 2026 года',
    );
    expect(doc).toContain('w:pStyle w:val="Heading1"');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('Поступило обращений');
    expect(doc).toContain('>42<');
    expect(doc).toContain('&lt;3');
    expect(doc).toContain('Открыт новый фельдшерский пункт.');
    expect(doc).toContain('Увеличено число врачей.');
    expect(styles).toContain('ru-RU');
  });
});
