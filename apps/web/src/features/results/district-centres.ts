/** Administrative centres of the pilot districts (approximate), for map markers. */
export const DISTRICT_CENTRES: Record<string, [number, number]> = {
  'KG-O-KARASUU': [40.7, 72.87],
  'KG-O-ARAVAN': [40.51, 72.5],
  'KG-B-KADAMJAY': [40.13, 71.72],
  'KG-J-AKSY': [41.49, 71.75],
  'KG-J-ALABUKA': [41.4, 71.43],
};

/** ISO 3166 numeric codes of the five countries (and Afghanistan), as the world atlas keys them. */
export const REGION_COUNTRIES: Record<string, string> = {
  '398': 'KZ',
  '417': 'KG',
  '762': 'TJ',
  '795': 'TM',
  '860': 'UZ',
  '004': 'AF',
};
