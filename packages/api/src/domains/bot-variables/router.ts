import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  botVariableSchema,
  botVariablesOfInput,
  listBotVariablesOutput,
  removeBotVariableInput,
  removeBotVariableOutput,
  setBotVariableInput,
  workspaceBotVariablesOutput,
} from "./schemas";
import { listOfBot, listOfWorkspace, removeVariable, setVariable } from "./service";

export const botVariablesRouter = router({
  list: workspaceProcedure
    .input(botVariablesOfInput)
    .output(listBotVariablesOutput)
    .query(({ ctx, input }) => listOfBot(ctx, input.botId)),
  all: workspaceProcedure.output(workspaceBotVariablesOutput).query(({ ctx }) => listOfWorkspace(ctx)),
  set: editorProcedure
    .input(setBotVariableInput)
    .output(botVariableSchema)
    .mutation(({ ctx, input }) => setVariable(ctx, input)),
  remove: editorProcedure
    .input(removeBotVariableInput)
    .output(removeBotVariableOutput)
    .mutation(({ ctx, input }) => removeVariable(ctx, input.botId, input.key)),
});
