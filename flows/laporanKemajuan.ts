// WF-7 T3 (domain-spec §3.7, R1): an anggota's weekly progress report to the ketua tim, and (R2)
// the report on an individual task to whom the profile names. Every answer is saved into the
// period's draft at once, so a half-filled report survives anything.
import { z } from 'zod';
import { defineFlow, type FlowContext, type Transition } from '../src/core/engine/defineFlow';
import { choice, label, text, type Button } from '../src/core/messages';
import { t } from '../src/core/catalog/t';
import { reportOverview } from '../src/core/domain/laporan/reportOverview';
import { REPORT_FLOW_ID } from '../src/core/scheduler/reminderMessage';
import { formatDateTime, formatPeriod } from '../src/core/domain/formatTime';
import {
  attachEvidence, editableReport, nextQuestion, openProgressReport, parseCapaian, reportTargets, saveProgress, tasksToReportOn,
  teamsToReportTo, type ReportSubject,
} from '../src/core/domain/laporan/progressReport';
import { progressSummary, submitProgressReport } from '../src/core/domain/laporan/submitProgressReport';
import { laporanKemajuanForm, MAX_ANSWER } from './laporanKemajuanForm';
import { workSubject } from '../src/core/domain/workSubject';

const questionState = <Q extends string>(step: Q) => z.object({ step: z.literal(step), laporanId: z.string() });
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }), questionState('CAPAIAN'), questionState('KEGIATAN'), questionState('OUTPUT'),
  questionState('BUKTI'), questionState('KENDALA'), questionState('RENCANA'), questionState('CONFIRM'),
]);
type State = z.infer<typeof StateSchema>;
type Question = Exclude<State['step'], 'CHOOSE_TEAM'>;

const MIN_TEXT = 3;

/** Asks the first unanswered question of the draft and moves the conversation there. */
async function askNext(ctx: FlowContext, laporanId: string): Promise<Transition<State>> {
  const { laporan, content } = await editableReport(ctx, laporanId);
  const targets = reportTargets(laporan);
  const step = nextQuestion(content, targets.length);
  const target = targets[content.capaian.length];
  if (step === 'CAPAIAN') ctx.reply(target ? text('laporan.tanyaCapaian', { indikator: target.indikator, target: target.target, satuan: target.satuan }) : text('laporan.tanyaCapaianPersen'));
  if (step === 'KEGIATAN') ctx.reply(text('laporan.tanyaKegiatan'));
  if (step === 'OUTPUT') ctx.reply(text('laporan.tanyaOutput'));
  if (step === 'BUKTI') ctx.reply(choice('laporan.tanyaBukti', [[{ label: label('laporan.lanjut'), action: 'lanjut' }]]));
  if (step === 'KENDALA') ctx.reply(choice('laporan.tanyaKendala', [[{ label: label('laporan.tidakAdaKendala'), action: 'tidakAda' }]]));
  if (step === 'RENCANA') ctx.reply(text('laporan.tanyaRencana'));
  if (step === 'CONFIRM') {
    const period = formatPeriod(laporan.periodStart!, laporan.periodEnd!, laporan.instansi.timeZone);
    ctx.reply(choice('laporan.konfirmasi', [[
      { label: label('laporan.kirim'), action: 'kirim', style: 'primary' }, { label: label('laporan.isiUlang'), action: 'ulang' },
      { label: label('laporan.simpanDraf'), action: 'simpan' },
    ]], { ringkasan: progressSummary(workSubject(laporan), period, content, laporan.attachments, ctx.actor.locale) }));
  }
  return { next: { step, laporanId } as State };
}

async function begin(ctx: FlowContext, subject: ReportSubject) {
  const { subjek, laporan, periodZone } = await openProgressReport(ctx, subject);
  ctx.reply(text('laporan.mulai', {
    subjek, periode: formatPeriod(laporan.periodStart!, laporan.periodEnd!, periodZone),
    batas: formatDateTime(laporan.dueAt!, ctx.actor.timeZone), lanjutan: laporan.content !== '{}' ? t(ctx.actor.locale, 'laporan.melanjutkanDraf') : '',
  }));
  return askNext(ctx, laporan.id);
}

/** Text answers: each saves one field of the draft, then the next question follows. */
async function answer(ctx: FlowContext, state: { step: Question; laporanId: string }, input: string) {
  const value = input.trim();
  if (state.step === 'CAPAIAN') {
    const nilai = parseCapaian(value);
    if (nilai === null) {
      ctx.reply(text('laporan.capaianTidakValid'));
      return { stay: true } as const;
    }
    const { laporan, content } = await editableReport(ctx, state.laporanId);
    const target = reportTargets(laporan)[content.capaian.length];
    const entry = target
      ? { targetId: target.id, indikator: target.indikator, nilai, satuan: target.satuan, target: target.target }
      : { targetId: null, indikator: 'Kemajuan pekerjaan', nilai, satuan: 'persen', target: 100 };
    await saveProgress(ctx, state.laporanId, { capaian: [...content.capaian, entry] });
    return askNext(ctx, state.laporanId);
  }
  if (value.length > MAX_ANSWER) {
    ctx.reply(text('laporan.jawabanTerlaluPanjang', { batas: MAX_ANSWER }));
    return { stay: true } as const;
  }
  if (value.length < MIN_TEXT && state.step !== 'OUTPUT') {
    ctx.reply(text('umum.gunakanTombol'));
    return { stay: true } as const;
  }
  const field = { KEGIATAN: 'kegiatan', OUTPUT: 'output', KENDALA: 'kendala', RENCANA: 'rencana' } as const;
  if (state.step in field) await saveProgress(ctx, state.laporanId, { [field[state.step as keyof typeof field]]: value === '-' ? '' : value });
  else ctx.reply(text('umum.gunakanTombol'));
  return askNext(ctx, state.laporanId);
}

const subjectOf = (item: { kind: 'tim' | 'individu'; id: string }): ReportSubject => (item.kind === 'tim' ? { timId: item.id } : { penugasanId: item.id });

/** The weekly prompt: straight into the only team or task, or one message with a section per each (item 8). */
async function startReport(ctx: FlowContext): Promise<Transition<State>> {
  const overview = await reportOverview(ctx);
  if (overview.teams.length === 1) return begin(ctx, subjectOf(overview.teams[0]!));
  const rows = overview.teams.map((item): Button[] => [{ label: label('laporan.tombolTim', { nama: item.name }), action: 'pilih', args: { ...subjectOf(item) } }]);
  ctx.reply(choice('laporan.ringkasanTim', rows, { bagian: overview.text }));
  return { next: { step: 'CHOOSE_TEAM' } as State };
}

const form = laporanKemajuanForm<State>(askNext);

export const laporanKemajuan = defineFlow<State>({
  id: REPORT_FLOW_ID,
  version: 1,
  command: 'lapor',
  descriptionKey: 'laporan.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsToReportTo(ctx)).length > 0 || (await tasksToReportOn(ctx)).length > 0,
  start: (ctx) => startReport(ctx),
  steps: {
    CHOOSE_TEAM: {
      button: async (ctx, _state, press) => begin(ctx, press.args.penugasanId ? { penugasanId: press.args.penugasanId } : { timId: press.args.timId ?? '' }),
    },
    CAPAIAN: { text: answer, form },
    KEGIATAN: { text: answer, form },
    OUTPUT: { text: answer, form },
    BUKTI: {
      async file(ctx, state, file) {
        ctx.reply(choice('laporan.buktiDiterima', [[{ label: label('laporan.lanjut'), action: 'lanjut' }]], { jumlah: await attachEvidence(ctx, state.laporanId, file) }));
        return { stay: true };
      },
      async button(ctx, state) {
        await saveProgress(ctx, state.laporanId, { buktiSelesai: true });
        return askNext(ctx, state.laporanId);
      },
      text: answer,
    },
    KENDALA: {
      text: answer,
      form,
      async button(ctx, state) {
        await saveProgress(ctx, state.laporanId, { kendala: null });
        return askNext(ctx, state.laporanId);
      },
    },
    RENCANA: { text: answer, form },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action === 'ulang') {
          // Answer every question again (bukti dukung stay attached): how a report is revised.
          await saveProgress(ctx, state.laporanId, { capaian: [], kegiatan: undefined, output: undefined, buktiSelesai: false, kendala: undefined, rencana: undefined });
          return askNext(ctx, state.laporanId);
        }
        if (press.action === 'kirim') await submitProgressReport(ctx, state.laporanId);
        else ctx.reply(text('laporan.drafTersimpan'));
        return { end: true };
      },
    },
  },
  actions: {
    // The reminder's "Isi laporan sekarang" button opens the same prompt as /lapor.
    mulai: (ctx) => startReport(ctx),
  },
});
