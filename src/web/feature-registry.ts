import type { WebFeature } from './features/feature.js';

// Every `features/<f>/feature.ts`: a feature that adds one needs no edit in the shell.
const manifests = import.meta.glob<WebFeature>('./features/*/feature.ts', {
  eager: true,
  import: 'default',
});

const features = Object.values(manifests);
const byOrder = <T extends { order: number }>(items: T[]) =>
  items.sort((a, b) => a.order - b.order);

export const pages = features.flatMap((f) => f.pages ?? []);
export const consoleSections = byOrder(features.flatMap((f) => f.consoleSections ?? []));
export const navLinks = byOrder(features.flatMap((f) => f.navLinks ?? []));
export const homeSections = byOrder(features.flatMap((f) => f.homeSections ?? []));
export const startups = features.flatMap((f) => (f.onStart ? [f.onStart] : []));
export const shellParts = features.flatMap((f) => f.shellParts ?? []);
/** Audit target type → the page about it, from every feature. */
export const auditTargetLinks: Readonly<Record<string, (id: string) => string>> =
  Object.fromEntries(features.flatMap((f) => Object.entries(f.auditTargets ?? {})));
/** The namespaces of the nav labels, loaded by the shell. */
export const shellNamespaces = [...new Set(features.flatMap((f) => f.navNamespaces ?? []))];
/** The namespaces of the console's tab labels. */
export const consoleNamespaces = [
  ...new Set(consoleSections.flatMap((section) => section.namespaces ?? [])),
];
