import type { WebFeature } from '../feature.js';

export default {
  pages: [
    { paths: ['/kabar'], load: () => import('./FeedPage.js').then((m) => m.FeedPage) },
    {
      paths: ['/p/:id', '/p/:id/:slug'],
      load: () => import('./PostPage.js').then((m) => m.PostPage),
    },
    {
      paths: ['/kampanye/:id'],
      load: () => import('./CampaignPage.js').then((m) => m.CampaignPage),
    },
  ],
  navLinks: [
    {
      href: '/kabar',
      labelKey: 'posts.nav',
      place: 'header',
      order: 5,
      covers: ['/kabar', '/p/', '/kampanye/'],
    },
  ],
  navNamespaces: ['posts'],
  homeSections: [
    { order: 20, load: () => import('./HomePosts.js').then((m) => m.HomeMyStationsPosts) },
    { order: 25, load: () => import('./HomePosts.js').then((m) => m.HomeNationalPosts) },
  ],
  consoleSections: [
    {
      path: 'kabar',
      labelKey: 'posts.console.title',
      namespaces: ['posts'],
      roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
      order: 35,
      load: () => import('./console/ConsolePosts.js').then((m) => m.ConsolePosts),
    },
  ],
} satisfies WebFeature;
