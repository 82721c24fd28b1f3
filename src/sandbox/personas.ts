import { createHash } from 'node:crypto';
import type { Db } from '../db/createDb';

/**
 * Sandbox Telegram accounts are numbered from 2^52: Telegram user ids have at most 52 significant
 * bits, so an identity the sandbox linked can never match a real account once real tokens are set.
 */
export const SANDBOX_ID_BASE = 2 ** 52;

export interface Persona {
  userId: number;
  pegawaiId: string;
  name: string;
  nip: string;
  unit: string;
  /** What the demo story needs this person for: Anggota, Ketua tim, Kepala unit, Penilai, Admin. */
  label: string | null;
  featured: boolean;
}

export function sandboxUserId(pegawaiId: string, attempt = 0): number {
  return SANDBOX_ID_BASE + createHash('sha256').update(attempt ? `${pegawaiId}:${attempt}` : pegawaiId).digest().readUInt32BE(0);
}

/**
 * Every active pegawai, with the cast of the demo story first: an official who can ask to join a
 * team of another unit, that team's ketua, its unit head, the official's Penilai and an admin.
 */
export async function listPersonas(db: Db): Promise<Persona[]> {
  const people = await db.pegawai.findMany({ where: { active: true }, include: { homeUnit: true }, orderBy: { name: 'asc' } });
  const labels = await storyCast(db);
  const taken = new Set<number>();
  const personas = people.map((p): Persona => {
    const label = labels.get(p.id) ?? null;
    // A 32-bit hash collides now and then in a large Pemda: the later person takes the next id.
    let userId = sandboxUserId(p.id);
    for (let attempt = 1; taken.has(userId); attempt++) userId = sandboxUserId(p.id, attempt);
    taken.add(userId);
    return { userId, pegawaiId: p.id, name: p.name, nip: p.nip, unit: p.homeUnit.name, label, featured: label !== null };
  });
  const order = ['Anggota', 'Ketua tim', 'Kepala unit', 'Penilai', 'Admin'];
  const rank = (p: Persona) => (p.label ? order.findIndex((o) => p.label!.startsWith(o)) : order.length);
  return personas.sort((a, b) => rank(a) - rank(b));
}

async function storyCast(db: Db): Promise<Map<string, string>> {
  const cast = new Map<string, string>();
  const add = (id: string | null | undefined, label: string) => { if (id) cast.set(id, cast.has(id) ? `${cast.get(id)}, ${label}` : label); };
  const teams = await db.timKerja.findMany({
    where: { openToVolunteers: true }, orderBy: { name: 'asc' },
    include: { ownerUnit: true, memberships: { where: { status: 'ACTIVE' } } },
  });
  const officials = await db.pegawai.findMany({
    where: { active: true, jenisJabatan: 'FUNGSIONAL', penilaiId: { not: null } }, include: { homeUnit: true }, orderBy: { name: 'asc' },
  });
  // Another bidang of the same dinas makes the shortest story; another perangkat daerah will do.
  const stories = teams.flatMap((team) => {
    const ketuaId = team.memberships.find((m) => m.role === 'KETUA')?.pegawaiId;
    const headId = team.ownerUnit.headId;
    if (!ketuaId || !headId) return [];
    const members = new Set(team.memberships.map((m) => m.pegawaiId));
    const eligible = officials.filter((p) => p.instansiId === team.instansiId && p.homeUnitId !== team.ownerUnitId && !members.has(p.id)
      && ![ketuaId, headId].includes(p.penilaiId!) && p.id !== headId);
    const samePd = (p: (typeof eligible)[number]) => p.homeUnit.perangkatDaerahId === team.ownerUnit.perangkatDaerahId;
    const applicant = eligible.find(samePd) ?? eligible[0];
    return applicant ? [{ team, ketuaId, headId, applicant, samePd: samePd(applicant) }] : [];
  }).sort((a, b) => Number(b.samePd) - Number(a.samePd));
  const story = stories[0];
  if (!story) return cast;
  add(story.applicant.id, 'Anggota');
  add(story.ketuaId, `Ketua tim (${story.team.name})`);
  add(story.headId, 'Kepala unit');
  add(story.applicant.penilaiId, 'Penilai');
  const admin = await db.roleHolder.findFirst({ where: { instansiId: story.team.instansiId, role: 'ADMIN' } });
  add(admin?.pegawaiId, 'Admin');
  return cast;
}
