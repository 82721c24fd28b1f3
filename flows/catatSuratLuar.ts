// WF-3 steps taken by the other government happen outside the bot: the PyB or the admin records
// each from its letter (uploaded here), with the officials it names or the reason it gives.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { PeristiwaSchema } from '../src/core/policy/lintasInstansiSchema';
import { officialLines, parseOfficials } from '../src/core/domain/lintasInstansi/externalOfficials';
import { openExternalStage, recordExternalEvent, requestsAwaitingLetters } from '../src/core/domain/lintasInstansi/recordExternal';
import { requireRecorder } from '../src/core/domain/lintasInstansi/pejabatBerwenang';

const FileSchema = z.object({ platform: z.string(), fileId: z.string(), fileName: z.string().optional(), mimeType: z.string().optional() });
const Official = z.object({ name: z.string(), nip: z.string(), jabatan: z.string(), unit: z.string() });
const Chosen = { pelibatanId: z.string(), peristiwa: PeristiwaSchema };
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_REQUEST') }),
  z.object({ step: z.literal('CHOOSE_OUTCOME'), pelibatanId: z.string() }),
  z.object({ step: z.literal('ASK_FILE'), ...Chosen }),
  z.object({ step: z.literal('ASK_DAFTAR'), ...Chosen, file: FileSchema }),
  z.object({ step: z.literal('ASK_ALASAN'), ...Chosen, file: FileSchema }),
  z.object({ step: z.literal('CONFIRM'), ...Chosen, file: FileSchema, alasan: z.string().optional(), daftar: z.array(Official).optional() }),
]);
type State = z.infer<typeof StateSchema>;
type WithFile = Extract<State, { step: 'ASK_DAFTAR' }>;

const MIN_REASON = 10;
const cancelButton = { label: label('umum.batal'), action: 'batal' };

function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

export const catatSuratLuar = defineFlow<State>({
  id: 'catat-surat-luar',
  version: 1,
  command: 'catatsurat',
  descriptionKey: 'lintas.perintahCatat',
  state: StateSchema,
  async start(ctx) {
    await requireRecorder(ctx.tx, ctx.actor, ctx.now);
    const waiting = await requestsAwaitingLetters(ctx);
    if (waiting.length === 0) {
      ctx.reply(text('lintas.tidakAdaMenunggu'));
      return { end: true };
    }
    const rows = waiting.map((r) => [{ label: label('lintas.tombolPermohonan', { nomor: r.number, target: r.targetName }), action: 'pilih', args: { pelibatanId: r.id } }]);
    ctx.reply(choice('lintas.pilihPermohonan', [...rows, [cancelButton]]));
    return { next: { step: 'CHOOSE_REQUEST' } };
  },
  steps: {
    CHOOSE_REQUEST: {
      async button(ctx, _state, press) {
        if (press.action !== 'pilih') return cancel(ctx);
        const { request, stage } = await openExternalStage(ctx, press.args.pelibatanId ?? '');
        const rows = stage.outcomes.map((o) => [{ label: label(`lintas.peristiwa.${o.peristiwa}`), action: 'peristiwa', args: { peristiwa: o.peristiwa } }]);
        ctx.reply(choice('lintas.pilihPeristiwa', [...rows, [cancelButton]], { nomor: request.number, target: request.targetName, citation: stage.citation }));
        return { next: { step: 'CHOOSE_OUTCOME', pelibatanId: request.id } };
      },
    },
    CHOOSE_OUTCOME: {
      async button(ctx, state, press) {
        const peristiwa = PeristiwaSchema.safeParse(press.args.peristiwa);
        const { request, stage } = await openExternalStage(ctx, state.pelibatanId);
        if (press.action !== 'peristiwa' || !peristiwa.success || !stage.outcomes.some((o) => o.peristiwa === peristiwa.data)) return cancel(ctx);
        ctx.reply(text('lintas.mintaBerkas', { target: request.targetName }));
        return { next: { step: 'ASK_FILE', pelibatanId: request.id, peristiwa: peristiwa.data } };
      },
    },
    ASK_FILE: {
      async file(ctx, state, file) {
        const { stage } = await openExternalStage(ctx, state.pelibatanId);
        const isian = stage.outcomes.find((o) => o.peristiwa === state.peristiwa)?.isian ?? null;
        const kept = { platform: file.platform, fileId: file.fileId, ...(file.fileName ? { fileName: file.fileName } : {}), ...(file.mimeType ? { mimeType: file.mimeType } : {}) };
        const next = { pelibatanId: state.pelibatanId, peristiwa: state.peristiwa, file: kept };
        if (isian === 'DAFTAR') {
          ctx.reply(text('lintas.mintaDaftar'));
          return { next: { ...next, step: 'ASK_DAFTAR' } };
        }
        if (isian === 'ALASAN') {
          ctx.reply(text('lintas.mintaAlasanLuar'));
          return { next: { ...next, step: 'ASK_ALASAN' } };
        }
        return confirm(ctx, { ...next, step: 'CONFIRM' });
      },
      async text(ctx) {
        ctx.reply(text('lintas.berkasWajib'));
        return { stay: true };
      },
    },
    ASK_DAFTAR: {
      async text(ctx, state, input) {
        const parsed = parseOfficials(input);
        if ('badLine' in parsed) {
          ctx.reply(text('lintas.daftarTidakTerbaca', { baris: parsed.badLine, isi: parsed.line || '-' }));
          return { stay: true };
        }
        return confirm(ctx, { ...state, step: 'CONFIRM', daftar: parsed.officials });
      },
    },
    ASK_ALASAN: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        return confirm(ctx, { ...state, step: 'CONFIRM', alasan: input.trim() });
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'simpan') return cancel(ctx);
        await recordExternalEvent(ctx, state);
        return { end: true };
      },
    },
  },
});

async function confirm(ctx: FlowContext, draft: Omit<WithFile, 'step'> & { step: 'CONFIRM'; alasan?: string; daftar?: z.infer<typeof Official>[] }) {
  const { request } = await openExternalStage(ctx, draft.pelibatanId);
  const isi = draft.daftar ? officialLines(draft.daftar) : draft.alasan ?? '-';
  ctx.reply(choice('lintas.konfirmasiCatat', [[{ label: label('lintas.simpan'), action: 'simpan', style: 'primary' }, cancelButton]], {
    nomor: request.number, target: request.targetName, peristiwa: { key: `lintas.peristiwa.${draft.peristiwa}` }, berkas: draft.file.fileName ?? '-', isi,
  }));
  return { next: draft };
}
