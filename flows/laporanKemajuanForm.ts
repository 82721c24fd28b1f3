// The progress report's text questions as one form (Slack: a modal). Files and the final "Kirim"
// stay in the chat, where the conversation continues after the form is saved.
import type { FieldErrors, FlowContext, FormStep, Transition } from '../src/core/engine/defineFlow';
import { label, text, type FormField, type Text } from '../src/core/messages';
import { editableReport, parseCapaian, reportTargets, saveProgress } from '../src/core/domain/laporan/progressReport';
import { workSubject } from '../src/core/domain/workSubject';

type QuestionState = { step: string; laporanId: string };

const MIN_TEXT = 3;
/** The longest answer a modal takes (Slack plain_text_input); chat answers are held to it too. */
export const MAX_ANSWER = 3000;
const percentTarget = { targetId: null, indikator: 'Kemajuan pekerjaan', satuan: 'persen', target: 100 };

export function laporanKemajuanForm<S extends { step: string }>(
  askNext: (ctx: FlowContext, laporanId: string) => Promise<Transition<S>>,
): FormStep<QuestionState, S> {
  return {
    id: 'laporan-kemajuan',
    subject: (state) => state.laporanId,
    title: label('laporan.formulir.judul'),
    submitLabel: label('laporan.formulir.simpan'),
    async fields(ctx, state): Promise<FormField[]> {
      const { laporan, content } = await editableReport(ctx, state.laporanId);
      const targets = reportTargets(laporan);
      const capaian: FormField[] = targets.length > 0
        ? targets.map((target, index) => ({
          name: `capaian_${index}`, label: label('laporan.formulir.capaian', { indikator: target.indikator, target: target.target, satuan: target.satuan }),
          initial: content.capaian[index] ? String(content.capaian[index]!.nilai) : undefined, maxLength: 20,
        }))
        : [{ name: 'capaian_0', label: label('laporan.formulir.capaianPersen'), initial: content.capaian[0] ? String(content.capaian[0].nilai) : undefined, maxLength: 20 }];
      return [
        ...capaian,
        { name: 'kegiatan', label: label('laporan.formulir.kegiatan'), multiline: true, initial: content.kegiatan, maxLength: MAX_ANSWER },
        { name: 'output', label: label('laporan.formulir.output'), hint: label('laporan.formulir.outputPetunjuk'), optional: true, initial: content.output || undefined, maxLength: MAX_ANSWER },
        { name: 'kendala', label: label('laporan.formulir.kendala'), hint: label('laporan.formulir.kendalaPetunjuk'), multiline: true, optional: true, initial: content.kendala ?? undefined, maxLength: MAX_ANSWER },
        { name: 'rencana', label: label('laporan.formulir.rencana'), multiline: true, initial: content.rencana, maxLength: MAX_ANSWER },
      ];
    },
    async submit(ctx, state, values): Promise<Transition<S> | FieldErrors> {
      const { laporan } = await editableReport(ctx, state.laporanId);
      const targets = reportTargets(laporan);
      const errors: Record<string, Text> = {};
      const capaian = (targets.length > 0 ? targets : [null]).map((target, index) => {
        const nilai = parseCapaian(values[`capaian_${index}`] ?? '');
        if (nilai === null) errors[`capaian_${index}`] = label('laporan.capaianTidakValid');
        return target ? { targetId: target.id, indikator: target.indikator, nilai: nilai ?? 0, satuan: target.satuan, target: target.target } : { ...percentTarget, nilai: nilai ?? 0 };
      });
      const answer = (name: string) => (values[name] ?? '').trim();
      for (const name of ['kegiatan', 'rencana']) {
        if (answer(name).length < MIN_TEXT) errors[name] = label('formulir.terlaluPendek', { jumlah: MIN_TEXT });
      }
      if (Object.keys(errors).length > 0) return { fieldErrors: errors };
      await saveProgress(ctx, state.laporanId, {
        capaian, kegiatan: answer('kegiatan'), output: answer('output'), kendala: answer('kendala') || null, rencana: answer('rencana'),
      });
      ctx.reply(text('laporan.formulir.tersimpan', { subjek: workSubject(laporan) }));
      return askNext(ctx, state.laporanId);
    },
  };
}
