"use client";

import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-xl p-10">
      <ErrorNotice
        title="This page crashed"
        message={error.message || "An unexpected error happened."}
        action={
          <Button size="sm" onClick={reset}>
            Try again
          </Button>
        }
      />
    </div>
  );
}
