import type { Db } from '../db/createDb';
import { appendAudit } from '../core/auth/audit';
import { checkKedudukan, type KedudukanWarning } from '../core/domain/checkKedudukan';
import { loadPolicyProfiles } from '../core/policy/policyProfile';
import { applyOrganisation } from './applyOrganisation';
import { ChangeTracker, differingFields, type SectionCount } from './changeTracker';
import { readImportFile, type ImportSource } from './readImportFile';
import { validateImport, type ExistingKeys, type RowError } from './validateImport';
import { missingAgreedCadence } from './agreedCadence';
import { missingKetua } from './requiredKetua';
import { misplacedLanjutan } from './lanjutanStages';

export interface ImportReport {
  ok: boolean;
  instansiCode: string | null;
  errors: RowError[];
  summary: Record<string, SectionCount>;
  changed: boolean;
  warnings: KedudukanWarning[];
}

export interface ImportOptions {
  /** Required for CSV files, which carry no instansi block. */
  instansiCode?: string;
  now: Date;
  actorId?: string | null;
}

/** Imports an organisation file: all rows valid or nothing changes; re-importing changes nothing. */
export async function importOrganisation(db: Db, file: string, options: ImportOptions): Promise<ImportReport> {
  return importSource(db, readImportFile(file), options);
}

export async function importSource(db: Db, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  const declared = (source.instansi as { kode?: unknown } | undefined)?.kode;
  const instansiCode = typeof declared === 'string' ? declared : options.instansiCode ?? null;
  const fail = (errors: RowError[]): ImportReport => ({ ok: false, instansiCode, errors, summary: {}, changed: false, warnings: [] });
  if (!instansiCode) return fail([{ line: 0, section: 'instansi', field: 'kode', reason: 'berkas CSV membutuhkan --instansi <kode>' }]);
  const existing = await db.instansi.findUnique({ where: { code: instansiCode } });
  if (source.format === 'csv' && !existing) return fail([{ line: 0, section: 'instansi', field: 'kode', reason: `instansi ${instansiCode} belum ada; impor berkas JSON-nya lebih dahulu` }]);

  const { errors, plan } = validateImport(source, await existingKeys(db, existing?.id));
  const profiles = loadPolicyProfiles();
  const profile = (source.instansi as { profilKebijakan?: unknown } | undefined)?.profilKebijakan;
  if (source.format === 'json' && typeof profile === 'string' && !profiles.has(profile)) {
    errors.unshift({ line: 1, section: 'instansi', field: 'profilKebijakan', reason: `profil tidak dikenal; pilihan: ${[...profiles.keys()].join(', ')}` });
  }
  const profileCode = source.format === 'json' && typeof profile === 'string' ? profile : existing?.policyProfile;
  const policy = profileCode ? profiles.get(profileCode) : undefined;
  errors.push(...missingAgreedCadence(source, policy), ...missingKetua(source, policy), ...misplacedLanjutan(source, policy));
  if (errors.length > 0) return fail(errors.sort((a, b) => a.line - b.line));

  const tracker = new ChangeTracker();
  const instansiId = await db.$transaction(async (tx) => {
    let id = existing?.id;
    tracker.seen('instansi', plan.instansi ? 1 : 0);
    if (plan.instansi) {
      const data = {
        name: plan.instansi.nama, kind: plan.instansi.jenis, timeZone: plan.instansi.zonaWaktu,
        policyProfile: plan.instansi.profilKebijakan, letterhead: JSON.stringify(plan.instansi.kopSurat),
        settings: JSON.stringify(plan.instansi.pengaturan ?? {}),
      };
      if (!existing) {
        id = (await tx.instansi.create({ data: { code: instansiCode, ...data } })).id;
        tracker.mark('instansi', instansiCode, 'created');
      } else if (Object.keys(differingFields(existing, data)).length > 0) {
        await tx.instansi.update({ where: { id: existing.id }, data: differingFields(existing, data) });
        tracker.mark('instansi', instansiCode, 'updated');
      }
    }
    const timeZone = plan.instansi?.zonaWaktu ?? existing!.timeZone;
    await applyOrganisation({ tx, instansiId: id!, tracker, unitIds: new Map(), pegawaiIds: new Map(), timeZone, now: options.now }, plan, source.format === 'json');
    // Re-importing the same file changes nothing, not even the audit log.
    if (tracker.changed) await appendAudit(tx, [{
      instansiId: id!, at: options.now, actorId: options.actorId ?? null, platform: 'admin', action: 'admin.impor', outcome: 'OK',
      details: { format: source.format, summary: tracker.summary() },
    }]);
    return id!;
  });
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: instansiId } });
  const warnings = await db.$transaction((tx) => checkKedudukan(tx, instansiId, profiles.get(instansi.policyProfile)!));
  return { ok: true, instansiCode, errors: [], summary: tracker.summary(), changed: tracker.changed, warnings };
}

async function existingKeys(db: Db, instansiId: string | undefined): Promise<ExistingKeys> {
  if (!instansiId) return { perangkatDaerah: new Set(), units: new Map(), nips: new Set() };
  const [pds, units, people] = await Promise.all([
    db.perangkatDaerah.findMany({ where: { instansiId }, select: { code: true } }),
    db.unitOrganisasi.findMany({ where: { instansiId }, select: { code: true, parent: { select: { code: true } } } }),
    db.pegawai.findMany({ where: { instansiId }, select: { nip: true } }),
  ]);
  return {
    perangkatDaerah: new Set(pds.map((p) => p.code)),
    units: new Map(units.map((u) => [u.code, u.parent?.code ?? null])),
    nips: new Set(people.map((p) => p.nip)),
  };
}
