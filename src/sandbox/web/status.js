// The status line (#status, a live region that is not atomic, so only the part that changed is
// read out) has three parts: the main message (results, errors, connection), the last notice,
// and a note that a message was edited in place.
import { ui } from './dom.js';

const TOAST_MS = 8000;
let toastTimer = 0;
const pending = new Map(); // part -> token of its latest update

function refresh() {
  const parts = [ui.statusText, ui.statusNotice, ui.statusNote];
  ui.status.classList.toggle('is-empty', parts.every((part) => !part.textContent));
}

function write(part, text) {
  const token = (pending.get(part) ?? 0) + 1;
  pending.set(part, token);
  const show = () => {
    if (pending.get(part) !== token) return;
    part.textContent = text;
    refresh();
  };
  if (!text || part.textContent !== text) return show();
  // The same text again would not count as a change: empty the part for a frame first.
  part.textContent = '';
  requestAnimationFrame(() => requestAnimationFrame(show));
}

export function setStatus(text) {
  write(ui.statusText, text);
}

/** Clears an earlier failure once something has worked again. */
export function clearFailure() {
  if (ui.statusText.textContent.startsWith('Gagal')) setStatus('');
}

export function clearStatus() {
  for (const part of [ui.statusText, ui.statusNotice, ui.statusNote]) write(part, '');
}

export function noteEdited() {
  write(ui.statusNote, 'Pesan diperbarui.');
}

/** The toast is only visual and goes after a while; the status line keeps the notice and speaks it. */
export function showNotice(text) {
  clearTimeout(toastTimer);
  ui.toast.textContent = text;
  toastTimer = setTimeout(() => { ui.toast.textContent = ''; }, TOAST_MS);
  write(ui.statusNotice, text);
}
