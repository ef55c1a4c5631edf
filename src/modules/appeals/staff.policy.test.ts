import { describe, expect, it } from 'vitest';
import { anonymous, type OrgRole, type RoleGrant, userActor } from '../../platform/authz/index.ts';
import { staffPolicy } from './staff.policy.ts';

const ORG = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const as = (grants: RoleGrant[]) => userActor('00000000-0000-4000-8000-000000000001', grants);
const role = (r: OrgRole, orgId = ORG) => as([{ role: r, orgId }]);

const people = {
  anonymous,
  citizen: as([]),
  officer: role('appeals_officer'),
  signer: role('appeals_signer'),
  head: role('head'),
  anticorruption: role('anti_corruption_officer'),
  editor: role('editor'),
  officerElsewhere: role('appeals_officer', OTHER),
  headElsewhere: role('head', OTHER),
  projectOffice: as([{ role: 'project_office', orgId: null }]),
  admin: as([{ role: 'admin', orgId: null }]),
} as const;
type Who = keyof typeof people;

const appeal = (status: string, type = 'appeal') => ({ orgId: ORG, type, status });

function table(check: (who: Who) => boolean): Who[] {
  return (Object.keys(people) as Who[]).filter(check);
}

describe('appeals staff policy: truth tables', () => {
  it('reads an appeal or an information request: the body’s officers, signers, head; administrators', () => {
    for (const type of ['appeal', 'info_request'])
      expect(table((w) => staffPolicy.canRead(people[w], appeal('in_review', type)))).toEqual([
        'officer',
        'signer',
        'head',
        'admin',
      ]);
  });

  it('reads a corruption report: only the body’s anti-corruption officer, not an administrator by default', () => {
    expect(table((w) => staffPolicy.canRead(people[w], appeal('in_review', 'corruption_report')))).toEqual([
      'anticorruption',
    ]);
    const grantedAdmin = as([
      { role: 'admin', orgId: null },
      { role: 'anti_corruption_officer', orgId: ORG },
    ]);
    expect(staffPolicy.canRead(grantedAdmin, appeal('in_review', 'corruption_report'))).toBe(true);
  });

  it('opens the queue: anyone who handles appeals or corruption reports somewhere', () => {
    expect(table((w) => staffPolicy.canOpenQueue(people[w]))).toEqual([
      'officer',
      'signer',
      'head',
      'anticorruption',
      'officerElsewhere',
      'headElsewhere',
      'admin',
    ]);
  });

  it('extends: the head only, while the appeal is open; a corruption report: its anti-corruption officer', () => {
    expect(table((w) => staffPolicy.canExtend(people[w], appeal('in_review'))).sort()).toEqual([
      'admin',
      'head',
    ]);
    for (const s of ['sent', 'forwarded', 'left_without_answer', 'closed'])
      expect(table((w) => staffPolicy.canExtend(people[w], appeal(s)))).toEqual([]);
    // the head does not see corruption reports: the body's anti-corruption officer extends them;
    // an administrator without the grant cannot
    expect(table((w) => staffPolicy.canExtend(people[w], appeal('in_review', 'corruption_report')))).toEqual([
      'anticorruption',
    ]);
    expect(table((w) => staffPolicy.canExtend(people[w], appeal('sent', 'corruption_report')))).toEqual([]);
  });

  it('signs and sends an answer: the head or an authorised official; drafts: every worker', () => {
    expect(table((w) => staffPolicy.canAnswer(people[w], appeal('registered')))).toEqual([
      'signer',
      'head',
      'admin',
    ]);
    expect(table((w) => staffPolicy.canDraftAnswer(people[w], appeal('extended')))).toEqual([
      'officer',
      'signer',
      'head',
      'admin',
    ]);
    expect(table((w) => staffPolicy.canAnswer(people[w], appeal('sent')))).toEqual([]);
  });

  it('leaves without answer: every worker, but ending the correspondence is the head’s decision', () => {
    expect(
      table((w) => staffPolicy.canLeaveWithoutAnswer(people[w], appeal('in_review'), 'unreadable')),
    ).toEqual(['officer', 'signer', 'head', 'admin']);
    expect(
      table((w) => staffPolicy.canLeaveWithoutAnswer(people[w], appeal('in_review'), 'repeated_no_new_args')),
    ).toEqual(['head', 'admin']);
  });

  it('forwards and assigns while open; classifies until forwarded', () => {
    const workers = ['officer', 'signer', 'head', 'admin'];
    for (const s of ['registered', 'in_review', 'extended']) {
      expect(table((w) => staffPolicy.canForward(people[w], appeal(s)))).toEqual(workers);
      expect(table((w) => staffPolicy.canAssign(people[w], appeal(s)))).toEqual(workers);
    }
    expect(table((w) => staffPolicy.canForward(people[w], appeal('sent')))).toEqual([]);
    expect(table((w) => staffPolicy.canClassify(people[w], appeal('sent')))).toEqual(workers);
    expect(table((w) => staffPolicy.canClassify(people[w], appeal('forwarded')))).toEqual([]);
  });

  it('builds the monthly report of a body: its workers and administrators', () => {
    expect(table((w) => staffPolicy.canReport(people[w], ORG))).toEqual([
      'officer',
      'signer',
      'head',
      'admin',
    ]);
  });
});
