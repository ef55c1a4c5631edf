import type { FieldError } from '../../../../platform/errors/index.ts';
import { ErrorMessage, fieldError, Hint, Label } from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import { shippedTotk, type Totk, type TotkNode } from '../../totk.ts';

/**
 * A ТОТК question picker that needs no JavaScript: a GOV.UK select whose
 * options (the questions) are grouped by section and theme in <optgroup>s,
 * each option showing its code, so staff who know the code find it by typing.
 */
export function TopicPicker(p: {
  name: string;
  label: string;
  hint?: string | undefined;
  value?: string | undefined;
  errors?: FieldError[] | undefined;
  /** the empty first option's text; omit to require a choice */
  emptyText?: string | undefined;
  totk?: Totk;
  /** questions a search by words found: offered first, in a group of their own */
  found?: TotkNode[] | undefined;
  foundLabel?: string | undefined;
}) {
  const { t, locale } = useView();
  const totk = p.totk ?? shippedTotk();
  const error = fieldError(p.errors, p.name);
  const id = p.name;
  const describedBy = [p.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const groups = totk.questionGroups();
  /** A subquestion names its question. */
  const optionLabel = (q: TotkNode) => {
    const topic = q.level === 5 ? totk.get(q.parentCode ?? '') : undefined;
    return topic
      ? `${totk.name(topic.code, locale)}: ${totk.name(q.code, locale)}`
      : totk.name(q.code, locale);
  };
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label for={id}>{p.label}</Label>
      {p.hint && <Hint id={`${id}-hint`}>{p.hint}</Hint>}
      {error && <ErrorMessage id={`${id}-error`} message={error} />}
      <select
        class={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={p.name}
        aria-describedby={describedBy}
      >
        <option value="" selected={!p.value}>
          {p.emptyText ?? t('appeals.staff.topic.choose')}
        </option>
        {p.found && p.found.length > 0 && (
          <optgroup label={p.foundLabel ?? ''}>
            {p.found.map((q) => (
              <option key={`found-${q.code}`} value={q.code}>
                {q.code} {optionLabel(q)}
              </option>
            ))}
          </optgroup>
        )}
        {groups.map((g) => (
          <optgroup
            key={g.theme.code}
            label={`${totk.name(g.section.code, locale)} — ${totk.name(g.theme.code, locale)}`}
          >
            {g.questions.map((q) => (
              <option key={q.code} value={q.code} selected={p.value === q.code}>
                {q.code} {optionLabel(q)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
