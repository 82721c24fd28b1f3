// Sandbox timkerja: halaman ini berperan sebagai klien Telegram untuk bot lokal.
const $ = (id) => document.getElementById(id);
const ui = {
  botName: $('bot-name'), persona: $('persona'), clock: $('clock'), advance: $('advance'),
  status: $('status'), chat: $('chat'), toast: $('toast'),
  composer: $('composer'), message: $('message'), file: $('file'),
};
const STORAGE_KEY = 'timkerja-sandbox-persona';
const ALLOWED_TAGS = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'INS', 'S', 'STRIKE', 'DEL', 'CODE', 'PRE', 'A', 'BLOCKQUOTE']);
const LINK_PROTOCOLS = ['http:', 'https:', 'tg:'];

let timeZone = 'Asia/Jakarta';
let current = null; // userId persona yang sedang ditampilkan
const shownJson = new WeakMap(); // <li> -> JSON pesan yang dirender di dalamnya
let lastJson = '';
let toastTimer = 0;

// ---------- utilitas ----------
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function formatDate(iso, options) {
  try { return new Intl.DateTimeFormat('id-ID', { ...options, timeZone }).format(new Date(iso)); } catch { return iso; }
}

const setStatus = (text) => { ui.status.textContent = text; };

function showToast(text) {
  clearTimeout(toastTimer);
  ui.toast.textContent = text;
  toastTimer = setTimeout(() => { ui.toast.textContent = ''; }, 8000);
}

async function errorText(res) {
  const body = await res.text().catch(() => '');
  try {
    const json = JSON.parse(body);
    if (json && (json.error || json.message)) return String(json.error ?? json.message);
  } catch { /* bukan JSON */ }
  return body.trim().slice(0, 200) || `HTTP ${res.status}`;
}

async function api(path, options = {}) {
  const res = await fetch(path, options).catch(() => { throw new Error('server sandbox tidak dapat dihubungi'); });
  if (!res.ok) throw new Error(await errorText(res));
  const type = res.headers.get('content-type') ?? '';
  return type.includes('application/json') ? res.json() : null;
}

function postJson(body) {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) };
}

// URL berkas dari server: hanya yang satu origin dengan halaman ini.
function sameOrigin(url) {
  try { const u = new URL(url, location.href); return u.origin === location.origin ? u.href : null; } catch { return null; }
}

// Tautan di pesan bot: hanya http, https, tg.
function safeLink(href) {
  try { const u = new URL(href); return LINK_PROTOCOLS.includes(u.protocol) ? u.href : null; } catch { return null; }
}

// ---------- sanitasi HTML Telegram ----------
function sanitize(html) {
  // "<body>" di depan agar spasi/baris baru di awal pesan tidak dibuang parser.
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
    copyChildren(source, fragment); // tag lain: hanya teksnya
    return fragment;
  }
  const out = document.createElement(source.tagName.toLowerCase());
  if (href) Object.assign(out, { href, rel: 'noopener noreferrer', target: '_blank' });
  copyChildren(source, out);
  return out;
}

// ---------- render pesan ----------
function renderText(text, from) {
  const div = el('div', { className: 'text' });
  if (from === 'bot') div.append(sanitize(text));
  else div.textContent = text;
  return div;
}

function renderPhoto(photo) {
  const src = sameOrigin(photo.url);
  if (!src) return '';
  const img = el('img', { src, alt: 'Foto', className: 'photo' });
  img.addEventListener('load', () => {
    if (ui.chat.lastElementChild?.contains(img)) scrollToBottom();
  });
  return img;
}

function renderDocument(doc) {
  const href = sameOrigin(doc.url);
  if (!href) return el('p', { className: 'document' }, doc.name);
  const link = el('a', { href, className: 'document', download: doc.name }, doc.name);
  if (doc.mime) link.title = doc.mime;
  return link;
}

function renderKeyboard(message) {
  const keyboard = el('div', { className: 'keyboard' });
  for (const row of message.buttons) {
    const line = el('div', { className: 'keyboard-row' });
    for (const spec of row) line.append(renderButton(message, spec, keyboard));
    keyboard.append(line);
  }
  return keyboard;
}

function renderButton(message, spec, keyboard) {
  const href = spec.url ? safeLink(spec.url) : null;
  if (href) {
    return el('a', { href, className: 'button key', rel: 'noopener noreferrer', target: '_blank' }, spec.text);
  }
  const button = el('button', { type: 'button', className: 'key' }, spec.text);
  if (typeof spec.data === 'string') button.addEventListener('click', () => press(message.id, spec.data, keyboard));
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

function renderMessage(message) {
  const from = message.from === 'bot' ? 'bot' : 'user';
  const li = el('li', { className: `msg ${from}` });
  li.dataset.messageId = String(message.id);
  if (message.photo) li.append(renderPhoto(message.photo));
  if (message.document) li.append(renderDocument(message.document));
  if (message.text) li.append(renderText(message.text, from));
  if (message.caption) li.append(renderText(message.caption, from));
  if (message.buttons?.length) li.append(renderKeyboard(message));
  li.append(renderMeta(message));
  return li;
}

const scrollToBottom = () => { ui.chat.scrollTop = ui.chat.scrollHeight; };

function renderMessages(messages) {
  const json = JSON.stringify(messages);
  if (json === lastJson) return;
  lastJson = json;
  const lastId = ui.chat.lastElementChild?.dataset.messageId;
  const items = [...ui.chat.children];
  messages.forEach((message, index) => {
    const key = JSON.stringify(message);
    const existing = items[index];
    if (existing && shownJson.get(existing) === key) return; // tidak berubah: biarkan (tanpa kedip)
    const li = renderMessage(message);
    shownJson.set(li, key);
    if (existing) existing.replaceWith(li);
    else ui.chat.append(li);
  });
  items.slice(messages.length).forEach((li) => li.remove());
  setKeyboardsEnabled(ui.chat, true);
  if (ui.chat.lastElementChild?.dataset.messageId !== lastId) scrollToBottom();
  if (!document.activeElement || document.activeElement === document.body) ui.message.focus();
}

function setKeyboardsEnabled(root, enabled) {
  for (const button of root.querySelectorAll('button.key[data-pressed]')) {
    button.disabled = !enabled;
    if (enabled) delete button.dataset.pressed;
  }
}

// ---------- aksi ----------
let loading = false;
let loadAgain = false;

// Muat ulang percakapan; event yang datang saat sedang memuat digabung jadi satu muat ulang lagi.
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
    if (userId === current) renderMessages(messages ?? []);
  } catch (error) {
    setStatus(`Gagal memuat percakapan: ${error.message}`);
  }
}

async function selectPersona(userId) {
  current = userId;
  localStorage.setItem(STORAGE_KEY, String(userId));
  lastJson = '';
  ui.chat.replaceChildren();
  setStatus('');
  try {
    await api(`/api/personas/${userId}/open`, postJson({}));
  } catch (error) {
    setStatus(`Gagal membuka percakapan: ${error.message}`);
  }
  if (userId === current) await loadChat();
}

async function send(path, options, onDone) {
  try {
    await api(path, options);
    if (ui.status.textContent.startsWith('Gagal')) setStatus('');
    onDone?.();
  } catch (error) {
    setStatus(`Gagal mengirim: ${error.message}`);
  }
}

async function press(messageId, data, keyboard) {
  for (const button of keyboard.querySelectorAll('button.key:not(:disabled)')) {
    button.dataset.pressed = '';
    button.disabled = true;
  }
  ui.message.focus();
  try {
    await api(`/api/chats/${current}/press`, postJson({ messageId, data }));
  } catch (error) {
    setKeyboardsEnabled(keyboard, true);
    setStatus(`Gagal mengirim: ${error.message}`);
  }
}

function sendText(event) {
  event.preventDefault();
  const text = ui.message.value.trim();
  if (!text || current === null) return;
  send(`/api/chats/${current}/messages`, postJson({ text }), () => {
    if (ui.message.value.trim() === text) ui.message.value = '';
  });
  ui.message.focus();
}

function sendFile() {
  const file = ui.file.files?.[0];
  if (!file || current === null) return;
  const form = new FormData();
  form.append('file', file);
  const caption = ui.message.value.trim(); // teks di kotak pesan menjadi keterangan berkas
  if (caption) form.append('caption', caption);
  send(`/api/chats/${current}/files`, { method: 'POST', body: form }, () => {
    if (caption && ui.message.value.trim() === caption) ui.message.value = '';
  });
  ui.file.value = '';
  ui.message.focus();
}

async function advanceClock() {
  ui.advance.disabled = true;
  try {
    const result = await api('/api/clock/advance', postJson({}));
    showClock(result.now);
    setStatus(`${result.what} — jam sandbox sekarang ${formatDate(result.now, { dateStyle: 'full', timeStyle: 'short' })}`);
  } catch (error) {
    setStatus(`Gagal memajukan jam: ${error.message}`);
  } finally {
    ui.advance.disabled = false;
  }
}

function showClock(iso) {
  ui.clock.dateTime = iso;
  ui.clock.textContent = formatDate(iso, { dateStyle: 'full', timeStyle: 'short' });
}

// ---------- persona & event ----------
function personaText(person) {
  const base = person.unit ? `${person.name} (${person.unit})` : person.name;
  return person.featured && person.label ? `${person.label} — ${base}` : base;
}

function fillPersonas(personas) {
  const featured = el('optgroup', { label: 'Peran demo' });
  const others = el('optgroup', { label: 'Pegawai lain' });
  for (const person of personas) {
    const option = el('option', { value: String(person.userId) }, personaText(person));
    if (person.nip) option.title = `NIP ${person.nip}`;
    (person.featured ? featured : others).append(option);
  }
  ui.persona.replaceChildren(...[featured, others].filter((group) => group.children.length));
}

function initialPersona(personas) {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  if (personas.some((p) => p.userId === stored)) return stored;
  return (personas.find((p) => p.featured) ?? personas[0])?.userId ?? null;
}

function handleEvent(event) {
  let data;
  try { data = JSON.parse(event.data); } catch { return; }
  const mine = Number(data.userId) === current;
  if (data.type === 'chat' && mine) loadChat();
  else if (data.type === 'notice' && mine) {
    showToast(data.text);
    setKeyboardsEnabled(ui.chat, true);
  } else if (data.type === 'clock') showClock(data.now);
}

function connectEvents() {
  const events = new EventSource('/api/events');
  let broken = false;
  events.onmessage = handleEvent;
  events.onerror = () => {
    broken = true;
    setStatus('Koneksi ke server sandbox terputus, mencoba lagi…');
  };
  events.onopen = () => {
    if (!broken) return;
    broken = false;
    setStatus('Terhubung kembali ke server sandbox.');
    loadChat();
  };
}

async function init() {
  ui.composer.addEventListener('submit', sendText);
  ui.message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.file.addEventListener('change', sendFile);
  ui.advance.addEventListener('click', advanceClock);
  ui.persona.addEventListener('change', () => selectPersona(Number(ui.persona.value)));

  let state;
  try {
    state = await api('/api/state');
  } catch (error) {
    setStatus(`Gagal memuat sandbox: ${error.message}`);
    return;
  }
  timeZone = state.clock.timeZone || timeZone;
  ui.botName.textContent = state.botName;
  document.title = `Sandbox ${state.botName}`;
  showClock(state.clock.now);
  fillPersonas(state.personas);
  connectEvents();
  const userId = initialPersona(state.personas);
  if (userId === null) return setStatus('Belum ada pegawai di data demo.');
  ui.persona.value = String(userId);
  await selectPersona(userId);
}

init();
