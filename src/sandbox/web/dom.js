const $ = (id) => document.getElementById(id);

export const ui = {
  botName: $('bot-name'), persona: $('persona'), clock: $('clock'), advance: $('advance'),
  status: $('status'), statusText: $('status-text'), statusNotice: $('status-notice'), statusNote: $('status-note'),
  chat: $('chat'), toast: $('toast'),
  composer: $('composer'), message: $('message'), file: $('file'),
};

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}
