// Reads of the alerts feature: the current problems with the overall health (refetched on alerts.changed by the
// indicator) and the notification setting. Not tied to one cluster: they span every connected one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestResult } from '../../src-shared/ipc/contract.js';
import type { Reply } from '../../src-shared/ipc/errors.js';
import { getBridge } from '../bridge.js';
import { ContractError } from './useContractQuery.js';

export const ALERTS_KEY = ['alerts'] as const;

function unwrap<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new ContractError(reply.error);
  return reply.value;
}

export const useAlertProblems = () =>
  useQuery<RequestResult<'alerts.problems'>, ContractError>({
    queryKey: [...ALERTS_KEY, 'problems'],
    queryFn: async () => unwrap(await getBridge().invoke('alerts.problems', {})),
  });

export const useAlertsSettings = () =>
  useQuery<RequestResult<'alerts.settings'>, ContractError>({
    queryKey: [...ALERTS_KEY, 'settings'],
    queryFn: async () => unwrap(await getBridge().invoke('alerts.settings', {})),
  });

/** after alerts.changed or a settings change */
export function useAlertsRefresh(): () => void {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ALERTS_KEY });
}
