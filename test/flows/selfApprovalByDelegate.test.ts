import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('a delegate who is also the applicant (C6, C7)', () => {
  it('neither sends the applicant the card of their own request nor lets them decide it as the approver\'s delegate, and audits the attempt', async () => {
    bot = await TestBot.start();
    // kabidB (the Penilai of pfPertama) has delegated "PENILAI" to pfPertama (PLH, smallOrganisation).
    const org = await loadOrganisation(bot, smallOrganisation('TBB', 'kab-tbb'));
    const applicant = await org.link(NIP.pfPertama);
    const penilai = await org.link(NIP.kabidB);

    await volunteer(bot, applicant, /^Tim Satu Data/); // TBB LINTAS_UO: first the own Penilai acknowledges
    const step = await bot.db.approvalStep.findFirstOrThrow({ where: { position: 0 } });
    expect(step).toMatchObject({ performer: 'HOME_PENILAI', assigneeId: await org.idOf(NIP.kabidB), status: 'PENDING' });

    expect(() => bot.findButton(applicant, 'Mengetahui')).toThrow(); // no card of their own request as a delegate
    const result = await bot.as(applicant).pressToken(bot.findButton(penilai, 'Mengetahui'));

    expect(result.status).toBe('refused');
    expect(await bot.db.approvalStep.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({ status: 'PENDING', decidedById: null });
    expect(await bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED', actorId: applicant.pegawaiId } })).toMatchObject({ rule: 'C7' });
  });
});
