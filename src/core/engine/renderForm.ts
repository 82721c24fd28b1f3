import { t } from '../catalog/t';
import type { RenderedForm } from '../messages';
import type { FormStep } from './defineFlow';
import type { FlowRegistry, TurnOutcome } from './dispatchEvent';
import type { TurnContext } from './turnContext';

/** The form of the step the conversation now stands at, in the actor's language; none if the step has none. */
export async function renderForm(turn: TurnContext, flows: FlowRegistry, outcome: TurnOutcome): Promise<RenderedForm | undefined> {
  if (!outcome.state) return undefined;
  const form = flows.byId.get(outcome.flowId)?.steps[outcome.state.step]?.form;
  if (!form) return undefined;
  const say = (text: { key: Parameters<typeof t>[1]; params?: Parameters<typeof t>[2] }) => t(turn.locale, text.key, text.params);
  const fields = await form.fields(turn, outcome.state);
  return {
    formId: formInstanceId(form, outcome.state), title: say(form.title), submitLabel: say(form.submitLabel),
    fields: fields.map((field) => ({
      name: field.name, label: say(field.label), multiline: field.multiline ?? false, optional: field.optional ?? false,
      ...(field.hint ? { hint: say(field.hint) } : {}), ...(field.initial ? { initial: field.initial } : {}),
      ...(field.maxLength ? { maxLength: field.maxLength } : {}),
    })),
  };
}

/** The form's id for one subject: a submission must name the draft it was opened for. */
export function formInstanceId(form: Pick<FormStep<{ step: string }, { step: string }>, 'id' | 'subject'>, state: { step: string }): string {
  return form.subject ? `${form.id}:${form.subject(state)}` : form.id;
}
