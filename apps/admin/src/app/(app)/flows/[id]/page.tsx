import type { Metadata } from "next";
import { BuilderPage } from "@/features/builder/builder-page";

export const metadata: Metadata = { title: "Builder" };

export default async function FlowBuilderRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BuilderPage flowId={id} />;
}
