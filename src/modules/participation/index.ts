/*
 * The participation module (issue 12): what other modules import from it.
 * Each sub-area has its own folder and manifest (discussions/ here; polls/ and
 * consult/ join the same way) so src/modules/index.ts lists them side by side.
 */

export { type ModerationMode, type Position, TOPIC } from './discussions/discussions.model.ts';
export type { DiscussionRow } from './discussions/discussions.repository.ts';
export type { DiscussionAnchor } from './discussions/discussions.tables.ts';
export { type DiscussionView, loadDiscussionView } from './discussions/get-discussion.ts';
export { discussionsModule } from './discussions/manifest.ts';
export {
  getDiscussionForObject,
  type OpenDiscussionInput,
  openDiscussion,
} from './discussions/open-discussion.ts';
export { DEMO_DISCUSSIONS, seedDemoDiscussions } from './discussions/seed-demo-discussions.ts';
export { sendModerationDigest } from './discussions/send-moderation-digest.ts';
export { DiscussionSection } from './discussions/web/discussion-section.tsx';
