import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { flowJsonSchema } from "../json-schema";

const target = fileURLToPath(new URL("../../../../docs/flow.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
