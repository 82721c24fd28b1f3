const LINK_PROTOCOLS = ['http:', 'https:', 'tg:'];

/** File URLs from the server: only those on this page's own origin. */
export function sameOrigin(url) {
  try { const u = new URL(url, location.href); return u.origin === location.origin ? u.href : null; } catch { return null; }
}

/** Links written by the bot: only http, https and tg. */
export function safeLink(href) {
  try { const u = new URL(href); return LINK_PROTOCOLS.includes(u.protocol) ? u.href : null; } catch { return null; }
}
