// A statement ID that IAM accepts, made from one it refuses: IAM policies allow only A-Z, a-z and
// 0-9 in a Sid (rules/sid.ts, with the sources). For the quick-fix and for new statements' Sids.

/** The Sid without the characters IAM refuses, each run of them dropped and the next letter capitalized. */
export function cleanSid(sid: string): string {
  return sid.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => next?.toUpperCase() ?? '');
}
