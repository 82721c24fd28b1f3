// The snooze buttons of a report reminder ("ingatkan nanti", issue 8 item 2).
import { z } from 'zod';
import { defineFlow } from '../src/core/engine/defineFlow';
import { text } from '../src/core/messages';
import { loadWorkCalendar } from '../src/core/calendar/workCalendar';
import { formatDateTime } from '../src/core/domain/formatTime';
import { SNOOZE_FLOW_ID } from '../src/core/scheduler/reminderMessage';
import { recordSnooze, snoozeUntil } from '../src/core/scheduler/snoozes';

const StateSchema = z.object({ step: z.literal('NONE') });

export const pengingat = defineFlow<z.infer<typeof StateSchema>>({
  id: SNOOZE_FLOW_ID,
  version: 1,
  state: StateSchema,
  steps: { NONE: {} },
  actions: {
    async tunda(ctx, args) {
      const until = snoozeUntil(args.sampai === 'BESOK' ? 'BESOK' : 'SEJAM', ctx.now, ctx.actor.timeZone, await loadWorkCalendar(ctx.tx, ctx.actor.instansiId));
      await recordSnooze(ctx.tx, ctx.actor.id, until, ctx.now);
      ctx.audit({ action: 'pengingat.tunda', outcome: 'OK', details: { until: until.toISOString() } });
      ctx.reply(text('pengingat.ditunda', { waktu: formatDateTime(until, ctx.actor.timeZone) }));
    },
  },
});
