import enPosts from '../../../common/i18n/en/posts.json' with { type: 'json' };
import idPosts from '../../../common/i18n/id/posts.json' with { type: 'json' };
import type { Role } from '../../../common/domain/roles.js';
import type { FeatureModule } from '../../module.js';
import * as createPosts from './migrations/20261202T1330-posts-create.js';
import { publishScheduledJob } from './posts.jobs.js';
import { registerPostsRoutes } from './posts.routes.js';
import { POST_SEARCH_TYPE } from './posts.service.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    posts: typeof idPosts;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    posts: typeof postsPolicies;
  }
}

declare module '../../realtime/bus.js' {
  interface BusEvents {
    /** A post went public, changed or left: every node drops its cached feed pages. */
    'posts.changed': { at: string };
  }
}

const postsPolicies = {
  /** Write drafts, add images, send for review. */
  'posts.write': ['officer', 'editor', 'station_admin'],
  /** Approve, publish, schedule, unpublish, archive; edit published text; campaigns. */
  'posts.publish': ['editor', 'station_admin'],
  'posts.reach': ['officer', 'editor', 'station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const postsModule: FeatureModule = {
  name: 'posts',
  routes: registerPostsRoutes,
  jobs: [publishScheduledJob],
  migrations: { '20261202T1330-posts-create': createPosts },
  policies: postsPolicies,
  i18n: { posts: { id: idPosts, en: enPosts } },
  searchTypes: [POST_SEARCH_TYPE],
};
