// Whether the firm's certificate was unlocked (or created, which unlocks it) in this app
// session: shared by the settings section ("Déverrouillé pour cette session") and the letters
// (signed on issue). The core holds the key itself; this only remembers what the UI did, for
// the register open at the time (another register opened means another key, locked).
import type { CertificateInfo } from "../../lib/backend/types";
import { session } from "../session/session.svelte";

class CertificateSession {
  /** The register (its path) and its certificate (fingerprint) unlocked in this session. */
  unlocked = $state<{ register: string; fingerprint: string } | null>(null);
}

export const certificateSession = new CertificateSession();

const registerKey = () => session.info?.dbPath ?? "";

/** The core answered create_certificate or unlock_certificate: letters are signed from now on. */
export function markCertificateUnlocked(info: Pick<CertificateInfo, "fingerprint">): void {
  certificateSession.unlocked = { register: registerKey(), fingerprint: info.fingerprint };
}

/** The core said the certificate is locked (a letter refused): forget what the UI believed. */
export function markCertificateLocked(): void {
  certificateSession.unlocked = null;
}

/**
 * The certificate of the open register was unlocked in this session (reactive); with
 * `fingerprint`, that very certificate.
 */
export function certificateUnlocked(fingerprint?: string): boolean {
  const u = certificateSession.unlocked;
  if (u === null || u.register !== registerKey()) return false;
  return fingerprint === undefined || u.fingerprint === fingerprint;
}
