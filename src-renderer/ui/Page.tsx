// Every view's frame: heading, one-line description, toolbar, and the loading / error / empty states in place.
import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { CircleAlert, Inbox } from 'lucide-react';
import type { ReactNode } from 'react';
import type { AppError } from '../../src-shared/ipc/errors.js';
import { errorText } from './messages/error-text.js';
import { ErrorDetails } from './messages/ErrorDetails.js';

export interface EmptyInfo {
  title: string;
  /** what to do to get something here */
  hint: ReactNode;
  action?: ReactNode;
}

export interface PageProps {
  title: string;
  description?: ReactNode;
  /** buttons at the right of the heading */
  actions?: ReactNode;
  /** shown as a skeleton instead of the children */
  loading?: boolean;
  /** shown in place of the children (not only as a notification) */
  error?: AppError | string;
  onRetry?(): void;
  /** shown instead of the children when set */
  empty?: EmptyInfo | false;
  testId?: string;
  children?: ReactNode;
}

export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap={6} data-testid="page-loading" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={22} radius="sm" />
      ))}
    </Stack>
  );
}

export function EmptyState({ title, hint, action }: EmptyInfo) {
  return (
    <Paper withBorder p="xl" data-testid="page-empty">
      <Stack align="center" gap="xs">
        <Inbox size={28} aria-hidden />
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" ta="center" maw={520}>
          {hint}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}

export function ErrorState({ error, onRetry }: { error: AppError | string; onRetry?(): void }) {
  const title = typeof error === 'string' ? 'This view could not load' : errorText(error).title;
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<CircleAlert size={16} />}
      data-testid="page-error"
      role="alert"
    >
      <Stack gap="xs">
        {typeof error === 'string' ? <Text size="sm">{error}</Text> : <ErrorDetails error={error} />}
        {typeof error !== 'string' && <Text size="sm">{errorText(error).hint}</Text>}
        {onRetry && (
          <Group>
            <Button variant="default" onClick={onRetry} data-testid="page-retry">
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function Page({
  title,
  description,
  actions,
  loading,
  error,
  onRetry,
  empty,
  testId,
  children,
}: PageProps) {
  let body: ReactNode = children;
  if (error) body = <ErrorState error={error} {...(onRetry ? { onRetry } : {})} />;
  else if (loading) body = <PageSkeleton />;
  else if (empty) body = <EmptyState {...empty} />;
  return (
    <Stack gap="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1} size="h2" data-testid="page-title">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" data-testid="page-description">
              {description}
            </Text>
          )}
        </div>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {body}
    </Stack>
  );
}
