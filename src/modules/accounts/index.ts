import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsApi } from './api/index.ts';
import { accountsMessages } from './messages.ts';
import { accountsWeb } from './web/index.ts';

export { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from './seed-demo-accounts.ts';
export { accountsSession, SESSION_COOKIE } from './web/session-plugin.ts';

registerManageSection({
  key: 'accounts.users',
  href: '/manage/users',
  titleKey: 'accounts.manage.users.title',
  descriptionKey: 'accounts.manage.users.description',
  order: 90,
  visible: accountsPolicy.canManageUsers,
});

export { accountsPolicy };

/** People, sign-in (password and OpenID Connect), sessions, roles; /cabinet and /manage. */
export const accountsModule: ModuleManifest = {
  name: 'accounts',
  messages: accountsMessages,
  web: accountsWeb,
  api: accountsApi,
};
