import type { Locale } from '../../../platform/i18n/index.ts';
import { Tag, type TagColour } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { DraftRow } from '../drafts.repository.ts';
import type { StageView } from '../periods.ts';

export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'> | undefined, locale: Locale): string {
  if (!org) return '';
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

const outcomeColour: Record<string, TagColour> = { adopted: 'green', returned: 'orange', withdrawn: 'grey' };

/** The stage a draft is at, or its outcome once decided. */
export function StageTag({ draft }: { draft: DraftRow }) {
  const { t } = useView();
  if (draft.outcome)
    return <Tag colour={outcomeColour[draft.outcome]}>{t(`drafts.outcome.${draft.outcome}`)}</Tag>;
  return (
    <Tag colour={draft.stage === 'discussion' ? 'green' : 'blue'}>{t(`drafts.stage.${draft.stage}`)}</Tag>
  );
}

/** «осталось N дней» for the open stage, if it has an end. */
export function openStage(stages: StageView[]): StageView | undefined {
  return stages.find((s) => s.state === 'open');
}
