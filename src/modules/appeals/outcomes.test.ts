import { describe, expect, it } from 'vitest';
import { hasMessage, translator } from '../../platform/i18n/index.ts';
import {
  onMeritsStatuses,
  questionFlags,
  questionStatuses,
  questionStatusKey,
  refusalReasons,
  refusalRules,
  withoutAnswerReasons,
  withoutAnswerRules,
} from './outcomes.ts';
import './staff.messages.ts';

const ru = translator('ru');
const en = translator('en');

describe('ССТУ statuses and the reasons of 59-ФЗ art. 11 and 8-ФЗ art. 20', () => {
  it('has the ten ССТУ statuses, each labelled in Russian as ССТУ.РФ names it and in English', () => {
    expect(questionStatuses).toHaveLength(10);
    for (const s of questionStatuses) {
      expect(hasMessage(`appeals.sstu.${s}`)).toBe(true);
      expect(en(`appeals.sstu.${s}`)).not.toBe(ru(`appeals.sstu.${s}`));
    }
    expect(ru(questionStatusKey('supported', true))).toBe('Рассмотрено. Поддержано, в т. ч. меры приняты');
    expect(ru(questionStatusKey('in_review'))).toBe('Находится на рассмотрении');
    expect(onMeritsStatuses).toEqual(['explained', 'supported', 'not_supported']);
    for (const f of questionFlags) expect(hasMessage(`appeals.sstu.flag.${f}`)).toBe(true);
  });

  it('gives every art. 11 reason a rule, a label, a hint and, when the law requires one, the notice text', () => {
    expect(withoutAnswerReasons).toHaveLength(8);
    for (const r of withoutAnswerReasons) {
      const rule = withoutAnswerRules[r];
      expect(rule.article).toMatch(/^59-ФЗ ст\. 11/);
      expect(hasMessage(`appeals.wa.${r}`)).toBe(true);
      expect(hasMessage(`appeals.wa.${r}.hint`)).toBe(true);
      expect(en(`appeals.wa.${r}`)).not.toBe(ru(`appeals.wa.${r}`));
      expect(hasMessage(`appeals.wa.notice.${r}`)).toBe(rule.notice);
      if (rule.notice) expect(ru(`appeals.wa.notice.${r}`, { number: 'X-1', link: 'L' })).toContain('X-1');
    }
    expect(withoutAnswerRules.no_name_or_address).toMatchObject({ notice: false, forwardIfCrime: true });
    expect(withoutAnswerRules.unreadable).toMatchObject({ withinDays: 7, onlyIfAddressReadable: true });
    expect(withoutAnswerRules.essence_unclear.withinDays).toBe(7);
    expect(withoutAnswerRules.repeated_no_new_args.headDecision).toBe(true);
    expect(withoutAnswerRules.answer_published_online).toMatchObject({ withinDays: 7, needsLink: true });
    expect(ru('appeals.wa.notice.answer_published_online', { number: 'A', link: 'https://x' })).toContain(
      'https://x',
    );
  });

  it('gives every 8-ФЗ art. 20 refusal a label and, except when there is no address, a notice', () => {
    expect(refusalReasons).toHaveLength(6);
    for (const r of refusalReasons) {
      expect(refusalRules[r].article).toMatch(/^8-ФЗ ст\. 20/);
      expect(hasMessage(`appeals.refusal.${r}`)).toBe(true);
      expect(hasMessage(`appeals.refusal.notice.${r}`)).toBe(refusalRules[r].notice);
    }
    expect(refusalRules.no_address.notice).toBe(false);
  });
});
