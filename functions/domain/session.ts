/** Who is calling: the session types the HTTP layer verifies and the use cases receive. */

/** A signed-in candidate. */
export interface CandidateSession {
  readonly kind: 'candidate';
  readonly candidateId: string;
  /** When the token was issued, seconds since the epoch (set when read from a cookie). */
  readonly issuedAt?: number;
  /** The account's session version when the token was issued (see {@link SessionVersioned}). */
  readonly sessionVersion?: number;
}

/** A signed-in staff member; `points` are the confirmation point ids in scope (admins: all). */
export interface StaffSession {
  readonly kind: 'staff';
  readonly staffId: string;
  readonly role: 'staff' | 'admin';
  readonly points: readonly string[];
  /** The account's session version when the token was issued (see {@link SessionVersioned}). */
  readonly sessionVersion?: number;
}

/**
 * Accounts carry a session version; a token is valid only while it matches. Logging out, changing or
 * resetting a password increments it, which ends every other session of that account at once.
 */
export interface SessionVersioned {
  readonly sessionVersion?: number;
}

/** Either kind of session. */
export type Session = CandidateSession | StaffSession;
