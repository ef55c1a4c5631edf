// Kiosk terminals (task 8.4, WCAG 2.2.1 Timing Adjustable): a minute before the
// idle reset, show the warning with «Продолжить»; continuing keeps the server
// session alive (GET /kiosk/alive) and starts the count again. Without this
// script the page's <noscript> meta refresh resets the screen instead.
const box = document.querySelector('[data-module="app-kiosk-idle"]');
if (box) {
  const idleMs = Number(box.dataset.idleSeconds) * 1000;
  const warnMs = Number(box.dataset.warnSeconds) * 1000;
  const button = box.querySelector('button');
  let lastActive = Date.now();
  let lastPing = Date.now();
  let returnFocus = null;

  const ping = () => {
    lastPing = Date.now();
    fetch('/kiosk/alive', { credentials: 'same-origin', cache: 'no-store' }).catch(() => {});
  };
  const show = () => {
    if (!box.hidden) return;
    returnFocus = document.activeElement;
    box.hidden = false;
    button.focus();
  };
  const hide = () => {
    box.hidden = true;
    if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus();
  };
  const activity = () => {
    if (!box.hidden) return; // only «Продолжить» dismisses the warning
    lastActive = Date.now();
    // typing without requests must not let the server end the session under the visitor
    if (Date.now() - lastPing > 60_000) ping();
  };

  button.addEventListener('click', () => {
    lastActive = Date.now();
    ping();
    hide();
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') {
      e.preventDefault(); // the warning's one control keeps the focus while it is open
      button.focus();
    }
  });
  for (const type of ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart']) {
    document.addEventListener(type, activity, { passive: true, capture: true });
  }
  const tick = setInterval(() => {
    const idle = Date.now() - lastActive;
    if (idle >= idleMs) {
      // once: a second assign while the first is loading would abort it and request the page again
      clearInterval(tick);
      window.location.assign('/kiosk/idle');
    } else if (idle >= idleMs - warnMs) show();
  }, 1000);
}
