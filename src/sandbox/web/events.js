// Live updates from the server (server-sent events).
import { setStatus } from './status.js';

export function connectEvents(onEvent, onReconnect) {
  const events = new EventSource('/api/events');
  let broken = false;
  events.onmessage = (event) => {
    let data;
    try { data = JSON.parse(event.data); } catch { return; }
    onEvent(data);
  };
  events.onerror = () => {
    broken = true;
    setStatus('Koneksi ke server sandbox terputus, mencoba lagi…');
  };
  events.onopen = () => {
    if (!broken) return;
    broken = false;
    setStatus('Terhubung kembali ke server sandbox.');
    onReconnect();
  };
}
