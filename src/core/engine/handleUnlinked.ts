import { text } from '../messages';
import { t } from '../catalog/t';
import { linkIdentity } from '../auth/linkIdentity';
import { resolveActor } from '../auth/resolveActor';
import { resendWaitingCards } from '../domain/pengajuan/notifyStep';
import { resendOffers } from '../domain/pengajuan/resendOffers';
import { resendLintasCards } from '../domain/lintasInstansi/resendLintasCards';
import { resendUnitRequestCards } from '../domain/permintaan/unitRequestCard';
import type { TurnOutcome } from './dispatchEvent';
import type { TurnContext } from './turnContext';

/** Before linking, nobody can act: only `/start <kode>` (Slack: `hubungkan <kode>`) does anything. */
export async function handleUnlinked(turn: TurnContext): Promise<TurnOutcome> {
  const event = turn.event;
  const idle = { flowId: 'core', step: null };
  // Opening the home tab is not a message: no reply, or every visit would leave one in the chat.
  if (event.kind === 'home') return idle;
  if (event.kind !== 'command' || (event.command !== 'start' && event.command !== 'hubungkan')) {
    turn.reply(text('identitas.belumTerhubung'));
    if (event.kind === 'button') turn.notice = t('id', 'identitas.belumTerhubung');
    return idle;
  }
  const code = event.args.trim();
  // Link codes are personal: never spend one in a group where others can read it.
  if (!event.meta.account.direct) {
    turn.reply(text('identitas.hanyaPribadi'));
    return idle;
  }
  if (!code) {
    turn.reply(text('identitas.mintaKode'));
    return idle;
  }
  const outcome = await linkIdentity(turn.tx, code, event.meta.account, turn.now, (entry) => turn.rawAudit(entry));
  if (outcome.status === 'invalid') {
    turn.reply(text('identitas.kodeTidakValid'));
    return idle;
  }
  const { name, nip, jabatan } = outcome.pegawai;
  turn.reply(text('identitas.terhubung', { nama: name, nip, jabatan }));
  if (outcome.replacedAccount) turn.reply(text('identitas.akunLainTerhubung', { platform: event.meta.account.platform }));
  // Cards queued before the first link went nowhere; with another account already linked they arrived there.
  const actor = await resolveActor(turn.tx, event.meta.account);
  const firstAccount = actor && !outcome.replacedAccount && (await turn.tx.platformIdentity.count({ where: { pegawaiId: actor.id } })) === 1;
  if (actor && firstAccount) {
    turn.adopt(actor);
    const waiting = (await resendWaitingCards(turn)) + (await resendUnitRequestCards(turn)) + (await resendLintasCards(turn));
    if (waiting > 0) turn.reply(text('identitas.adaPermohonanMenunggu', { jumlah: waiting }));
    const offers = await resendOffers(turn);
    if (offers > 0) turn.reply(text('identitas.adaPenugasanMenunggu', { jumlah: offers }));
  }
  return idle;
}
