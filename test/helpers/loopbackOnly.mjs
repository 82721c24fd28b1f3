// Preloaded into the bot process by the sandbox tests (node --import): any connection or name
// lookup beyond 127.0.0.1 is refused and reported on stderr as NETWORK_ESCAPE.
import dns from 'node:dns';
import net from 'node:net';

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', undefined]);
const escape = (what) => {
  process.stderr.write(`NETWORK_ESCAPE ${what}\n`);
  return new Error(`network access beyond 127.0.0.1 refused: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : typeof args[0] === 'object' ? args[0] : { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined };
  if (options?.path === undefined && !LOCAL.has(options?.host)) throw escape(options?.host);
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (!LOCAL.has(hostname)) throw escape(hostname);
  return lookup.call(this, hostname, ...rest);
};
