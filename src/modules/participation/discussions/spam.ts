/** The simple signals that make up a comment's spam score; a score at SPAM_HOLD_SCORE or above holds it for review. */
export type SpamFacts = {
  text: string;
  /** the author's comments in the last hour, any discussion */
  recentComments: number;
  /** of those, how many had the same text */
  sameText: number;
  /** the author's account age in hours */
  accountAgeHours: number;
};

const LINK = /(https?:\/\/|www\.)\S+/gi;

/** A score and the names of the signals that raised it (kept on the comment for the moderator). */
export function spamScore(f: SpamFacts): { score: number; signals: string[] } {
  const signals: string[] = [];
  let score = 0;
  const links = f.text.match(LINK)?.length ?? 0;
  if (links > 0) {
    score += links >= 3 ? 3 : 1;
    signals.push('links');
  }
  if (f.sameText > 0) {
    score += 3;
    signals.push('repetition');
  }
  if (f.recentComments >= 5) {
    score += 2;
    signals.push('rate');
  }
  if (f.accountAgeHours < 24) {
    score += 1;
    signals.push('newAccount');
  }
  return { score, signals };
}
