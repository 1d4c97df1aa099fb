/** Who is calling: the session types the HTTP layer verifies and the use cases receive. */

/** A signed-in candidate. */
export interface CandidateSession {
  readonly kind: 'candidate';
  readonly candidateId: string;
  /** When the token was issued, seconds since the epoch (set when read from a cookie). */
  readonly issuedAt?: number;
}

/** A signed-in staff member; `points` are the confirmation point ids in scope (admins: all). */
export interface StaffSession {
  readonly kind: 'staff';
  readonly staffId: string;
  readonly role: 'staff' | 'admin';
  readonly points: readonly string[];
}

/** Either kind of session. */
export type Session = CandidateSession | StaffSession;
