import type { Tx } from '../../db/tx';
import type { Platform } from '../events';
import type { Address } from '../ports';
import type { Button, CoreMessage, OutboundMessage, RenderedButton } from '../messages';
import { t } from '../catalog/t';
import { issueToken } from '../engine/buttonTokens';

export type Recipient =
  | { kind: 'address'; platform: Platform; address: Address; locale: string; pegawaiId?: string }
  | { kind: 'pegawai'; pegawaiId: string };

export interface PendingSend {
  id: string;
  idempotencyKey: string;
  to: Recipient;
  message: CoreMessage;
}

export interface TokenContext {
  flowId: string;
  /** The step the turn ended in: `step` buttons are valid only there. */
  step: string | null;
  stepTtlMs: number;
  actionTtlMs: number;
}

export const ACTION_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

let lastQueuedAt = 0;
/**
 * Real time, but strictly increasing within the process: the outbox sends a chat's messages in
 * createdAt order, and two sends of one turn often fall in the same millisecond.
 */
function queuedAt(): Date {
  lastQueuedAt = Math.max(Date.now(), lastQueuedAt + 1);
  return new Date(lastQueuedAt);
}

/** Sends that are part of a person's turn go before scheduled ones (reminders, digests). */
export const TURN_PRIORITY = 1;

/**
 * Writes each send to the outbox inside the caller's transaction (style R7): localized, with button
 * tokens issued. A pegawai with no linked chat gets an UNDELIVERABLE row, kept for the record.
 * A send whose idempotency key already exists is skipped: the same decision never sends twice.
 */
export async function enqueueSends(tx: Tx, sends: PendingSend[], tokens: TokenContext, now: Date, priority = 0): Promise<void> {
  for (const send of sends) {
    if (await tx.outboxMessage.findUnique({ where: { idempotencyKey: send.idempotencyKey } })) continue;
    const target = await resolveRecipient(tx, send);
    const recipientId = send.to.pegawaiId ?? null;
    const payload = await renderOutbound(tx, send.message, { locale: target.locale, platform: target.platform, messageId: send.id, recipientId, tokens, now });
    await tx.outboxMessage.create({
      data: {
        id: send.id, idempotencyKey: send.idempotencyKey, platform: target.platform, address: JSON.stringify(target.address),
        pegawaiId: send.to.pegawaiId ?? null, payload: JSON.stringify(payload),
        status: target.platform === 'none' ? 'UNDELIVERABLE' : 'PENDING', nextAttemptAt: now, createdAt: queuedAt(), priority,
      },
    });
  }
}

async function resolveRecipient(tx: Tx, send: PendingSend): Promise<{ platform: string; address: Address; locale: string }> {
  if (send.message.kind === 'edit') {
    const original = await tx.outboxMessage.findUnique({ where: { id: send.message.targetMessageId } });
    // An edit goes where the original went, in the language of whoever received it.
    const reader = original?.pegawaiId ? await tx.pegawai.findUnique({ where: { id: original.pegawaiId } }) : null;
    if (original) return { platform: original.platform, address: JSON.parse(original.address) as Address, locale: reader?.locale ?? 'id' };
  }
  if (send.to.kind === 'address') return { platform: send.to.platform, address: send.to.address, locale: send.to.locale };
  const pegawai = await tx.pegawai.findUnique({
    where: { id: send.to.pegawaiId },
    // An identity the platform refused for good gets no new sends until the pegawai writes again.
    include: { identities: { where: { unreachableAt: null }, orderBy: { linkedAt: 'desc' }, take: 1 } },
  });
  const identity = pegawai?.identities[0];
  if (!identity) return { platform: 'none', address: { workspace: '', chatId: '' }, locale: pegawai?.locale ?? 'id' };
  return { platform: identity.platform, address: { workspace: identity.workspace, chatId: identity.chatId }, locale: pegawai.locale };
}

type StoredPayload = OutboundMessage | { kind: 'edit'; targetMessageId: string; replacement: OutboundMessage };

interface RenderContext {
  locale: string;
  platform: string;
  messageId: string;
  /** The pegawai whose chat gets the message: the only one who may press its step buttons. */
  recipientId: string | null;
  tokens: TokenContext;
  now: Date;
}

async function renderOutbound(tx: Tx, message: CoreMessage, ctx: RenderContext): Promise<StoredPayload> {
  const { locale } = ctx;
  switch (message.kind) {
    case 'text':
      return { kind: 'text', text: t(locale, message.text.key, message.text.params) };
    case 'document':
      return {
        kind: 'document', fileName: message.fileName, mimeType: message.mimeType, contentBase64: message.contentBase64,
        caption: message.caption ? t(locale, message.caption.key, message.caption.params) : undefined,
      };
    case 'attachment': {
      const caption = message.caption ? t(locale, message.caption.key, message.caption.params) : undefined;
      // A file id is only valid on the platform that issued it.
      if (message.file.platform !== ctx.platform) return { kind: 'text', text: t(locale, 'laporan.berkasDiPlatformLain', { nama: message.file.fileName ?? '-', platform: message.file.platform }) };
      return {
        kind: 'attachment', fileId: message.file.fileId, ...(message.file.fileName ? { fileName: message.file.fileName } : {}),
        ...(message.file.mimeType ? { mimeType: message.file.mimeType } : {}), ...(caption ? { caption } : {}),
      };
    }
    case 'choice': {
      const rows: RenderedButton[][] = [];
      for (const row of message.rows) rows.push(await Promise.all(row.map((b) => renderButton(tx, b, ctx))));
      return { kind: 'choice', text: t(locale, message.text.key, message.text.params), rows };
    }
    case 'edit': {
      const replacement = await renderOutbound(tx, message.replacement, { ...ctx, messageId: message.targetMessageId });
      if (replacement.kind === 'edit') throw new Error('an edit cannot replace a message with another edit');
      return { kind: 'edit', targetMessageId: message.targetMessageId, replacement };
    }
  }
}

async function renderButton(tx: Tx, button: Button, ctx: RenderContext): Promise<RenderedButton> {
  const { tokens, now } = ctx;
  const isAction = button.scope === 'action';
  // A step button belongs to the conversation of the chat it is sent to (R4): nobody else may press it.
  const allowedIds = button.allowed ?? (isAction || !ctx.recipientId ? null : [ctx.recipientId]);
  const token = await issueToken(tx, {
    kind: isAction ? 'ACTION' : 'STEP', flowId: (isAction ? button.flowId : undefined) ?? tokens.flowId, step: isAction ? null : tokens.step,
    action: button.action, args: button.args ?? {}, allowedIds, messageId: ctx.messageId,
    expiresAt: new Date(now.getTime() + (isAction ? tokens.actionTtlMs : tokens.stepTtlMs)),
  });
  const text = t(ctx.locale, button.label.key, button.label.params);
  return {
    label: text, token, ...(button.style ? { style: button.style } : {}),
    ...(button.style === 'danger' ? { confirm: {
      title: t(ctx.locale, 'tombol.konfirmasiJudul'), text: t(ctx.locale, 'tombol.konfirmasi', { tombol: text }),
      yes: t(ctx.locale, 'tombol.ya'), no: t(ctx.locale, 'tombol.tidak'),
    } } : {}),
  };
}
