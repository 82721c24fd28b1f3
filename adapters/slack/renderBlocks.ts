import type { HomeSection, OutboundMessage, RenderedButton, RenderedForm } from '../../src/core/messages';

// Block Kit limits (api.slack.com/reference/block-kit): blocks per message and per view, text
// object lengths, and the modal's title and button texts.
export const MESSAGE_BLOCK_LIMIT = 50;
export const VIEW_BLOCK_LIMIT = 100;
export const SECTION_TEXT_LIMIT = 3000;
const BUTTON_TEXT_LIMIT = 75;
const HEADER_TEXT_LIMIT = 150;
const MODAL_TITLE_LIMIT = 24;
const LABEL_LIMIT = 2000;
const CONFIRM_TITLE_LIMIT = 100;
const CONFIRM_BUTTON_LIMIT = 30;
const INPUT_MAX_LENGTH = 3000;

export const FORM_CALLBACK_ID = 'timkerja_form';
export const FORM_ACTION_ID = 'nilai';

// Loose on purpose: the Web API takes blocks as JSON, and @slack/types' unions add nothing here.
export type Block = Record<string, unknown>;
export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows the blocks. */
  text: string;
  blocks: Block[];
}

const plain = (text: string, limit = SECTION_TEXT_LIMIT) => ({ type: 'plain_text', text: clip(text || ' ', limit), emoji: false });

/**
 * The core writes commands as `/lapor`; in Slack they are subcommands of `/timkerja`, and linking
 * is `/timkerja hubungkan <kode>`.
 */
export function rewriteCommands(text: string): string {
  return text.replace(/(^|[\s("'“‘])\/([a-z][a-z0-9_]{1,31})\b/g, (_whole, before: string, command: string) =>
    `${before}/timkerja ${command === 'start' ? 'hubungkan' : command}`);
}

/** A text or choice message as one or more Slack messages: sections of at most 3000 characters, 50 blocks each. */
export function renderMessages(message: Extract<OutboundMessage, { kind: 'text' | 'choice' }>): SlackMessage[] {
  const chunks = splitText(rewriteCommands(message.text), SECTION_TEXT_LIMIT);
  const blocks: Block[] = chunks.map((chunk) => ({ type: 'section', text: plain(chunk) }));
  if (message.kind === 'choice') {
    message.rows.forEach((row, index) => blocks.push({ type: 'actions', block_id: `baris_${index}`, elements: row.map(renderButton) }));
  }
  const messages: SlackMessage[] = [];
  for (let start = 0; start < blocks.length; start += MESSAGE_BLOCK_LIMIT) {
    const part = blocks.slice(start, start + MESSAGE_BLOCK_LIMIT);
    const texts = part.flatMap((block) => (block.type === 'section' ? [(block.text as { text: string }).text] : []));
    messages.push({ text: clip(texts.join('\n') || chunks.at(-1)!, SECTION_TEXT_LIMIT), blocks: part });
  }
  return messages;
}

function renderButton(button: RenderedButton): Block {
  return {
    type: 'button', action_id: button.token, value: button.token, text: plain(button.label, BUTTON_TEXT_LIMIT),
    ...(button.style ? { style: button.style } : {}),
    ...(button.confirm ? {
      confirm: {
        title: plain(button.confirm.title, CONFIRM_TITLE_LIMIT), text: plain(button.confirm.text, 300),
        confirm: plain(button.confirm.yes, CONFIRM_BUTTON_LIMIT), deny: plain(button.confirm.no, CONFIRM_BUTTON_LIMIT), style: 'danger',
      },
    } : {}),
  };
}

/** A file shared earlier, linked by its permalink (Slack cannot re-send another message's file). */
export function renderFileLink(caption: string | undefined, name: string, permalink: string): SlackMessage {
  const line = `<${permalink}|${escapeMrkdwn(name)}>`;
  const body = caption ? `${escapeMrkdwn(rewriteCommands(caption))}\n${line}` : line;
  return { text: caption ?? name, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(body, SECTION_TEXT_LIMIT) } }] };
}

/** A core form as a modal: one input block per field, named after it, so errors land on the field. */
export function renderModal(form: RenderedForm): Block {
  return {
    type: 'modal', callback_id: FORM_CALLBACK_ID, private_metadata: JSON.stringify({ formId: form.formId }),
    title: plain(form.title, MODAL_TITLE_LIMIT), submit: plain(form.submitLabel, MODAL_TITLE_LIMIT),
    blocks: form.fields.slice(0, VIEW_BLOCK_LIMIT).map((field) => ({
      type: 'input', block_id: field.name, optional: field.optional, label: plain(field.label, LABEL_LIMIT),
      ...(field.hint ? { hint: plain(field.hint, LABEL_LIMIT) } : {}),
      element: {
        type: 'plain_text_input', action_id: FORM_ACTION_ID, multiline: field.multiline,
        max_length: Math.min(field.maxLength ?? INPUT_MAX_LENGTH, INPUT_MAX_LENGTH),
        ...(field.initial ? { initial_value: field.initial.slice(0, INPUT_MAX_LENGTH) } : {}),
      },
    })),
  };
}

/** The App Home tab: a header, when it was drawn, then each section with its lines (or its empty note). */
export function renderHome(home: { title: string; updated: string; sections: HomeSection[] }): Block {
  const blocks: Block[] = [
    { type: 'header', text: plain(home.title, HEADER_TEXT_LIMIT) },
    { type: 'context', elements: [plain(home.updated)] },
  ];
  for (const section of home.sections) {
    blocks.push({ type: 'divider' }, { type: 'header', text: plain(section.heading, HEADER_TEXT_LIMIT) });
    const body = section.lines.length > 0 ? section.lines.map((line) => `• ${line}`).join('\n') : section.empty;
    for (const chunk of splitText(rewriteCommands(body), SECTION_TEXT_LIMIT)) blocks.push({ type: 'section', text: plain(chunk) });
  }
  return { type: 'home', blocks: blocks.slice(0, VIEW_BLOCK_LIMIT) };
}

/** Splits at line boundaries where possible; a longer line is cut between characters. */
export function splitText(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current) chunks.push(current);
    const chars = [...line];
    for (current = ''; chars.length > limit; ) chunks.push(chars.splice(0, limit).join(''));
    current = chars.join('');
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

function clip(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
