import type { TestBot, TestUser } from './botHarness';

const APPROVE = /^(Setujui|Mengetahui|Rekomendasikan|Terbitkan surat penugasan)$/;

/**
 * Decides every step of a request the way its holder would, pressing the approve button of the
 * step that is pending now, until none is left. Returns the roles that decided, in order; fails
 * when a holder is not among `people` or the chain does not end.
 */
export async function approveAll(bot: TestBot, people: TestUser[], penugasanId: string): Promise<string[]> {
  const decided: string[] = [];
  for (let round = 0; round < 10; round++) {
    const step = await bot.db.approvalStep.findFirst({ where: { penugasanId, status: 'PENDING' }, orderBy: { position: 'asc' } });
    if (!step) return decided;
    const holder = people.find((p) => p.pegawaiId === step.assigneeId);
    if (!holder) throw new Error(`nobody linked holds the ${step.performer} step`);
    const result = await bot.as(holder).press(APPROVE);
    if (result.status !== 'processed') throw new Error(`the ${step.performer} step was not decided: ${result.status}`);
    decided.push(step.performer);
  }
  throw new Error('the chain did not end');
}
