/**
 * Parent accounts and the consent requests a linked child sends them (docs/roblox-behaviour.md,
 * "Parent accounts and consent requests"). Plain data and pure helpers; SimState holds the maps.
 */

/** The consent types Roblox's parent dashboard names (same section of the behaviour doc). */
export const CONSENT_TYPES = [
  "UpdateUserSetting",
  "ManageFriend",
  "ManageExperience",
  "AddTrustedConnection",
  "LiftRestriction",
] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

export type ConsentStatus = "Pending" | "Approved" | "Denied";

/** One request from a child to its parents. `consentData` carries the type's own fields. */
export interface Consent {
  id: string;
  childUserId: number;
  consentType: ConsentType;
  consentData: Record<string, string | number | boolean>;
  createdTime: number;
  status: ConsentStatus;
  /** the parent who answered; null while pending */
  parentUserId: number | null;
  seq: number;
}

/** A UUID-shaped id: Roblox's consent ids are strings (the dashboard types them `id: string`). */
export function consentId(seq: number): string {
  return `5c0a7e00-0000-4000-8000-${String(seq).padStart(12, "0")}`;
}

/** The wire shape of one consent on `consents` (fields the dashboard's type names). */
export function consentJson(c: Consent) {
  return {
    id: c.id,
    childUserId: c.childUserId,
    parentUserId: c.parentUserId === null ? null : String(c.parentUserId),
    consentType: c.consentType,
    consentOutcome: c.status === "Pending" ? null : c.status,
    consentData: c.consentData,
    createdTime: new Date(c.createdTime).toISOString(),
  };
}
