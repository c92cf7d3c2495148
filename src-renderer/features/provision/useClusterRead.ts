// Loads one operations.* read for a profile and reloads it on demand (after a plan ran); no timers here.
import { useCallback, useEffect, useState } from 'react';
import type { RequestArgs, RequestName, RequestResult } from '../../../src-shared/ipc/contract.js';
import { request } from '../../request.js';

export function useClusterRead<N extends RequestName>(
  name: N,
  args: RequestArgs<N> | undefined,
  failure: string,
): { data: RequestResult<N> | undefined; reload(): void } {
  const [data, setData] = useState<RequestResult<N>>();
  const key = JSON.stringify(args ?? null);
  const reload = useCallback(() => {
    if (args === undefined) return;
    void request(name, args, failure).then((r) => r && setData(r));
    // args is compared by its JSON form: callers pass fresh objects each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, failure]);
  useEffect(reload, [reload]);
  return { data, reload };
}
