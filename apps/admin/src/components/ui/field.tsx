import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn, cnMerge } from "@/lib/cn";

const control =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500";
const okRing = "ring-zinc-300 focus:ring-brand-500";
const badRing = "ring-red-400 focus:ring-red-500";

export const Input = forwardRef<
  HTMLInputElement,
  InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }
>(function Input({ className, invalid, ...props }, ref) {
  return (
    <input
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cnMerge(`${control} h-9`, invalid ? badRing : okRing, className)}
      {...props}
    />
  );
});

export const Textarea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }
>(function Textarea({ className, invalid, ...props }, ref) {
  return (
    <textarea
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cnMerge(
        `${control} min-h-24 resize-y break-anywhere`,
        invalid ? badRing : okRing,
        className,
      )}
      {...props}
    />
  );
});

export const Select = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }
>(function Select({ className, invalid, children, ...props }, ref) {
  return (
    <select
      ref={ref}
      className={cnMerge(`${control} h-9 cursor-pointer pr-8`, invalid ? badRing : okRing, className)}
      {...props}
    >
      {children}
    </select>
  );
});

export function Field({
  label,
  hint,
  error,
  warning,
  children,
  htmlFor,
  className,
  aside,
}: {
  label?: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shown in amber when there is no error: allowed, but worth knowing. */
  warning?: ReactNode;
  children: ReactNode;
  htmlFor?: string;
  className?: string;
  aside?: ReactNode;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      {(label || aside) && (
        <div className="flex items-center justify-between gap-2">
          {label && (
            <label htmlFor={htmlFor} className="block text-xs font-medium text-zinc-700">
              {label}
            </label>
          )}
          {aside}
        </div>
      )}
      {children}
      {error ? (
        <p className="text-xs text-red-600 break-anywhere" role="alert">
          {error}
        </p>
      ) : warning ? (
        <p className="text-xs text-amber-700 break-anywhere">{warning}</p>
      ) : hint ? (
        <p className="text-xs text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}
