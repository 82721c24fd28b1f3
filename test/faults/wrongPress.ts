import { t, type CatalogKey } from '../../src/core/catalog/t';
import type { StoredMessage } from '../fakes/fakeTelegram';
import type { CardButton, ChatDriver } from './chatDriver';
import { changedTables, workflowSnapshot, type SnapshotScope } from './workflowSnapshot';
import type { Person } from './wrongPeopleOrganisation';

/** What one press did, measured the same way for a wrong person and for the addressee (the control). */
export interface PressMeasure {
  presser: Person;
  /** Who the presser is to the step: 'unrelated', 'colleague', … or 'addressee'. */
  role: string;
  button: CardButton;
  notice: string;
  /** The catalogue key of the REFUSED audit row this press appended, if it appended one. */
  refusalKey: string | null;
  /** The notice on the button is the audited refusal's text. */
  noticeIsRefusal: boolean;
  /** The press's only outbox row is one reply to the presser, with the refusal's text. */
  chatToldRefusal: boolean;
  /** Outbox rows of this press to anyone but the presser. */
  rowsToOthers: number;
  /** Tables of the instansi that differ after the press (its own reply set aside). */
  changed: string[];
  /** The reply's outbox id, to confirm at the end that it reached the presser's chat. */
  replyRowId: string | null;
}

/**
 * Presses `button` as `presser` on `onMessage` (a message in the presser's own chat: the same
 * callback_data the addressee got, replayed) and measures the refusal, the audit row and the
 * instansi's rows before and after.
 */
export async function measurePress(
  driver: ChatDriver, scope: SnapshotScope, presser: Person, role: string, onMessage: StoredMessage, button: CardButton,
): Promise<PressMeasure> {
  const db = driver.db;
  const refusals = { actorId: presser.pegawaiId, action: `tombol:${button.data}`, outcome: 'REFUSED' };
  const auditedBefore = await db.auditLog.count({ where: refusals });
  const before = await workflowSnapshot(db, scope);
  const { eventKey, notice } = await driver.press(presser, onMessage, button.data);
  const after = await workflowSnapshot(db, scope);
  const audited = await db.auditLog.findMany({ where: refusals, orderBy: { id: 'asc' } });
  const row = audited.length === auditedBefore + 1 ? audited.at(-1)! : null;
  const refusalKey = row ? (JSON.parse(row.details) as { catalogKey?: string }).catalogKey ?? '?' : null;
  const refusalText = refusalKey ? t('id', refusalKey as CatalogKey, { rule: row?.rule ?? '' }) : null;
  const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `${eventKey}#` } } });
  const toPresser = rows.filter((r) => r.pegawaiId === presser.pegawaiId && JSON.parse(r.address).chatId === String(presser.tg.id));
  const replyText = toPresser.length === 1 ? (JSON.parse(toPresser[0]!.payload) as { text?: string }).text : undefined;
  return {
    presser, role, button, notice, refusalKey,
    noticeIsRefusal: refusalText !== null && notice === refusalText,
    chatToldRefusal: rows.length === 1 && refusalText !== null && replyText === refusalText,
    rowsToOthers: rows.length - toPresser.length,
    changed: changedTables(before, after, eventKey),
    replyRowId: toPresser.length === 1 ? toPresser[0]!.id : null,
  };
}

export const wasRefused = (m: PressMeasure): boolean =>
  m.refusalKey !== null && m.noticeIsRefusal && m.chatToldRefusal && m.rowsToOthers === 0 && m.changed.length === 0;

/** One line saying what went wrong with a press that should have been refused. */
export function describeLeak(m: PressMeasure): string {
  const what = [
    m.refusalKey === null ? 'no REFUSED audit row' : '',
    m.noticeIsRefusal ? '' : `button answered "${m.notice}"`,
    m.chatToldRefusal ? '' : 'no refusal message in the chat',
    m.rowsToOthers > 0 ? `${m.rowsToOthers} message(s) to others` : '',
    m.changed.length > 0 ? `changed: ${m.changed.join(', ')}` : '',
  ].filter(Boolean);
  return `"${m.button.label}" (${m.button.action}) pressed by ${m.role} ${m.presser.name}: ${what.join('; ')}`;
}

/** Waits until every refusal reply went out, and checks each reached its presser's chat with its text. */
export async function undeliveredRefusals(driver: ChatDriver, measured: PressMeasure[], timeoutMs = 60_000): Promise<string[]> {
  const presses = measured.filter(wasRefused);
  const ids = presses.flatMap((m) => (m.replyRowId ? [m.replyRowId] : []));
  const deadline = Date.now() + timeoutMs;
  while ((await driver.db.outboxMessage.count({ where: { id: { in: ids }, status: 'PENDING' } })) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const rows = new Map((await driver.db.outboxMessage.findMany({ where: { id: { in: ids } } })).map((row) => [row.id, row]));
  return presses.flatMap((m) => {
    const row = rows.get(m.replyRowId!);
    const sent = row?.sentRef ? (JSON.parse(row.sentRef) as { messageId?: number }) : {};
    const shown = driver.tg.messagesTo(m.presser.tg.id).find((message) => message.message_id === sent.messageId);
    const expected = row ? (JSON.parse(row.payload) as { text?: string }).text : undefined;
    return shown && shown.text === expected ? [] : [`refusal to ${m.presser.name} (${m.button.label}) not shown in their chat (${row?.status ?? 'no row'})`];
  });
}
