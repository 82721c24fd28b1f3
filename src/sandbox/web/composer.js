// The message form: text, and files with the typed text as their caption.
import { api, postJson } from './api.js';
import { ui } from './dom.js';
import { clearFailure, setStatus } from './status.js';

let currentUser = () => null;

export function initComposer(getUserId) {
  currentUser = getUserId;
  ui.composer.addEventListener('submit', sendText);
  ui.message.addEventListener('keydown', submitOnEnter);
  ui.file.addEventListener('change', sendFile);
}

export function focusComposer() {
  ui.message.focus();
}

function submitOnEnter(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
}

async function send(path, options, onDone) {
  try {
    await api(path, options);
    clearFailure();
    onDone?.();
  } catch (error) {
    setStatus(`Gagal mengirim: ${error.message}`);
  }
}

function sendText(event) {
  event.preventDefault();
  const text = ui.message.value.trim();
  const userId = currentUser();
  if (!text || userId === null) return;
  send(`/api/chats/${userId}/messages`, postJson({ text }), () => {
    if (ui.message.value.trim() === text) ui.message.value = '';
  });
  focusComposer();
}

function sendFile() {
  const file = ui.file.files?.[0];
  const userId = currentUser();
  if (!file || userId === null) return;
  const form = new FormData();
  form.append('file', file);
  const caption = ui.message.value.trim();
  if (caption) form.append('caption', caption);
  send(`/api/chats/${userId}/files`, { method: 'POST', body: form }, () => {
    if (caption && ui.message.value.trim() === caption) ui.message.value = '';
  });
  ui.file.value = '';
  focusComposer();
}
