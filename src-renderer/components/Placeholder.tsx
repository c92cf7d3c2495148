// Stand-in view for a feature whose screens are not built yet.
import { EmptyState, Page } from '../ui/Page.js';

export function Placeholder({ title, hint }: { title: string; hint: string }) {
  return (
    <Page title={title} testId="placeholder">
      <EmptyState title="Not built yet" hint={hint} />
    </Page>
  );
}
