import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeRichText } from './sanitize.ts';

describe('sanitizeRichText', () => {
  it('removes scripts, event handlers, styles and dangerous links', () => {
    const out = sanitizeRichText(
      '<p onclick="x()" style="color:red">Текст<script>alert(1)</script></p><a href="javascript:alert(1)">ссылка</a><iframe src="https://e.org"></iframe><img src=x onerror=alert(1)>',
    );
    expect(out).not.toMatch(/script|onclick|style=|javascript:|iframe|onerror|<img/i);
    expect(out).toContain('<p class="govuk-body">Текст</p>');
    expect(out).toContain('ссылка');
  });
  it('keeps the allow-list with GOV.UK classes', () => {
    const out = sanitizeRichText(
      '<h2>Раздел</h2><ul><li>один</li></ul><a href="https://example.ru" class="evil">есть</a>',
    );
    expect(out).toBe(
      '<h2 class="govuk-heading-m">Раздел</h2><ul class="govuk-list govuk-list--bullet"><li>один</li></ul><a href="https://example.ru" class="govuk-link">есть</a>',
    );
  });
  it('turns plain text into paragraphs, escaping markup characters', () => {
    expect(sanitizeRichText('Первый 1 < 2\n\nВторой')).toBe(
      '<p class="govuk-body">Первый 1 &lt; 2</p><p class="govuk-body">Второй</p>',
    );
  });
  it('gives plain text back for search and diffs', () => {
    expect(htmlToText('<p>Один &amp; два</p><p>Три</p>')).toBe('Один & два\nТри');
  });
});
