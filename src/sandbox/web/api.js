async function errorText(res) {
  const body = await res.text().catch(() => '');
  try {
    const json = JSON.parse(body);
    if (json && (json.error || json.message)) return String(json.error ?? json.message);
  } catch { /* fall back to the raw body */ }
  return body.trim().slice(0, 200) || `HTTP ${res.status}`;
}

export async function api(path, options = {}) {
  const res = await fetch(path, options).catch(() => { throw new Error('server sandbox tidak dapat dihubungi'); });
  if (!res.ok) throw new Error(await errorText(res));
  const type = res.headers.get('content-type') ?? '';
  return type.includes('application/json') ? res.json() : null;
}

export function postJson(body) {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) };
}
