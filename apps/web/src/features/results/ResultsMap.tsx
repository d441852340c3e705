import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { regionMap } from '../../components/region-map.ts';
import { DISTRICT_CENTRES } from './district-centres.ts';

/** The region with a circle per district sized by the people helped there. */
export function ResultsMap({
  byDistrict,
  nameOf,
}: {
  byDistrict: Array<{ districtId: string; n: number | string }>;
  nameOf: (id: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const names = useRef(nameOf);
  names.current = nameOf;
  const key = JSON.stringify(byDistrict);
  useEffect(() => {
    const points = JSON.parse(key) as typeof byDistrict;
    if (!ref.current) return;
    return regionMap(ref.current, (map) => {
      for (const d of points) {
        const at = DISTRICT_CENTRES[d.districtId];
        if (!at) continue;
        const n = typeof d.n === 'number' ? d.n : 2;
        L.circleMarker(at, { radius: 5 + Math.sqrt(n) * 2, color: '#c92a2a', weight: 1, fillOpacity: 0.6 })
          .bindTooltip(`${names.current(d.districtId)}: ${d.n}`)
          .addTo(map);
      }
    });
  }, [key]);
  return <div ref={ref} style={{ height: 340, borderRadius: 4 }} data-testid="results-map" />;
}
