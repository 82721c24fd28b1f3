// Builds the <li> for one chat message.
import { el } from './dom.js';
import { safeLink, sameOrigin } from './links.js';
import { sanitize } from './sanitize.js';
import { formatDate } from './time.js';

/**
 * actions.press(messageId, data, keyboard): an inline keyboard button was pressed.
 * actions.photoLoaded(img): a photo finished loading (the list may need scrolling).
 */
export function renderMessage(message, actions) {
  const from = message.from === 'bot' ? 'bot' : 'user';
  const li = el('li', { className: `msg ${from}` });
  li.dataset.messageId = String(message.id);
  if (message.photo) li.append(renderPhoto(message.photo, actions));
  if (message.document) li.append(renderDocument(message.document));
  if (message.text) li.append(renderText(message.text, from));
  if (message.caption) li.append(renderText(message.caption, from));
  if (message.buttons?.length) li.append(renderKeyboard(message, actions));
  li.append(renderMeta(message));
  return li;
}

function renderText(text, from) {
  const div = el('div', { className: 'text' });
  if (from === 'bot') div.append(sanitize(text));
  else div.textContent = text;
  return div;
}

function renderPhoto(photo, actions) {
  const src = sameOrigin(photo.url);
  if (!src) return '';
  const img = el('img', { src, alt: 'Foto', className: 'photo' });
  img.addEventListener('load', () => actions.photoLoaded(img));
  return img;
}

function renderDocument(doc) {
  const href = sameOrigin(doc.url);
  if (!href) return el('p', { className: 'document' }, doc.name);
  const link = el('a', { href, className: 'document', download: doc.name }, doc.name);
  if (doc.mime) link.title = doc.mime;
  return link;
}

function renderKeyboard(message, actions) {
  const keyboard = el('div', { className: 'keyboard' });
  for (const row of message.buttons) {
    const line = el('div', { className: 'keyboard-row' });
    for (const spec of row) line.append(renderButton(message, spec, keyboard, actions));
    keyboard.append(line);
  }
  return keyboard;
}

function renderButton(message, spec, keyboard, actions) {
  const href = spec.url ? safeLink(spec.url) : null;
  if (href) {
    return el('a', { href, className: 'button key', rel: 'noopener noreferrer', target: '_blank' }, spec.text);
  }
  const button = el('button', { type: 'button', className: 'key' }, spec.text);
  if (typeof spec.data === 'string') button.addEventListener('click', () => actions.press(message.id, spec.data, keyboard));
  else button.disabled = true;
  return button;
}

function renderMeta(message) {
  const meta = el('div', { className: 'meta' });
  meta.append(el('span', { className: 'visually-hidden' }, message.from === 'bot' ? 'Dari bot, ' : 'Dari Anda, '));
  meta.append(el('time', { dateTime: message.date }, formatDate(message.date, {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  })));
  if (message.edited) meta.append(' ', el('span', { className: 'edited' }, '(diedit)'));
  return meta;
}
