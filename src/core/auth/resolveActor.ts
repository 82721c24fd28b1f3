import type { Tx } from '../../db/tx';
import type { AccountRef } from '../events';

/** The linked pegawai behind a chat account: the only identity flows ever see (style R3, R8). */
export interface Actor {
  id: string;
  instansiId: string;
  nip: string;
  name: string;
  jabatan: string;
  jenisJabatan: string;
  jfJenjang: string | null;
  homeUnitId: string;
  penilaiId: string | null;
  locale: string;
  policyProfile: string;
  timeZone: string;
}

export async function resolveActor(tx: Tx, account: AccountRef): Promise<Actor | null> {
  const identity = await tx.platformIdentity.findUnique({
    where: { platform_workspace_accountId: { platform: account.platform, workspace: account.workspace, accountId: account.accountId } },
    include: { pegawai: { include: { instansi: true } } },
  });
  if (!identity || !identity.pegawai.active) return null;
  // A private message is the user's DM chat: keep it current, and a user who writes again is reachable again.
  if ((account.direct && identity.chatId !== account.chatId) || identity.unreachableAt) {
    await tx.platformIdentity.update({
      where: { id: identity.id },
      data: { ...(account.direct ? { chatId: account.chatId } : {}), unreachableAt: null, unreachableReason: null },
    });
  }
  return toActor(identity.pegawai);
}

type PegawaiWithInstansi = NonNullable<Awaited<ReturnType<typeof loadPegawai>>>;

export function loadPegawai(tx: Tx, pegawaiId: string) {
  return tx.pegawai.findUnique({ where: { id: pegawaiId }, include: { instansi: true } });
}

export function toActor(p: PegawaiWithInstansi): Actor {
  return {
    id: p.id, instansiId: p.instansiId, nip: p.nip, name: p.name, jabatan: p.jabatan, jenisJabatan: p.jenisJabatan,
    jfJenjang: p.jfJenjang, homeUnitId: p.homeUnitId, penilaiId: p.penilaiId, locale: p.locale,
    policyProfile: p.instansi.policyProfile, timeZone: p.instansi.timeZone,
  };
}
