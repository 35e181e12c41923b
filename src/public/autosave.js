/**
 * Autosave for long forms (issue 18 item 4), as progressive enhancement. A form marked `data-autosave` posts its
 * words as an ordinary urlencoded form (its CSRF token included, files left out) to its own address with
 * `action=autosave`, two seconds after typing stops and when the page is hidden; the server keeps them as a draft
 * and answers `{ saved, savedAt }`. The status line (`data-autosave-status`, a polite live region) says when.
 * Without JavaScript the form's own "Save as draft" button does the same with a page load. Served from /static
 * (the Content Security Policy allows scripts from the service itself only).
 */
const DELAY_MS = 2000;

/** The form's text fields as a urlencoded body: files are never part of a draft. */
export function draftBody(form) {
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && name !== 'action') body.append(name, value);
  }
  body.set('action', 'autosave');
  return body;
}

function watch(form) {
  const status = form.querySelector('[data-autosave-status]');
  const send = form.dataset.autosaveSend ?? 'Send';
  let timer;
  let dirty = false;
  let saving = null;
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const save = async (leaving = false) => {
    clearTimeout(timer);
    if (!dirty) return;
    if (saving) await saving;
    dirty = false;
    saving = (async () => {
      try {
        // getAttribute, not form.action: the form's "Save as draft" button is named "action", and a named control
        // shadows the form's own property (form.action would be that button).
        const response = await fetch(form.getAttribute('action') ?? location.href, {
          method: 'POST',
          body: draftBody(form),
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
          keepalive: leaving,
        });
        if (response.status === 409) {
          say('This has already been sent, so the draft was not kept.');
          return;
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const answer = await response.json();
        say(`Draft saved at ${answer.savedAt}. Nothing is sent until you choose “${send}”.`);
      } catch {
        dirty = true;
        say('Your draft could not be saved just now. Choose “Save as draft” to keep your words.');
      } finally {
        saving = null;
      }
    })();
    await saving;
  };
  form.addEventListener('input', () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), DELAY_MS);
  });
  form.addEventListener('change', () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), DELAY_MS);
  });
  form.addEventListener('submit', () => {
    clearTimeout(timer);
    dirty = false;
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void save(true);
  });
}

export function initAutosave(root = document) {
  for (const form of root.querySelectorAll('form[data-autosave]')) watch(form);
}
