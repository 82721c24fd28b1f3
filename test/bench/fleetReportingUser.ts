import type { Db } from '../../src/db/createDb';
import type { FakeTelegram } from '../fakes/fakeTelegram';
import type { BenchMember } from './benchOrganisation';
import { findButtonToken, progressReportTurns, type Turn } from './progressReportScript';
import { benchUser, privateChat } from './telegramBots';

/**
 * ReportingUser's conversation (WF-7, /lapor to "Kirim") for bots in other processes: the updates
 * are built by a FakeTelegram that is never started, and each press carries a callback query id
 * fixed up front (`pressIds`), which the fake Bot API of presetTelegramProcess.ts was told.
 */
export class FleetReportingUser {
  private turn = 0;
  private readonly turns: Turn[];
  private presses = 0;

  constructor(readonly userId: number, readonly member: BenchMember, private readonly builder: FakeTelegram, private readonly db: Db) {
    this.turns = progressReportTurns(member.targets);
  }

  get finished(): boolean { return this.turn >= this.turns.length; }
  get turnCount(): number { return this.turns.length; }
  get pressIds(): string[] {
    return this.turns.filter((t) => t.kind === 'press').map((_, k) => `s7-${this.userId}-${k}`);
  }

  /** The next update, or null when a button to press is missing (the conversation went wrong; the user stops). */
  async nextUpdate(): Promise<Record<string, unknown> | null> {
    if (this.finished) return null;
    const user = benchUser(this.userId);
    const turn = this.turns[this.turn++]!;
    if (turn.kind === 'text') return this.builder.sendText(user, privateChat(user), turn.text) as unknown as Record<string, unknown>;
    const token = await findButtonToken(this.db, this.member.pegawaiId, turn.label).catch(() => null);
    if (token === null) {
      this.turn = this.turns.length;
      return null;
    }
    const from = { id: user.id, is_bot: false, first_name: user.first_name };
    const chat = { id: user.id, type: 'private', first_name: user.first_name };
    return this.builder.rawUpdate({
      callback_query: { id: `s7-${this.userId}-${this.presses++}`, from, chat_instance: `ci${user.id}`, data: token, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat } },
    });
  }
}
