import type { Origin } from '../../../platform/audit/index.ts';
import { type Actor, type RoleGrant, userActor } from '../../../platform/authz/index.ts';
import type { Clock, Deps } from '../../../platform/deps.ts';
import { findUserByEmail } from '../../accounts/index.ts';
import { findOrganizationBySlug } from '../../orgs/index.ts';
import { TOPIC } from './discussions.model.ts';
import { hideComment } from './moderate-comment.ts';
import { getDiscussionForObject, type OpenDiscussionInput, openDiscussion } from './open-discussion.ts';
import { postComment } from './post-comment.ts';
import { publishOutcome } from './publish-outcome.ts';

const DAY = 86_400_000;

/** The demo topics by their fixed owner ids, so a second seed finds them. */
export const DEMO_DISCUSSIONS = {
  government: 'demo-gov-e-services-2027',
  minzdrav: 'demo-minzdrav-evening-hours',
  kaliningrad: 'demo-kaliningrad-embankment',
} as const;

async function person(
  deps: Pick<Deps, 'db'>,
  email: string,
  grants: RoleGrant[],
  over: Partial<Extract<Actor, { kind: 'user' }>> = {},
) {
  const u = await findUserByEmail(deps.db, email);
  return u ? userActor(u.id, grants, { displayName: u.displayName, email, ...over }) : null;
}

/**
 * SEED=demo: three standalone discussions with comments — the government's
 * (open, positions asked, an official answer, a comment hidden with its reason),
 * Минздрав's (open, pre-moderated, one comment waiting) and Калининград's
 * (closed, with the body's outcome citing comments). Needs the demo accounts.
 */
export async function seedDemoDiscussions(deps: Deps): Promise<{ discussions: number; comments: number }> {
  const gov = await findOrganizationBySlug(deps.db, 'government');
  const zdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
  const city = await findOrganizationBySlug(deps.db, 'kaliningrad');
  const kuzmin = await person(deps, 'citizen@open-region.example', []);
  const ivanova = await person(deps, 'm.ivanova@esia-demo.example', [], {
    identification: 'esia',
    identityLevel: 'verified',
  });
  const moderator = await person(deps, 'moderator@open-region.example', [{ role: 'moderator', orgId: null }]);
  const admin = await person(deps, 'admin@open-region.example', [{ role: 'admin', orgId: null }]);
  if (!gov || !zdrav || !city || !kuzmin || !ivanova || !moderator || !admin)
    return { discussions: 0, comments: 0 };
  const govEditor = await person(deps, 'editor.government@open-region.example', [
    { role: 'editor', orgId: gov.id },
  ]);
  const cityEditor = await person(deps, 'editor.kaliningrad@open-region.example', [
    { role: 'editor', orgId: city.id },
  ]);
  if (!govEditor || !cityEditor) return { discussions: 0, comments: 0 };

  const now = deps.clock.now().getTime();
  const as = (actor: Actor): Origin => ({ actor, ip: null });
  const at = (ms: number): Pick<Deps, 'db' | 'clock'> => ({
    db: deps.db,
    clock: { now: () => new Date(ms) } satisfies Clock,
  });
  let discussions = 0;
  let comments = 0;
  const comment = async (
    when: number,
    actor: Actor,
    id: string,
    text: string,
    more: {
      position?: 'for' | 'against' | 'neutral';
      showName?: boolean;
      official?: boolean;
      parentId?: string;
    } = {},
  ) => {
    comments++;
    return postComment(at(when), as(actor), {
      discussionId: id,
      text,
      anchor: undefined,
      showName: false,
      official: false,
      ...more,
    });
  };
  const topic = async (
    editor: Actor,
    objectId: string,
    input: Omit<OpenDiscussionInput, 'objectType' | 'objectId'>,
  ) => {
    if (await getDiscussionForObject(deps.db, TOPIC, objectId)) return null;
    discussions++;
    return openDiscussion(at(input.opensAt.getTime()), as(editor), { ...input, objectType: TOPIC, objectId });
  };

  const a = await topic(govEditor, DEMO_DISCUSSIONS.government, {
    orgId: gov.id,
    title: 'Какие услуги перевести в электронный вид в 2027 году',
    description:
      'Правительство Калининградской области готовит план перевода региональных услуг в электронный вид на 2027 год.\n' +
      'Расскажите, какие услуги вам было бы удобнее получать через портал Госуслуг, и почему.',
    rules:
      'Пишите об услугах регионального уровня. Предложения по федеральным услугам передадим в профильные ведомства.',
    opensAt: new Date(now - 10 * DAY),
    closesAt: new Date(now + 20 * DAY),
    positionRequired: true,
    moderation: 'post',
  });
  if (a) {
    const first = await comment(
      now - 9 * DAY,
      kuzmin,
      a.id,
      'Запись в кружки и секции для детей: сейчас нужно ходить лично.',
      { position: 'for' },
    );
    await comment(
      now - 8 * DAY,
      ivanova,
      a.id,
      'Выдачу парковочных разрешений для жителей центра — очереди по утрам.',
      {
        position: 'for',
        showName: true,
      },
    );
    await comment(
      now - 7 * DAY,
      govEditor,
      a.id,
      'Спасибо! Запись в кружки войдёт в план: сейчас готовим интеграцию с навигатором дополнительного образования.',
      {
        parentId: first.id,
        official: true,
      },
    );
    const rude = await comment(now - 6 * DAY, kuzmin, a.id, 'Купите недорого шины, звоните!', {
      position: 'neutral',
    });
    await hideComment(at(now - 5 * DAY), as(moderator), {
      discussionId: a.id,
      commentId: rude.id,
      reason: 'Реклама, не относится к теме обсуждения',
    });
  }

  const b = await topic(admin, DEMO_DISCUSSIONS.minzdrav, {
    orgId: zdrav.id,
    title: 'Вечерний приём в поликлиниках Калининграда',
    description:
      'Министерство здравоохранения предлагает продлить приём терапевтов в поликлиниках Калининграда до 20:00 по будним дням.\n' +
      'Нужен ли вам вечерний приём, и в какие дни?',
    opensAt: new Date(now - 5 * DAY),
    closesAt: new Date(now + 25 * DAY),
    moderation: 'pre',
  });
  if (b) {
    await comment(
      now - 4 * DAY,
      ivanova,
      b.id,
      'Вечерний приём нужен по понедельникам и четвергам: днём я на работе.',
      { showName: true },
    );
  }

  const c = await topic(cityEditor, DEMO_DISCUSSIONS.kaliningrad, {
    orgId: city.id,
    title: 'Благоустройство набережной Преголи у Рыбной деревни',
    description:
      'Администрация городского округа «Город Калининград» обсуждает с жителями проект благоустройства набережной: освещение, скамейки, велодорожка.',
    opensAt: new Date(now - 60 * DAY),
    closesAt: new Date(now - 20 * DAY),
    positionRequired: true,
    moderation: 'post',
  });
  if (c) {
    const x = await comment(
      now - 55 * DAY,
      kuzmin,
      c.id,
      'Нужна отдельная велодорожка, а не общая с пешеходами.',
      { position: 'for' },
    );
    const y = await comment(now - 50 * DAY, ivanova, c.id, 'Прошу добавить пандусы к причалу для колясок.', {
      position: 'for',
      showName: true,
    });
    await comment(now - 45 * DAY, kuzmin, c.id, 'Против вырубки деревьев вдоль набережной.', {
      position: 'against',
    });
    await publishOutcome(at(now - 15 * DAY), as(cityEditor), {
      discussionId: c.id,
      outcome:
        'По итогам обсуждения в проект добавлены отдельная велодорожка шириной 2,5 м и пандусы к причалу. ' +
        'Деревья вдоль набережной сохраняются: вырубка в проекте не предусматривалась.',
      comments: [x.id, y.id],
    });
  }
  return { discussions, comments };
}
