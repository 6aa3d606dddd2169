import { useEffect, useState } from 'react';

/** False during server rendering and the first client render; true once the island runs. */
export function useHydrated(): boolean {
  const [isHydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return isHydrated;
}
