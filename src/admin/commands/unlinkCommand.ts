import type { Db } from '../../db/createDb';
import { appendAudit } from '../../core/auth/audit';
import { revokeLinkCodes } from '../../core/auth/linkCodes';
import type { Output } from './output';

/** `unlink <nip>`: removes every chat account of a pegawai; they must link again with a new code. */
export async function unlinkCommand(db: Db, instansiCode: string, nip: string, now: Date, out: Output): Promise<number> {
  const pegawai = await db.pegawai.findFirst({ where: { nip, instansi: { code: instansiCode } }, include: { identities: true } });
  if (!pegawai) {
    out.error(`Pegawai dengan NIP ${nip} tidak ditemukan di ${instansiCode}.`);
    return 1;
  }
  await db.$transaction(async (tx) => {
    await tx.platformIdentity.deleteMany({ where: { pegawaiId: pegawai.id } });
    await tx.conversation.deleteMany({ where: { pegawaiId: pegawai.id } });
    await revokeLinkCodes(tx, pegawai.id);
    await appendAudit(tx, [{
      instansiId: pegawai.instansiId, at: now, actorId: null, platform: 'admin', action: 'identitas.lepas', outcome: 'OK',
      subject: `pegawai:${pegawai.id}`, details: { accounts: pegawai.identities.map((i) => i.platform) },
    }]);
  });
  out.line(`${pegawai.identities.length} akun ${pegawai.name} dilepas. Terbitkan kode baru untuk menghubungkan kembali.`);
  return 0;
}
