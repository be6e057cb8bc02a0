import type { WebFeature } from '../feature.js';

export default {
  pages: [
    { paths: ['/daftar'], load: () => import('./RegisterPage.js').then((m) => m.Register) },
    { paths: ['/masuk'], load: () => import('./LoginPage.js').then((m) => m.Login) },
    {
      paths: ['/lupa-sandi'],
      load: () => import('./PasswordResetPage.js').then((m) => m.PasswordReset),
    },
    { paths: ['/akun'], load: () => import('./AccountPage.js').then((m) => m.Account) },
  ],
  navLinks: [
    {
      href: '/akun',
      labelKey: 'web.bar.account',
      place: 'bottom',
      order: 50,
      guestHref: '/masuk',
      covers: ['/akun', '/area-saya', '/masuk', '/daftar', '/konsol'],
      icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
    },
    { href: '/masuk', labelKey: 'web.nav.login', place: 'header', order: 80, audience: 'guest' },
    {
      href: '/daftar',
      labelKey: 'web.nav.register',
      place: 'header',
      order: 90,
      audience: 'guest',
    },
  ],
  consoleSections: [
    {
      path: 'petugas',
      labelKey: 'web.console.nav.officers',
      roles: ['station_admin', 'platform_admin'],
      order: 10,
      load: () => import('./console/ConsoleOfficers.js').then((m) => m.ConsoleOfficers),
    },
  ],
  homeSections: [{ order: 90, load: () => import('./HomeJoin.js').then((m) => m.HomeJoin) }],
} satisfies WebFeature;
