import { describe, expect, it } from 'vitest';
import { isValidOrgInn, looksLikeDemoInn } from '../inn.ts';
import { defaultSections, regionData, sectionsForLevel } from './index.ts';

const orgs = regionData.organizations;
const byKind = (k: string) => orgs.filter((o) => o.kind === k);

describe('the Kaliningrad oblast data file', () => {
  it('has one government and 22 municipal formations: 7 city okrugs and 15 municipal okrugs', () => {
    expect(byKind('government')).toHaveLength(1);
    expect(
      byKind('municipal_city_okrug')
        .map((o) => o.slug)
        .sort(),
    ).toEqual(['baltiysk', 'kaliningrad', 'ladushkin', 'mamonovo', 'pionersky', 'sovetsk', 'svetly'].sort());
    expect(byKind('municipal_okrug')).toHaveLength(15);
    expect(orgs.filter((o) => o.level === 'municipal')).toHaveLength(22);
  });

  it('puts every executive body under the government and no municipality under anyone', () => {
    const executive = orgs.filter((o) => o.level === 'executive');
    expect(executive.length).toBeGreaterThanOrEqual(20);
    for (const o of executive) expect(o.parent, o.slug).toBe('government');
    for (const o of orgs.filter((x) => x.level === 'municipal')) expect(o.parent, o.slug).toBeNull();
    expect(
      executive.every((o) => ['ministry', 'agency', 'service', 'inspection', 'committee'].includes(o.kind)),
    ).toBe(true);
  });

  it('has unique slugs and codes', () => {
    expect(new Set(orgs.map((o) => o.slug)).size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
  });

  it('marks every ИНН it does not know as a placeholder with a valid checksum, all different', () => {
    for (const o of orgs) {
      if (o.inn === null) continue;
      expect(isValidOrgInn(o.inn), o.slug).toBe(true);
      expect(o.innIsDemo, o.slug).toBe(looksLikeDemoInn(o.inn));
    }
    const inns = orgs.map((o) => o.inn).filter(Boolean);
    expect(new Set(inns).size).toBe(inns.length);
  });

  it('invents no phone numbers or e-mail addresses and names a source for every record', () => {
    for (const o of orgs) {
      expect(o.phone, o.slug).toBeNull();
      expect(o.email, o.slug).toBeNull();
      expect(o.source.length, o.slug).toBeGreaterThan(10);
    }
  });

  it('gives every organisation the ten mechanisms, plus «Открытое правительство» or «Открытый муниципалитет»', () => {
    const concepts = (level: string) => sectionsForLevel(level).map((s) => s.concept);
    const ten = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    expect(concepts('executive')).toEqual(ten);
    expect(concepts('government')).toEqual([...ten, 'V']);
    expect(concepts('municipal')).toEqual([...ten, 'VI']);
    expect(new Set(defaultSections.map((s) => s.key)).size).toBe(defaultSections.length);
    expect(new Set(defaultSections.map((s) => s.path)).size).toBe(defaultSections.length);
  });
});
