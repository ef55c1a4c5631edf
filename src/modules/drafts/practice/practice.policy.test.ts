import { describe, expect, it } from 'vitest';
import { anonymous, userActor } from '../../../platform/authz/index.ts';
import { practicePolicy } from './practice.policy.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const author = userActor('author', []);
const other = userActor('other', []);
const editorA = userActor('editor-a', [{ role: 'editor', orgId: A }]);
const headA = userActor('head-a', [{ role: 'head', orgId: A }]);
const editorB = userActor('editor-b', [{ role: 'editor', orgId: B }]);
const officerA = userActor('officer-a', [{ role: 'appeals_officer', orgId: A }]);
const admin = userActor('admin', [{ role: 'admin', orgId: null }]);

const fresh = { orgId: A, status: 'new', authorUserId: 'author' };
const published = { ...fresh, status: 'published' };

describe('practice policy (truth table)', () => {
  const actors = { anonymous, author, other, editorA, headA, editorB, officerA, admin };
  const table: [keyof typeof actors, boolean, boolean, boolean, boolean, boolean][] = [
    // actor        submit view-new view-published private work
    ['anonymous', false, false, true, false, false],
    ['author', true, true, true, true, false],
    ['other', true, false, true, false, false],
    ['editorA', true, true, true, true, true],
    ['headA', true, true, true, true, true],
    ['editorB', true, false, true, false, false],
    ['officerA', true, false, true, false, false],
    ['admin', true, true, true, true, true],
  ];
  for (const [name, submit, viewNew, viewPublished, priv, work] of table)
    it(name, () => {
      const a = actors[name];
      expect([
        practicePolicy.canSubmit(a),
        practicePolicy.canView(a, fresh),
        practicePolicy.canView(a, published),
        practicePolicy.canSeePrivate(a, fresh),
        practicePolicy.canWork(a, A),
      ]).toEqual([submit, viewNew, viewPublished, priv, work]);
    });
});
