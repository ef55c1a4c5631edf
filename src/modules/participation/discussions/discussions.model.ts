/** The single TypeScript source of the discussion engine's enumerations. */

export const positions = ['for', 'against', 'neutral'] as const;
export type Position = (typeof positions)[number];

export const moderationModes = ['pre', 'post'] as const;
export type ModerationMode = (typeof moderationModes)[number];

export const commentStatuses = ['published', 'pending', 'hidden'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/** The owner type of a discussion staff open on its own (not attached to another module's object). */
export const TOPIC = 'topic';

/** Above this spam score a comment waits for a moderator even under post-moderation. */
export const SPAM_HOLD_SCORE = 3;

/** Comments a person may post in RATE_WINDOW_MS, and from one address. */
export const RATE_PER_PERSON = 10;
export const RATE_PER_ADDRESS = 30;
export const RATE_WINDOW_MS = 10 * 60_000;

/** The region's offset: Europe/Kaliningrad keeps UTC+2 all year (no daylight saving since 2014). */
const REGION_OFFSET = '+02:00';

/** The start of a civil day (YYYY-MM-DD) in the region. */
export function startOfRegionDay(iso: string): Date {
  return new Date(`${iso}T00:00:00${REGION_OFFSET}`);
}

/** The last moment of a civil day (YYYY-MM-DD) in the region. */
export function endOfRegionDay(iso: string): Date {
  return new Date(`${iso}T23:59:59.999${REGION_OFFSET}`);
}
