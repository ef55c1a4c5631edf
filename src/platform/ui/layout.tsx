import type { ComponentChildren } from 'preact';
import { isSignedIn, isStaff } from '../authz/index.ts';
import { Breadcrumbs, type Crumb, NotificationBanner } from './components.tsx';
import { useView } from './context.ts';

export type { Crumb };

function withLang(url: string, lang: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

/** The page frame: skip link, header, navigation, breadcrumbs, main, footer (GOV.UK template markup). */
export function Layout({
  title,
  children,
  breadcrumbs,
}: {
  title: string;
  children: ComponentChildren;
  breadcrumbs?: Crumb[];
}) {
  const v = useView();
  const { t } = v;
  const htmlClass = [
    'govuk-template',
    v.lowVision.on ? 'low-vision' : '',
    v.lowVision.on ? `low-vision--${v.lowVision.size}` : '',
    v.lowVision.on && !v.lowVision.images ? 'low-vision--no-images' : '',
    v.lowVision.on && v.lowVision.spacing ? 'low-vision--spacing' : '',
    v.kiosk ? 'kiosk' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const otherLang = v.locale === 'ru' ? 'en' : 'ru';
  return (
    <html lang={v.locale} class={htmlClass}>
      <head>
        <meta charset="utf-8" />
        <title>{`${title} — ${t('site.name')}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b3d6e" />
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
          {t('ui.skipLink')}
        </a>
        <header class="govuk-header" data-module="govuk-header">
          <div class="govuk-header__container govuk-width-container">
            <div class="govuk-header__logo">
              <a href="/" class="govuk-header__link govuk-header__link--homepage">
                <span class="govuk-header__logotype-text">{t('site.name')}</span>
              </a>
            </div>
            <div class="govuk-header__content">
              <span class="govuk-header__service-name">{t('site.region')}</span>
            </div>
          </div>
        </header>
        <nav
          class="govuk-service-navigation"
          aria-label={t('ui.nav.label')}
          data-module="govuk-service-navigation"
        >
          <div class="govuk-width-container">
            <div class="govuk-service-navigation__container">
              <ul class="govuk-service-navigation__list">
                <li class="govuk-service-navigation__item">
                  <a class="govuk-service-navigation__link" href="/">
                    {t('ui.nav.home')}
                  </a>
                </li>
                <li class="govuk-service-navigation__item">
                  <a class="govuk-service-navigation__link" href="/orgs">
                    {t('ui.nav.orgs')}
                  </a>
                </li>
                {isSignedIn(v.actor) && (
                  <li class="govuk-service-navigation__item">
                    <a class="govuk-service-navigation__link" href="/cabinet">
                      {t('ui.nav.cabinet')}
                    </a>
                  </li>
                )}
                {isStaff(v.actor) && (
                  <li class="govuk-service-navigation__item">
                    <a class="govuk-service-navigation__link" href="/manage">
                      {t('ui.nav.manage')}
                    </a>
                  </li>
                )}
                {!isSignedIn(v.actor) && (
                  <li class="govuk-service-navigation__item">
                    <a class="govuk-service-navigation__link" href="/sign-in">
                      {t('ui.nav.signIn')}
                    </a>
                  </li>
                )}
                <li class="govuk-service-navigation__item">
                  <a
                    class="govuk-service-navigation__link"
                    href={withLang(v.url, otherLang)}
                    lang={otherLang}
                    hrefLang={otherLang}
                  >
                    {t('ui.lang.switch')}
                  </a>
                </li>
              </ul>
              {isSignedIn(v.actor) && (
                <form method="post" action="/sign-out" class="app-sign-out">
                  <input type="hidden" name="_csrf" value={v.csrfToken} />
                  <button type="submit" class="govuk-button govuk-button--secondary app-sign-out__button">
                    {t('ui.nav.signOut')}
                  </button>
                </form>
              )}
            </div>
          </div>
        </nav>
        <div class="govuk-width-container">
          {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
          <main class="govuk-main-wrapper" id="main-content">
            {v.flash && (
              <NotificationBanner
                type={v.flash.kind === 'success' ? 'success' : 'important'}
                titleId="flash-title"
                text={v.flash.text}
              />
            )}
            {children}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 class="govuk-visually-hidden">{t('ui.footer.label')}</h2>
                <ul class="govuk-footer__inline-list">
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/api/docs">
                      {t('ui.footer.api')}
                    </a>
                  </li>
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/accessibility">
                      {t('ui.footer.accessibility')}
                    </a>
                  </li>
                </ul>
                <span class="govuk-footer__licence-description">{t('ui.footer.licence')}</span>
              </div>
            </div>
          </div>
        </footer>
        <script type="module" src="/assets/app.js" />
      </body>
    </html>
  );
}
