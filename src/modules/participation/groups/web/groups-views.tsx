import { isSignedIn } from '../../../../platform/authz/index.ts';
import { formatDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Form,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import { FollowLinks } from '../../../search/index.ts';
import type { ConsultationRow } from '../../consult/consult.repository.ts';
import { orgName, Paragraphs } from '../../consult/web/common.tsx';
import { consultationPath, windowText } from '../../consult/web/consultation-views.tsx';
import type { GroupRow, MemberRow, RatingRow, RatingSummary, ReferralRow } from '../groups.repository.ts';
import { periodLabel } from '../period.ts';

type Values = Record<string, string>;

export const groupPath = (slug: string, id: string) => `/orgs/${slug}/groups/${id}`;

function SummaryTable({ summaries, caption }: { summaries: RatingSummary[]; caption: string }) {
  const { t, locale } = useView();
  if (summaries.length === 0) return <p class="govuk-body">{t('groups.summary.none')}</p>;
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[
        { text: t('groups.summary.period') },
        { text: t('groups.summary.channels'), numeric: true },
        { text: t('groups.summary.work'), numeric: true },
        { text: t('groups.summary.n'), numeric: true },
      ]}
      rows={summaries.map((s) => [
        periodLabel(s.period, locale),
        { content: s.channels.toFixed(1), numeric: true },
        { content: s.work.toFixed(1), numeric: true },
        { content: String(s.n), numeric: true },
      ])}
    />
  );
}

function Referrals({ referrals }: { referrals: ReferralRow[] }) {
  const { t, locale } = useView();
  if (referrals.length === 0) return null;
  return (
    <ul class="govuk-list">
      {referrals.map((r) => (
        <li key={r.id}>
          {t('groups.referred', {
            date: formatDate(r.referredAt, locale),
            period: periodLabel(r.period, locale),
          })}
          {r.note && ` — ${r.note}`}
        </li>
      ))}
    </ul>
  );
}

/** /orgs/<slug>/groups: the body's reference groups and what their members say (tasks 2.1, 2.5). */
export function OrgGroupsView({
  org,
  groups,
  summaries,
  referrals,
}: {
  org: OrgRow;
  groups: (GroupRow & { members: number })[];
  summaries: RatingSummary[];
  referrals: ReferralRow[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('groups.title')}</h1>
      <p class="govuk-body-l">{t('groups.lead')}</p>
      {groups.length === 0 && <p class="govuk-body">{t('groups.none')}</p>}
      {groups.map((g) => (
        <section key={g.id} class="govuk-!-margin-bottom-8" aria-labelledby={`g-${g.id}`}>
          <h2 class="govuk-heading-l" id={`g-${g.id}`}>
            <a class="govuk-link" href={groupPath(org.slug, g.id)}>
              {g.name}
            </a>
          </h2>
          <Paragraphs text={g.who} />
          <p class="govuk-body-s">{t('groups.members', { n: g.members })}</p>
          <SummaryTable
            summaries={summaries.filter((s) => s.groupId === g.id)}
            caption={t('groups.summary.caption', { name: g.name })}
          />
          <Referrals referrals={referrals.filter((r) => r.groupId === g.id)} />
        </section>
      ))}
    </>
  );
}

const SCORES = ['1', '2', '3', '4', '5'];

/** /orgs/<slug>/groups/<id>: the group, joining, and the member's rating for this quarter. */
export function GroupView({
  org,
  group,
  member,
  rating,
  period,
  summaries,
  referrals,
  values,
  errors,
}: {
  org: OrgRow;
  group: GroupRow;
  member: MemberRow | undefined;
  rating: RatingRow | undefined;
  period: string;
  summaries: RatingSummary[];
  referrals: ReferralRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale, actor, url } = useView();
  const path = groupPath(org.slug, group.id);
  const scoreItems = SCORES.map((s) => ({ value: s, text: t(`groups.rate.score.${s}`) }));
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{group.name}</h1>
      <FollowLinks kind="group" id={group.id} />
      <h2 class="govuk-heading-m">{t('groups.who')}</h2>
      <Paragraphs text={group.who} />
      <h2 class="govuk-heading-m">{t('groups.why')}</h2>
      <Paragraphs text={group.why} />
      <h2 class="govuk-heading-m">{t('groups.how')}</h2>
      <Paragraphs text={group.how} />
      <h2 class="govuk-heading-m">{t('groups.channels')}</h2>
      <Paragraphs text={group.channels} />

      <h2 class="govuk-heading-l">{t('groups.membership')}</h2>
      {!isSignedIn(actor) ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/sign-in?next=${encodeURIComponent(url)}`}>
            {t('groups.join.signIn')}
          </a>
        </p>
      ) : member && member.status !== 'rejected' ? (
        <p class="govuk-body">
          <Tag colour={member.status === 'approved' ? 'green' : 'yellow'}>
            {t(`groups.status.${member.status}`)}
          </Tag>
          {member.organisation && ` ${t('groups.join.for', { organisation: member.organisation })}`}
        </p>
      ) : (
        <Form action={`${path}/join`}>
          {member?.status === 'rejected' && <InsetText>{t('groups.join.rejected')}</InsetText>}
          <p class="govuk-body">{t(group.needsApproval ? 'groups.join.checked' : 'groups.join.open')}</p>
          <TextInput
            name="organisation"
            label={t('groups.join.organisation')}
            hint={t('groups.join.organisationHint')}
            value={values.organisation}
            errors={errors}
          />
          <Button>{t('groups.join.button')}</Button>
        </Form>
      )}

      {member?.status === 'approved' && (
        <>
          <h2 class="govuk-heading-l">{t('groups.rate.title', { period: periodLabel(period, locale) })}</h2>
          {rating && (
            <InsetText>{t('groups.rate.done', { channels: rating.channels, work: rating.work })}</InsetText>
          )}
          <Form action={`${path}/rate`}>
            <Radios
              name="channels"
              legend={t('groups.rate.channelsLegend')}
              legendSize="s"
              hint={t('groups.rate.scaleHint')}
              value={values.channels ?? (rating ? String(rating.channels) : undefined)}
              errors={errors}
              items={scoreItems}
              small
            />
            <Radios
              name="work"
              legend={t('groups.rate.workLegend')}
              legendSize="s"
              hint={t('groups.rate.scaleHint')}
              value={values.work ?? (rating ? String(rating.work) : undefined)}
              errors={errors}
              items={scoreItems}
              small
            />
            <Textarea
              name="comment"
              label={t('groups.rate.comment')}
              value={values.comment ?? rating?.comment ?? ''}
              errors={errors}
              rows={3}
            />
            <Button>{t(rating ? 'groups.rate.change' : 'groups.rate.send')}</Button>
          </Form>
        </>
      )}

      <h2 class="govuk-heading-l">{t('groups.summary.title')}</h2>
      <SummaryTable summaries={summaries} caption={t('groups.summary.caption', { name: group.name })} />
      <Referrals referrals={referrals} />
    </>
  );
}

/** /manage/groups */
export function ManageGroupsView({
  groups,
  orgs,
}: {
  groups: (GroupRow & { members: number; pending: number })[];
  orgs: Map<string, OrgRow>;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('groups.manage.title')}</h1>
      <p class="govuk-body">{t('groups.manage.lead')}</p>
      <Button href="/manage/groups/new">{t('groups.manage.new')}</Button>
      {groups.length === 0 ? (
        <p class="govuk-body">{t('groups.none')}</p>
      ) : (
        <Table
          caption={t('groups.manage.title')}
          captionSize="s"
          head={[
            { text: t('groups.manage.name') },
            { text: t('groups.manage.org') },
            { text: t('groups.manage.members'), numeric: true },
            { text: t('groups.manage.pending'), numeric: true },
          ]}
          rows={groups.map((g) => [
            <a class="govuk-link" href={`/manage/groups/${g.id}`} key="n">
              {g.name}
            </a>,
            orgs.get(g.orgId) ? orgName(orgs.get(g.orgId) as OrgRow, locale) : '',
            { content: String(g.members), numeric: true },
            { content: String(g.pending), numeric: true },
          ])}
        />
      )}
    </>
  );
}

function GroupFields({ values, errors }: { values: Values; errors: FieldError[] }) {
  const { t } = useView();
  return (
    <>
      <TextInput name="name" label={t('groups.form.name')} value={values.name} errors={errors} />
      <Textarea name="who" label={t('groups.who')} value={values.who} errors={errors} rows={3} />
      <Textarea name="why" label={t('groups.why')} value={values.why} errors={errors} rows={3} />
      <Textarea name="how" label={t('groups.how')} value={values.how} errors={errors} rows={3} />
      <Textarea
        name="channels"
        label={t('groups.channels')}
        hint={t('groups.form.channelsHint')}
        value={values.channels}
        errors={errors}
        rows={3}
      />
      <Checkboxes
        name="needsApproval"
        legend={t('groups.form.approval')}
        legendSize="s"
        values={values.needsApproval === 'yes' || values.needsApproval === 'true' ? ['yes'] : []}
        errors={errors}
        items={[{ value: 'yes', text: t('groups.form.approvalYes') }]}
      />
    </>
  );
}

/** /manage/groups/new */
export function NewGroupView({
  orgs,
  values,
  errors,
}: {
  orgs: OrgRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('groups.manage.new')}</h1>
      <Form action="/manage/groups/new">
        <Select
          name="orgId"
          label={t('groups.manage.org')}
          value={values.orgId}
          errors={errors}
          items={[{ value: '', text: '' }, ...orgs.map((o) => ({ value: o.id, text: orgName(o, locale) }))]}
        />
        <GroupFields values={values} errors={errors} />
        <Button>{t('consult.form.save')}</Button>
      </Form>
    </>
  );
}

export type NamedMember = MemberRow & { name: string };

/** /manage/groups/<id>: edit, members (waiting first), the period's summary and comments, pass to the council. */
export function ManageGroupView({
  org,
  group,
  members,
  summaries,
  comments,
  referrals,
  period,
  values,
  errors,
}: {
  org: OrgRow | undefined;
  group: GroupRow;
  members: NamedMember[];
  summaries: RatingSummary[];
  comments: string[];
  referrals: ReferralRow[];
  period: string;
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      {org && <span class="govuk-caption-l">{orgName(org, locale)}</span>}
      <h1 class="govuk-heading-xl">{group.name}</h1>
      {org && (
        <p class="govuk-body">
          <a class="govuk-link" href={groupPath(org.slug, group.id)}>
            {t('groups.manage.public')}
          </a>
        </p>
      )}
      <h2 class="govuk-heading-l">{t('groups.manage.members')}</h2>
      {members.length === 0 ? (
        <p class="govuk-body">{t('groups.manage.noMembers')}</p>
      ) : (
        <Table
          caption={t('groups.manage.members')}
          captionSize="s"
          head={[
            { text: t('groups.manage.person') },
            { text: t('groups.join.organisation') },
            { text: t('groups.manage.status') },
          ]}
          rows={members.map((m) => [
            m.name,
            m.organisation ?? '',
            m.status === 'pending' ? (
              <Form action={`/manage/groups/${group.id}/members/${m.id}`} key="d">
                <Button name="decision" value="approved" classes="govuk-!-margin-bottom-1">
                  {t('groups.manage.approve')}
                  <span class="govuk-visually-hidden"> {m.name}</span>
                </Button>{' '}
                <Button
                  name="decision"
                  value="rejected"
                  variant="secondary"
                  classes="govuk-!-margin-bottom-1"
                >
                  {t('groups.manage.reject')}
                  <span class="govuk-visually-hidden"> {m.name}</span>
                </Button>
              </Form>
            ) : (
              <Tag key="s" colour={m.status === 'approved' ? 'green' : 'grey'}>
                {t(`groups.status.${m.status}`)}
              </Tag>
            ),
          ])}
        />
      )}
      <h2 class="govuk-heading-l">{t('groups.summary.title')}</h2>
      <SummaryTable summaries={summaries} caption={t('groups.summary.caption', { name: group.name })} />
      {comments.length > 0 && (
        <>
          <h3 class="govuk-heading-s">
            {t('groups.manage.comments', { period: periodLabel(period, locale) })}
          </h3>
          <ul class="govuk-list govuk-list--bullet">
            {comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <h2 class="govuk-heading-l">{t('groups.refer.title')}</h2>
      <p class="govuk-body">{t('groups.refer.lead', { period: periodLabel(period, locale) })}</p>
      <Referrals referrals={referrals} />
      <Form action={`/manage/groups/${group.id}/refer`}>
        <Textarea name="note" label={t('groups.refer.note')} value={values.note} errors={errors} rows={3} />
        <Button variant="secondary">{t('groups.refer.button')}</Button>
      </Form>
      <h2 class="govuk-heading-l">{t('groups.manage.edit')}</h2>
      <Form action={`/manage/groups/${group.id}`}>
        <input type="hidden" name="orgId" value={group.orgId} />
        <GroupFields values={values} errors={errors} />
        <Button>{t('consult.form.save')}</Button>
      </Form>
    </>
  );
}

/** /cabinet/groups: the person's groups and «для вашей группы»: the bodies' consultations first. */
export function CabinetGroupsView({
  groups,
  orgs,
  upcoming,
  polls,
}: {
  groups: { member: { status: string; organisation: string | null }; group: GroupRow }[];
  orgs: Map<string, OrgRow>;
  upcoming: ConsultationRow[];
  polls: { id: string; question: string; orgId: string }[];
}) {
  const { t, locale } = useView();
  const approvedOrgs = [
    ...new Set(groups.filter((g) => g.member.status === 'approved').map((g) => g.group.orgId)),
  ];
  return (
    <>
      <h1 class="govuk-heading-xl">{t('groups.cabinet.title')}</h1>
      {groups.length === 0 ? (
        <p class="govuk-body">{t('groups.cabinet.none')}</p>
      ) : (
        <SummaryList
          rows={groups.map(({ member, group }) => {
            const org = orgs.get(group.orgId);
            return {
              key: org ? orgName(org, locale) : '',
              value: (
                <>
                  {org ? (
                    <a class="govuk-link" href={groupPath(org.slug, group.id)}>
                      {group.name}
                    </a>
                  ) : (
                    group.name
                  )}{' '}
                  <Tag colour={member.status === 'approved' ? 'green' : 'yellow'}>
                    {t(`groups.status.${member.status}`)}
                  </Tag>
                </>
              ),
            };
          })}
        />
      )}
      {approvedOrgs.length > 0 && (
        <section aria-labelledby="for-your-group">
          <h2 class="govuk-heading-l" id="for-your-group">
            {t('groups.cabinet.forYou')}
          </h2>
          {upcoming.length === 0 ? (
            <p class="govuk-body">{t('groups.cabinet.noConsultations')}</p>
          ) : (
            <ul class="govuk-list">
              {upcoming.map((c) => (
                <li key={c.id}>
                  <a class="govuk-link" href={consultationPath(c)}>
                    {c.topic}
                  </a>{' '}
                  — {windowText(c, locale)}
                  {orgs.get(c.orgId) && `, ${orgName(orgs.get(c.orgId) as OrgRow, locale)}`}
                </li>
              ))}
            </ul>
          )}
          {polls.length > 0 && (
            <>
              <h3 class="govuk-heading-s">{t('groups.cabinet.polls')}</h3>
              <ul class="govuk-list">
                {polls.map((p) => (
                  <li key={p.id}>
                    <a class="govuk-link" href={`/polls/${p.id}`}>
                      {p.question}
                    </a>
                    {orgs.get(p.orgId) && `, ${orgName(orgs.get(p.orgId) as OrgRow, locale)}`}
                  </li>
                ))}
              </ul>
            </>
          )}
          <ul class="govuk-list">
            {approvedOrgs.map((id) =>
              orgs.get(id) ? (
                <li key={id}>
                  <a class="govuk-link" href={`/orgs/${(orgs.get(id) as OrgRow).slug}`}>
                    {t('groups.cabinet.orgAll', { org: orgName(orgs.get(id) as OrgRow, locale) })}
                  </a>
                </li>
              ) : null,
            )}
          </ul>
        </section>
      )}
    </>
  );
}
