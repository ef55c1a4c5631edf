import { describe, expect, it } from 'vitest';
import { blocksOfHtml, blocksOfText, splitUnits } from './text-units.ts';

describe('splitUnits', () => {
  it('splits a law into articles, parts, points, subpoints and paragraphs', () => {
    const units = splitUnits(
      blocksOfText(`ЗАКОН КАЛИНИНГРАДСКОЙ ОБЛАСТИ
О поддержке добровольчества
Статья 1. Предмет регулирования
Настоящий Закон регулирует отношения.
Статья 2. Меры поддержки
1. Поддержка оказывается в формах:
1) информационной;
2) финансовой:
а) субсидии;
б) гранты.
Абзац после подпунктов.
2. Порядок устанавливает Правительство.`),
    );
    expect(units.map((u) => [u.key, u.kind, u.label])).toEqual([
      ['abz-1', 'paragraph', 'абзац 1'],
      ['abz-2', 'paragraph', 'абзац 2'],
      ['st-1', 'article', 'Статья 1'],
      ['st-1-abz-2', 'paragraph', 'абзац 2 статьи 1'],
      ['st-2', 'article', 'Статья 2'],
      ['st-2-ch-1', 'part', 'часть 1 статьи 2'],
      ['st-2-ch-1-p-1', 'point', 'пункт 1 части 1 статьи 2'],
      ['st-2-ch-1-p-2', 'point', 'пункт 2 части 1 статьи 2'],
      ['st-2-ch-1-p-2-pp-a', 'subpoint', 'подпункт «а» пункта 2 части 1 статьи 2'],
      ['st-2-ch-1-p-2-pp-b', 'subpoint', 'подпункт «б» пункта 2 части 1 статьи 2'],
      ['st-2-ch-1-p-2-pp-b-abz-2', 'paragraph', 'абзац 2 подпункта «б» пункта 2 части 1 статьи 2'],
      ['st-2-ch-2', 'part', 'часть 2 статьи 2'],
    ]);
    expect(units.find((u) => u.key === 'st-2-ch-1-p-2-pp-a')?.parentKey).toBe('st-2-ch-1-p-2');
  });

  it('reads a resolution without articles as points and subpoints', () => {
    const units = splitUnits([
      '1. Утвердить порядок.',
      '1.1. Первое.',
      '2) второе;',
      'а) подробно.',
      'Текст.',
    ]);
    expect(units.map((u) => u.key)).toEqual(['p-1', 'p-1-1', 'p-1-1-pp-2', 'p-1-1-pp-a', 'p-1-1-pp-a-abz-2']);
  });

  it('keeps keys unique when numbering repeats', () => {
    const units = splitUnits(['1. Один.', '1. Снова один.']);
    expect(units.map((u) => u.key)).toEqual(['p-1', 'p-1-2']);
  });

  it('reads blocks from HTML paragraphs, headings and list items', () => {
    expect(
      blocksOfHtml('<h1>Статья 1</h1><p>Текст &amp; <strong>жирный</strong></p><ul><li>пункт</li></ul>'),
    ).toEqual(['Статья 1', 'Текст & жирный', 'пункт']);
  });
});
