// Wraps the app in the query cache and keeps it in step with plans.changed for as long as the app is mounted.
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { startPlanInvalidation } from './plan-invalidation.js';
import { queryClient } from './query-client.js';

export function DataProvider({ children }: { children: ReactNode }) {
  useEffect(() => startPlanInvalidation(queryClient), []);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
