// The sandbox clock and the button that moves it to the next scheduled job.
import { api, postJson } from './api.js';
import { ui } from './dom.js';
import { setStatus } from './status.js';
import { formatDate, LONG_DATE } from './time.js';

export function initClock() {
  ui.advance.addEventListener('click', advanceClock);
}

export function showClock(iso) {
  ui.clock.dateTime = iso;
  ui.clock.textContent = formatDate(iso, LONG_DATE);
}

// aria-disabled rather than the disabled property: a disabled button would drop keyboard focus.
async function advanceClock() {
  if (ui.advance.getAttribute('aria-disabled') === 'true') return;
  ui.advance.setAttribute('aria-disabled', 'true');
  try {
    const result = await api('/api/clock/advance', postJson({}));
    showClock(result.now);
    setStatus(`${result.what} — jam sandbox sekarang ${formatDate(result.now, LONG_DATE)}`);
  } catch (error) {
    setStatus(`Gagal memajukan jam: ${error.message}`);
  } finally {
    ui.advance.removeAttribute('aria-disabled');
  }
}
