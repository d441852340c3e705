import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGION_COUNTRIES } from '../features/results/district-centres.ts';

/**
 * A map of the region with the country outlines from the packaged Natural Earth atlas. No tile
 * server: the map works offline and sends no one's location anywhere. `draw` adds the layers
 * once the outlines are there; the answer removes the map.
 */
export function regionMap(element: HTMLElement, draw: (map: L.Map) => void): () => void {
  const map = L.map(element, { attributionControl: false, zoomSnap: 0.25 }).setView([41.5, 66], 4.25);
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
    draw(map);
  });
  return () => {
    cancelled = true;
    map.remove();
  };
}
