// Sandbox timkerja: this page plays the Telegram client for the local bot. Wiring and state.
import { api, postJson } from './api.js';
import { initChat, lockKeyboard, resetChat, setKeyboardsEnabled, showMessages } from './chat.js';
import { initClock, showClock } from './clock.js';
import { focusComposer, initComposer } from './composer.js';
import { ui } from './dom.js';
import { connectEvents } from './events.js';
import { fillPersonas, initialPersona, rememberPersona } from './personas.js';
import { clearStatus, setStatus, showNotice } from './status.js';
import { setTimeZone } from './time.js';

let current = null; // userId of the persona on screen
let loading = false;
let loadAgain = false;

// Events that arrive while a load is running are merged into one more load.
async function loadChat() {
  if (loading) { loadAgain = true; return; }
  loading = true;
  do { loadAgain = false; await fetchChat(); } while (loadAgain);
  loading = false;
}

async function fetchChat() {
  const userId = current;
  if (userId === null) return;
  try {
    const { messages } = await api(`/api/chats/${userId}`);
    if (userId === current) showMessages(messages ?? []);
  } catch (error) {
    setStatus(`Gagal memuat percakapan: ${error.message}`);
  }
}

async function selectPersona(userId) {
  current = userId;
  rememberPersona(userId);
  resetChat();
  clearStatus();
  try {
    await api(`/api/personas/${userId}/open`, postJson({}));
  } catch (error) {
    setStatus(`Gagal membuka percakapan: ${error.message}`);
  }
  if (userId !== current) return;
  await loadChat();
  // Only on first load: a keyboard user stepping through personas with the arrow keys keeps focus
  // on the list (Chrome fires 'change' on every step of a closed select).
  const focused = document.activeElement;
  if (!focused || focused === document.body) focusComposer();
}

async function press(messageId, data, keyboard) {
  lockKeyboard(keyboard);
  focusComposer();
  try {
    await api(`/api/chats/${current}/press`, postJson({ messageId, data }));
  } catch (error) {
    setKeyboardsEnabled(keyboard, true);
    setStatus(`Gagal mengirim: ${error.message}`);
  }
}

function handleEvent(data) {
  const mine = Number(data.userId) === current;
  if (data.type === 'chat' && mine) loadChat();
  else if (data.type === 'notice' && mine) {
    showNotice(data.text);
    setKeyboardsEnabled(ui.chat, true);
  } else if (data.type === 'clock') showClock(data.now);
}

async function init() {
  initChat({ press });
  initComposer(() => current);
  initClock();
  ui.persona.addEventListener('change', () => selectPersona(Number(ui.persona.value)));

  let state;
  try {
    state = await api('/api/state');
  } catch (error) {
    setStatus(`Gagal memuat sandbox: ${error.message}`);
    return;
  }
  setTimeZone(state.clock.timeZone);
  ui.botName.textContent = state.botName;
  document.title = `Sandbox ${state.botName}`;
  showClock(state.clock.now);
  fillPersonas(state.personas);
  connectEvents(handleEvent, loadChat);
  const userId = initialPersona(state.personas);
  if (userId === null) return setStatus('Belum ada pegawai di data demo.');
  ui.persona.value = String(userId);
  await selectPersona(userId);
}

init();
