import type { IssueAlertBody } from '../../../api/types.js';

/** An alert pre-filled elsewhere (a cluster of reports) on its way to the composer. */
export interface HandedDraft {
  draft: IssueAlertBody;
  /** Names of the draft's target areas, for the composer's list. */
  areaNames: Record<string, string>;
}

const KEY = 'siaga.alert-draft';

/** Leaves the draft for the composer, which takes it once (this tab only). */
export function handAlertDraft(handed: HandedDraft): void {
  sessionStorage.setItem(KEY, JSON.stringify(handed));
}

export function takeAlertDraft(): HandedDraft | undefined {
  const text = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return text ? (JSON.parse(text) as HandedDraft) : undefined;
}
