/**
 * The name to send with an imported flow file: none when the file names the flow itself (its
 * `"name"`, which the server uses), else the file name without `.switchboard.json` / `.json`.
 */
export function importName(json: string, fileName: string): string | undefined {
  if (fileNamesFlow(json)) return undefined;
  const name = fileName
    .replace(/(\.switchboard)?\.json$/i, "")
    .slice(0, 120)
    .trim();
  return name || undefined;
}

function fileNamesFlow(json: string): boolean {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return false;
    const { name } = parsed as { name?: unknown };
    return typeof name === "string" && name.trim() !== "";
  } catch {
    // Not JSON: the server's import says what is wrong with it.
    return false;
  }
}
