// The "Masuk sebagai" list, and which persona the page opens with.
import { el, ui } from './dom.js';

const STORAGE_KEY = 'timkerja-sandbox-persona';

function personaText(person) {
  const base = person.unit ? `${person.name} (${person.unit})` : person.name;
  return person.featured && person.label ? `${person.label} — ${base}` : base;
}

export function fillPersonas(personas) {
  const featured = el('optgroup', { label: 'Peran demo' });
  const others = el('optgroup', { label: 'Pegawai lain' });
  for (const person of personas) {
    const option = el('option', { value: String(person.userId) }, personaText(person));
    if (person.nip) option.title = `NIP ${person.nip}`;
    (person.featured ? featured : others).append(option);
  }
  ui.persona.replaceChildren(...[featured, others].filter((group) => group.children.length));
}

/** The persona used last time, else the first featured one. */
export function initialPersona(personas) {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  if (personas.some((p) => p.userId === stored)) return stored;
  return (personas.find((p) => p.featured) ?? personas[0])?.userId ?? null;
}

export function rememberPersona(userId) {
  localStorage.setItem(STORAGE_KEY, String(userId));
}
