import { Details, SummaryList, Tag, type TagColour, useView } from '../ui/index.ts';
import type { Clarity } from './clarity.ts';
import { segments } from './phrases.ts';
import { LONG_SENTENCE_WORDS, type ReadingBand } from './readability.ts';

const BAND_COLOUR: Record<ReadingBand, TagColour> = {
  veryEasy: 'green',
  easy: 'green',
  fairlyEasy: 'green',
  plain: 'green',
  fairlyDifficult: 'yellow',
  difficult: 'orange',
  veryDifficult: 'red',
};

/** The reading-ease score shown to people: Flesch's 0–100 scale, rounded. */
export function clarityScore(fre: number): number {
  return Math.round(Math.min(100, Math.max(0, fre)));
}

/** The public badge of a text's clarity (nothing for a text without words). */
export function ClarityBadge({ clarity }: { clarity: Clarity }) {
  const { t } = useView();
  const r = clarity.readability;
  if (!r) return null;
  const score = clarityScore(r.fleschRu);
  return (
    <p class="govuk-body-s" data-clarity-badge={r.band}>
      <Tag colour={BAND_COLOUR[r.band]}>{t('clarity.badge', { band: t(`clarity.band.${r.band}`) })}</Tag>{' '}
      <span class="govuk-!-margin-left-1">{t('clarity.badgeScore', { score })}</span>
    </p>
  );
}

/**
 * The author's report on a text: the score, the grade, long sentences and the
 * listed phrases marked in the text, each with its category and hint.
 */
export function ClarityReport({
  text,
  clarity,
  id = 'clarity',
}: {
  text: string;
  clarity: Clarity;
  id?: string;
}) {
  const { t, locale } = useView();
  const r = clarity.readability;
  const num = (n: number) =>
    n.toLocaleString(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 });
  return (
    <section class="govuk-!-margin-bottom-6" id={id} aria-labelledby={`${id}-title`}>
      <h2 class="govuk-heading-m" id={`${id}-title`}>
        {t('clarity.title')}
      </h2>
      <p class="govuk-body">{t('clarity.lead')}</p>
      {!r ? (
        <p class="govuk-body">{t('clarity.empty')}</p>
      ) : (
        <>
          <ClarityBadge clarity={clarity} />
          <SummaryList
            rows={[
              {
                key: t('clarity.score'),
                value: t('clarity.scoreValue', { score: clarityScore(r.fleschRu) }),
              },
              {
                key: t('clarity.grade'),
                value: t('clarity.gradeValue', { grade: num(Math.max(0, r.gradeLevel)) }),
              },
              {
                key: t('clarity.counts'),
                value: t('clarity.countsValue', { sentences: r.sentences, words: r.words, asl: num(r.asl) }),
              },
              {
                key: t('clarity.long', { limit: LONG_SENTENCE_WORDS }),
                value: String(r.longSentences.length),
              },
              {
                key: t('clarity.hits'),
                value: (
                  <>
                    {clarity.hits.length}
                    <br />
                    <span class="govuk-hint govuk-!-margin-bottom-0">
                      {t('clarity.edition', { edition: clarity.edition })}
                    </span>
                  </>
                ),
              },
            ]}
          />
          {clarity.hits.length > 0 && (
            <>
              <h3 class="govuk-heading-s">{t('clarity.marked')}</h3>
              <div class="govuk-inset-text" data-clarity-text>
                {paragraphs(text).map((para) => (
                  <p class="govuk-body" key={para.start}>
                    {paragraphSegments(para, clarity).map((s, j) =>
                      s.mark ? (
                        <mark key={j} title={s.mark.hint} data-hit={s.mark.category}>
                          {s.text}
                          <span class="govuk-visually-hidden">
                            {' '}
                            ({t(`clarity.category.${s.mark.category}`)})
                          </span>
                        </mark>
                      ) : (
                        s.text
                      ),
                    )}
                  </p>
                ))}
              </div>
              <ul class="govuk-list govuk-list--bullet" data-clarity-hits>
                {clarity.hits.map((h, i) => (
                  <li key={i}>
                    «{h.text}» — {t(`clarity.category.${h.category}`)}: {h.hint}
                  </li>
                ))}
              </ul>
            </>
          )}
          {r.longSentences.length > 0 && (
            <Details summary={t('clarity.longList')}>
              <ul class="govuk-list govuk-list--bullet">
                {r.longSentences.map((s) => (
                  <li key={s.start}>{s.text}</li>
                ))}
              </ul>
            </Details>
          )}
        </>
      )}
    </section>
  );
}

function paragraphs(text: string): { start: number; text: string }[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, text: m[0] }));
}

/** The marked pieces of one paragraph, with the hits' offsets moved to it. */
function paragraphSegments(para: { start: number; text: string }, clarity: Clarity) {
  const marks = clarity.hits
    .filter((h) => h.start >= para.start && h.end <= para.start + para.text.length)
    .map((h) => ({ ...h, start: h.start - para.start, end: h.end - para.start }));
  return segments(para.text, marks);
}
