// Hari libur nasional and cuti bersama, shipped with the product so nothing is looked up at run time.
// 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497, 2 dan 5 Tahun 2025.
// 2027: the dates of fixed holidays, and astronomical estimates for the rest, marked `perkiraan`
// until the SKB for 2027 is entered; the admin is reminded to check them (see calendarWarning.ts).

export interface NationalDayOff {
  date: string;
  name: string;
  kind: 'LIBUR_NASIONAL' | 'CUTI_BERSAMA';
  perkiraan?: true;
}

const libur = (date: string, name: string, perkiraan = false): NationalDayOff =>
  ({ date, name, kind: 'LIBUR_NASIONAL', ...(perkiraan ? { perkiraan: true as const } : {}) });
const cutiBersama = (date: string, name: string): NationalDayOff => ({ date, name, kind: 'CUTI_BERSAMA' });

export const NATIONAL_DAYS_OFF: NationalDayOff[] = [
  libur('2026-01-01', 'Tahun Baru 2026 Masehi'),
  libur('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  cutiBersama('2026-02-16', 'Cuti bersama Tahun Baru Imlek'),
  libur('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cutiBersama('2026-03-18', 'Cuti bersama Hari Suci Nyepi'),
  libur('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'),
  cutiBersama('2026-03-20', 'Cuti bersama Idul Fitri 1447 H'),
  libur('2026-03-21', 'Idul Fitri 1447 H'),
  libur('2026-03-22', 'Idul Fitri 1447 H'),
  cutiBersama('2026-03-23', 'Cuti bersama Idul Fitri 1447 H'),
  cutiBersama('2026-03-24', 'Cuti bersama Idul Fitri 1447 H'),
  libur('2026-04-03', 'Wafat Yesus Kristus'),
  libur('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2026-05-01', 'Hari Buruh Internasional'),
  libur('2026-05-14', 'Kenaikan Yesus Kristus'),
  cutiBersama('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
  libur('2026-05-27', 'Idul Adha 1447 H'),
  cutiBersama('2026-05-28', 'Cuti bersama Idul Adha 1447 H'),
  libur('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  libur('2026-06-01', 'Hari Lahir Pancasila'),
  libur('2026-06-16', 'Tahun Baru Islam 1448 H'),
  libur('2026-08-17', 'Proklamasi Kemerdekaan'),
  libur('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  cutiBersama('2026-12-24', 'Cuti bersama Hari Raya Natal'),
  libur('2026-12-25', 'Kelahiran Yesus Kristus'),

  libur('2027-01-01', 'Tahun Baru 2027 Masehi'),
  libur('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', true),
  libur('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
  libur('2027-03-09', 'Hari Suci Nyepi Tahun Baru Saka 1949', true),
  libur('2027-03-10', 'Idul Fitri 1448 H', true),
  libur('2027-03-11', 'Idul Fitri 1448 H', true),
  libur('2027-03-26', 'Wafat Yesus Kristus'),
  libur('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2027-05-01', 'Hari Buruh Internasional'),
  libur('2027-05-06', 'Kenaikan Yesus Kristus'),
  libur('2027-05-17', 'Idul Adha 1448 H', true),
  libur('2027-05-20', 'Hari Raya Waisak 2571 BE', true),
  libur('2027-06-01', 'Hari Lahir Pancasila'),
  libur('2027-06-06', 'Tahun Baru Islam 1449 H', true),
  libur('2027-08-15', 'Maulid Nabi Muhammad SAW', true),
  libur('2027-08-17', 'Proklamasi Kemerdekaan'),
  libur('2027-12-25', 'Kelahiran Yesus Kristus'),
];
