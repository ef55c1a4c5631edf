import type { ModuleManifest } from '../manifest.ts';
import { draftsMessages } from './messages.ts';

/**
 * Rule-making in the open (tasks 9.1, 9.2, 9.5, 7.5, 1.4): each body's
 * legislative plan in plain language, and the public discussion of draft
 * regulations clause by clause with the summary of proposals. The
 * anti-corruption expertise (expertise/) and law-enforcement practice
 * (practice/) live in their own folders of this module.
 */
export const draftsModule: ModuleManifest = {
  name: 'drafts',
  messages: draftsMessages,
};
