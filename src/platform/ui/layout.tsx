import type { ComponentChildren } from 'preact';
import { isSignedIn, isStaff } from '../authz/index.ts';
import { Breadcrumbs, type Crumb, NotificationBanner } from './components.tsx';
import { useView } from './context.ts';
import { lowVisionClasses } from './low-vision.ts';
import { LowVisionBar } from './low-vision-bar.tsx';

export type { Crumb };

function withLang(url: string, lang: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

/** A service navigation link, marked current when the request is in its section. */
function NavItem({ href, exact, children }: { href: string; exact?: boolean; children: ComponentChildren }) {
  const { url } = useView();
  const path = new URL(url, 'http://x').pathname;
  const current = path === href;
  const active = current || (!exact && path.startsWith(`${href}/`));
  const ariaCurrent = current ? 'page' : active ? 'true' : undefined;
  return (
    <li class={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
      <a class="govuk-service-navigation__link" href={href} aria-current={ariaCurrent}>
        {active ? <strong class="govuk-service-navigation__active-fallback">{children}</strong> : children}
      </a>
    </li>
  );
}

/** The page frame: skip link, header, navigation, breadcrumbs, main, footer (GOV.UK template markup). */
/** Seconds of inactivity after which a kiosk terminal's screen resets (the server ends the session too). */
const KIOSK_IDLE_SECONDS = 300;
/** How long before the reset the warning shows. */
const KIOSK_WARN_SECONDS = 60;

/** The idle warning of a kiosk terminal: hidden markup that kiosk-idle.js shows; nothing happens without JavaScript. */
function KioskIdleWarning() {
  const { t } = useView();
  return (
    <div
      class="app-kiosk-idle"
      data-module="app-kiosk-idle"
      data-idle-seconds={KIOSK_IDLE_SECONDS}
      data-warn-seconds={KIOSK_WARN_SECONDS}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="kiosk-idle-title"
      aria-describedby="kiosk-idle-body"
      hidden
    >
      <div class="app-kiosk-idle__box">
        <h2 class="govuk-heading-l" id="kiosk-idle-title">
          {t('ui.kiosk.idle.title')}
        </h2>
        <p class="govuk-body-l" id="kiosk-idle-body">
          {t('ui.kiosk.idle.body')}
        </p>
        <button type="button" class="govuk-button app-kiosk-idle__continue">
          {t('ui.kiosk.idle.continue')}
        </button>
      </div>
    </div>
  );
}

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
  const htmlClass = ['govuk-template', ...lowVisionClasses(v.lowVision), v.kiosk ? 'kiosk' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <html lang={v.locale} class={htmlClass}>
      <head>
        <meta charset="utf-8" />
        <title>{`${title} — ${t('site.name')}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b3d6e" />
        {/* Kiosk terminals: after 5 idle minutes the screen resets. Without JavaScript a meta refresh does it;
            with it, kiosk-idle.js warns a minute before with «Продолжить» (WCAG 2.2.1). See accounts/web/kiosk.tsx. */}
        {v.kiosk && (
          <noscript>
            <meta http-equiv="refresh" content={`${KIOSK_IDLE_SECONDS};url=/kiosk/idle`} />
          </noscript>
        )}
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
          {t('ui.skipLink')}
        </a>
        <header class="govuk-template__header">
          <div class="govuk-generic-header app-header">
            <div class="govuk-generic-header__container govuk-width-container app-header__container">
              <div class="govuk-generic-header__logo">
                <a href="/" class="govuk-generic-header__homepage-link app-header__homepage-link">
                  <span class="app-header__name">{t('site.name')}</span>
                  <span class="app-header__region">{t('site.region')}</span>
                </a>
              </div>
              <div class="app-header__tools">
                <a class="app-header__link" href="/accessibility">
                  <svg
                    class="app-header__icon"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox="0 0 24 16"
                    width="24"
                    height="16"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <path
                      fill="currentColor"
                      d="M12 0C6.5 0 2.1 3.4 0 8c2.1 4.6 6.5 8 12 8s9.9-3.4 12-8c-2.1-4.6-6.5-8-12-8zm0 13.3A5.3 5.3 0 1 1 12 2.7a5.3 5.3 0 0 1 0 10.6zm0-8.3a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
                    />
                  </svg>
                  {t(v.lowVision.on ? 'ui.lowVision.headerOn' : 'ui.lowVision.header')}
                </a>
                <nav
                  class="govuk-language-navigation govuk-language-navigation--inverse"
                  aria-label={t('ui.lang.label')}
                >
                  <ul class="govuk-language-navigation__list">
                    {(['ru', 'en'] as const).map((l) => (
                      <li class="govuk-language-navigation__list-item" key={l}>
                        {l === v.locale ? (
                          <span class="govuk-language-navigation__text" aria-current="true" lang={l}>
                            {l === 'ru' ? 'Русский' : 'English'}
                          </span>
                        ) : (
                          <a
                            class="govuk-language-navigation__link"
                            href={withLang(v.url, l)}
                            rel="alternate"
                            lang={l}
                            hrefLang={l}
                          >
                            {l === 'ru' ? 'Русский' : 'English'}
                          </a>
                        )}
                      </li>
                    ))}
                  </ul>
                </nav>
              </div>
            </div>
          </div>
          <div class="govuk-service-navigation" data-module="govuk-service-navigation">
            <div class="govuk-width-container">
              <div class="govuk-service-navigation__container">
                <nav aria-label={t('ui.nav.label')} class="govuk-service-navigation__wrapper">
                  {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: GOV.UK markup; the toggle stays hidden until its script shows it */}
                  <button
                    type="button"
                    class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                    aria-controls="navigation"
                    hidden
                    aria-hidden="true"
                  >
                    {t('ui.nav.menu')}
                  </button>
                  <ul class="govuk-service-navigation__list" id="navigation">
                    <NavItem href="/" exact>
                      {t('ui.nav.home')}
                    </NavItem>
                    <NavItem href="/orgs">{t('ui.nav.orgs')}</NavItem>
                    <NavItem href="/search">{t('ui.nav.search')}</NavItem>
                    {isSignedIn(v.actor) && <NavItem href="/cabinet">{t('ui.nav.cabinet')}</NavItem>}
                    {isStaff(v.actor) && <NavItem href="/manage">{t('ui.nav.manage')}</NavItem>}
                    {!isSignedIn(v.actor) && <NavItem href="/sign-in">{t('ui.nav.signIn')}</NavItem>}
                    {isSignedIn(v.actor) && (
                      <li class="govuk-service-navigation__item app-service-navigation__item--end">
                        <form method="post" action="/sign-out" class="app-sign-out">
                          <input type="hidden" name="_csrf" value={v.csrfToken} />
                          <button type="submit" class="govuk-service-navigation__link app-link-button">
                            {t('ui.nav.signOut')}
                          </button>
                        </form>
                      </li>
                    )}
                  </ul>
                </nav>
              </div>
            </div>
          </div>
          {v.lowVision.on && <LowVisionBar />}
        </header>
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
                  {/* A kiosk terminal offers no way off the service: the API docs are for developers. */}
                  {!v.kiosk && (
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href="/api/docs">
                        {t('ui.footer.api')}
                      </a>
                    </li>
                  )}
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
        {v.kiosk && <KioskIdleWarning />}
        <script type="module" src="/assets/app.js" />
      </body>
    </html>
  );
}
