import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { DISTRICT_CENTRES, REGION_COUNTRIES } from './district-centres.ts';

/**
 * Country outlines from the packaged Natural Earth atlas and a circle per district sized by the
 * people helped there. No tile server: the map works offline and sends no one's location anywhere.
 */
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
    const map = L.map(ref.current, { attributionControl: false, zoomSnap: 0.25 }).setView([41.5, 66], 4.25);
    let cancelled = false;
    void import('world-atlas/countries-110m.json').then((atlas) => {
      if (cancelled) return;
      const topology = (atlas.default ?? atlas) as unknown as Topology<{ countries: GeometryCollection }>;
      const countries = feature(topology, topology.objects.countries);
      const region = {
        ...countries,
        features: countries.features.filter((f) => REGION_COUNTRIES[String(f.id).padStart(3, '0')]),
      };
      L.geoJSON(region, {
        style: (f) => ({
          color: '#495057',
          weight: 1,
          fillColor: REGION_COUNTRIES[String(f?.id).padStart(3, '0')] === 'AF' ? '#f1f3f5' : '#dbe4ff',
          fillOpacity: 0.7,
        }),
      }).addTo(map);
      for (const d of points) {
        const at = DISTRICT_CENTRES[d.districtId];
        if (!at) continue;
        const n = typeof d.n === 'number' ? d.n : 2;
        L.circleMarker(at, { radius: 5 + Math.sqrt(n) * 2, color: '#c92a2a', weight: 1, fillOpacity: 0.6 })
          .bindTooltip(`${names.current(d.districtId)}: ${d.n}`)
          .addTo(map);
      }
    });
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [key]);
  return <div ref={ref} style={{ height: 340, borderRadius: 4 }} data-testid="results-map" />;
}
