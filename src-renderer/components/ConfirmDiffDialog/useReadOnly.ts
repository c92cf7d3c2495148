// Whether a cluster profile is read-only: every mutation control is disabled then (main refuses them anyway).
import { useEffect, useState } from 'react';
import { request } from '../../request.js';

/** true while unknown, so no mutation control is briefly enabled before the answer arrives */
export function useReadOnly(profileId: string | undefined): boolean {
  const [readOnly, setReadOnly] = useState(true);
  useEffect(() => {
    let cancelled = false;
    if (!profileId) return;
    void request('profiles.list', {}, 'Cannot read profiles').then((r) => {
      if (!cancelled && r) setReadOnly(r.profiles.find((p) => p.id === profileId)?.readOnly ?? true);
    });
    return () => {
      cancelled = true;
    };
  }, [profileId]);
  return readOnly;
}
