// The conversation list (#chat, a polite live log): keeps it in step with the server's messages.
import { ui } from './dom.js';
import { renderMessage } from './render.js';
import { noteEdited } from './status.js';

const shownJson = new WeakMap(); // <li> -> JSON of the message rendered in it
let lastJson = '';
let replacing = false;
let busyToken = 0;
let actions = { press() {}, photoLoaded };

export function initChat({ press }) {
  actions = { press, photoLoaded };
}

const scrollToBottom = () => { ui.chat.scrollTop = ui.chat.scrollHeight; };

function photoLoaded(img) {
  if (ui.chat.lastElementChild?.contains(img)) scrollToBottom();
}

/** Empties the list; the next render brings in the whole history at once. */
export function resetChat() {
  lastJson = '';
  replacing = true;
  ui.chat.replaceChildren();
}

export function showMessages(messages) {
  const json = JSON.stringify(messages);
  if (json === lastJson) return;
  lastJson = json;
  const whole = replacing;
  replacing = false;
  if (whole) markBusy();
  const lastId = ui.chat.lastElementChild?.dataset.messageId;
  const edited = update(messages, whole);
  setKeyboardsEnabled(ui.chat, true);
  if (ui.chat.lastElementChild?.dataset.messageId !== lastId) scrollToBottom();
  if (edited) noteEdited();
}

// Messages are matched by id, so an unchanged message keeps its <li> (no flicker, no re-reading)
// and an edit replaces only its own. Replacements and a whole loaded history get aria-live="off":
// the log then reads out only messages that are really new.
function update(messages, quiet) {
  const ids = new Set(messages.map((message) => String(message.id)));
  for (const li of [...ui.chat.children]) if (!ids.has(li.dataset.messageId)) li.remove();
  const shown = new Map([...ui.chat.children].map((li) => [li.dataset.messageId, li]));
  let cursor = ui.chat.firstElementChild;
  let edited = false;
  for (const message of messages) {
    const key = JSON.stringify(message);
    let li = shown.get(String(message.id));
    if (!li || shownJson.get(li) !== key) {
      const fresh = renderMessage(message, actions);
      shownJson.set(fresh, key);
      if (li || quiet) fresh.setAttribute('aria-live', 'off');
      if (li) {
        edited = true;
        if (li === cursor) cursor = fresh;
        li.replaceWith(fresh);
      }
      li = fresh;
    }
    if (li === cursor) cursor = cursor.nextElementSibling;
    else ui.chat.insertBefore(li, cursor);
  }
  return edited;
}

// Screen readers wait while the log is busy; it stays busy until the accessibility tree has
// caught up (a frame or two), or the swapped-in history would be read out in full.
function markBusy() {
  const token = ++busyToken;
  ui.chat.setAttribute('aria-busy', 'true');
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (token === busyToken) ui.chat.removeAttribute('aria-busy');
  }));
}

export function setKeyboardsEnabled(root, enabled) {
  for (const button of root.querySelectorAll('button.key[data-pressed]')) {
    button.disabled = !enabled;
    if (enabled) delete button.dataset.pressed;
  }
}

/** Locks the buttons of one inline keyboard while its press is sent. */
export function lockKeyboard(keyboard) {
  for (const button of keyboard.querySelectorAll('button.key:not(:disabled)')) {
    button.dataset.pressed = '';
    button.disabled = true;
  }
}
