import type { id } from './id';

// English, second language: any missing key falls back to Bahasa Indonesia.
export const en: Partial<Record<keyof typeof id, string>> = {
  'umum.terjadiKesalahan': 'Sorry, something went wrong. Your request was not processed; please try again shortly.',
  'umum.tidakDimengerti': 'Sorry, I did not understand that. Type /bantuan to see the available commands.',
  'umum.perintahTidakDikenal': 'Unknown command /{command}. Type /bantuan to see the available commands.',
  'umum.perintahTidakTersedia': 'The command /{command} is not available for your role.',
  'umum.gunakanTombol': 'Please choose one of the buttons in the previous message, or type /batal to cancel.',
  'bantuan.daftar': 'Commands you can use:\n{daftar}',
  'bantuan.baris': '/{command}: {description}',
  'percakapan.dibatalkan': 'Conversation cancelled. Nothing that was not sent has been kept.',
  'percakapan.tidakAda': 'There is no conversation in progress.',
  'percakapan.kedaluwarsa': 'Your previous conversation ended after a period of inactivity. Please start again if needed.',
  'tombol.diterima': 'Received.',
  'tombol.kedaluwarsa': 'This button is no longer valid. Please use the latest message.',
  'tombol.sudahDipakai': 'This button has already been used.',
  'tombol.bukanUntukAnda': 'Sorry, this button is not meant for you. The attempt has been recorded.',
  'identitas.belumTerhubung': 'This account is not linked to an employee record yet. Ask your admin for a link code, then send /start <code>.',
  'identitas.mintaKode': 'Welcome to timkerja. Ask your administrator for a link code, then send /start <code>.',
  'identitas.kodeTidakValid': 'The link code is invalid, used or expired. Ask your administrator for a new one.',
  'identitas.terhubung': 'Account linked as {nama} (NIP {nip}), {jabatan}. Type /bantuan to see what you can do.',
  'persetujuan.bukanWewenang': 'Sorry, you are not authorised to decide this step ({rule}). The attempt has been recorded.',
  'persetujuan.sudahDiputuskan': 'This step has already been decided.',
};
