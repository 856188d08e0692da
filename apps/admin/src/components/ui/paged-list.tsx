import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";

/** What PagedList needs of a TanStack infinite query. */
export interface PagedQuery {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
  isFetchingNextPage: boolean;
}

/**
 * A log-like page's list in its four states: loading (skeleton lines), failed (the reason and Retry),
 * empty (`empty`), or the rows (`children`) with a button for the next, older page.
 */
export function PagedList({
  query,
  count,
  errorTitle,
  empty,
  loadMoreLabel,
  children,
}: {
  query: PagedQuery;
  /** Items loaded so far: 0 shows `empty`. */
  count: number;
  errorTitle: string;
  empty: { icon: ReactNode; title: string; description: string };
  loadMoreLabel: string;
  children: ReactNode;
}) {
  if (query.isPending)
    return (
      <Card className="space-y-3 p-5">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-5 w-full" />
        ))}
      </Card>
    );
  if (query.error)
    return (
      <ErrorNotice
        title={errorTitle}
        message={errorMessage(query.error)}
        action={
          <Button size="sm" onClick={() => query.refetch()}>
            Retry
          </Button>
        }
      />
    );
  if (count === 0)
    return <EmptyState icon={empty.icon} title={empty.title} description={empty.description} />;
  return (
    <>
      {children}
      {query.hasNextPage && (
        <Button size="sm" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {loadMoreLabel}
        </Button>
      )}
    </>
  );
}
