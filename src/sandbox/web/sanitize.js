// Turns the bot's Telegram-flavoured HTML into DOM nodes, keeping only Telegram's formatting tags.
import { safeLink } from './links.js';

const ALLOWED_TAGS = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'INS', 'S', 'STRIKE', 'DEL', 'CODE', 'PRE', 'A', 'BLOCKQUOTE']);

export function sanitize(html) {
  // The explicit <body> stops the parser from dropping whitespace at the start of the message.
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const fragment = document.createDocumentFragment();
  copyChildren(doc.body, fragment);
  return fragment;
}

function copyChildren(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) to.append(node.data);
    else if (node.nodeType === Node.ELEMENT_NODE) to.append(cleanElement(node));
  }
}

function cleanElement(source) {
  const href = source.tagName === 'A' ? safeLink(source.getAttribute('href')) : null;
  if (!ALLOWED_TAGS.has(source.tagName) || (source.tagName === 'A' && !href)) {
    const fragment = document.createDocumentFragment();
    copyChildren(source, fragment); // any other tag: keep only its text
    return fragment;
  }
  const out = document.createElement(source.tagName.toLowerCase());
  if (href) Object.assign(out, { href, rel: 'noopener noreferrer', target: '_blank' });
  copyChildren(source, out);
  return out;
}
