import { z } from 'zod';
import shipped from './data/competence.json' with { type: 'json' };

/*
 * The guide to the competent body (issue 10): a topic and a place propose the
 * body that decides the matter and say why. The rules are data
 * (data/competence.json), not code branches: a topic names 'municipality' (the
 * administration where the place is) or a regional body's slug.
 */

const SLUG = /^[a-z0-9-]{1,100}$/;

const competenceData = z.object({
  topics: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z_]{1,50}$/),
        ru: z.string().min(1),
        en: z.string().min(1),
        body: z.string().regex(SLUG),
        whyRu: z.string().min(1),
        whyEn: z.string().min(1),
      }),
    )
    .min(1),
  places: z.array(
    z.object({ municipality: z.string().regex(SLUG), settlements: z.array(z.string().min(1)) }),
  ),
});

export type CompetenceData = z.infer<typeof competenceData>;
export type CompetenceTopic = CompetenceData['topics'][number];

/** The shipped rules, checked once when the module loads (a broken file fails at start, not on a citizen). */
export const competence: CompetenceData = competenceData.parse(shipped);

/** «Озёрск», «озерск», « Озерск » are one place: case, ё and spaces do not matter. */
export function placeKey(name: string): string {
  return name.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

export type Proposal =
  | { kind: 'body'; slug: string; topic: CompetenceTopic; municipal: boolean }
  /** the topic is the municipality's: the place is needed to say which one */
  | { kind: 'needPlace'; topic: CompetenceTopic }
  /** a settlement that is not in the list: choose its okrug instead */
  | { kind: 'unknownSettlement'; topic: CompetenceTopic }
  | { kind: 'unknownTopic' };

/**
 * The body that decides a topic at a place: the regional body the topic names,
 * or the municipality chosen or found by its settlement.
 */
export function proposeBody(
  data: CompetenceData,
  input: { topic: string; municipality?: string | null; settlement?: string | null },
): Proposal {
  const topic = data.topics.find((t) => t.id === input.topic);
  if (!topic) return { kind: 'unknownTopic' };
  if (topic.body !== 'municipality') return { kind: 'body', slug: topic.body, topic, municipal: false };
  const chosen = input.municipality?.trim();
  if (chosen && data.places.some((p) => p.municipality === chosen))
    return { kind: 'body', slug: chosen, topic, municipal: true };
  const settlement = input.settlement ? placeKey(input.settlement) : '';
  if (!settlement) return { kind: 'needPlace', topic };
  const place = data.places.find((p) => p.settlements.some((s) => placeKey(s) === settlement));
  return place
    ? { kind: 'body', slug: place.municipality, topic, municipal: true }
    : { kind: 'unknownSettlement', topic };
}
