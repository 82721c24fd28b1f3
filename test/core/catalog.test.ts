import { describe, expect, it } from 'vitest';
import { nested, t } from '../../src/core/catalog/t';

describe('catalogue texts', () => {
  it('fills parameters, nested texts in the reader’s language, and leaves unknown ones visible', () => {
    expect(t('id', 'laporan.umpanBalikTercatat', { nama: 'Rina' })).toBe('Umpan balik tercatat dan disampaikan kepada Rina.');
    expect(t('en', 'pengajuanku.baris', { nomor: 3, tim: 'Data', keadaan: nested('pengajuanku.ditarik') })).toBe('- Number 3, team Data: withdrawn');
    expect(t('id', 'laporan.umpanBalikTercatat')).toBe('Umpan balik tercatat dan disampaikan kepada {nama}.');
  });

  it('does not double a team name’s own "Tim", nor the full stop of a name ending in a degree', () => {
    expect(t('id', 'pengajuan.diterima', { tim: 'Tim Satu Data' })).toBe('Penugasan diterima. Bapak/Ibu kini anggota Tim Satu Data; laporan kemajuan dapat diisi dengan /lapor.');
    expect(t('id', 'pengajuan.diterima', { tim: 'Penyusunan Renja' })).toContain('anggota tim Penyusunan Renja;');
    expect(t('id', 'laporan.umpanBalikTercatat', { nama: 'Nurul Hidayah, S.Sos., M.AP.' })).toBe('Umpan balik tercatat dan disampaikan kepada Nurul Hidayah, S.Sos., M.AP.');
    expect(t('id', 'laporan.terkirim', { subjek: nested('laporan.subjekTim', { tim: 'Tim X' }), penerima: 'Nurul, M.AP.', terlambat: '' })).toBe('Laporan kemajuan Tim X telah dikirim kepada Nurul, M.AP.');
    expect(t('en', 'pengajuan.diterima', { tim: 'Tim Satu Data' })).toContain('member of Tim Satu Data;');
    // Only the team parameter is tidied: a person who happens to be called Tim keeps the word before.
    expect(t('id', 'laporanTim.masuk', { ketua: 'Tim Burton', ringkasan: '-', citation: 'R3' })).toContain('ketua tim Tim Burton');
  });
});
