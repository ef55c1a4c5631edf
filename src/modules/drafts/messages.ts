import { defineMessages } from '../../platform/i18n/index.ts';

export const draftsMessages = defineMessages({
  ru: {
    'drafts.title': 'Проекты нормативных правовых актов',
    'drafts.plan.title': 'План нормотворческой деятельности',
  },
  en: {
    'drafts.title': 'Draft regulations',
    'drafts.plan.title': 'Legislative plan',
  },
});
