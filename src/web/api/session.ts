import { api } from './client.js';
import type { Me } from './types.js';

// The session the shell keeps: who is signed in, and signing out.
export const getMe = () => api<Me>('GET', '/api/me');
export const logout = () => api<{ ok: true }>('POST', '/api/auth/logout', {});
