import { t } from '../catalog/t';
import { text } from '../messages';
import { endConversation } from './conversationStore';
import type { FlowRegistry } from './dispatchEvent';
import type { TurnContext } from './turnContext';

/** /batal, /bantuan and /start for a linked actor; false when the command belongs to a flow. */
export async function runGlobalCommand(turn: TurnContext, flows: FlowRegistry, command: string, args: string): Promise<boolean> {
  switch (command) {
    case 'batal': {
      const ended = await endConversation(turn.tx, turn.actor.id);
      turn.reply(text(ended ? 'percakapan.dibatalkan' : 'percakapan.tidakAda'));
      if (ended) turn.audit({ action: 'percakapan.batal', outcome: 'OK' });
      return true;
    }
    case 'bantuan':
      turn.reply(text('bantuan.daftar', { daftar: await helpLines(turn, flows) }));
      return true;
    case 'start':
    case 'hubungkan':
      if (args.trim()) turn.reply(text('identitas.sudahTerhubung', { nama: turn.actor.name }));
      else turn.reply(text('bantuan.daftar', { daftar: await helpLines(turn, flows) }));
      return true;
    default:
      return false;
  }
}

/** Only the commands this actor may use, given their roles (issue: /bantuan per role). */
async function helpLines(turn: TurnContext, flows: FlowRegistry): Promise<string> {
  const lines: string[] = [];
  for (const [command, flow] of flows.byCommand) {
    if (!flow.descriptionKey || (flow.availableTo && !(await flow.availableTo(turn)))) continue;
    lines.push(t(turn.locale, 'bantuan.baris', { command, description: t(turn.locale, flow.descriptionKey) }));
  }
  lines.push(t(turn.locale, 'bantuan.baris', { command: 'batal', description: t(turn.locale, 'bantuan.batal') }));
  lines.push(t(turn.locale, 'bantuan.baris', { command: 'bantuan', description: t(turn.locale, 'bantuan.bantuan') }));
  return lines.join('\n');
}
