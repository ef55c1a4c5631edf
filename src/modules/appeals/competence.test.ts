import { describe, expect, it } from 'vitest';
import orgsData from '../orgs/data/kaliningrad-orgs.json' with { type: 'json' };
import { competence, proposeBody } from './competence.ts';

const orgs = orgsData.organizations as { slug: string; level: string }[];

describe('the competence rules (data/competence.json)', () => {
  it('name only bodies the region has, and every municipality of the region has its places', () => {
    const slugs = new Set(orgs.map((o) => o.slug));
    for (const t of competence.topics) if (t.body !== 'municipality') expect(slugs, t.id).toContain(t.body);
    const municipal = orgs.filter((o) => o.level === 'municipal').map((o) => o.slug);
    expect(competence.places.map((p) => p.municipality).sort()).toEqual([...municipal].sort());
    const ids = competence.topics.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('send a village road to its okrug, found by the settlement typed in any case, with or without ё', () => {
    expect(proposeBody(competence, { topic: 'local_roads', settlement: ' низовье ' })).toMatchObject({
      kind: 'body',
      slug: 'guryevsk',
      municipal: true,
    });
    expect(proposeBody(competence, { topic: 'local_roads', settlement: 'Озерск' })).toMatchObject({
      slug: 'ozyorsk',
    });
    // a chosen okrug wins over the settlement
    expect(
      proposeBody(competence, { topic: 'yard', municipality: 'zelenogradsk', settlement: 'Низовье' }),
    ).toMatchObject({ slug: 'zelenogradsk' });
  });

  it('send a regional road to the regional ministry whatever the place', () => {
    expect(proposeBody(competence, { topic: 'regional_roads', settlement: 'Низовье' })).toMatchObject({
      kind: 'body',
      slug: 'mininfra',
      municipal: false,
    });
  });

  it('ask for the place when the municipality decides, and say when a settlement is not known', () => {
    expect(proposeBody(competence, { topic: 'schools' }).kind).toBe('needPlace');
    expect(proposeBody(competence, { topic: 'schools', municipality: 'minzdrav' }).kind).toBe('needPlace');
    expect(proposeBody(competence, { topic: 'schools', settlement: 'Атлантида' }).kind).toBe(
      'unknownSettlement',
    );
    expect(proposeBody(competence, { topic: 'nonsense' }).kind).toBe('unknownTopic');
  });
});
