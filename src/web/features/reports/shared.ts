/** The catalog namespaces the reports pages' strings come from. */
export const NAMESPACES = ['reports', 'alerts'];

export const trackUrl = (code: string) => `/lapor/lacak?kode=${encodeURIComponent(code)}`;
