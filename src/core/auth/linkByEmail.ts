import { text } from '../messages';
import type { TurnContext } from '../engine/turnContext';
import { readSettings } from '../domain/instansiSettings';
import { toActor, type Actor } from './resolveActor';

/**
 * Issue 5 item 4: a chat account whose platform-verified email (Slack profile) is the email of
 * exactly one active pegawai is linked without a code, unless their instansi turned this off.
 */
export async function linkByEmail(turn: TurnContext): Promise<Actor | null> {
  const account = turn.event.meta.account;
  const email = account.email?.trim().toLowerCase();
  if (!email || !account.direct) return null;
  const matches = await turn.tx.pegawai.findMany({ where: { email, active: true }, include: { instansi: true }, take: 2 });
  // Two pegawai with one email is a data error for the admin, not a guess for the bot.
  if (matches.length !== 1) return null;
  const pegawai = matches[0]!;
  if (!readSettings(pegawai.instansi.settings).hubungkanViaEmail) return null;
  // A pegawai already linked in this workspace (by a code, to another account) is not taken over
  // by an email match: that is for the admin to sort out with a new code.
  if (await turn.tx.platformIdentity.findFirst({ where: { pegawaiId: pegawai.id, platform: account.platform, workspace: account.workspace } })) return null;
  // The account may still be held by a deactivated pegawai.
  await turn.tx.platformIdentity.deleteMany({ where: { platform: account.platform, workspace: account.workspace, accountId: account.accountId } });
  await turn.tx.platformIdentity.create({
    data: { pegawaiId: pegawai.id, platform: account.platform, workspace: account.workspace, accountId: account.accountId, chatId: account.chatId, linkedAt: turn.now },
  });
  const actor = toActor(pegawai);
  turn.adopt(actor);
  turn.audit({ action: 'identitas.hubungkanEmail', outcome: 'OK', subject: `pegawai:${pegawai.id}` });
  turn.reply(text('identitas.terhubungEmail', { nama: pegawai.name, nip: pegawai.nip, jabatan: pegawai.jabatan }));
  return actor;
}
