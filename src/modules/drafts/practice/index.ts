import { isStaff } from '../../../platform/authz/index.ts';
import { registerManageSection } from '../../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../../manifest.ts';
import { practiceMessages } from './messages.ts';
import { practiceWeb } from './web/index.tsx';

export { getPracticeStats } from './get-practice.ts';
export { registerPracticeSection, seedDemoPractice } from './seed-practice.ts';

registerManageSection({
  key: 'practice',
  href: '/manage/practice',
  titleKey: 'practice.manage.title',
  descriptionKey: 'practice.manage.description',
  order: 45,
  visible: (a) => isStaff(a),
});

/**
 * Law-enforcement practice (concept 7.6), part of the drafts mechanism: its own
 * manifest so it joins the app beside the drafts module's (as appeals' public side does).
 */
export const practiceModule: ModuleManifest = {
  name: 'practice',
  messages: practiceMessages,
  web: practiceWeb,
};
