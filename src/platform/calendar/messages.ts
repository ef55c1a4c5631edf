import { defineMessages } from '../i18n/index.ts';

/** Texts of the production-calendar administration (/manage/calendar). */
export const calendarMessages = defineMessages({
  ru: {
    'calendar.manage.title': 'Производственный календарь',
    'calendar.manage.description':
      'Переносы выходных дней по годам: по постановлению Правительства или предварительно по ТК РФ',
    'calendar.lead':
      'Сроки рассмотрения обращений считаются в рабочих днях этого календаря. Год без данных постановления считается по статье 112 ТК РФ, и его сроки помечаются как предварительные, пока администратор не введёт или не подтвердит переносы.',
    'calendar.year': 'Год',
    'calendar.source': 'Источник',
    'calendar.offDays': 'Нерабочих дней',
    'calendar.source.shipped': 'Постановление (данные в поставке)',
    'calendar.source.entered': 'Введено администратором',
    'calendar.source.statutory': 'Предварительно: по ст. 112 ТК',
    'calendar.edit': 'Ввести переносы',
    'calendar.editYear': 'Переносы {year} года',
    'calendar.editLead':
      'Для каждого месяца перечислите через запятую дни, которые не являются обычными рабочими: выходные, праздники и перенесённые выходные. Сокращённый предпраздничный рабочий день отметьте звёздочкой, например 30*.',
    'calendar.prefilled':
      'Поля заполнены по статье 112 ТК РФ. Сверьте их с постановлением Правительства о переносе выходных дней и сохраните.',
    'calendar.month': 'Месяц {month}',
    'calendar.sourceNote': 'Реквизиты постановления',
    'calendar.sourceNoteHint': 'Например: Постановление Правительства РФ от 04.10.2026 № 1500',
    'calendar.save': 'Сохранить и пересчитать сроки',
    'calendar.saved': 'Календарь {year} года сохранён. Пересчитано сроков: {count}.',
    'calendar.provisional': 'предварительно',
    'calendar.days.invalid':
      'Перечислите числа месяца через запятую; сокращённый день отметьте звёздочкой, например 30*',
    'calendar.days.outOfMonth': 'В этом месяце нет такого числа — проверьте список',
    'calendar.sourceNote.required': 'Укажите реквизиты постановления или «проверено по ТК РФ»',
    'calendar.year.invalid': 'Год должен быть от 1999 до 2100',
  },
  en: {
    'calendar.manage.title': 'Production calendar',
    'calendar.manage.description':
      'Days off by year: by government decree or provisionally by the Labour Code',
    'calendar.lead':
      'Appeal deadlines are counted in working days of this calendar. A year without decree data follows art. 112 of the Labour Code, and its deadlines are marked provisional until an administrator enters or confirms the transfers.',
    'calendar.year': 'Year',
    'calendar.source': 'Source',
    'calendar.offDays': 'Days off',
    'calendar.source.shipped': 'Decree (shipped data)',
    'calendar.source.entered': 'Entered by an administrator',
    'calendar.source.statutory': 'Provisional: Labour Code art. 112',
    'calendar.edit': 'Enter the transfers',
    'calendar.editYear': 'Days off in {year}',
    'calendar.editLead':
      'For each month list, separated by commas, the days that are not ordinary working days: weekends, holidays and moved days off. Mark a shortened pre-holiday working day with a star, e.g. 30*.',
    'calendar.prefilled':
      'The fields are filled by art. 112 of the Labour Code. Check them against the government decree on moving days off and save.',
    'calendar.month': 'Month {month}',
    'calendar.sourceNote': 'The decree',
    'calendar.sourceNoteHint': 'For example: Government decree of 04.10.2026 No. 1500',
    'calendar.save': 'Save and recompute deadlines',
    'calendar.saved': 'The calendar of {year} is saved. Deadlines recomputed: {count}.',
    'calendar.provisional': 'provisional',
    'calendar.days.invalid':
      'List days of the month separated by commas; mark a shortened day with a star, e.g. 30*',
    'calendar.days.outOfMonth': 'This month has no such day: check the list',
    'calendar.sourceNote.required': 'Give the decree, or «checked against the Labour Code»',
    'calendar.year.invalid': 'The year must be from 1999 to 2100',
  },
});
