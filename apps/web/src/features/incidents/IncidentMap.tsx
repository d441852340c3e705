import type { Incident } from '@komek/domain';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { regionMap } from '../../components/region-map.ts';
import { DISTRICT_CENTRES } from '../results/district-centres.ts';

const COLOUR = { reported: '#e8590c', verified: '#c92a2a', disputed: '#868e96' } as const;

/**
 * The incidents listed, where they happened (or at their district's centre when no point was
 * taken), coloured by status and sized by the people affected; a click opens one.
 */
export function IncidentMap({ incidents, onOpen }: { incidents: Incident[]; onOpen: (id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const open = useRef(onOpen);
  open.current = onOpen;
  const key = JSON.stringify(
    incidents.map((i) => [i.id, i.reference, i.status, i.latitude, i.longitude, i.districtId, i.affected]),
  );
  useEffect(() => {
    if (!ref.current) return;
    const points = JSON.parse(key) as Array<
      [string, string, Incident['status'], number | null, number | null, string | null, Incident['affected']]
    >;
    return regionMap(ref.current, (map) => {
      for (const [id, reference, status, lat, lng, districtId, affected] of points) {
        const at: [number, number] | undefined =
          lat !== null && lng !== null ? [lat, lng] : districtId ? DISTRICT_CENTRES[districtId] : undefined;
        if (!at) continue;
        const people = affected.women + affected.men + affected.girls + affected.boys;
        L.circleMarker(at, {
          radius: 5 + Math.sqrt(people),
          color: COLOUR[status],
          weight: 1,
          fillOpacity: 0.6,
        })
          .bindTooltip(reference)
          .on('click', () => open.current(id))
          .addTo(map);
      }
    });
  }, [key]);
  return <div ref={ref} style={{ height: 360, borderRadius: 4 }} data-testid="incident-map" />;
}
