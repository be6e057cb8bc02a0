import type { WebFeature } from '../feature.js';

export default {
  pages: [{ paths: ['/area-saya'], load: () => import('./MyAreasPage.js').then((m) => m.MyAreas) }],
  navLinks: [
    {
      href: '/area-saya',
      labelKey: 'web.areas.title',
      place: 'header',
      order: 20,
      audience: 'signed-in',
    },
  ],
  homeSections: [{ order: 60, load: () => import('./HomeMyAreas.js').then((m) => m.HomeMyAreas) }],
} satisfies WebFeature;
