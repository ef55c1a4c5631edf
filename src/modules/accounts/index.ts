import type { ModuleManifest } from '../manifest.ts';
import { accountsMessages } from './messages.ts';
import { accountsWeb } from './web/index.ts';

export { accountsPolicy } from './accounts.policy.ts';
export { accountsSession, SESSION_COOKIE } from './web/session-plugin.ts';

/** People, sign-in (password and OpenID Connect), sessions, roles; /cabinet and /manage. */
export const accountsModule: ModuleManifest = {
  name: 'accounts',
  messages: accountsMessages,
  web: accountsWeb,
};
