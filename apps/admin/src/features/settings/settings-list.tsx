import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { PencilIcon, TrashIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";

/**
 * The body of a settings list (contact fields, canned replies): loading, the error, the empty text,
 * or the rows, from one query.
 */
export function SettingsList<T>({
  query,
  errorTitle,
  empty,
  testId,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T[] | undefined };
  errorTitle: string;
  empty: ReactNode;
  /** `<testId>-list` on the list, `<testId>-empty` on the empty text. */
  testId: string;
  children: (item: T) => ReactNode;
}) {
  if (query.isPending)
    return (
      <div className="space-y-3 p-5">
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-5 w-64" />
      </div>
    );
  if (query.error || !query.data)
    return (
      <div className="p-5">
        <ErrorNotice title={errorTitle} message={errorMessage(query.error)} />
      </div>
    );
  if (query.data.length === 0)
    return (
      <p className="px-5 py-8 text-center text-sm text-zinc-500" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  return (
    <ul className="divide-y divide-zinc-100" data-testid={`${testId}-list`}>
      {query.data.map(children)}
    </ul>
  );
}

/** A settings row's pencil button. */
export function EditButton({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <Button
      size="icon"
      variant="ghost"
      onClick={onClick}
      aria-label={label}
      title="Edit"
      data-testid={testId}
    >
      <PencilIcon size={14} />
    </Button>
  );
}

/** A settings row's delete button (a spinner while deleting). */
export function DeleteButton({
  label,
  onClick,
  deleting,
  testId,
}: {
  label: string;
  onClick: () => void;
  deleting: boolean;
  testId?: string;
}) {
  return (
    <Button
      size="icon"
      variant="ghost"
      onClick={onClick}
      loading={deleting}
      aria-label={label}
      title="Delete"
      data-testid={testId}
      className="hover:bg-red-50 hover:text-red-600"
    >
      {!deleting && <TrashIcon size={14} />}
    </Button>
  );
}
