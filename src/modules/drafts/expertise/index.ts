import { hasGlobalRole } from '../../../platform/authz/index.ts';
import { registerManageSection } from '../../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../../manifest.ts';
import { expertisePolicy } from './expertise.policy.ts';
import { expertiseMessages } from './messages.ts';
import { expertiseWeb } from './web/index.tsx';

export { type DraftExpertise, getDraftExpertise } from './get-expertise.ts';
export { type PrescreenHit, prescreen, prescreenUnits } from './prescreen.ts';
export { seedDemoExpertise } from './seed-expertise.ts';
export { PrescreenBlock, UnitWithHints } from './web/pages.tsx';

registerManageSection({
  key: 'expertise',
  href: '/manage/expertise/experts',
  titleKey: 'expertise.manage.title',
  descriptionKey: 'expertise.manage.description',
  order: 46,
  visible: (a) => expertisePolicy.canKeepRegister(a) || hasGlobalRole(a, 'admin'),
});

/**
 * Anti-corruption expertise (concept 7.5), part of the drafts mechanism: its
 * own manifest, as practice/ has, so it joins the app beside the drafts module's.
 */
export const expertiseModule: ModuleManifest = {
  name: 'expertise',
  messages: expertiseMessages,
  web: expertiseWeb,
};
