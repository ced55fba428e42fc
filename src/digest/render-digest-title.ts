// The digest issue's title and the hidden marker that finds it again. Pure.

import type { DigestTarget } from "./digest-types.js";

/** "review-coach digest: owner/name, 2026-W45". */
export function renderDigestTitle(target: DigestTarget, isoWeek: string): string {
  return `review-coach digest: ${target.name.replace(/[\r\n]+/g, " ")}, ${isoWeek}`;
}

export const DIGEST_MARKER_PREFIX = "<!-- review-coach:digest ";

/**
 * The hidden first line of a digest body, so delivery can find the week's issue and update it in place
 * instead of opening a second one: `<!-- review-coach:digest repository owner/name 2026-W45 -->`.
 */
export function renderDigestMarker(target: DigestTarget, isoWeek: string): string {
  const name = target.name.replace(/[^A-Za-z0-9._/-]/g, "");
  return `${DIGEST_MARKER_PREFIX}${target.kind} ${name} ${isoWeek.replace(/[^0-9W-]/g, "")} -->`;
}
