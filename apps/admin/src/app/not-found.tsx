import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-sm text-zinc-500">The page you're looking for doesn't exist or was moved.</p>
      <Link href="/bots" className="mt-2 text-sm font-medium text-brand-600 hover:text-brand-700">
        Back to Switchboard →
      </Link>
    </main>
  );
}
