// WF-4/WF-5 (domain-spec §3.4–3.5): an official asks to join a team; each step of the chain comes
// from the instansi's policy profile. Approvers answer with action buttons handled below.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { nested, t } from '../src/core/catalog/t';
import { getPolicyProfile } from '../src/core/policy/policyProfile';
import { determineScope } from '../src/core/domain/pengajuan/determineScope';
import { selectWorkflow } from '../src/core/domain/pengajuan/selectWorkflow';
import { findTeamForVolunteer, listTeamsOpenToVolunteers } from '../src/core/domain/pengajuan/listTeamsOpenToVolunteers';
import { submitPengajuan } from '../src/core/domain/pengajuan/submitPengajuan';
import { volunteerTeamByCode } from '../src/core/domain/pengajuan/teamByCode';
import { approveStep, openStep, rejectReasons, rejectStep } from '../src/core/domain/pengajuan/stepDecisions';
import { PENGAJUAN_FLOW_ID } from '../src/core/domain/pengajuan/notifyStep';
import { roleName } from '../src/core/domain/pengajuan/roleName';
import { acceptAssignment, objectToAssignment, openAcceptance } from '../src/core/domain/pengajuan/acceptAssignment';
import { isAdvisory, recommendStep } from '../src/core/domain/pengajuan/ketuaRecommendation';

const MAX_FILES = 5;
const FileSchema = z.object({ platform: z.string(), fileId: z.string(), fileName: z.string().optional(), mimeType: z.string().optional() });
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('ASK_MOTIVATION'), timId: z.string() }),
  z.object({ step: z.literal('CONFIRM'), timId: z.string(), motivasi: z.string(), lampiran: z.array(FileSchema).max(MAX_FILES).default([]) }),
  z.object({ step: z.literal('ASK_REASON'), stepId: z.string() }),
  // SMD: a refusal picks one of the two prescribed alternatives, by its button; typed text is answered with that.
  z.object({ step: z.literal('CHOOSE_REASON'), stepId: z.string() }),
  z.object({ step: z.literal('ASK_OBJECTION'), penugasanId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_MOTIVATION = 20;
const MIN_REASON = 10;
const cancelButton = { label: label('umum.batal'), action: 'batal' };

export const pengajuanSukarela = defineFlow<State>({
  id: PENGAJUAN_FLOW_ID,
  version: 1,
  command: 'ajukan',
  descriptionKey: 'pengajuan.perintah',
  state: StateSchema,
  // C1: only a Pejabat Fungsional or Pelaksana may volunteer.
  availableTo: async (ctx) => ctx.actor.jenisJabatan === 'FUNGSIONAL' || ctx.actor.jenisJabatan === 'PELAKSANA',
  refusal: { rule: 'C1', key: 'pengajuan.hanyaFungsionalPelaksana' },
  async start(ctx, args) {
    // A team named after the command; when it cannot be asked for (the reason told), the list follows.
    const named = args.trim() ? await volunteerTeamByCode(ctx, args) : null;
    if (named) return askMotivation(ctx, named);
    const teams = await listTeamsOpenToVolunteers(ctx.tx, ctx.actor, ctx.now);
    if (teams.length === 0) {
      ctx.reply(text('pengajuan.tidakAdaTim'));
      return { end: true };
    }
    const rows = teams.map((tim) => [{ label: label('pengajuan.tombolTim', { nama: tim.name, unit: tim.ownerUnit.name }), action: 'pilih', args: { timId: tim.id } }]);
    ctx.reply(choice('pengajuan.pilihTim', [...rows, [cancelButton]]));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        if (press.action !== 'pilih' || !press.args.timId) return cancel(ctx);
        return askMotivation(ctx, await findTeamForVolunteer(ctx.tx, ctx.actor, press.args.timId));
      },
      // Issue 6 item 3: the official may name the team by its code instead (also one not in the first 20).
      async text(ctx, _state, input) {
        const named = await volunteerTeamByCode(ctx, input);
        return named ? askMotivation(ctx, named) : { stay: true };
      },
    },
    ASK_MOTIVATION: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_MOTIVATION, 'pengajuan.motivasiTerlaluPendek')) return { stay: true };
        return confirm(ctx, state.timId, input.trim());
      },
      form: {
        id: 'pengajuan-motivasi',
        subject: (state) => state.timId,
        title: label('pengajuan.formulir.judul'),
        submitLabel: label('pengajuan.formulir.lanjut'),
        fields: async () => [{ name: 'motivasi', label: label('pengajuan.formulir.motivasi'), multiline: true, maxLength: 3000 }],
        async submit(ctx, state, values) {
          const motivasi = (values.motivasi ?? '').trim();
          if (motivasi.length < MIN_MOTIVATION) return { fieldErrors: { motivasi: label('pengajuan.motivasiTerlaluPendek') } };
          return confirm(ctx, state.timId, motivasi);
        },
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'kirim') return cancel(ctx);
        const { penugasan, firstHolder, firstPerformer } = await submitPengajuan(ctx, { timId: state.timId, motivasi: state.motivasi, lampiran: state.lampiran });
        ctx.reply(text('pengajuan.terkirim', { nomor: penugasan.number, penerima: firstHolder.name, peran: roleName(firstPerformer, ctx.actor.locale) }));
        return { end: true };
      },
      // Samarinda format 1: the CV and other documents, sent as files before Kirim.
      async file(ctx, state, file) {
        if (!(await offersFiles(ctx, state.timId)) || state.lampiran.length >= MAX_FILES) {
          ctx.reply(text('umum.berkasTidakDiharapkan'));
          return { stay: true };
        }
        const kept = { platform: file.platform, fileId: file.fileId, ...(file.fileName ? { fileName: file.fileName } : {}), ...(file.mimeType ? { mimeType: file.mimeType } : {}) };
        return confirm(ctx, state.timId, state.motivasi, [...state.lampiran, kept]);
      },
    },
    ASK_OBJECTION: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        await objectToAssignment(ctx, state.penugasanId, input.trim());
        return { end: true };
      },
    },
    CHOOSE_REASON: {
      async text(ctx, state) {
        const check = await openStep(ctx, state.stepId);
        if (check.status === 'decided') {
          ctx.reply(text('persetujuan.sudahDiputuskan'));
          return { end: true };
        }
        ctx.reply(text('persetujuan.pakaiAlasanTombol', { nomor: check.request.number, citation: check.request.steps.find((s) => s.id === state.stepId)!.citation }));
        return { stay: true };
      },
    },
    ASK_REASON: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        const check = await openStep(ctx, state.stepId);
        const reason = input.trim();
        if (check.status === 'decided') ctx.reply(text('persetujuan.sudahDiputuskan'));
        else if (isAdvisory(check.request, state.stepId)) await recommendStep(ctx, check.request, state.stepId, check.capacity, { recommended: false, reason, letterReason: { code: 'LAINNYA', text: reason } });
        else await rejectStep(ctx, check.request, state.stepId, check.capacity, reason);
        return { end: true };
      },
    },
  },
  actions: {
    // Issue 6 item 10: the assignee confirms before the assignment is active, or objects (S4).
    async terimaPenugasan(ctx, args) {
      await acceptAssignment(ctx, args.penugasanId ?? '');
    },
    async keberatan(ctx, args) {
      if ((await openAcceptance(ctx, args.penugasanId ?? '')).status === 'done') {
        ctx.reply(text('pengajuan.sudahDijawab'));
        return;
      }
      ctx.reply(text('pengajuan.tulisKeberatan'));
      return { next: { step: 'ASK_OBJECTION', penugasanId: args.penugasanId! } };
    },
    async setujui(ctx, args) {
      const check = await openStep(ctx, args.stepId ?? '');
      if (check.status === 'decided') ctx.reply(text('persetujuan.sudahDiputuskan'));
      else if (isAdvisory(check.request, args.stepId!)) await recommendStep(ctx, check.request, args.stepId!, check.capacity, { recommended: true });
      else await approveStep(ctx, check.request, args.stepId!, check.capacity);
    },
    async tolak(ctx, args) {
      const check = await openStep(ctx, args.stepId ?? '');
      if (check.status === 'decided') {
        ctx.reply(text('persetujuan.sudahDiputuskan'));
        return;
      }
      const reasons = rejectReasons(check.request);
      if (reasons === 'FREE') {
        ctx.reply(text('persetujuan.mintaAlasan', { nomor: check.request.number }));
        return { next: { step: 'ASK_REASON', stepId: args.stepId! } };
      }
      // SMD: a refusal, or the ketua's recommendation against, picks alternatif 1 or 2 (Lamp. BAB III formats 4 and 5).
      const step = check.request.steps.find((s) => s.id === args.stepId)!;
      const question = isAdvisory(check.request, step.id) ? 'persetujuan.pilihAlasanRekomendasi' : 'persetujuan.pilihAlasan';
      ctx.reply(choice(question, reasons.map((reason) => [{
        label: label(`alasan.${reason}` as 'alasan.ANGGOTA_MENCUKUPI'), action: 'alasan', args: { stepId: args.stepId!, alasan: reason },
        scope: 'action' as const, flowId: PENGAJUAN_FLOW_ID, allowed: [ctx.actor.id],
      }]), { nomor: check.request.number, citation: step.citation }));
      return { next: { step: 'CHOOSE_REASON', stepId: step.id } };
    },
    async alasan(ctx, args) {
      const check = await openStep(ctx, args.stepId ?? '');
      if (check.status === 'decided') {
        ctx.reply(text('persetujuan.sudahDiputuskan'));
        return;
      }
      const reasons = rejectReasons(check.request);
      if (reasons === 'FREE' || !reasons.includes(args.alasan ?? '')) return;
      const code = args.alasan as 'KUALIFIKASI_TIDAK_SESUAI' | 'ANGGOTA_MENCUKUPI';
      const prescribed = code === 'KUALIFIKASI_TIDAK_SESUAI' || code === 'ANGGOTA_MENCUKUPI' ? code : undefined;
      const reason = t('id', `alasan.${code}`);
      if (isAdvisory(check.request, args.stepId!)) await recommendStep(ctx, check.request, args.stepId!, check.capacity, { recommended: false, reason, letterReason: { code } });
      else await rejectStep(ctx, check.request, args.stepId!, check.capacity, reason, prescribed);
    },
  },
});

function askMotivation(ctx: FlowContext, tim: { id: string; name: string; kompetensi: string | null; ownerUnit: { name: string } }) {
  ctx.reply(text('pengajuan.tulisMotivasi', { tim: tim.name, unit: tim.ownerUnit.name, kompetensi: tim.kompetensi ?? '-' }));
  return { next: { step: 'ASK_MOTIVATION', timId: tim.id } } as const;
}

/** Whether the applicant's letter to this team carries a CV and documents (the profile's format 1, across units). */
async function offersFiles(ctx: FlowContext, timId: string): Promise<boolean> {
  const tim = await findTeamForVolunteer(ctx.tx, ctx.actor, timId);
  const scope = await determineScope(ctx.tx, ctx.actor.homeUnitId, tim.ownerUnitId);
  return !!selectWorkflow(getPolicyProfile(ctx.actor.policyProfile), scope)?.suratPemohon?.lampiranCv;
}

async function confirm(ctx: FlowContext, timId: string, motivasi: string, lampiran: Array<z.infer<typeof FileSchema>> = []) {
  const tim = await findTeamForVolunteer(ctx.tx, ctx.actor, timId);
  const files = (await offersFiles(ctx, timId))
    ? nested('pengajuan.lampiranDitawarkan', { berkas: lampiran.length ? lampiran.map((f) => f.fileName ?? '-').join(', ') : '-' }) : '';
  ctx.reply(choice('pengajuan.konfirmasi', [[{ label: label('pengajuan.kirim'), action: 'kirim', style: 'primary' }, cancelButton]], {
    nama: tim.name, unit: tim.ownerUnit.name, motivasi, lampiran: files,
  }));
  return { next: { step: 'CONFIRM', timId, motivasi, lampiran } } as const;
}

function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}
