// Field readers with the Bot API server's JSON error texts (td::JsonObject in tdlib/td:
// `Can't find field "x"`, `Field "x" must be of type String` ...). Keyboard parsers prefix them
// with "can't parse (inline) keyboard button: ".

export class FieldError extends Error {}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Like get_required_string_field: numbers are accepted and turned into strings. */
export function requiredString(object: JsonObject, name: string): string {
  const value = object[name];
  if (value === undefined) throw new FieldError(`Can't find field "${name}"`);
  return stringValue(value, name);
}

/** Like get_optional_string_field: "" when absent. */
export function optionalString(object: JsonObject, name: string): string {
  const value = object[name];
  return value === undefined ? "" : stringValue(value, name);
}

/** Like get_optional_bool_field: only JSON booleans (the string "true" is refused). */
export function optionalBool(object: JsonObject, name: string): boolean {
  const value = object[name];
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new FieldError(`Field "${name}" must be of type Boolean`);
  return value;
}

/** Like extract_required_field(name, Object). */
export function requiredObject(object: JsonObject, name: string): JsonObject {
  const value = object[name];
  if (value === undefined) throw new FieldError(`Can't find field "${name}"`);
  if (!isObject(value)) throw new FieldError(`Field "${name}" must be of type Object`);
  return value;
}

/** Like get_required_int_field: an integer number, or a string holding one. */
export function requiredInt(object: JsonObject, name: string): number {
  const value = object[name];
  if (value === undefined) throw new FieldError(`Can't find field "${name}"`);
  const number = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number))
    throw new FieldError(`Field "${name}" must be of type Number`);
  return number;
}

function stringValue(value: unknown, name: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  throw new FieldError(`Field "${name}" must be of type String`);
}
