import { label, type Button } from '../../messages';

/** One button per team, pressing which answers a "which team?" step with `pilih` and its id. */
export function teamRows(teams: Array<{ id: string; name: string }>): Button[][] {
  return teams.map((tim) => [{ label: label('laporan.tombolTim', { nama: tim.name }), action: 'pilih', args: { timId: tim.id } }]);
}
