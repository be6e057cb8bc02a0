import type { StationLevel, StationRole } from '../../common/domain/roles.js';

/**
 * The demo deployment: one Polda, two Polres with two Polsek each, over real areas of
 * DKI Jakarta. Names and contacts are fictional; every account and station is marked demo.
 */
export interface DemoStation {
  slug: string;
  name: string;
  level: StationLevel;
  parentSlug: string | null;
  address: string;
  phones: Array<{ label: string; number: string }>;
  socialLinks: Record<string, string>;
  areaCodes: string[];
}

export const DEMO_STATIONS: DemoStation[] = [
  {
    slug: 'polda-metro-demo',
    name: 'Polda Metro Jaya (Demo)',
    level: 'polda',
    parentSlug: null,
    address: 'Jl. Jenderal Sudirman Kav. 55, Jakarta Selatan',
    phones: [{ label: 'Layanan darurat', number: '110' }],
    socialLinks: {
      instagram: 'https://instagram.com/siaga.demo',
      website: 'https://siaga.example.id',
    },
    areaCodes: ['31'],
  },
  {
    slug: 'polres-jaksel-demo',
    name: 'Polres Metro Jakarta Selatan (Demo)',
    level: 'polres',
    parentSlug: 'polda-metro-demo',
    address: 'Jl. Wijaya II No. 42, Kebayoran Baru',
    phones: [{ label: 'SPKT', number: '+62217206011' }],
    socialLinks: { instagram: 'https://instagram.com/polres.jaksel.demo' },
    areaCodes: ['31.74'],
  },
  {
    slug: 'polsek-kebayoran-baru-demo',
    name: 'Polsek Kebayoran Baru (Demo)',
    level: 'polsek',
    parentSlug: 'polres-jaksel-demo',
    address: 'Jl. Wolter Monginsidi No. 1, Kebayoran Baru',
    phones: [{ label: 'SPKT', number: '+62217221111' }],
    socialLinks: {},
    areaCodes: ['31.74.07'],
  },
  {
    slug: 'polsek-kebayoran-lama-demo',
    name: 'Polsek Kebayoran Lama (Demo)',
    level: 'polsek',
    parentSlug: 'polres-jaksel-demo',
    address: 'Jl. Ciledug Raya No. 2, Kebayoran Lama',
    phones: [{ label: 'SPKT', number: '+62217222222' }],
    socialLinks: {},
    areaCodes: ['31.74.05'],
  },
  {
    slug: 'polres-jaktim-demo',
    name: 'Polres Metro Jakarta Timur (Demo)',
    level: 'polres',
    parentSlug: 'polda-metro-demo',
    address: 'Jl. Matraman Raya No. 224, Jatinegara',
    phones: [{ label: 'SPKT', number: '+62218191111' }],
    socialLinks: {},
    areaCodes: ['31.75'],
  },
  {
    slug: 'polsek-jatinegara-demo',
    name: 'Polsek Jatinegara (Demo)',
    level: 'polsek',
    parentSlug: 'polres-jaktim-demo',
    address: 'Jl. Jatinegara Barat No. 1',
    phones: [{ label: 'SPKT', number: '+62218193333' }],
    socialLinks: {},
    areaCodes: ['31.75.03'],
  },
  {
    slug: 'polsek-duren-sawit-demo',
    name: 'Polsek Duren Sawit (Demo)',
    level: 'polsek',
    parentSlug: 'polres-jaktim-demo',
    address: 'Jl. Kolonel Sugiono No. 5, Duren Sawit',
    phones: [{ label: 'SPKT', number: '+62218194444' }],
    socialLinks: {},
    areaCodes: ['31.75.07'],
  },
];

/** One password for every demo login, printed by `siaga seed demo`. */
export const DEMO_PASSWORD = 'siaga-demo-2026';

export interface DemoOfficer {
  email: string;
  name: string;
  phone: string;
  stationSlug: string | null;
  role: StationRole | 'platform_admin';
  /** Villages this officer is the Bhabinkamtibmas of. */
  liaisonFor?: string[];
}

export const DEMO_OFFICERS: DemoOfficer[] = [
  {
    email: 'admin@demo.siaga.id',
    name: 'Admin Platform',
    phone: '+6281100000001',
    stationSlug: null,
    role: 'platform_admin',
  },
  {
    email: 'admin.polda@demo.siaga.id',
    name: 'Kompol Rina Wulandari',
    phone: '+6281100000002',
    stationSlug: 'polda-metro-demo',
    role: 'station_admin',
  },
  {
    email: 'admin.jaksel@demo.siaga.id',
    name: 'AKP Budi Santoso',
    phone: '+6281100000003',
    stationSlug: 'polres-jaksel-demo',
    role: 'station_admin',
  },
  {
    email: 'editor.jaksel@demo.siaga.id',
    name: 'Ipda Sari Lestari',
    phone: '+6281100000004',
    stationSlug: 'polres-jaksel-demo',
    role: 'editor',
  },
  {
    email: 'bhabin.melawai@demo.siaga.id',
    name: 'Aiptu Joko Prasetyo',
    phone: '+6281100000005',
    stationSlug: 'polsek-kebayoran-baru-demo',
    role: 'officer',
    liaisonFor: ['31.74.07.1001', '31.74.07.1002'],
  },
  {
    email: 'bhabin.senayan@demo.siaga.id',
    name: 'Bripka Dewi Anggraini',
    phone: '+6281100000006',
    stationSlug: 'polsek-kebayoran-baru-demo',
    role: 'officer',
    liaisonFor: ['31.74.07.1006', '31.74.07.1007'],
  },
  {
    email: 'admin.kebbaru@demo.siaga.id',
    name: 'Iptu Hendra Gunawan',
    phone: '+6281100000007',
    stationSlug: 'polsek-kebayoran-baru-demo',
    role: 'station_admin',
  },
  {
    email: 'bhabin.klender@demo.siaga.id',
    name: 'Aipda Yusuf Hidayat',
    phone: '+6281100000008',
    stationSlug: 'polsek-duren-sawit-demo',
    role: 'officer',
    liaisonFor: ['31.75.07.1003'],
  },
  {
    email: 'admin.jaktim@demo.siaga.id',
    name: 'AKP Maya Kusuma',
    phone: '+6281100000009',
    stationSlug: 'polres-jaktim-demo',
    role: 'station_admin',
  },
];

export interface DemoCitizen {
  email: string;
  name: string;
  homeVillage: string;
}

export const DEMO_CITIZENS: DemoCitizen[] = [
  { email: 'warga.melawai@demo.siaga.id', name: 'Andi Saputra', homeVillage: '31.74.07.1001' },
  { email: 'warga.senayan@demo.siaga.id', name: 'Lestari Handayani', homeVillage: '31.74.07.1006' },
  { email: 'warga.klender@demo.siaga.id', name: 'Rudi Hartono', homeVillage: '31.75.07.1003' },
];

/**
 * Approximate centres of the demo villages. The demo draws a small square around each as its
 * boundary, so a point (the browser's location) resolves to a village; real deployments import
 * official boundaries with `siaga areas import-boundaries`.
 */
export const DEMO_VILLAGE_CENTRES: Array<{ code: string; lat: number; lng: number }> = [
  { code: '31.74.07.1001', lat: -6.2437, lng: 106.8007 },
  { code: '31.74.07.1002', lat: -6.2354, lng: 106.7957 },
  { code: '31.74.07.1003', lat: -6.2422, lng: 106.7888 },
  { code: '31.74.07.1004', lat: -6.2312, lng: 106.8036 },
  { code: '31.74.07.1005', lat: -6.2385, lng: 106.8097 },
  { code: '31.74.07.1006', lat: -6.2256, lng: 106.8011 },
  { code: '31.74.07.1007', lat: -6.2497, lng: 106.7979 },
  { code: '31.74.07.1008', lat: -6.2468, lng: 106.8155 },
  { code: '31.74.07.1009', lat: -6.2566, lng: 106.7878 },
  { code: '31.74.07.1010', lat: -6.2623, lng: 106.803 },
  { code: '31.74.05.1001', lat: -6.238, lng: 106.779 },
  { code: '31.74.05.1002', lat: -6.2707, lng: 106.7713 },
  { code: '31.75.07.1003', lat: -6.2235, lng: 106.9005 },
  { code: '31.75.07.1002', lat: -6.234, lng: 106.908 },
  { code: '31.75.03.1001', lat: -6.2256, lng: 106.8665 },
];

/** Half the side of each demo square, in degrees (~330 m). */
export const DEMO_BOUNDARY_HALF_SIDE = 0.003;
