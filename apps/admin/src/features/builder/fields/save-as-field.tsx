import { Field, Input } from "@/components/ui/field";
import { variableNameError } from "./validation";

/** The optional "keep the answer in a variable" field of steps that take an answer. */
export function SaveAsField<C extends { saveAs?: string | undefined }>({
  config,
  onChange,
  label,
  hint,
  testId,
}: {
  config: C;
  onChange: (config: C) => void;
  label: string;
  hint?: string;
  testId: string;
}) {
  const error = variableNameError(config.saveAs ?? "", false);
  return (
    <Field label={label} htmlFor="save-as" error={error} {...(hint ? { hint } : {})}>
      <Input
        id="save-as"
        data-testid={testId}
        value={config.saveAs ?? ""}
        placeholder="optional"
        maxLength={64}
        invalid={!!error}
        onChange={(e) => {
          const saveAs = e.target.value.trim();
          const { saveAs: _old, ...rest } = config;
          onChange((saveAs ? { ...rest, saveAs } : rest) as C);
        }}
        className="font-mono text-xs"
      />
    </Field>
  );
}
