/** The signed-in staff member, provided by the staff frame to every page inside it. */
import { createContext, useContext } from 'react';
import type { StaffView } from './staff-api';

/** What staff pages get from {@link useStaff}. */
export interface StaffContextValue {
  staff: StaffView;
  /** Ends the session and goes to the login page. */
  signOut: () => Promise<void>;
}

/** Provided by `StaffFrame` once the session is known. */
export const StaffContext = createContext<StaffContextValue | null>(null);

/** The signed-in staff member (only inside `StaffFrame`). */
export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff() outside <StaffFrame>');
  return value;
}
