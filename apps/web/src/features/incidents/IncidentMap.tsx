import type { IncidentMapCell } from '@komek/domain';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { regionMap } from '../../components/region-map.ts';
import { DISTRICT_CENTRES } from '../results/district-centres.ts';

export interface MapMeasure {
  id: string;
  latitude: number | null;
  longitude: number | null;
  districtId: string | null;
  label: string;
}

/** Where a thing was taken, or the centre of its district when no point was. */
const placeOf = (p: {
  latitude: number | null;
  longitude: number | null;
  districtId: string | null;
}): [number, number] | undefined =>
  p.latitude !== null && p.longitude !== null
    ? [p.latitude, p.longitude]
    : p.districtId
      ? DISTRICT_CENTRES[p.districtId]
      : undefined;

/**
 * The window's incidents as a heat of circles: one per cell of about five kilometres (or per
 * district where no point was taken), sized by how many happened there, red where someone was
 * hurt. A cell of one opens its incident; a larger one is zoomed into. Measures in the same
 * communities are dashed blue rings, so that disputes and interventions are seen together.
 */
export function IncidentMap({
  cells,
  label,
  onOpen,
  measures = [],
  onOpenMeasure,
}: {
  cells: IncidentMapCell[];
  label: (cell: IncidentMapCell) => string;
  onOpen: (id: string) => void;
  /** Security and development measures in the same communities, drawn apart in blue. */
  measures?: MapMeasure[];
  onOpenMeasure?: (id: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const handlers = useRef({ label, onOpen, onOpenMeasure });
  handlers.current = { label, onOpen, onOpenMeasure };
  const key = JSON.stringify([cells, measures]);
  useEffect(() => {
    if (!ref.current) return;
    const [points, places] = JSON.parse(key) as [IncidentMapCell[], MapMeasure[]];
    return regionMap(ref.current, (map) => {
      for (const m of places) {
        const at = placeOf(m);
        if (!at) continue;
        L.circleMarker(at, {
          radius: 9,
          color: '#1864ab',
          weight: 2,
          dashArray: '4 3',
          fillOpacity: 0.15,
          className: 'measure-marker',
        })
          .bindTooltip(m.label)
          .on('click', () => handlers.current.onOpenMeasure?.(m.id))
          .addTo(map);
      }
      for (const cell of points) {
        const at = placeOf(cell);
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
