// The renderer's one query cache for reads over IPC (the live inventory stream stays in its zustand store).
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // PVE errors are answers (permission denied, gone): the toast says why; retrying would only repeat it
        retry: false,
        // freshness comes from plans.changed and the views that mount; a focus change says nothing new
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

export const queryClient = createQueryClient();
