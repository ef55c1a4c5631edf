import { registerCabinetSection } from '../../platform/ui/cabinet-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { appealsApi } from './api/index.ts';
import { appealsMessages } from './messages.ts';
import { appealsWeb } from './web/index.tsx';

export * from './appeals.model.ts';
export { appealsPolicy, submitBlocker } from './appeals.policy.ts';
export type { AppealAnswerRow, AppealEventRow, AppealRow } from './appeals.repository.ts';
export {
  ATTACHMENT_RULES,
  computeDeadlines,
  loadDeadlineSettings,
  loadIdentificationSettings,
  saveDeadlineSettings,
  saveIdentificationSettings,
} from './appeals.settings.ts';
export { formatLocalDate, statusPath, workingDaysLeft } from './format.ts';
export { seedDemoAppeals } from './seed-demo-appeals.ts';
export { submitAppeal } from './submit-appeal.ts';

registerCabinetSection({
  key: 'appeals',
  href: '/cabinet/appeals',
  titleKey: 'appeals.cabinet.title',
  descriptionKey: 'appeals.cabinet.description',
  order: 10,
});

/** Appeals (59-ФЗ), information requests (8-ФЗ) and corruption reports (7.4): the citizen's side. */
export const appealsModule: ModuleManifest = {
  name: 'appeals',
  messages: appealsMessages,
  web: appealsWeb,
  api: appealsApi,
};
