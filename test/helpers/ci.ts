/**
 * Whether a check that needs something outside the repository can run here. Locally a missing
 * tool or file only skips the check; on CI (`CI=true`), which is meant to run it, a skip would
 * pass silently, so this throws instead and names what is missing.
 */
export function requireInCI(
  available: boolean,
  what: string,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (!available && env.CI === 'true') {
    throw new Error(`CI must run this check, but ${what} is missing`);
  }
  return available;
}
