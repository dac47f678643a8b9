// Colours of entity types and relation types, shared by the network and map (CSS has the same for badges).
export const typeColors = {
  ArmedGroup: '#b5442c', Person: '#2f6690', Organization: '#6a4c93',
  Country: '#4f7f4e', Place: '#9a7b2f', PeopleGroup: '#c0761a',
};

const relationPalette = {
  opposes: '#c0392b', cooperates_with: '#2e8b57', leads: '#1f5f8b', affiliated_with: '#8e5ba6',
  offshoot_of: '#d35400', operates_in: '#7f8c8d', originated_in: '#a0855b',
};
const spare = ['#16a085', '#8e44ad', '#2c3e50', '#d4a017', '#7b241c', '#1abc9c'];

/** A relation type's colour; types the palette does not know get a stable one by name. */
export function relationColor(type) {
  if (relationPalette[type]) return relationPalette[type];
  let hash = 0;
  for (const ch of type) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return spare[hash % spare.length];
}

export function typeColor(type) {
  return typeColors[type] ?? '#777';
}
