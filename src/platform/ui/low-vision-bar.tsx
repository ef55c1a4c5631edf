import { useView } from './context.ts';
import { colourSchemes, textSizes } from './low-vision.ts';

/**
 * The bar under the header while the version for the visually impaired is on:
 * each button posts one change to /accessibility and comes back to this page,
 * so it works without JavaScript. aria-pressed tells which settings are in force.
 */
export function LowVisionBar() {
  const { t, lowVision: lv, csrfToken, url } = useView();
  const button = (set: string, text: string, pressed?: boolean, cls?: string) => (
    <button
      type="submit"
      name="set"
      value={set}
      class={`app-lv-bar__button${cls ? ` ${cls}` : ''}`}
      aria-pressed={pressed === undefined ? undefined : pressed ? 'true' : 'false'}
    >
      {text}
    </button>
  );
  return (
    <div class="app-lv-bar">
      <form method="post" action="/accessibility" class="govuk-width-container app-lv-bar__form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="return" value={url} />
        <fieldset class="app-lv-bar__group">
          <legend class="app-lv-bar__label">{t('ui.lowVision.size')}</legend>
          {textSizes.map((s) =>
            button(`size:${s}`, t(`ui.lowVision.sizeShort.${s}`), lv.size === s, `app-lv-bar__button--${s}`),
          )}
        </fieldset>
        <fieldset class="app-lv-bar__group">
          <legend class="app-lv-bar__label">{t('ui.lowVision.scheme')}</legend>
          {colourSchemes.map((s) =>
            button(
              `scheme:${s}`,
              t(`ui.lowVision.schemeShort.${s}`),
              lv.scheme === s,
              `app-lv-bar__button--${s}`,
            ),
          )}
        </fieldset>
        <div class="app-lv-bar__group">
          {button(lv.images ? 'images:0' : 'images:1', t('ui.lowVision.imagesToggle'), lv.images)}
          {button(lv.spacing ? 'spacing:0' : 'spacing:1', t('ui.lowVision.spacingToggle'), lv.spacing)}
        </div>
        <div class="app-lv-bar__group">
          <a class="govuk-link app-lv-bar__link" href="/accessibility">
            {t('ui.lowVision.allSettings')}
          </a>
          {button('off', t('ui.lowVision.off'))}
        </div>
      </form>
    </div>
  );
}
