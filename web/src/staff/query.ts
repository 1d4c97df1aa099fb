/**
 * The address's query string as state, for the staff lists' filters. Not react-router's
 * `useSearchParams`: the candidate pages do not use it, and since react-router is one module in the
 * main bundle, anything the staff chunk takes from it would be shipped to every candidate's phone.
 */
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Navigation options of {@link useQuery}'s setter. */
export interface QueryNavigation {
  /** Replace the history entry instead of adding one (default true: filters are not pages). */
  replace?: boolean;
  /** History state to store with the entry (e.g. a stack of page cursors). */
  state?: unknown;
}

/**
 * The current query parameters, and a setter that navigates to the same path with new ones.
 * @returns `[params, setParams]`; `params` is a fresh URLSearchParams per address (do not mutate it).
 */
export function useQuery(): [URLSearchParams, (next: URLSearchParams, options?: QueryNavigation) => void] {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: URLSearchParams, options: QueryNavigation = {}) => {
      const text = next.toString();
      navigate(
        { pathname, search: text ? `?${text}` : '' },
        { replace: options.replace ?? true, state: options.state },
      );
    },
    [navigate, pathname],
  );
  return [params, setParams];
}
