// The consultant chat (task 3.4) as a progressive enhancement. Without this script
// the chat page is a plain form whose answer comes by e-mail. With it:
// - on /orgs/<slug>/chat, while the consultant is on duty (data-open="true"), the
//   form's hidden `via` becomes «chat», so the server answers in the conversation page;
// - on the conversation page the log asks for new messages every few seconds and
//   adds them as text (never as markup).
const POLL_MS = 4000;
const STOP_AFTER_MS = 30 * 60 * 1000;

const start = document.querySelector('[data-module="app-chat"][data-open="true"]');
const via = start?.querySelector('[data-chat-via]');
if (via) via.value = 'chat';

const holder = document.querySelector('[data-module="app-chat-log"]');
const list = holder?.querySelector('#chat-log');
if (holder?.dataset.src && list) {
  const when = new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'ru-RU', {
    timeZone: 'Europe/Kaliningrad',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const began = Date.now();
  const add = (m) => {
    if (list.querySelector(`[data-id="${CSS.escape(m.id)}"]`)) return;
    const li = document.createElement('li');
    li.className = 'govuk-!-margin-bottom-4';
    li.dataset.id = m.id;
    const head = document.createElement('p');
    head.className = 'govuk-body-s govuk-!-margin-bottom-1';
    const who = document.createElement('strong');
    who.textContent = m.who;
    head.append(who, `, ${when.format(new Date(m.at))}`);
    const body = document.createElement('p');
    body.className = 'govuk-body';
    body.textContent = m.body;
    li.append(head, body);
    list.append(li);
  };
  const poll = async () => {
    let status = 'waiting';
    try {
      const res = await fetch(holder.dataset.src, {
        headers: { accept: 'application/json' },
        cache: 'no-store',
      });
      if (res.ok) {
        const data = await res.json();
        status = data.status;
        for (const m of data.messages) add(m);
      }
    } catch {
      // offline for a moment: try again on the next tick
    }
    if (status !== 'closed' && Date.now() - began < STOP_AFTER_MS) setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}
