// ALTCHA proof of work as a progressive enhancement (see src/platform/http/altcha.ts):
// every <div data-module="app-altcha"> in a form becomes the ALTCHA widget, which solves
// a challenge from the server and puts the payload in the form's hidden `altcha` field.
// Built from node_modules/altcha's CSP-friendly "external" bundle: its stylesheet and
// proof-of-work worker are separate files on our own origin (no inline styles or blob: workers).
const base = '/assets/altcha/';

export async function enhanceAltcha() {
  const holders = document.querySelectorAll('[data-module="app-altcha"]');
  if (holders.length === 0) return;
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = `${base}altcha.css`;
  document.head.append(css);
  await import(`${base}altcha.js`);
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ru';
  if (lang === 'ru') await import(`${base}ru.js`);
  for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512']) {
    globalThis.$altcha.algorithms.set(algorithm, () => new Worker(`${base}sha-worker.js`));
  }
  for (const holder of holders) {
    if (holder.querySelector('altcha-widget')) continue;
    const widget = document.createElement('altcha-widget');
    widget.setAttribute('challenge', holder.dataset.challengeUrl || '/altcha/challenge');
    widget.setAttribute('name', 'altcha');
    widget.setAttribute('language', lang);
    widget.setAttribute('auto', 'onfocus');
    widget.setAttribute(
      'configuration',
      JSON.stringify({ hideFooter: true, humanInteractionSignature: false }),
    );
    holder.append(widget);
  }
}

enhanceAltcha();
