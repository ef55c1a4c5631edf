import type { FieldError } from '../../platform/errors/index.ts';
import type { TypedAnswer } from './monitoring.input.ts';
import { onScale } from './monitoring.model.ts';
import type { CriterionRow } from './monitoring.repository.ts';

const SCALE_RU: Record<string, string> = {
  yes_no: 'выберите «да» или «нет»',
  score_0_3: 'укажите целое число от 0 до 3',
  percent: 'укажите процент от 0 до 100',
  number: 'укажите неотрицательное число',
};

/** A link to the evidence: a page of the portal (/…) or an http(s) address. */
function isEvidenceLink(v: string): boolean {
  if (v.startsWith('/') && !v.startsWith('//')) return true;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export type ParsedAnswer = {
  criterionId: string;
  value: number | null;
  evidenceUrl: string | null;
  comment: string | null;
};

/**
 * Check typed answers against each criterion's scale: an answer outside it is
 * refused with the reason at its field (v_<id>); on submit every question
 * needs an answer; an evidence link must be a link.
 */
export function parseAnswers(
  criteria: readonly CriterionRow[],
  typed: Map<string, TypedAnswer>,
  opts: { requireAll: boolean; withEvidence: boolean },
): { answers: ParsedAnswer[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers: ParsedAnswer[] = [];
  for (const c of criteria) {
    const t = typed.get(c.id) ?? { value: '', evidenceUrl: '', comment: '' };
    let value: number | null = null;
    if (t.value === '') {
      if (opts.requireAll)
        errors.push({ field: `v_${c.id}`, message: `${c.task}: ответьте на вопрос — ${SCALE_RU[c.scale]}` });
    } else {
      const n = Number(t.value.replace(',', '.'));
      if (!onScale(c.scale, n))
        errors.push({
          field: `v_${c.id}`,
          message: `${c.task}: ответ «${t.value}» вне шкалы — ${SCALE_RU[c.scale]}`,
        });
      else value = n;
    }
    if (opts.withEvidence && t.evidenceUrl && !isEvidenceLink(t.evidenceUrl))
      errors.push({
        field: `e_${c.id}`,
        message: `${c.task}: укажите ссылку на подтверждение — адрес страницы, начинающийся с https:// или /`,
      });
    answers.push({
      criterionId: c.id,
      value,
      evidenceUrl: t.evidenceUrl ? t.evidenceUrl.slice(0, 1000) : null,
      comment: t.comment ? t.comment.slice(0, 2000) : null,
    });
  }
  return { answers, errors };
}
