import type { IncidentMapCell } from '@komek/domain';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { regionMap } from '../../components/region-map.ts';
import { DISTRICT_CENTRES } from '../results/district-centres.ts';

/**
 * The window's incidents as a heat of circles: one per cell of about five kilometres (or per
 * district where no point was taken), sized by how many happened there, red where someone was
 * hurt. A cell of one opens its incident; a larger one is zoomed into.
 */
export function IncidentMap({
  cells,
  label,
  onOpen,
}: {
  cells: IncidentMapCell[];
  label: (cell: IncidentMapCell) => string;
  onOpen: (id: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const handlers = useRef({ label, onOpen });
  handlers.current = { label, onOpen };
  const key = JSON.stringify(cells);
  useEffect(() => {
    if (!ref.current) return;
    const points = JSON.parse(key) as IncidentMapCell[];
    return regionMap(ref.current, (map) => {
      for (const cell of points) {
        const at: [number, number] | undefined =
          cell.latitude !== null && cell.longitude !== null
            ? [cell.latitude, cell.longitude]
            : cell.districtId
              ? DISTRICT_CENTRES[cell.districtId]
              : undefined;
        if (!at) continue;
        L.circleMarker(at, {
          radius: 4 + Math.sqrt(cell.count) * 3,
          color: cell.casualties > 0 ? '#c92a2a' : '#e8590c',
          weight: 1,
          fillOpacity: 0.55,
        })
          .bindTooltip(handlers.current.label(cell))
          .on('click', () =>
            cell.incidentId
              ? handlers.current.onOpen(cell.incidentId)
              : map.setView(at, Math.max(map.getZoom() + 2, 8)),
          )
          .addTo(map);
      }
    });
  }, [key]);
  return <div ref={ref} style={{ height: 360, borderRadius: 4 }} data-testid="incident-map" />;
}
