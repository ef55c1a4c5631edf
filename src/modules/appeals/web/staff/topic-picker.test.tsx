import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { anonymous } from '../../../../platform/authz/index.ts';
import { type Locale, translator } from '../../../../platform/i18n/index.ts';
import { type ViewContext, ViewCtx } from '../../../../platform/ui/context.ts';
import { lowVisionOff } from '../../../../platform/ui/low-vision.ts';
import '../../../../platform/ui/messages.ts';
import '../../staff.messages.ts';
import { TopicPicker } from './topic-picker.tsx';

function html(node: VNode, locale: Locale = 'ru'): string {
  const view: ViewContext = {
    locale,
    t: translator(locale),
    actor: anonymous,
    url: '/',
    csrfToken: 'x',
    lowVision: lowVisionOff,
    kiosk: false,
  };
  return renderToString(<ViewCtx.Provider value={view}>{node}</ViewCtx.Provider>);
}

describe('ТОТК topic picker', () => {
  it('is a labelled select with questions grouped by section and theme', () => {
    const out = html(<TopicPicker name="topic" label="Вопрос по ТОТК" />);
    expect(out).toContain('<label class="govuk-label" for="topic">Вопрос по ТОТК</label>');
    expect(out).toContain('<select class="govuk-select" id="topic" name="topic"');
    expect(out).toContain(
      '<optgroup label="Государство, общество, политика — Основы государственного управления">',
    );
    expect(out).toContain(
      '<option value="0001.0002.0027.0122">0001.0002.0027.0122 Неполучение ответа на обращение</option>',
    );
    // a subquestion names its question
    expect(out).toContain('0003.0009.0099.0742.0110 Дорожное хозяйство: Ремонт автомобильных дорог');
    // sections and themes are groups, never choices
    expect(out).not.toContain('value="0005.0005"');
    expect((out.match(/<optgroup/g) ?? []).length).toBe(3);
  });

  it('keeps the chosen value and shows the error, linked by aria-describedby', () => {
    const out = html(
      <TopicPicker
        name="topic"
        label="Вопрос"
        hint="Подсказка"
        value="0005.0005.0056.1160"
        errors={[{ field: 'topic', message: 'appeals.staff.topic.choose' }]}
      />,
    );
    expect(out).toMatch(/<option value="0005.0005.0056.1160" selected>/);
    expect(out).toContain('govuk-form-group--error');
    expect(out).toContain('aria-describedby="topic-hint topic-error"');
    expect(out).toContain('id="topic-error"');
  });

  it('shows English names in English', () => {
    const out = html(<TopicPicker name="topic" label="Question" />, 'en');
    expect(out).toContain('<optgroup label="Housing and utilities — Housing">');
    expect(out).toContain('Choose a question');
  });
});
