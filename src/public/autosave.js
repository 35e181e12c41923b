/**
 * Autosave for long forms (issue 18 item 4), as progressive enhancement: a form marked `data-autosave` posts its
 * words (never its files) with `action=autosave` two seconds after the user stops typing and when the page is
 * hidden; the server keeps them as a draft and answers with the time. Without JavaScript the form's own "Save as
 * draft" button does the same with a page load. The status line is a polite live region.
 */
const DELAY_MS = 2000;

function watch(form) {
  const status = form.querySelector('[data-autosave-status]');
  let timer;
  let dirty = false;
  let saving = false;
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const save = async () => {
    if (!dirty || saving) return;
    dirty = false;
    saving = true;
    const data = new FormData(form);
    for (const input of form.querySelectorAll('input[type="file"]')) data.delete(input.name);
    data.set('action', 'autosave');
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: data,
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const answer = await response.json();
      say(
        `Draft saved at ${answer.savedAt}. Nothing is sent until you choose “${form.dataset.autosaveSend}”.`,
      );
    } catch {
      dirty = true;
      say(
        'Your draft could not be saved just now. It will be tried again as you type, or choose “Save as draft”.',
      );
    } finally {
      saving = false;
    }
  };
  form.addEventListener('input', () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  form.addEventListener('submit', () => clearTimeout(timer));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void save();
  });
}

export function initAutosave(root = document) {
  for (const form of root.querySelectorAll('form[data-autosave]')) watch(form);
}
