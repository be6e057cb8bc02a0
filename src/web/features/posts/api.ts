import type {
  CampaignList,
  CampaignView,
  CreateCampaignBody,
  CreatePostBody,
  ManagedPostList,
  PostCard,
  PostList,
  PostVersionList,
  PostView,
  ReachView,
  UpdatePostBody,
} from '../../../common/api/posts.js';
import type { PostKind, PostStatus, ShareChannel } from '../../../common/domain/posts.js';
import { api, toApiError } from '../../api/client.js';

export type { CampaignView, PostCard, PostView, ReachView };

const enc = encodeURIComponent;

export interface FeedQuery {
  station?: string;
  area?: string;
  kind?: PostKind;
  tag?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export const listPosts = (query: FeedQuery = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return api<PostList>('GET', `/api/posts${search ? `?${search}` : ''}`);
};
export const getPost = (id: string) => api<PostView>('GET', `/api/posts/${enc(id)}`);
export const listVersions = (id: string) =>
  api<PostVersionList>('GET', `/api/posts/${enc(id)}/versions`);
export const countShare = (id: string, channel: ShareChannel) =>
  api<null>('POST', `/api/posts/${enc(id)}/share`, { channel });
export const countView = (id: string) => api<null>('POST', `/api/posts/${enc(id)}/view`);
export const getCampaign = (id: string) => api<CampaignView>('GET', `/api/campaigns/${enc(id)}`);

// ---- console ------------------------------------------------------------------------------------

export const listManagedPosts = (station: string, status?: PostStatus) =>
  api<ManagedPostList>(
    'GET',
    `/api/posts/manage?station=${enc(station)}${status ? `&status=${status}` : ''}`,
  );
export const createPost = (body: CreatePostBody) => api<PostView>('POST', '/api/posts', body);
export const editPost = (id: string, body: UpdatePostBody) =>
  api<PostView>('PATCH', `/api/posts/${enc(id)}`, body);
export type PostMove = 'submit' | 'approve' | 'publish' | 'unpublish' | 'archive';
export const movePost = (id: string, move: PostMove) =>
  api<PostView>('POST', `/api/posts/${enc(id)}/${move}`);
export const schedulePost = (id: string, publishAt: string) =>
  api<PostView>('POST', `/api/posts/${enc(id)}/schedule`, { publishAt });
export const previewMarkdown = (body: string) =>
  api<{ html: string }>('POST', '/api/posts/preview', { body });
export const listCampaigns = (station: string) =>
  api<CampaignList>('GET', `/api/campaigns?station=${enc(station)}`);
export const createCampaign = (body: CreateCampaignBody) =>
  api<CampaignView>('POST', '/api/campaigns', body);
export const orderCampaign = (id: string, postIds: string[]) =>
  api<CampaignView>('PATCH', `/api/campaigns/${enc(id)}`, { postIds });
export const getReach = (station: string) =>
  api<ReachView>('GET', `/api/posts/reach?station=${enc(station)}`);

/** Multipart: the JSON client cannot send files. Errors come back in the same envelope. */
export async function uploadPostImage(
  id: string,
  file: File,
  text: { alt: string; caption: string },
): Promise<PostView> {
  const form = new FormData();
  form.append('alt', text.alt);
  form.append('caption', text.caption);
  form.append('image', file);
  const response = await fetch(`/api/posts/${enc(id)}/images`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
  });
  const body: unknown = await response.json();
  if (!response.ok) throw toApiError(response.status, body);
  return body as PostView;
}
